// Follows the active connection: whichever session is active, its event batches go into the
// live store. Typed structurally against the session/manager contracts
// (docs/ARCHITECTURE.md) so this file needs neither of them to exist. No vscode import.

import type { Disposable } from '../util/emitter';
import type { EventStore } from './event-store';

export interface LiveEventRecord {
  /** The session's number for the event (onEventApps refers to it). */
  readonly seq?: number;
  readonly receivedAt: number;
  readonly event: object;
  /** The frame's text as received, when the session has it (saves serialising the event again). */
  readonly json?: string;
  /** The frame's bytes as received, when the session has them (kept instead of the text). */
  readonly raw?: Uint8Array;
  /** The same bytes without a view: `rawLength` bytes at `rawStart` of `rawSource` (session records; rawLength -1: none). */
  readonly rawSource?: ArrayBufferLike;
  readonly rawStart?: number;
  readonly rawLength?: number;
  /** With `json`: what the session read off the event (session EventRecord), so `event` is not read. */
  readonly type?: string;
  readonly application?: string;
  readonly channelId?: string;
  readonly bridgeId?: string;
}
export interface EventSessionLike {
  onEvents(listener: (records: LiveEventRecord[]) => void): Disposable;
  /** Late copies of handed-out events (several apps on one socket): the event also belongs to `application`. */
  onEventApps?(listener: (added: readonly { seq: number; application: string }[]) => void): Disposable;
}
export interface ActiveSessionSource<S extends EventSessionLike = EventSessionLike> {
  readonly active: S | undefined;
  onDidChangeActive(listener: (session: S | undefined) => unknown): Disposable;
}

export class LiveFeed implements Disposable {
  private sessionSub: Disposable | undefined;
  private appsSub: Disposable | undefined;
  /** Store position minus session seq of the last pushed record. */
  private nMinusSeq: number | undefined;
  private readonly activeSub: Disposable;

  constructor(
    source: ActiveSessionSource,
    private readonly store: EventStore,
    /** Called once per session batch, after the batch is in the store. */
    private readonly onBatch: () => void,
    /** Called when the active session changes (for the source label). */
    private readonly onActiveChanged: () => void = () => undefined,
  ) {
    this.follow(source.active);
    this.activeSub = source.onDidChangeActive((s) => {
      this.follow(s);
      this.onActiveChanged();
    });
  }

  private follow(session: EventSessionLike | undefined): void {
    this.sessionSub?.dispose();
    this.appsSub?.dispose();
    this.nMinusSeq = undefined;
    this.appsSub = session?.onEventApps?.((added) => {
      const offset = this.nMinusSeq;
      if (offset === undefined) return;
      let changed = false;
      for (const a of added) if (this.store.addApp(a.seq + offset, a.application)) changed = true;
      if (changed) this.onBatch();
    });
    this.sessionSub = session?.onEvents((records) => {
      const store = this.store;
      for (let i = 0; i < records.length; i++) {
        const r = records[i];
        if (r.seq !== undefined) this.nMinusSeq = store.nextN - r.seq;
        try {
          const type = r.type;
          // A session record with the frame's bytes or text: no need to touch (and re-parse) the event.
          const source = r.rawSource;
          const length = r.rawLength;
          if (type !== undefined && source !== undefined && length !== undefined && length >= 0) {
            store.pushFrame(type, r.application ?? '', r.channelId ?? '', r.bridgeId ?? '', r.receivedAt, source, r.rawStart ?? 0, length);
            continue;
          }
          const frame = type === undefined ? undefined : (r.raw ?? r.json);
          if (frame !== undefined) store.pushFacts(type as string, r.application ?? '', r.channelId ?? '', r.bridgeId ?? '', r.receivedAt, frame);
          else store.push(r.event, r.receivedAt, r.json, r.application);
        } catch {
          // An event that cannot be serialized is skipped; the stream goes on.
        }
      }
      if (records.length > 0) this.onBatch();
    });
  }

  dispose(): void {
    this.sessionSub?.dispose();
    this.appsSub?.dispose();
    this.activeSub.dispose();
  }
}
