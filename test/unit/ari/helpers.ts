// Small local servers and waiting helpers for the ARI client tests (no simulator needed).
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Event } from '../../../src/extension/util/emitter';
import { nextWithin, withDeadline } from '../shared/wait';

export { withDeadline };

export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** A committed fixture folder (test/fixtures): the transcripts or the API description. */
export function fixtureDir(what: 'ari-transcripts' | 'ari-api-docs'): string {
  return path.join(repoRoot, 'test', 'fixtures', what);
}

export interface RecordedRequest {
  method: string;
  url: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface TestServer {
  url: string;
  port: number;
  requests: RecordedRequest[];
  server: http.Server;
  wss?: WebSocketServer;
  close(): Promise<void>;
}

export type Handler = (req: RecordedRequest, res: http.ServerResponse) => void;

export async function startHttpServer(handler: Handler, opts: { ws?: boolean; autoPong?: boolean } = {}): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://x');
      const r: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        path: u.pathname,
        query: u.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(r);
      handler(r, res);
    });
  });
  let wss: WebSocketServer | undefined;
  if (opts.ws) wss = new WebSocketServer({ noServer: true, autoPong: opts.autoPong ?? true });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    server,
    wss,
    async close() {
      for (const c of wss?.clients ?? []) c.terminate();
      wss?.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, body === undefined ? headers : { 'Content-Type': 'application/json', ...headers });
  res.end(text);
}

/** The next value of `event` that satisfies `pred` (with a deadline). */
export function next<T>(event: Event<T>, pred: (v: T) => boolean = () => true, ms = 5000, what = 'an event'): Promise<T> {
  return nextWithin(event, pred, ms, what);
}

/** Upgrades requests on `srv` with a per-request decision. */
export function onUpgrade(
  srv: TestServer,
  decide: (req: http.IncomingMessage, socket: import('node:stream').Duplex, head: Buffer) => 'accept' | void,
  onConnection?: (ws: WebSocket, req: http.IncomingMessage) => void,
): void {
  srv.server.on('upgrade', (req, socket, head) => {
    if (decide(req, socket, head) !== 'accept') return;
    srv.wss!.handleUpgrade(req, socket, head, (ws) => onConnection?.(ws, req));
  });
}

/** Writes a plain HTTP error answer on an upgrade socket, as Asterisk does. */
export function rejectUpgrade(socket: import('node:stream').Duplex, status: number, contentType: string, body: string): void {
  const reason = http.STATUS_CODES[status] ?? 'Error';
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: ${contentType}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}
