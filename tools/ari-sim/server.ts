// HTTP + WebSocket front end: prefix, auth, fault injection, routing to handlers, and the
// /ari/events upgrade that registers apps with the hub.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { WebSocketServer, WebSocket } from 'ws';
import type { AppOwner } from './apps';
import { AppLanes, type Random } from './appLanes';
import { resourceDoc, resourcesDoc } from './apiDocs';
import { authorized, WWW_AUTHENTICATE, type Credentials } from './auth';
import type { SimCore } from './core';
import { HttpError } from './errors';
import { HANDLERS } from './handlers/index';
import { htmlError, NOT_FOUND_HTML } from './html';
import type { Json, JsonObject } from './json';
import { route, type Res } from './router';

export interface FaultState {
  latencyMs: number;
  failCount: number;
  failStatus: number;
  /** 0..1: share of requests answered with failStatus */
  failRate: number;
  /** ARI not registered yet (restart): HTML 404 for everything */
  notFound: boolean;
}

class SocketOwner implements AppOwner {
  /** One lane per app: the copies of one event reach the socket interleaved as on Asterisk (appLanes.ts). */
  private readonly lanes: AppLanes;
  constructor(
    readonly ws: WebSocket,
    readonly apps: string[],
    readonly subscribeAll: boolean,
    random?: Random,
  ) {
    // Lanes only with subscribeAll, where every app gets a copy of everything (the case seen
    // interleaved on the real server); separate subscriptions keep the recorded order of 05.
    this.lanes = new AppLanes(
      subscribeAll ? apps : apps.slice(0, 1),
      (text) => {
        if (this.ws.readyState === WebSocket.OPEN) this.ws.send(text);
      },
      random,
    );
  }
  deliver(app: string, text: string): void {
    this.lanes.push(app, text);
  }
  close(): void {
    this.lanes.close();
  }
}

export class SimServer {
  readonly http: http.Server;
  readonly wss = new WebSocketServer({ noServer: true });
  readonly owners = new Set<SocketOwner>();
  private readonly conns = new Set<Socket>();
  readonly faults: FaultState = { latencyMs: 0, failCount: 0, failStatus: 503, failRate: 0, notFound: false };
  port = 0;
  /** Interleaving of several apps' copies on one socket; injectable for tests. */
  laneRandom: Random | undefined;

  constructor(
    private readonly core: SimCore,
    readonly creds: Credentials,
    readonly prefix: string,
    private readonly host: string,
  ) {
    this.http = http.createServer((req, res) => void this.onRequest(req, res));
    this.http.on('upgrade', (req, sock: Socket, head) => this.onUpgrade(req, sock, head));
    this.http.on('connection', (s: Socket) => {
      this.conns.add(s);
      s.on('close', () => this.conns.delete(s));
    });
  }

  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(port, this.host, () => {
        this.http.off('error', reject);
        const a = this.http.address();
        this.port = typeof a === 'object' && a ? a.port : port;
        resolve(this.port);
      });
    });
  }

  /** Stops listening and cuts every connection (connections refused until listen again). */
  stopListening(): Promise<void> {
    for (const o of this.owners) o.ws.terminate();
    for (const s of this.conns) s.destroy();
    return new Promise((resolve) => this.http.close(() => resolve()));
  }

  get apiBase(): string {
    return `http://${this.host}:${this.port}${this.prefix}/ari`;
  }

  /** Path relative to /ari, or undefined when the URL is outside the (prefixed) ARI tree. */
  private ariPath(pathname: string): string | undefined {
    const root = `${this.prefix}/ari`;
    if (pathname === root) return '/';
    if (pathname.startsWith(root + '/')) return pathname.slice(root.length);
    return undefined;
  }

  private sendJson(res: ServerResponse, status: number, body: Json | undefined, extra: Record<string, string> = {}): void {
    if (body === undefined) {
      res.writeHead(status, extra);
      res.end();
      return;
    }
    const text = JSON.stringify(body, null, 2);
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...extra });
    res.end(text);
  }

  private sendHtml(res: ServerResponse, status: number, html: string): void {
    res.writeHead(status, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(html) });
    res.end(html);
  }

  private readBody(req: IncomingMessage): Promise<string> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const bodyText = await this.readBody(req);
      if (this.faults.latencyMs > 0) await new Promise((r) => setTimeout(r, this.faults.latencyMs));
      const url = new URL(req.url ?? '/', 'http://localhost');
      const rel = this.ariPath(url.pathname);
      if (this.faults.notFound || rel === undefined) return this.sendHtml(res, 404, NOT_FOUND_HTML);
      if (!authorized(req, url.searchParams, this.creds)) {
        return this.sendJson(res, 401, { message: 'Authentication required' }, { 'WWW-Authenticate': WWW_AUTHENTICATE });
      }
      if (this.faults.failCount > 0 || (this.faults.failRate > 0 && Math.random() < this.faults.failRate)) {
        if (this.faults.failCount > 0) this.faults.failCount--;
        return this.sendJson(res, this.faults.failStatus, { message: 'Simulated failure' });
      }
      const out = await this.dispatch(req.method ?? 'GET', rel, url.searchParams, bodyText, req);
      if (out.binary) {
        res.writeHead(out.status, { 'Content-Type': out.binary.contentType, 'Content-Length': out.binary.data.length });
        res.end(out.binary.data);
        return;
      }
      this.sendJson(res, out.status, out.body, out.location ? { Location: out.location } : {});
    } catch (e) {
      if (!res.headersSent) this.sendJson(res, 500, { message: e instanceof Error ? e.message : String(e) });
    }
  }

  private async dispatch(method: string, rel: string, query: URLSearchParams, bodyText: string, req: IncomingMessage): Promise<Res> {
    const docs = /^\/api-docs\/([^/]+)$/.exec(rel);
    if (docs && method === 'GET') {
      const base = `http://${req.headers.host ?? `${this.host}:${this.port}`}${this.prefix}/ari`;
      const doc = docs[1] === 'resources.json' ? resourcesDoc(base) : resourceDoc(base, docs[1]);
      return doc ? { status: 200, body: doc } : { status: 404, body: { message: 'Resource not found' } };
    }
    const m = route(method, rel);
    if (m.kind === 'none') return { status: 404, body: { message: 'Resource not found' } };
    if (m.kind === 'method') return { status: 405, body: { message: 'Invalid method' } };
    let body: Json | undefined;
    if (bodyText.trim()) {
      try {
        body = JSON.parse(bodyText) as Json;
      } catch {
        return { status: 400, body: { message: 'Failed to parse body' } };
      }
    }
    const handler = HANDLERS[m.op.resource]?.[m.op.nickname];
    if (!handler) return { status: 501, body: { message: 'Not implemented' } };
    try {
      return await handler({ core: this.core, op: m.op, path: m.path, query, body, apiBase: this.apiBase });
    } catch (e) {
      if (e instanceof HttpError) return { status: e.status, body: e.body() };
      throw e;
    }
  }

  private reject(sock: Socket, status: number, reason: string, type: string, body: string, extra = ''): void {
    sock.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extra}Connection: close\r\n\r\n${body}`);
  }

  private onUpgrade(req: IncomingMessage, sock: Socket, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const rel = this.ariPath(url.pathname);
    if (this.faults.notFound || rel !== '/events') return this.reject(sock, 404, 'Not Found', 'text/html', NOT_FOUND_HTML);
    if (!authorized(req, url.searchParams, this.creds)) {
      const body = JSON.stringify({ message: 'Authentication required' }, null, 2);
      return this.reject(sock, 401, 'Unauthorized', 'application/json', body, `WWW-Authenticate: ${WWW_AUTHENTICATE}\r\n`);
    }
    const apps = (url.searchParams.get('app') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (apps.length === 0) {
      return this.reject(sock, 400, 'Bad Request', 'text/html', htmlError(400, 'Bad Request', 'HTTP request is missing param: [app]'));
    }
    const subscribeAll = /^(true|yes|1)$/i.test(url.searchParams.get('subscribeAll') ?? '');
    this.wss.handleUpgrade(req, sock, head, (ws) => {
      const owner = new SocketOwner(ws, apps, subscribeAll, this.laneRandom);
      this.owners.add(owner);
      this.core.hub.register(apps, owner);
      ws.on('close', () => {
        owner.close();
        this.owners.delete(owner);
        this.core.hub.unregister(owner);
      });
      ws.on('error', () => undefined);
    });
  }

  /** Every open event socket (faults). */
  sockets(): WebSocket[] {
    return [...this.owners].map((o) => o.ws);
  }

  /** Sends already-serialised events to every socket (burst, raw frames). */
  broadcast(text: string): void {
    for (const o of this.owners) if (o.ws.readyState === WebSocket.OPEN) o.ws.send(text);
  }

  ownersList(): { ws: WebSocket; apps: string[] }[] {
    return [...this.owners].map((o) => ({ ws: o.ws, apps: o.apps }));
  }
}

export type { JsonObject };
