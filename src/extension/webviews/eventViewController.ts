// Binds one webview (the editor panel or the docked view) to an EventView: the ready
// handshake, one batched update per flush, row windows on request, and every message from
// the webview validated before use. It sees the webview and the host only through small
// interfaces, so tests drive it in plain Node. No vscode import.

import {
  isWebviewToExtension,
  TAIL_ROWS,
  type EventFilter,
  type ExtensionToWebview,
  type SourceInfo,
  type UpdateMessage,
  type WebviewToExtension,
} from '../../shared/protocol';
import { appsOf } from '../ari/appSet';
import type { Disposable } from '../util/emitter';
import type { Logger } from '../util/logger';
import { Batcher, type TimerApi } from './batcher';
import type { EventStore } from './eventStore';
import { EventView } from './eventView';

export interface WebviewPort {
  postMessage(message: ExtensionToWebview): unknown;
  onDidReceiveMessage(listener: (message: unknown) => void): Disposable;
}

/** What the controller needs from the extension around it. */
export interface EventViewHost {
  readonly liveStore: EventStore;
  readonly log: Logger;
  liveSource(): SourceInfo;
  /** Every type worth listing in the type filter. */
  eventTypes(): string[];
  /** Asks where to save and writes the view's events; returns a line for the panel, or undefined if cancelled. */
  exportEvents(view: EventView): Promise<string | undefined>;
  /** Asks for a log file and loads it; undefined if cancelled. */
  openLog(): Promise<{ store: EventStore; label: string; notice?: string } | undefined>;
  /** Called after this controller cleared the live store, so other views update too. */
  liveStoreChanged(): void;
  /** Opens the Call Flow of the call event n of the store belongs to. */
  showCallFlow?(store: EventStore, n: number, sourceLabel: string): Promise<void>;
}

export class EventViewController implements Disposable {
  readonly view: EventView;
  private ready = false;
  private readonly pendingNotices: ExtensionToWebview[] = [];
  private explicitFilter: boolean;
  private source: SourceInfo;
  private readonly batcher: Batcher;
  private readonly subscription: Disposable;

  constructor(
    private readonly port: WebviewPort,
    private readonly host: EventViewHost,
    initialFilter?: EventFilter,
    timers?: TimerApi,
    batchMs = 50,
  ) {
    this.view = new EventView(host.liveStore, initialFilter);
    this.explicitFilter = initialFilter !== undefined;
    this.source = host.liveSource();
    this.batcher = new Batcher(() => this.flush(), batchMs, timers);
    this.subscription = port.onDidReceiveMessage((m) => void this.handle(m));
  }

  /** The store got events (or was cleared): one update goes out per batch interval. */
  storeChanged(): void {
    this.batcher.schedule();
  }

  /**
   * A session batch is in the store: the update goes out now, in the same wake-up. The session
   * already batches on its own cadence, so a second timer per batch would only add a wake-up
   * and its delay to every row's way to the screen.
   */
  storeBatched(): void {
    this.batcher.cancel();
    this.flush();
  }

  /** The live source's label changed (connected, disconnected). */
  liveSourceChanged(): void {
    if (this.source.kind !== 'live') return;
    this.source = this.host.liveSource();
    this.postState();
  }

  /** A filter from a command (e.g. "Show Events for This Channel"): it wins over the webview's saved one. */
  applyFilter(filter: EventFilter): void {
    this.explicitFilter = true;
    if (this.source.kind !== 'live') this.showLive();
    this.view.setFilter(filter);
    this.postState();
  }

  /** Used when the webview is reloaded (hidden then shown): nothing is posted until it says ready. */
  webviewReloaded(): void {
    this.ready = false;
    this.batcher.cancel();
  }

  async handle(raw: unknown): Promise<void> {
    if (!isWebviewToExtension(raw)) {
      this.host.log.warn(`events panel: ignored a malformed message from the webview: ${preview(raw)}`);
      return;
    }
    try {
      await this.dispatch(raw);
    } catch (err) {
      this.host.log.error(`events panel: ${raw.kind} failed: ${err instanceof Error ? err.message : String(err)}`);
      this.post({ kind: 'notice', level: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  }

  private async dispatch(m: WebviewToExtension): Promise<void> {
    switch (m.kind) {
      case 'ready':
        this.ready = true;
        // A reloaded webview sends back the filter it was showing: no need to re-run it.
        if (m.filter && !this.explicitFilter && !sameFilter(m.filter, this.view.filter)) this.view.setFilter(m.filter);
        this.postState();
        for (const n of this.pendingNotices.splice(0)) this.post(n);
        return;
      case 'setFilter':
        this.view.setFilter(m.filter);
        this.postState();
        return;
      case 'requestRows': {
        // A request made before the last rebuild asks for positions that no longer exist: an
        // empty reply under the old epoch lets the webview drop it and ask again.
        if (m.epoch !== this.view.epoch) {
          this.post({ kind: 'rows', requestId: m.requestId, epoch: m.epoch, from: 0, rows: [] });
          return;
        }
        // Positions that fell out of the buffer since the webview asked are skipped.
        const base = this.view.base;
        const from = Math.max(0, m.from - base);
        const to = Math.max(from, m.to - base);
        this.post({ kind: 'rows', requestId: m.requestId, epoch: this.view.epoch, from: base + from, rows: this.view.rows(from, to) });
        return;
      }
      case 'requestDetail': {
        const e = this.view.store.get(m.id);
        const apps = appsOf(e?.app ?? '');
        this.post({
          kind: 'detail',
          id: m.id,
          json: e?.json,
          channelIds: e?.channelIds ?? [],
          bridgeIds: e?.bridgeIds ?? [],
          ...(apps.length > 1 ? { applications: apps } : {}),
          ...(e && e.server !== '' ? { server: e.server } : {}),
        });
        return;
      }
      case 'setPaused':
        this.view.setPaused(m.paused);
        this.postState();
        return;
      case 'clear':
        this.view.store.clear();
        this.view.sync();
        if (this.source.kind === 'live') this.host.liveStoreChanged();
        this.postState();
        return;
      case 'export': {
        const line = await this.host.exportEvents(this.view);
        if (line) this.post({ kind: 'notice', level: 'info', text: line });
        return;
      }
      case 'openLog': {
        const loaded = await this.host.openLog();
        if (!loaded) return;
        this.view.setStore(loaded.store);
        this.source = { kind: 'log', label: loaded.label };
        this.postState();
        if (loaded.notice) this.post({ kind: 'notice', level: 'warning', text: loaded.notice });
        return;
      }
      case 'showLive':
        this.showLive();
        this.postState();
        return;
      case 'showCallFlow':
        await this.host.showCallFlow?.(this.view.store, m.id, this.source.label);
        return;
    }
  }

  private showLive(): void {
    this.view.setStore(this.host.liveStore);
    this.source = this.host.liveSource();
  }

  private flush(): void {
    if (!this.ready) return;
    const r = this.view.sync();
    if (r.rebuilt) {
      this.postState();
      return;
    }
    const update: UpdateMessage = { kind: 'update', ...this.view.counts() };
    const n = Math.min(r.appended, TAIL_ROWS, this.view.total);
    if (n > 0) update.tail = { from: this.view.base + this.view.total - n, rows: this.view.rows(this.view.total - n, this.view.total) };
    this.post(update);
  }

  private postState(): void {
    if (!this.ready) return;
    this.batcher.cancel(); // the state carries everything an update would
    this.view.sync();
    this.post({
      kind: 'state',
      ...this.view.counts(),
      filter: this.view.filter,
      paused: this.view.paused,
      source: this.source,
      eventTypes: this.host.eventTypes(),
      bufferSize: this.view.store.capacity,
    });
  }

  private post(message: ExtensionToWebview): void {
    if (!this.ready) {
      // A notice (e.g. a failed "Open Event Log…" started before the webview loaded) waits for ready.
      if (message.kind === 'notice') this.pendingNotices.push(message);
      return;
    }
    void Promise.resolve(this.port.postMessage(message)).catch(() => undefined);
  }

  dispose(): void {
    this.batcher.dispose();
    this.subscription.dispose();
  }
}

function preview(x: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(x) ?? String(x);
  } catch {
    s = String(x);
  }
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}

function sameFilter(a: EventFilter, b: EventFilter): boolean {
  return (
    a.text === b.text &&
    a.channel === b.channel &&
    a.bridge === b.bridge &&
    a.app === b.app &&
    a.types.length === b.types.length &&
    a.types.every((t, i) => t === b.types[i])
  );
}
