// A minimal ARI stand-in for the synthetic burst. The event stream is encoded once into raw
// WebSocket frames and written straight to the TCP socket, so the sender costs next to nothing
// and the client's consumption is what limits the rate ("as fast as the socket takes them").
// It also answers what the clients ask before they listen: the empty REST snapshot AriSession
// takes, and /ari/api-docs as the simulator generates them (tools/ari-sim/apiDocs.ts, event
// models included), which ari-client needs to type events.
import { createHash } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { resourceDoc, resourcesDoc } from '../../tools/ari-sim/apiDocs';

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const CHUNK = 1 << 20;

/** One unmasked server text frame per event, concatenated. */
export function encodeFrames(frames: readonly string[]): Buffer {
  const parts: Buffer[] = [];
  for (const text of frames) {
    const payload = Buffer.from(text, 'utf8');
    const n = payload.length;
    let head: Buffer;
    if (n < 126) head = Buffer.from([0x81, n]);
    else if (n < 65536) head = Buffer.from([0x81, 126, n >> 8, n & 0xff]);
    else {
      head = Buffer.alloc(10);
      head[0] = 0x81;
      head[1] = 127;
      head.writeBigUInt64BE(BigInt(n), 2);
    }
    parts.push(head, payload);
  }
  return Buffer.concat(parts);
}

const EMPTY_LISTS = new Set(['/ari/channels', '/ari/bridges', '/ari/applications', '/ari/endpoints', '/ari/deviceStates', '/ari/recordings/stored']);

export class BurstServer {
  private readonly server: http.Server;
  private readonly sockets = new Set<Socket>();
  private eventSocket: Socket | undefined;
  private stream: Buffer = Buffer.alloc(0);
  port = 0;

  constructor() {
    this.server = http.createServer((req, res) => this.onRequest(req, res));
    this.server.on('upgrade', (req: IncomingMessage, sock: Socket) => this.onUpgrade(req, sock));
    this.server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  listen(): Promise<void> {
    return new Promise((resolve) =>
      this.server.listen(0, '127.0.0.1', () => {
        const a = this.server.address();
        this.port = typeof a === 'object' && a ? a.port : 0;
        resolve();
      }),
    );
  }

  setStream(encoded: Buffer): void {
    this.stream = encoded;
  }

  /** Writes the whole stream to the event socket that connected last; resolves once handed to the kernel. */
  async play(): Promise<void> {
    const sock = this.eventSocket;
    if (!sock) throw new Error('no event socket connected');
    for (let off = 0; off < this.stream.length && !sock.destroyed; off += CHUNK) {
      if (!sock.write(this.stream.subarray(off, off + CHUNK))) await new Promise<void>((r) => sock.once('drain', () => r()));
    }
  }

  close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const docs = /^\/ari\/api-docs\/([A-Za-z]+\.json)$/.exec(path);
    let body: string | undefined;
    if (docs) {
      // The Swagger basePath points here, as Asterisk does for its own host.
      const base = `${this.url}/ari`;
      const doc = docs[1] === 'resources.json' ? resourcesDoc(base) : resourceDoc(base, docs[1]);
      body = doc === undefined ? undefined : JSON.stringify(doc);
    } else if (EMPTY_LISTS.has(path)) body = '[]';
    else if (path === '/ari/asterisk/info') body = '{}';
    if (body === undefined) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end('{"message":"Resource not found"}');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  }

  private onUpgrade(req: IncomingMessage, sock: Socket): void {
    const key = req.headers['sec-websocket-key'];
    if (typeof key !== 'string' || !(req.url ?? '').startsWith('/ari/events')) {
      sock.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    const accept = createHash('sha1')
      .update(key + WS_GUID)
      .digest('base64');
    sock.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    sock.setNoDelay(true);
    this.eventSocket = sock;
    // Clients send only pings and a close: answer both so they shut down without waiting.
    sock.on('data', (d: Buffer) => answerControlFrames(sock, d));
    sock.on('error', () => undefined);
  }
}

/** Parses the client's (masked) frames in one chunk: ping -> pong, close -> close + end. */
function answerControlFrames(sock: Socket, d: Buffer): void {
  let off = 0;
  while (off + 2 <= d.length) {
    const opcode = d[off] & 0x0f;
    let len = d[off + 1] & 0x7f;
    let p = off + 2;
    if (len === 126) {
      len = d.readUInt16BE(p);
      p += 2;
    } else if (len === 127) {
      len = Number(d.readBigUInt64BE(p));
      p += 8;
    }
    const mask = d.subarray(p, p + 4);
    p += 4;
    const payload = Buffer.from(d.subarray(p, p + len));
    for (let i = 0; i < payload.length; i++) payload[i] ^= mask[i & 3];
    off = p + len;
    if (opcode === 0x9) sock.write(Buffer.concat([Buffer.from([0x8a, payload.length]), payload]));
    else if (opcode === 0x8) {
      sock.end(Buffer.from([0x88, 0]));
      return;
    }
  }
}
