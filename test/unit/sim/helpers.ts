// Small REST and WebSocket clients for the simulator tests (event-driven waits, no sleeps).
import WebSocket from 'ws';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };
export type JsonMap = { [k: string]: JsonValue };

const BASIC = 'Basic ' + Buffer.from('test:test_password').toString('base64');

export interface CallResult {
  status: number;
  headers: Headers;
  body: JsonValue | undefined;
  text: string;
}

export async function call(
  base: string,
  method: string,
  path: string,
  opts: { query?: Record<string, string | number>; body?: JsonValue; auth?: string | null } = {},
): Promise<CallResult> {
  const q = new URLSearchParams(Object.entries(opts.query ?? {}).map(([k, v]): [string, string] => [k, String(v)]));
  const qs = q.toString() ? `?${q}` : '';
  const headers: Record<string, string> = {};
  if (opts.auth !== null) headers.Authorization = opts.auth ?? BASIC;
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${base}/ari${path}${qs}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const text = await res.text();
  let body: JsonValue | undefined;
  if ((res.headers.get('content-type') ?? '').includes('json') && text) body = JSON.parse(text) as JsonValue;
  return { status: res.status, headers: res.headers, body, text };
}

export const obj = (v: JsonValue | undefined): JsonMap => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error(`not an object: ${JSON.stringify(v)}`);
  return v;
};

export class EventSocket {
  readonly events: JsonMap[] = [];
  readonly raw: string[] = [];
  private waiters: { pred: (e: JsonMap) => boolean; resolve: (e: JsonMap) => void; from: number }[] = [];
  readonly closed: Promise<number>;
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = data.toString();
      this.raw.push(text);
      let e: JsonMap;
      try {
        e = JSON.parse(text) as JsonMap;
      } catch {
        e = { type: '_unparseable' };
      }
      this.events.push(e);
      for (const w of [...this.waiters]) {
        if (w.pred(e)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(e);
        }
      }
    });
    this.closed = new Promise((r) => ws.on('close', (code) => r(code)));
  }

  static open(base: string, apps: string, extra = ''): Promise<EventSocket> {
    const url = `${base.replace(/^http/, 'ws')}/ari/events?app=${encodeURIComponent(apps)}${extra}`;
    const ws = new WebSocket(url, { headers: { Authorization: BASIC } });
    const s = new EventSocket(ws);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(s));
      ws.once('error', reject);
    });
  }

  /** The first event (already received or future) matching `pred`. */
  next(pred: (e: JsonMap) => boolean, timeoutMs = 5000): Promise<JsonMap> {
    const have = this.events.find(pred);
    if (have) return Promise.resolve(have);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('timed out waiting for an event')), timeoutMs);
      this.waiters.push({
        pred,
        from: this.events.length,
        resolve: (e) => {
          clearTimeout(t);
          resolve(e);
        },
      });
    });
  }

  type(type: string, extra: (e: JsonMap) => boolean = () => true): Promise<JsonMap> {
    return this.next((e) => e.type === type && extra(e));
  }

  count(type: string): number {
    return this.events.filter((e) => e.type === type).length;
  }

  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.close(1000);
    await this.closed;
  }
}

export const channelOf = (e: JsonMap): JsonMap => obj(e.channel);
