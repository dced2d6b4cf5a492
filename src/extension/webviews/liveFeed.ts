// Follows the connected servers (or, for tests and benches, one active session): every
// session's event batches go into the one live store, each event tagged with its server.
// Typed structurally against the session/manager contracts (docs/ARCHITECTURE.md) so this
// file needs neither of them to exist. No vscode import.

import type { Disposable } from '../util/emitter';
import type { EventStore } from './eventStore';

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
  /** The event already parsed, when the session still holds it (its batch's newest events): the store keeps it for the rows. */
  readonly parsed?: object;
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
/** Every connected server (connection/servers.ts LiveServers): the feed merges their streams. */
export interface ServerListSource {
  readonly servers: readonly { readonly profileName: string; readonly session: EventSessionLike }[];
  onDidChangeServers(listener: () => unknown): Disposable;
}

/**
 * Where an event's store position is, by the session's seq, for late app copies: runs of
 * consecutive seqs stored at consecutive positions. With one server a run grows for ever;
 * with several, every batch of another server starts a new one. Bounded: a copy later than
 * MAX_RUNS runs is dropped like a copy of an event already evicted.
 */
class SeqPositions {
  private static readonly MAX_RUNS = 4096;
  private readonly seqs: number[] = [];
  private readonly ns: number[] = [];
  private readonly lengths: number[] = [];

  note(seq: number, n: number): void {
    const last = this.seqs.length - 1;
    if (last >= 0 && this.seqs[last] + this.lengths[last] === seq && this.ns[last] + this.lengths[last] === n) {
      this.lengths[last]++;
      return;
    }
    this.seqs.push(seq);
    this.ns.push(n);
    this.lengths.push(1);
    if (this.seqs.length > SeqPositions.MAX_RUNS) {
      this.seqs.shift();
      this.ns.shift();
      this.lengths.shift();
    }
  }

  positionOf(seq: number): number | undefined {
    let lo = 0;
    let hi = this.seqs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (seq < this.seqs[mid]) hi = mid - 1;
      else if (seq >= this.seqs[mid] + this.lengths[mid]) lo = mid + 1;
      else return this.ns[mid] + (seq - this.seqs[mid]);
    }
    return undefined;
  }
}

/** One followed session: its subscriptions and where its events went. */
interface Followed {
  server: string;
  readonly positions: SeqPositions;
  readonly subs: Disposable[];
}

export class LiveFeed implements Disposable {
  private readonly followed = new Map<EventSessionLike, Followed>();
  private readonly sourceSub: Disposable;
  private appsPending = false;
  private disposed = false;

  constructor(
    source: ActiveSessionSource | ServerListSource,
    private readonly store: EventStore,
    /** Called once per session batch, after the batch is in the store. */
    private readonly onBatch: () => void,
    /** Called when the followed sessions change (for the source label). */
    private readonly onActiveChanged: () => void = () => undefined,
  ) {
    if ('servers' in source) {
      // Each event is tagged with its server's name, so a merged stream says who sent what.
      const update = (): void => this.followAll(source.servers.map((s) => ({ server: s.profileName, session: s.session })));
      update();
      this.sourceSub = source.onDidChangeServers(() => {
        update();
        this.onActiveChanged();
      });
    } else {
      const update = (session: EventSessionLike | undefined): void => this.followAll(session ? [{ server: '', session }] : []);
      update(source.active);
      this.sourceSub = source.onDidChangeActive((s) => {
        update(s);
        this.onActiveChanged();
      });
    }
  }

  private followAll(wanted: readonly { server: string; session: EventSessionLike }[]): void {
    const keep = new Set(wanted.map((w) => w.session));
    for (const [session, f] of this.followed) {
      if (keep.has(session)) continue;
      for (const d of f.subs) d.dispose();
      this.followed.delete(session);
    }
    for (const w of wanted) {
      const known = this.followed.get(w.session);
      if (known)
        known.server = w.server; // a renamed profile: its new events carry the new name
      else this.followed.set(w.session, this.follow(w.session, w.server));
    }
  }

  private follow(session: EventSessionLike, server: string): Followed {
    const f: Followed = { server, positions: new SeqPositions(), subs: [] };
    const appsSub = session.onEventApps?.((added) => {
      let changed = false;
      for (const a of added) {
        const n = f.positions.positionOf(a.seq);
        if (n !== undefined && this.store.addApp(n, a.application)) changed = true;
      }
      if (changed) this.appsChanged();
    });
    if (appsSub) f.subs.push(appsSub);
    f.subs.push(
      session.onEvents((records) => {
        const store = this.store;
        const tag = f.server;
        const positions = f.positions;
        for (let i = 0; i < records.length; i++) {
          const r = records[i];
          let n: number;
          try {
            const type = r.type;
            // A session record with the frame's bytes or text: no need to touch (and re-parse) the event.
            const source = r.rawSource;
            const length = r.rawLength;
            if (type !== undefined && source !== undefined && length !== undefined && length >= 0) {
              n = store.pushFrame(type, r.application ?? '', r.channelId ?? '', r.bridgeId ?? '', r.receivedAt, source, r.rawStart ?? 0, length, tag, r.parsed);
            } else {
              const frame = type === undefined ? undefined : (r.raw ?? r.json);
              if (frame !== undefined)
                n = store.pushFacts(type as string, r.application ?? '', r.channelId ?? '', r.bridgeId ?? '', r.receivedAt, frame, tag, r.parsed);
              else n = store.push(r.event, r.receivedAt, r.json, r.application, tag);
            }
          } catch {
            // An event that cannot be serialized is skipped; the stream goes on.
            continue;
          }
          if (r.seq !== undefined) positions.note(r.seq, n);
        }
        if (records.length > 0) {
          this.appsPending = false; // this batch's redraw shows them too
          this.onBatch();
        }
      }),
    );
    return f;
  }

  /**
   * Late apps for rows already in the store: redrawn at the end of this wake-up unless a
   * session batch (which the session hands out right after them) redraws first, so that a
   * flush with both posts one update, not two.
   */
  private appsChanged(): void {
    if (this.appsPending) return;
    this.appsPending = true;
    queueMicrotask(() => {
      if (!this.appsPending || this.disposed) return;
      this.appsPending = false;
      this.onBatch();
    });
  }

  dispose(): void {
    this.disposed = true;
    for (const f of this.followed.values()) for (const d of f.subs) d.dispose();
    this.followed.clear();
    this.sourceSub.dispose();
  }
}
