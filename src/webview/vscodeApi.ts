// The one object VS Code gives a webview script. Typed here; main.ts acquires it and the
// rest of the bundle receives it, so tests can pass a fake.

import type { EventFilter, WebviewToExtension } from '../shared/protocol';

/** What the webview keeps across hide/show with setState. */
export interface PersistedState {
  filter: EventFilter;
  followTail: boolean;
  scrollTop: number;
}

export interface VsCodeApi {
  postMessage(message: WebviewToExtension): void;
  getState(): unknown;
  setState(state: PersistedState): void;
}

declare global {
  function acquireVsCodeApi(): VsCodeApi;
}
