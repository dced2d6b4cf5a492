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
import { AriEventSocket, type AriEventSocketOptions, type EventCopy, type SocketState } from '../ari/events';
import type { AriConnectionOptions } from '../ari/options';
import { AriRestClient } from '../ari/rest';
import type { AsteriskInfo, Playback } from '../ari/models.generated';
import type { AriEvent } from '../ari/events.generated';
import { AriStateModel, type ModelChange } from '../state/model';
import { Emitter, type Event } from '../util/emitter';
import { type Logger, nullLogger } from '../util/logger';
import { takeSnapshot, type SessionSnapshot } from './snapshot';
import { PendingBatch, type EventRecord } from './eventBatch';

export type { EventRecord } from './eventBatch';
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
      new AriEventSocket({ ...opts.connection, ...opts.socket, apps: [...opts.apps], subscribeAll: opts.subscribeAll }, { agent: this.rest.agent });
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
    // Late copies before the batch: a listener that redraws for either (the event panel) then
    // draws once for both, not once per emitter (copies straddle batches all the time when a
    // socket carries two apps).
    if (this.lateApps.length > 0) {
      const late = this.lateApps;
      this.lateApps = [];
      this.appsEmitter.fire(late);
    }
    if (this.batch.count > 0) this.eventsEmitter.fire(this.batch.take(this.seq));
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
