// AriSession: one connected profile. Owns the REST client, the event socket and the live
// model, and joins them (no vscode here):
// - Every event goes into the model at once (apply is cheap) and into a pending batch. The
//   first event of a batch starts one timer; when it fires, onEvents gets the batch and
//   onModelChange gets model.takeChanges(). So listeners run at most once per batchMs however
//   fast events come, and no timer is armed per event.
// - After each socket open (first connect and every reconnect) the session takes a REST
//   snapshot and resets the model: events missed while the socket was down are gone, and
//   after an Asterisk restart ids start again (transcript 19), so nothing old is merged in.
//   Events that arrive while the snapshot is in flight are held and applied after the reset;
//   events from before the open are dropped (the snapshot covers them).
// - A failed snapshot keeps the model, applies the held events and retries with backoff
//   (right after a restart ARI answers an HTML 404 for a moment). An optional periodic
//   reconcile re-snapshots to catch drift (an app socket is never told about some changes).
// - With several apps on the socket, each event arrives once per app, the copies in no fixed
//   order (transcripts' surprise 16). One record per event; its `application` is the set of
//   apps that got a copy (ari/appSet.ts). A copy of an event still in the pending batch joins
//   its record; a later one goes out on onEventApps (by seq), however late it comes.
import { withApp } from '../ari/appSet';
import { AriEventSocket, type AriEventSocketOptions, type EventCopy, type SocketState } from '../ari/events';
import type { AriConnectionOptions } from '../ari/options';
import { AriRestClient } from '../ari/rest';
import { eventBridgeId, eventChannelId } from '../ari/eventRefs';
import type { AriEvent, AsteriskInfo, Playback } from '../ari/models.generated';
import { AriStateModel, type ModelChange } from '../state/model';
import { Emitter, type Event } from '../util/emitter';
import { type Logger, nullLogger } from '../util/logger';
import { takeSnapshot, type SessionSnapshot } from './snapshot';
import { t } from '../util/l10n';

export interface SessionOptions {
  connection: AriConnectionOptions;
  apps: string[];
  subscribeAll: boolean;
  /** Default 100. */
  batchMs?: number;
  /** Re-snapshot this often while connected; 0 (default) = off. */
  reconcileMs?: number;
  /** First retry delay after a failed snapshot (doubles up to 30 s). Default 1000. */
  resyncRetryMs?: number;
  /** Passed to the event socket (ping, backoff...). */
  socket?: Omit<AriEventSocketOptions, keyof AriConnectionOptions | 'apps' | 'subscribeAll'>;
}

/** An app another copy of an already handed-out event came for. */
export interface EventAppAdded {
  readonly seq: number;
  readonly application: string;
}

export interface EventRecord {
  readonly seq: number;
  /** Date.now() when the event reached the session. */
  readonly receivedAt: number;
  /** The event. With the frame kept (`raw` or `json`) it is parsed again from it on first read (see BatchRecord). */
  readonly event: AriEvent;
  /** The frame's text as the socket received it (undefined when the socket does not say); decoded from `raw` on first read. */
  readonly json: string | undefined;
  /** The frame's bytes as the WebSocket delivered them (socket.frameData), when it came from the socket. */
  readonly raw: Buffer | undefined;
  /**
   * The frame's bytes without a Buffer view: `rawLength` bytes at `rawStart` of `rawSource`
   * (rawLength -1 or rawSource undefined: none). Declared so the LiveFeed fast path, which reads
   * these instead of `raw`, cannot silently fall back to the slow path after a refactor.
   */
  readonly rawSource: ArrayBufferLike | undefined;
  readonly rawStart: number;
  readonly rawLength: number;
  /** event.type, without reading `event`. */
  readonly type: string;
  /**
   * The apps the event was delivered to ('' when none), without reading `event`: its
   * `application`, plus every other app a copy of it came for (ari/appSet.ts: sorted, ','-joined).
   * A copy that arrives after the record was handed out is reported on onEventApps.
   */
  readonly application: string;
  /** The id of the event's own channel / bridge ('' when none; ari/eventRefs.ts), without reading `event`. */
  readonly channelId: string;
  readonly bridgeId: string;
}

/**
 * A batch waits up to batchMs; holding every parsed event tree that long (thousands of them
 * in a burst) is what made the collector work hardest, and so did every frame's text.
 * A record with the frame's bytes (or, from ingest(), its text) lets the parsed object go once
 * the model has applied it, keeps the few facts listeners filter on, and decodes/parses the
 * frame again only for a listener that reads `json`/`event` (the same JSON, so an equal
 * object). Without either (a socket that gives neither) the parsed event is kept.
 */
class BatchRecord implements EventRecord {
  private parsed: AriEvent | undefined;
  private text: string | undefined;
  private view: Buffer | undefined;

  constructor(
    readonly seq: number,
    readonly receivedAt: number,
    /** Only when there is no frame to parse again. */
    event: AriEvent | undefined,
    /**
     * The frame's bytes: `rawLength` bytes at `rawStart` of `rawSource`, the socket read's
     * memory the WebSocket's view pointed into (-1: none). Kept as that shared buffer and two
     * numbers rather than a view: no object per event outlives the event (`raw` makes the view
     * on first read).
     */
    readonly rawSource: ArrayBufferLike | undefined,
    readonly rawStart: number,
    readonly rawLength: number,
    json: string | undefined,
    readonly type: string,
    readonly application: string,
    readonly channelId: string,
    readonly bridgeId: string,
  ) {
    this.text = json;
    this.parsed = event;
  }

  get raw(): Buffer | undefined {
    if (this.rawLength < 0 || this.rawSource === undefined) return undefined;
    return (this.view ??= Buffer.from(this.rawSource, this.rawStart, this.rawLength));
  }

  get json(): string | undefined {
    return (this.text ??= this.raw?.toString('utf8'));
  }

  get event(): AriEvent {
    return (this.parsed ??= JSON.parse(this.json as string) as AriEvent);
  }
}

/**
 * The batch being collected, as parallel arrays reused from batch to batch: per event a few
 * slot writes and no object (the records are made when the batch is handed out, and die
 * young). Only the frame (bytes or text, or the event when there is neither) is held.
 */
class PendingBatch {
  count = 0;
  private readonly events: (AriEvent | undefined)[] = [];
  // The frame's bytes as (the read's ArrayBuffer, offset, length): one shared buffer per socket read, no view kept.
  private readonly rawSources: (ArrayBufferLike | undefined)[] = [];
  private rawStarts = new Int32Array(1024);
  private rawLengths = new Int32Array(1024);
  private readonly texts: (string | undefined)[] = [];
  private readonly times: number[] = [];
  private readonly types: string[] = [];
  private readonly apps: string[] = [];
  private readonly channelIds: string[] = [];
  private readonly bridgeIds: string[] = [];
  // Types and app names repeat endlessly: the batch keeps one copy of each run of equal ones,
  // not each event's own string (which would then outlive the event by up to batchMs).
  private lastType = '';
  private lastApp = '';

  add(ev: AriEvent, receivedAt: number, raw: Buffer | undefined, text: string | undefined, channels: ReadonlyMap<string, { readonly id: string }>): void {
    const i = this.count++;
    if (i >= this.rawStarts.length) this.growSlots();
    if (raw !== undefined) {
      this.rawSources[i] = raw.buffer;
      this.rawStarts[i] = raw.byteOffset;
      this.rawLengths[i] = raw.length;
    } else this.rawLengths[i] = -1;
    this.texts[i] = raw === undefined ? text : undefined;
    this.events[i] = raw === undefined && text === undefined ? ev : undefined;
    this.times[i] = receivedAt;
    const type = ev.type;
    if (type === this.lastType) this.types[i] = this.lastType;
    else this.types[i] = this.lastType = type;
    const app = (ev as { application?: unknown }).application;
    if (app === this.lastApp) this.apps[i] = this.lastApp;
    else this.apps[i] = this.lastApp = typeof app === 'string' ? app : '';
    // The model's copy of the id when it knows the channel (the same text): the event's own
    // string can then die with the event.
    const channelId = eventChannelId(ev);
    this.channelIds[i] = channelId === '' ? '' : (channels.get(channelId)?.id ?? channelId);
    this.bridgeIds[i] = eventBridgeId(ev);
  }

  /** Adds an app to the i-th pending event's set (another app's copy of it arrived). */
  addApp(i: number, app: string): void {
    this.apps[i] = withApp(this.apps[i], app);
  }

  /** The records (seq numbers ending at lastSeq), and empties the batch. */
  take(lastSeq: number): EventRecord[] {
    const n = this.count;
    const out = new Array<EventRecord>(n);
    const first = lastSeq - n + 1;
    for (let i = 0; i < n; i++) {
      out[i] = new BatchRecord(first + i, this.times[i], this.events[i], this.rawSources[i], this.rawStarts[i], this.rawLengths[i], this.texts[i], this.types[i], this.apps[i], this.channelIds[i], this.bridgeIds[i]);
      this.events[i] = undefined;
      this.rawSources[i] = undefined;
      this.texts[i] = undefined;
    }
    this.count = 0;
    return out;
  }

  private growSlots(): void {
    const starts = new Int32Array(this.rawStarts.length * 2);
    starts.set(this.rawStarts);
    this.rawStarts = starts;
    const lengths = new Int32Array(this.rawLengths.length * 2);
    lengths.set(this.rawLengths);
    this.rawLengths = lengths;
  }
}

/** Test seams: a fake REST client / socket. The extension passes none. */
export interface SessionDeps {
  rest?: AriRestClient;
  socket?: AriEventSocket;
  now?: () => number;
}

const DEFAULT_BATCH_MS = 100;
const DEFAULT_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

export class AriSession {
  readonly rest: AriRestClient;
  readonly socket: AriEventSocket;
  readonly model: AriStateModel;
  readonly apps: readonly string[];
  readonly subscribeAll: boolean;

  private readonly eventsEmitter = new Emitter<EventRecord[]>();
  private readonly modelEmitter = new Emitter<ModelChange>();
  private readonly stateEmitter = new Emitter<SocketState>();
  /** Batched, at most one fire per batchMs. */
  readonly onEvents: Event<EventRecord[]> = this.eventsEmitter.event;
  /** Batched with onEvents; also fired right after each resync. */
  readonly onModelChange: Event<ModelChange> = this.modelEmitter.event;
  /** The socket's state, passed through. */
  readonly onState: Event<SocketState> = this.stateEmitter.event;
  private readonly appsEmitter = new Emitter<EventAppAdded[]>();
  /** Late copies: an event handed out earlier (by seq) belongs to one more app. Batched with onEvents, after it. */
  readonly onEventApps: Event<EventAppAdded[]> = this.appsEmitter.event;
  private readonly resyncFailedEmitter = new Emitter<unknown>();
  /** A resync (snapshot) failed; the model was kept and a retry is scheduled. E.g. a 401 after the password changed on the server while the socket stayed open. */
  readonly onResyncFailed: Event<unknown> = this.resyncFailedEmitter.event;

  private _info: AsteriskInfo | undefined;
  private readonly log: Logger;
  private readonly batchMs: number;
  private readonly reconcileMs: number;
  private readonly retryMs: number;
  private readonly now: () => number;
  private readonly subscriptions: { dispose(): void }[] = [];

  private seq = 0;
  /** seq minus the socket's eventNumber: maps a copy's original to its record. */
  private seqOffset = 0;
  private lateApps: EventAppAdded[] = [];
  private readonly batch = new PendingBatch();
  private batchTimer: NodeJS.Timeout | undefined;
  /** Events held while a snapshot is in flight; undefined when not snapshotting. */
  private held: AriEvent[] | undefined;
  private generation = 0;
  private inflight: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryDelay: number;
  private reconcileTimer: NodeJS.Timeout | undefined;
  private startPromise: Promise<void> | undefined;
  private disposed = false;

  constructor(opts: SessionOptions, deps: SessionDeps = {}) {
    this.log = opts.connection.log ?? nullLogger;
    this.apps = [...opts.apps];
    this.subscribeAll = opts.subscribeAll;
    this.batchMs = opts.batchMs ?? DEFAULT_BATCH_MS;
    this.reconcileMs = opts.reconcileMs ?? 0;
    this.retryMs = opts.resyncRetryMs ?? DEFAULT_RETRY_MS;
    this.retryDelay = this.retryMs;
    this.now = deps.now ?? Date.now;
    this.rest = deps.rest ?? new AriRestClient(opts.connection);
    this.socket =
      deps.socket ??
      new AriEventSocket(
        { ...opts.connection, ...opts.socket, apps: [...opts.apps], subscribeAll: opts.subscribeAll },
        { agent: this.rest.agent },
      );
    this.model = new AriStateModel({ onOutOfBandChange: () => this.scheduleFlush() });
    this.subscriptions.push(
      this.socket.onEvent((ev) => this.onSocketEvent(ev)),
      this.socket.onCopy((copy) => this.onSocketCopy(copy)),
      this.socket.onState((s) => this.stateEmitter.fire(s)),
      this.socket.onOpen(({ reconnect }) => this.onSocketOpen(reconnect)),
    );
  }

  /** From GET /asterisk/info at the latest (re)connect. */
  get info(): AsteriskInfo | undefined {
    return this._info;
  }

  get state(): SocketState {
    return this.socket.state;
  }

  /**
   * Opens the socket. Resolves once the first snapshot is in the model. Rejects when the
   * first connection attempt fails (bad credentials, refused, TLS...) or the first snapshot
   * fails; the socket is then closed, nothing keeps retrying. After a first success,
   * reconnects and resyncs happen by themselves.
   */
  start(): Promise<void> {
    if (this.startPromise) return this.startPromise;
    if (this.disposed) return Promise.reject(new Error(t('The ARI session was disposed')));
    this.startPromise = new Promise<void>((resolve, reject) => {
      let settled = false;
      const settle = (err?: unknown): void => {
        if (settled) return;
        settled = true;
        sub.dispose();
        openSub.dispose();
        if (err === undefined) resolve();
        else {
          this.clearTimer('retryTimer');
          this.clearTimer('reconcileTimer');
          this.socket.close();
          reject(err);
        }
      };
      const sub = this.socket.onState((s) => {
        if (s.kind === 'failed') settle(s.error);
        else if (s.kind === 'reconnecting') settle(s.error ?? new Error(t('Could not connect to the ARI event socket')));
        else if (s.kind === 'closed') settle(new Error(t('The ARI session was closed before it connected')));
      });
      // The session's own onOpen handler (registered first) has started the resync.
      const openSub = this.socket.onOpen(() => {
        (this.inflight ?? Promise.resolve()).then(
          () => settle(),
          (err: unknown) => settle(err),
        );
      });
    });
    this.socket.connect();
    return this.startPromise;
  }

  /** Takes a REST snapshot and replaces the model with it; resolves once it is in. */
  resync(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    this.clearTimer('retryTimer');
    const gen = ++this.generation;
    this.held ??= [];
    const known = { playbacks: [...this.model.playbacks.values()], recordings: [...this.model.recordings.values()] };
    const run = takeSnapshot(this.rest, known, this.log).then(
      (snap) => {
        if (gen === this.generation && !this.disposed) this.install(snap, known.playbacks);
      },
      (err: unknown) => {
        if (gen !== this.generation || this.disposed) return;
        this.releaseHeld();
        this.log.warn(`ARI resync failed: ${err instanceof Error ? err.message : String(err)}`);
        this.scheduleRetry();
        this.resyncFailedEmitter.fire(err);
        throw err;
      },
    );
    // A newer resync supersedes this one: callers wait for the newest.
    const result: Promise<void> = run.then(() => (gen === this.generation ? undefined : this.inflight));
    this.inflight = result;
    return result;
  }

  /** For play responses: the model learns of the playback and listeners hear of it. */
  trackPlayback(p: Playback): void {
    this.model.trackPlayback(p);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.clearTimer('batchTimer');
    this.clearTimer('retryTimer');
    this.clearTimer('reconcileTimer');
    for (const s of this.subscriptions) s.dispose();
    this.socket.dispose();
    this.rest.dispose();
    this.eventsEmitter.dispose();
    this.modelEmitter.dispose();
    this.appsEmitter.dispose();
    this.stateEmitter.dispose();
    this.resyncFailedEmitter.dispose();
  }

  // ---------------------------------------------------------------- internals

  private onSocketEvent(ev: AriEvent): void {
    // No allocation per event: a few slot writes; the socket's own bytes (or text) are kept.
    const raw = this.socket.frameData;
    this.batch.add(ev, this.now(), raw, raw === undefined ? this.socket.frameText : undefined, this.model.channels);
    this.seq++;
    this.seqOffset = this.seq - this.socket.eventNumber;
    if (this.held !== undefined) this.held.push(ev);
    else this.model.apply(ev);
    this.scheduleFlush();
  }

  private onSocketCopy(copy: EventCopy): void {
    const seq = copy.original + this.seqOffset;
    if (seq <= 0 || seq > this.seq) return;
    const firstPending = this.seq - this.batch.count + 1;
    if (seq >= firstPending) this.batch.addApp(seq - firstPending, copy.application);
    else {
      // Bounded: a server that sends nothing but late copies still flushes every batchMs.
      if (this.lateApps.length < 100_000) this.lateApps.push({ seq, application: copy.application });
    }
    this.scheduleFlush();
  }

  private onSocketOpen(reconnect: boolean): void {
    this.log.info(`ARI event socket ${reconnect ? 're' : ''}connected; resyncing`);
    // Whatever was held came before this open: the new snapshot covers it.
    this.held = [];
    this.resync().catch(() => {
      // Logged and retried inside resync.
    });
  }

  private install(snap: SessionSnapshot, checked: Playback[]): void {
    if (snap.info !== undefined) this._info = snap.info;
    // Playbacks tracked while the snapshot was in flight were not checked: keep them.
    const checkedIds = new Set(checked.map((p) => p.id));
    const trackedSince = [...this.model.playbacks.values()].filter((p) => !checkedIds.has(p.id));
    this.model.reset(snap);
    for (const p of trackedSince) this.model.trackPlayback(p);
    this.releaseHeld();
    this.retryDelay = this.retryMs;
    this.scheduleReconcile();
  }

  /** Applies the held events and stops holding; listeners hear of it now. */
  private releaseHeld(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const ev of held) this.model.apply(ev);
    this.flush();
  }

  private scheduleFlush(): void {
    if (this.batchTimer !== undefined || this.disposed) return;
    this.batchTimer = setTimeout(() => this.flush(), this.batchMs);
  }

  private flush(): void {
    this.clearTimer('batchTimer');
    if (this.disposed) return;
    if (this.batch.count > 0) this.eventsEmitter.fire(this.batch.take(this.seq));
    if (this.lateApps.length > 0) {
      const late = this.lateApps;
      this.lateApps = [];
      this.appsEmitter.fire(late);
    }
    if (this.model.hasChanges) this.modelEmitter.fire(this.model.takeChanges());
  }

  private scheduleRetry(): void {
    if (this.socket.state.kind !== 'open') return; // the next open resyncs anyway
    const delay = this.retryDelay;
    this.retryDelay = Math.min(this.retryDelay * 2, MAX_RETRY_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.socket.state.kind !== 'open') return;
      this.resync().catch(() => {
        // Logged and retried inside resync.
      });
    }, delay);
  }

  private scheduleReconcile(): void {
    this.clearTimer('reconcileTimer');
    if (this.reconcileMs <= 0) return;
    this.reconcileTimer = setTimeout(() => {
      this.reconcileTimer = undefined;
      if (this.socket.state.kind === 'open' && this.held === undefined) {
        this.resync().catch(() => {
          // Logged and retried inside resync.
        });
      }
    }, this.reconcileMs);
  }

  private clearTimer(which: 'batchTimer' | 'retryTimer' | 'reconcileTimer'): void {
    const t = this[which];
    if (t !== undefined) clearTimeout(t);
    this[which] = undefined;
  }
}
