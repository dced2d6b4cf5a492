// Shared pieces of the fault and abuse suite (issue 10): waiting on events with deadlines
// (never on the clock), sessions with short ping/backoff intervals, and a scanner that
// fails a test when any text holds a credential.
import assert from 'node:assert/strict';
import { after } from 'node:test';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { AriSession, type SessionOptions } from '../../../src/extension/connection/session';
import type { Event } from '../../../src/extension/util/emitter';
import { nextWithin, withDeadline } from '../shared/wait';
import { MemoryLogger } from '../../../src/extension/util/logger';
import { ariChannel } from '../shared/ari';

export { withDeadline };

export const USER = 'explorer';
export const PASSWORD = 'Fault-T3st-pa55word!';

/** Collects unhandled promise rejections during the file's tests; fails at the end if any. */
export function failOnUnhandledRejections(): void {
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown): void => void unhandled.push(e);
  process.on('unhandledRejection', onUnhandled);
  after(() => {
    process.off('unhandledRejection', onUnhandled);
    assert.deepEqual(unhandled, [], 'no unhandled promise rejections');
  });
}

/** Every form a credential could leak in. */
export function secretForms(user = USER, password = PASSWORD): string[] {
  return [password, Buffer.from(`${user}:${password}`).toString('base64'), encodeURIComponent(password), `${user}:${password}`];
}

/** Fails when `text` holds a password, its base64 (Basic), an api_key value or an Authorization value. */
export function assertNoSecrets(text: string, where: string, forms: string[] = secretForms()): void {
  for (const s of forms) assert.ok(!text.includes(s), `${where} contains a credential: ${text.slice(0, 300)}`);
  // `api_key=***` (redacted) may appear; an api_key with a real value may not.
  assert.ok(!/api_key=(?!\*\*\*)[^&\s"']/i.test(text), `${where} contains an api_key value`);
  assert.ok(!/authorization\s*[:=]\s*"?basic\s+[A-Za-z0-9+/=]{6,}/i.test(text), `${where} contains an Authorization header`);
}

/** The next value of `event` satisfying `pred`, with a deadline. */
export function next<T>(event: Event<T>, pred: (v: T) => boolean = () => true, ms = 10_000, what = 'an event'): Promise<T> {
  return nextWithin(event, pred, ms, what);
}

/** Resolves once `ok()` holds, checked after each batched model change (and once now). */
export function modelUntil(session: AriSession, ok: () => boolean, ms = 10_000, what = 'the model'): Promise<void> {
  if (ok()) return Promise.resolve();
  return withDeadline(
    new Promise<void>((resolve) => {
      const d = session.onModelChange(() => {
        if (ok()) {
          d.dispose();
          resolve();
        }
      });
    }),
    ms,
    what,
  );
}

/** Short intervals so reconnects and retries happen in milliseconds, not seconds. */
export function fastSession(
  url: string,
  over: Partial<SessionOptions> = {},
  log = new MemoryLogger(),
  password = PASSWORD,
): { session: AriSession; log: MemoryLogger } {
  const session = new AriSession({
    connection: { url, username: USER, password, log, timeoutMs: 2000 },
    apps: ['fault-observer'],
    subscribeAll: true,
    batchMs: 20,
    resyncRetryMs: 20,
    ...over,
    socket: { pingIntervalMs: 200, pongTimeoutMs: 200, backoff: { initialMs: 20, maxMs: 200 }, stableMs: 60_000, ...over.socket },
  });
  return { session, log };
}

export interface LocalAri {
  url: string;
  server: http.Server;
  wss: WebSocketServer;
  /** Upgrade requests seen (accepted or not). */
  upgrades: number;
  close(): Promise<void>;
}

/**
 * A tiny ARI stand-in for faults the simulator has no control for: `rest` answers HTTP,
 * `onSocket` gets each accepted event socket (return false from `accept` to refuse it).
 */
export async function startLocalAri(opts: {
  rest?: (path: string, req: http.IncomingMessage, res: http.ServerResponse) => void;
  onSocket?: (ws: WebSocket, n: number) => void;
  /** false: refuse with 503; 'hang': never answer the upgrade */
  accept?: (req: http.IncomingMessage, n: number) => boolean | 'hang';
  autoPong?: boolean;
}): Promise<LocalAri> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (opts.rest) opts.rest(path, req, res);
    else emptyAri(path, res);
  });
  const wss = new WebSocketServer({ noServer: true, autoPong: opts.autoPong ?? true });
  const hanging = new Set<import('node:stream').Duplex>();
  const ari: LocalAri = {
    url: '',
    server,
    wss,
    upgrades: 0,
    async close() {
      for (const c of wss.clients) c.terminate();
      for (const s of hanging) s.destroy();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  server.on('upgrade', (req, socket, head) => {
    const n = ++ari.upgrades;
    const verdict = opts.accept ? opts.accept(req, n) : true;
    if (verdict === 'hang') {
      hanging.add(socket);
      return;
    }
    if (!verdict) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => opts.onSocket?.(ws, n));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  ari.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return ari;
}

/** The empty snapshot a fresh Asterisk answers. */
export function emptyAri(path: string, res: http.ServerResponse): void {
  const body = path.endsWith('/asterisk/info') ? { system: { version: '22.10.1', entity_id: 'x' } } : [];
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** A channel as ARI sends it. */
export function channelJson(id: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...ariChannel(id, { name: `Local/1776@from-test-${id.replace(/\W/g, '')};2` }), ...over };
}

/** Forces a full GC when the flag can be set at run time (heap measurements). */
export function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    g();
  }
}

export function enableGc(): boolean {
  if ((globalThis as { gc?: unknown }).gc) return true;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const v8 = require('node:v8') as typeof import('node:v8');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const vm = require('node:vm') as typeof import('node:vm');
    v8.setFlagsFromString('--expose-gc');
    (globalThis as { gc?: unknown }).gc = vm.runInNewContext('gc');
    return true;
  } catch {
    return false;
  }
}

/** A MemoryLogger that tells when a line matching a pattern arrives. */
export class WatchLogger extends MemoryLogger {
  private waiters: { re: RegExp; count: number; resolve: () => void }[] = [];
  private push(line: string): void {
    this.lines.push(line);
    this.waiters = this.waiters.filter((w) => {
      if (this.lines.filter((l) => w.re.test(l)).length < w.count) return true;
      w.resolve();
      return false;
    });
  }
  override trace(m: string): void {
    this.push(`trace ${m}`);
  }
  override debug(m: string): void {
    this.push(`debug ${m}`);
  }
  override info(m: string): void {
    this.push(`info ${m}`);
  }
  override warn(m: string): void {
    this.push(`warn ${m}`);
  }
  override error(m: string | Error): void {
    this.push(`error ${m instanceof Error ? m.message : m}`);
  }
  /** Resolves once `count` lines match `re` (with a deadline). */
  until(re: RegExp, count = 1, ms = 10_000): Promise<void> {
    if (this.lines.filter((l) => re.test(l)).length >= count) return Promise.resolve();
    return withDeadline(new Promise<void>((resolve) => this.waiters.push({ re, count, resolve })), ms, `${count} log line(s) matching ${re}`);
  }
}
