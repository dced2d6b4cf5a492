// AriEventSocket: the /ari/events WebSocket, kept alive and typed.
// Why these choices:
// - Credentials travel in an `Authorization: Basic` header on the upgrade request, never as
//   `api_key` in the URL: URLs end up in logs, proxies and error messages.
// - Ping every few seconds and treat a missing pong (with no other traffic) as a drop: sockets
//   die silently behind NAT, and Asterisk's restart closes with 1006 and no close frame.
// - Reconnect with capped exponential backoff and jitter; the failure count is only reset after
//   a connection stayed up a while, so a server that accepts and closes at once never gets a
//   tight loop. 401/403/400 on the upgrade and TLS failures go to `failed`: retrying cannot fix
//   them, and a retry storm of bad credentials can lock accounts or flood the Asterisk log.
// - `onOpen({reconnect})` after each (re)connect: events missed while down are gone, so the owner
//   resyncs from REST.
// - With several apps each event arrives once per app (subscribeAll), the copies in no fixed
//   order: dedupe.ts recognises them; a copy is not emitted again but reported on onCopy as one
//   more app the first copy's event belongs to.
// - The ingest path per frame is the dedupe check when needed (on the text, so a dropped copy is
//   never parsed), JSON.parse, one synchronous emit.
//   No logging above trace per event, no extra objects; malformed frames are logged and skipped.
import type * as http from 'node:http';
import WebSocket from 'ws';
import { Emitter, type Event } from '../util/emitter';
import { type Logger, nullLogger } from '../util/logger';
import { createAgent } from './agent';
import { type BackoffOptions, DEFAULT_BACKOFF, backoffDelay } from './backoff';
import { EventDeduper } from './dedupe';
import { AriError, credentialForms, errorFromNetwork, errorFromResponse } from './errors';
import type { AriEvent } from './events.generated';
import { type AriConnectionOptions, DEFAULT_TIMEOUT_MS } from './options';
import { basicAuthHeader, parseAriUrl } from './rest';
import { t } from '../util/l10n';

export type SocketState =
  | { kind: 'idle' }
  | { kind: 'connecting'; attempt: number }
  | { kind: 'open' }
  | { kind: 'reconnecting'; attempt: number; delayMs: number; error?: AriError }
  | { kind: 'failed'; error: AriError } // will not retry by itself (e.g. 401)
  | { kind: 'closed' }; // closed by us

export interface AriEventSocketOptions extends AriConnectionOptions {
  /** Stasis application names to register (at least one). */
  apps: string[];
  subscribeAll?: boolean;
  /** Default 5000. */
  pingIntervalMs?: number;
  /** Default 5000. */
  pongTimeoutMs?: number;
  /** Default { initialMs: 500, maxMs: 30000 }. */
  backoff?: BackoffOptions;
  /** A connection that stayed open this long resets the backoff. Default 10000. */
  stableMs?: number;
  /** Frames larger than this are skipped (logged). Default 8 MiB. */
  maxFrameBytes?: number;
  /** Log every frame at trace level (off by default: it costs on the hot path). */
  traceFrames?: boolean;
  /** Jitter source in [0, 1); injectable for tests. */
  random?: () => number;
}

export interface AriEventSocketDeps {
  /** Share the REST client's agent (rest.agent) so both use the same TLS settings. */
  agent?: http.Agent;
}

/** A frame as text, for a raw view; fired only while someone listens. Duplicates are not sent. */
export interface RawFrame {
  text: string;
  event?: AriEvent;
  /** Why the frame was skipped (bad JSON, no type, too large). */
  error?: string;
}

/** Another app's copy of an event already emitted (several apps on one socket). */
export interface EventCopy {
  /** The event's number (eventNumber while it was emitted). */
  readonly original: number;
  /** The app this copy was delivered for. */
  readonly application: string;
}

export interface AriEventSocketStats {
  frames: number;
  events: number;
  duplicates: number;
  malformed: number;
}

const MAX_LOGGED_FRAME = 200;
/**
 * ws buffers a frame whole before it hands it over, and closes the socket (1009) above its
 * maxPayload. Twice the skip limit: a frame a little over the limit is skipped and the stream
 * goes on; a 50 MB frame is refused while it arrives, never buffered whole. At least 1 MiB.
 */
const WS_PAYLOAD_FACTOR = 2;

export class AriEventSocket {
  private readonly eventEmitter = new Emitter<AriEvent>();
  private readonly rawEmitter = new Emitter<RawFrame>();
  private readonly stateEmitter = new Emitter<SocketState>();
  private readonly openEmitter = new Emitter<{ reconnect: boolean }>();
  private readonly copyEmitter = new Emitter<EventCopy>();
  /** Typed, de-duplicated events. */
  readonly onEvent: Event<AriEvent> = this.eventEmitter.event;
  /** A later app's copy of an emitted event: the event also belongs to that app. */
  readonly onCopy: Event<EventCopy> = this.copyEmitter.event;
  readonly onRawFrame: Event<RawFrame> = this.rawEmitter.event;
  readonly onState: Event<SocketState> = this.stateEmitter.event;
  /** After each open; `reconnect` is true from the second open on. Resync the model here. */
  readonly onOpen: Event<{ reconnect: boolean }> = this.openEmitter.event;

  /** ws(s)://host:port[/prefix]/ari/events?app=...[&subscribeAll=true] (no credentials). */
  readonly url: string;
  private readonly path: string;
  private readonly authorization: string;
  private readonly agent: http.Agent;
  private readonly ownsAgent: boolean;
  private readonly log: Logger;
  private readonly opts: AriEventSocketOptions;
  private readonly backoff: BackoffOptions;
  private readonly pingIntervalMs: number;
  private readonly pongTimeoutMs: number;
  private readonly stableMs: number;
  private readonly maxFrameBytes: number;
  private readonly traceFrames: boolean;
  private readonly deduper: EventDeduper | undefined;

  private _state: SocketState = { kind: 'idle' };
  private ws: WebSocket | undefined;
  private failures = 0;
  private openedBefore = false;
  private openedAt = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private pingTimer: NodeJS.Timeout | undefined;
  private pongTimer: NodeJS.Timeout | undefined;
  private framesAtPing = 0;
  private dropError: AriError | undefined;
  private disposed = false;
  private readonly counters: AriEventSocketStats = { frames: 0, events: 0, duplicates: 0, malformed: 0 };
  private currentText: string | undefined;
  private currentData: Buffer | undefined;

  constructor(opts: AriEventSocketOptions, deps: AriEventSocketDeps = {}) {
    this.opts = opts;
    const { baseUrl, basePath } = parseAriUrl(opts.url);
    const query = `?app=${opts.apps.map((a) => encodeURIComponent(a)).join(',')}${opts.subscribeAll ? '&subscribeAll=true' : ''}`;
    this.url = `${baseUrl.replace(/^http/, 'ws')}/events${query}`;
    this.path = `${basePath}/events`;
    this.authorization = basicAuthHeader(opts.username, opts.password);
    this.ownsAgent = !deps.agent;
    this.agent = deps.agent ?? createAgent(baseUrl, opts.tls);
    this.log = opts.log ?? nullLogger;
    this.backoff = opts.backoff ?? DEFAULT_BACKOFF;
    this.pingIntervalMs = opts.pingIntervalMs ?? 5000;
    this.pongTimeoutMs = opts.pongTimeoutMs ?? 5000;
    this.stableMs = opts.stableMs ?? 10_000;
    this.maxFrameBytes = opts.maxFrameBytes ?? 8 * 1024 * 1024;
    this.traceFrames = opts.traceFrames ?? false;
    const apps = [...new Set(opts.apps)];
    this.deduper = apps.length > 1 ? new EventDeduper(apps) : undefined;
  }

  get state(): SocketState {
    return this._state;
  }

  /**
   * The text of the frame whose event onEvent listeners are being given, exactly as received
   * (Asterisk's pretty-printed JSON); undefined outside an onEvent fire. Lets a listener keep
   * the text it would otherwise re-serialise, at no cost per event.
   */
  get frameText(): string | undefined {
    return this.currentText;
  }

  /**
   * The bytes of that frame as the WebSocket delivered them (a view onto the socket's read),
   * when it came from the socket (not from ingest()); undefined outside an onEvent fire.
   * Keeping these instead of the text keeps the text out of V8's young generation.
   */
  get frameData(): Buffer | undefined {
    return this.currentData;
  }

  /** The number of the event onEvent listeners are being given (1, 2, ... over the socket's life); onCopy refers to it. */
  get eventNumber(): number {
    return this.counters.events;
  }

  get stats(): Readonly<AriEventSocketStats> {
    return { ...this.counters, duplicates: this.deduper?.dropped ?? 0 };
  }

  /** Starts connecting (no-op while connecting, open or waiting to reconnect). */
  connect(): void {
    if (this.disposed) return;
    const k = this._state.kind;
    if (k === 'connecting' || k === 'open' || k === 'reconnecting') return;
    this.failures = 0;
    this.openedBefore = false;
    if (this.opts.apps.length === 0 || this.opts.apps.some((a) => a === '')) {
      this.setState({
        kind: 'failed',
        error: new AriError({
          method: 'GET',
          path: this.path,
          code: 'ENOAPP',
          message: t('The events WebSocket needs at least one application name'),
          hint: t('Give the profile one or more Stasis application names.'),
        }),
      });
      return;
    }
    this.openSocket(1);
  }

  /** Closes the socket and stops reconnecting; `connect()` starts again. */
  close(): void {
    this.clearTimers();
    const ws = this.ws;
    this.ws = undefined;
    if (ws) {
      if (ws.readyState === WebSocket.OPEN) ws.close(1000, 'client closing');
      else ws.terminate();
    }
    if (this._state.kind !== 'idle' && this._state.kind !== 'closed') this.setState({ kind: 'closed' });
  }

  dispose(): void {
    if (this.disposed) return;
    this.close();
    this.disposed = true;
    if (this.ownsAgent) this.agent.destroy();
    this.eventEmitter.dispose();
    this.rawEmitter.dispose();
    this.stateEmitter.dispose();
    this.openEmitter.dispose();
    this.copyEmitter.dispose();
  }

  /**
   * The ingest path for one text frame: drop a duplicate copy, parse, emit. Public so tests and
   * benchmarks can drive it without a socket. Never throws.
   */
  ingest(text: string): void {
    this.counters.frames++;
    // Before the parse: a dropped copy then costs a short scan and a few compares, no parse.
    const deduper = this.deduper;
    if (deduper !== undefined && deduper.isDuplicate(text, this.counters.events + 1)) {
      if (this.copyEmitter.hasListeners) this.copyEmitter.fire({ original: deduper.lastOriginal, application: deduper.lastApp });
      return;
    }
    let event: AriEvent;
    try {
      event = JSON.parse(text) as AriEvent;
    } catch {
      deduper?.forgetLast();
      this.skip(text, 'not JSON');
      return;
    }
    if (event === null || typeof event !== 'object' || typeof event.type !== 'string') {
      deduper?.forgetLast();
      this.skip(text, 'no event type');
      return;
    }
    this.counters.events++;
    if (this.traceFrames) this.log.trace(`ARI event ${event.type}`);
    if (this.rawEmitter.hasListeners) this.rawEmitter.fire({ text, event });
    this.currentText = text;
    this.eventEmitter.fire(event); // never throws: a listener's error is rethrown later
    this.currentText = undefined;
  }

  /**
   * A text frame's bytes, as the socket's message handler gets them: decoded and ingested,
   * with the bytes offered to onEvent listeners as frameData. Public for the benchmark.
   */
  ingestFrame(data: Buffer): void {
    this.currentData = data;
    this.ingest(data.toString('utf8'));
    this.currentData = undefined;
  }

  private skip(text: string, reason: string): void {
    this.counters.malformed++;
    const shown = text.length > MAX_LOGGED_FRAME ? `${text.slice(0, MAX_LOGGED_FRAME)}… (${text.length} chars)` : text;
    this.log.warn(`ARI event socket: skipped a frame (${reason}): ${shown}`);
    if (this.rawEmitter.hasListeners) this.rawEmitter.fire({ text: shown, error: reason });
  }

  private setState(s: SocketState): void {
    this._state = s;
    this.stateEmitter.fire(s);
  }

  private openSocket(attempt: number): void {
    this.setState({ kind: 'connecting', attempt });
    this.dropError = undefined;
    let ws: WebSocket;
    try {
      ws = new WebSocket(this.url, {
        headers: { Authorization: this.authorization },
        agent: this.agent,
        handshakeTimeout: this.opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        maxPayload: Math.max(this.maxFrameBytes * WS_PAYLOAD_FACTOR, 1024 * 1024),
        perMessageDeflate: false,
      });
    } catch (err) {
      this.onClosed(false, errorFromNetwork('GET', this.path, new URL(this.url), err));
      return;
    }
    this.ws = ws;
    let opened = false;
    let failure: AriError | undefined;

    ws.on('unexpected-response', (_req, res) => {
      // Read Asterisk's own answer (401 JSON, 400/404 HTML page) before giving up.
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        if (size < 65536) chunks.push(c);
        size += c.length;
      });
      const done = (): void => {
        if (failure) return;
        const text = Buffer.concat(chunks).toString('utf8');
        failure = errorFromResponse(
          'GET',
          this.path,
          res.statusCode ?? 0,
          text,
          res.headers['content-type'],
          credentialForms(this.opts.username, this.opts.password),
        );
        ws.terminate();
      };
      res.on('end', done);
      res.on('error', done);
      res.on('aborted', done);
    });
    ws.on('open', () => {
      if (this.ws !== ws) return;
      opened = true;
      this.onOpened();
    });
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (this.ws !== ws) return;
      if (data.length > this.maxFrameBytes || isBinary) {
        this.counters.frames++;
        this.skip(
          isBinary ? `<${data.length} bytes binary>` : data.toString('utf8', 0, MAX_LOGGED_FRAME),
          isBinary ? 'binary frame' : `frame of ${data.length} bytes is too large`,
        );
        return;
      }
      this.ingestFrame(data);
    });
    ws.on('pong', () => {
      if (this.pongTimer) {
        clearTimeout(this.pongTimer);
        this.pongTimer = undefined;
      }
    });
    ws.on('error', (err) => {
      if (!failure) failure = errorFromNetwork('GET', this.path, new URL(this.url), err);
    });
    ws.on('close', (code: number, reason: Buffer) => {
      if (this.ws !== ws) return;
      this.ws = undefined;
      this.stopPing();
      if (opened) {
        const error =
          this.dropError ??
          new AriError({
            method: 'GET',
            path: this.path,
            code: 'ECLOSED',
            message: t('The event socket closed (code {0})', `${code}${reason.length ? ` ${reason.toString('utf8')}` : ''}`),
            hint: code === 1006 ? t('Asterisk may have restarted or the network dropped the connection; reconnecting.') : t('Reconnecting.'),
          });
        this.onClosed(true, error);
      } else {
        this.onClosed(false, failure ?? errorFromNetwork('GET', this.path, new URL(this.url), new Error(`closed before open (${code})`)));
      }
    });
  }

  private onOpened(): void {
    this.openedAt = Date.now();
    const reconnect = this.openedBefore;
    this.openedBefore = true;
    this.deduper?.reset();
    this.setState({ kind: 'open' });
    this.log.info(`ARI event socket open: ${this.url}`);
    this.startPing();
    this.openEmitter.fire({ reconnect });
  }

  private onClosed(wasOpen: boolean, error: AriError): void {
    if (this.disposed || this._state.kind === 'closed' || this._state.kind === 'idle') return;
    if (wasOpen && Date.now() - this.openedAt >= this.stableMs) this.failures = 0;
    if (!wasOpen && isPermanent(error)) {
      this.log.warn(`ARI event socket failed: ${error.message}`);
      this.setState({ kind: 'failed', error });
      return;
    }
    this.failures++;
    const delayMs = backoffDelay(this.failures, this.backoff, this.opts.random);
    this.log.info(`ARI event socket: ${error.message}; reconnecting in ${delayMs} ms`);
    const attempt = this.failures + 1;
    this.setState({ kind: 'reconnecting', attempt, delayMs, error });
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (this._state.kind === 'reconnecting') this.openSocket(attempt);
    }, delayMs);
  }

  private startPing(): void {
    this.stopPing();
    this.pingTimer = setInterval(() => {
      const ws = this.ws;
      if (!ws || ws.readyState !== WebSocket.OPEN || this.pongTimer) return;
      this.framesAtPing = this.counters.frames;
      this.pongTimer = setTimeout(() => this.onPongTimeout(ws), this.pongTimeoutMs);
      try {
        ws.ping();
      } catch {
        // the close handler deals with a socket that died under us
      }
    }, this.pingIntervalMs);
  }

  private onPongTimeout(ws: WebSocket): void {
    this.pongTimer = undefined;
    if (this.ws !== ws) return;
    // Frames still arriving prove the connection alive even if the pong is late.
    if (this.counters.frames !== this.framesAtPing) return;
    this.dropError = new AriError({
      method: 'GET',
      path: this.path,
      code: 'EPINGTIMEOUT',
      message: t('The event socket did not answer a ping within {0} ms', this.pongTimeoutMs),
      hint: t('The connection was lost silently (network, NAT timeout, or Asterisk stopped); reconnecting.'),
    });
    ws.terminate();
  }

  private stopPing(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    if (this.pongTimer) clearTimeout(this.pongTimer);
    this.pingTimer = undefined;
    this.pongTimer = undefined;
  }

  private clearTimers(): void {
    this.stopPing();
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
  }
}

/** Handshake answers that a retry cannot fix. */
function isPermanent(error: AriError): boolean {
  if (error.status === 401 || error.status === 403 || error.status === 400) return true;
  return error.code === 'TLS';
}
