// The typed messages between the extension host and a Call Flow webview. Both bundles import
// this file (no 'vscode', no DOM). The webview is untrusted: every message from it is checked
// by isFlowWebviewMessage before use.

export type FlowLaneKind = 'channel' | 'bridge' | 'app';

export interface FlowLane {
  kind: FlowLaneKind;
  label: string;
  detail: string;
  firstRow: number;
  lastRow: number;
  ended: boolean;
  /** A live channel: its header offers the channel's commands. */
  live: boolean;
}

export interface FlowElement {
  kind: string;
  lane: number;
  to?: number;
  label: string;
  detail: string;
  /** ms since epoch, 0 when unknown. */
  time: number;
  gapMs?: number;
  /** How many events the element stands for (a collapsed run of variable sets has several). */
  count: number;
  failed: boolean;
  /** A dialplan step: it can be opened in the dialplan. */
  dialplan: boolean;
}

export interface FlowSpan {
  lane: number;
  kind: 'playback' | 'recording';
  fromRow: number;
  toRow: number;
  label: string;
  failed: boolean;
}

/** The user-facing words of the webview, in the user's language (the host translates). */
export interface FlowStrings {
  [key: string]: string;
}

export interface FlowModelMessage {
  kind: 'model';
  title: string;
  source: string;
  lanes: FlowLane[];
  elements: FlowElement[];
  spans: FlowSpan[];
  inProgress: boolean;
  longGapMs: number;
  strings: FlowStrings;
}

export interface FlowDetailMessage {
  kind: 'detail';
  row: number;
  /** Pretty JSON of the element's events, or undefined when they left the buffer. */
  json?: string;
}

export type FlowHostMessage = FlowModelMessage | FlowDetailMessage;

export type FlowExportFormat = 'mermaid' | 'svg' | 'markdown';

export type FlowWebviewMessage =
  | { kind: 'ready' }
  | { kind: 'requestDetail'; row: number }
  | { kind: 'goToDialplan'; row: number }
  | { kind: 'laneCommands'; lane: number }
  | { kind: 'export'; format: FlowExportFormat };

function isIndex(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
}

export function isFlowWebviewMessage(x: unknown): x is FlowWebviewMessage {
  if (typeof x !== 'object' || x === null) return false;
  const m = x as Record<string, unknown>;
  switch (m.kind) {
    case 'ready':
      return true;
    case 'requestDetail':
    case 'goToDialplan':
      return isIndex(m.row);
    case 'laneCommands':
      return isIndex(m.lane);
    case 'export':
      return m.format === 'mermaid' || m.format === 'svg' || m.format === 'markdown';
    default:
      return false;
  }
}

export function isFlowHostMessage(x: unknown): x is FlowHostMessage {
  if (typeof x !== 'object' || x === null) return false;
  const m = x as Record<string, unknown>;
  if (m.kind === 'model') {
    return (
      typeof m.title === 'string' &&
      typeof m.source === 'string' &&
      Array.isArray(m.lanes) &&
      Array.isArray(m.elements) &&
      Array.isArray(m.spans) &&
      typeof m.inProgress === 'boolean' &&
      typeof m.longGapMs === 'number' &&
      typeof m.strings === 'object' &&
      m.strings !== null
    );
  }
  if (m.kind === 'detail') return isIndex(m.row) && (m.json === undefined || typeof m.json === 'string');
  return false;
}
