// Replays one golden transcript against a running simulator and reports, per request, the
// status / body shape / Location agreement and, per socket, the event types received.
// Recorded ids are bound to live ones as they appear (responses, Location, paired events).
// Waiting is event-driven: before each request we wait until every socket has received the
// event types the recording shows up to that point (with a generous failure timeout).
import { readFileSync } from 'node:fs';
import http from 'node:http';
import WebSocket from 'ws';

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

export interface Entry {
  kind: 'request' | 'response' | 'event' | 'note';
  method?: string;
  path?: string;
  query?: Record<string, Json>;
  auth?: string;
  headers?: Record<string, string>;
  body?: Json;
  ws?: string;
  upgrade?: string;
  status?: number;
  text?: string;
}

export interface RequestResult {
  n: number;
  method: string;
  path: string;
  recStatus: number | undefined;
  liveStatus: number;
  shapeDiff: string | null;
  locationOk: boolean | null;
}

export interface SocketResult {
  recorded: Map<string, number>;
  live: Map<string, number>;
}

export interface ReplayResult {
  requests: RequestResult[];
  sockets: Map<string, SocketResult>;
  waitMisses: string[];
}

export interface ReplayHooks {
  /** A `note` entry (server-side action in 18/19): the test acts on it. */
  onNote?: (text: string) => Promise<void> | void;
  /** Before request number n (1-based) is sent, after the events it waits for arrived. */
  beforeRequest?: (n: number) => Promise<void> | void;
}

const VOLATILE = new Set(['ChannelVarset', 'ChannelDialplan', 'DeviceStateChanged']);

function jtype(v: Json | undefined): string {
  if (v === null || v === undefined) return 'null';
  return Array.isArray(v) ? 'array' : typeof v;
}

/** null when key sets and value types agree recursively (empty arrays match any array). */
export function shapeDiff(rec: Json | undefined, live: Json | undefined, p = '$'): string | null {
  const a = jtype(rec);
  const b = jtype(live);
  if (a !== b) return `${p}: ${a} vs ${b}`;
  if (Array.isArray(rec) && Array.isArray(live)) {
    if (rec.length === 0 || live.length === 0) return null;
    return shapeDiff(rec[0], live[0], `${p}[0]`);
  }
  if (a === 'object') {
    const r = rec as Obj;
    const l = live as Obj;
    const missing = Object.keys(r).filter((k) => !(k in l));
    const extra = Object.keys(l).filter((k) => !(k in r));
    if (missing.length || extra.length) return `${p}: missing [${missing.join(',')}] extra [${extra.join(',')}]`;
    for (const k of Object.keys(r)) {
      const d = shapeDiff(r[k], l[k], `${p}.${k}`);
      if (d) return d;
    }
  }
  return null;
}

const normName = (n: Json | undefined): string => (typeof n === 'string' ? n.replace(/-[0-9a-f]{8}(;[12])?$/i, '-N$1').replace(/^(Snoop\/).*$/, '$1*') : '');

function signature(b: Obj): string {
  const parts = [String(b.type)];
  const ch = b.channel as Obj | undefined;
  if (ch && typeof ch === 'object') parts.push(normName(ch.name));
  const pb = b.playback as Obj | undefined;
  if (pb && typeof pb === 'object') parts.push(String(pb.media_uri));
  return parts.join('|');
}

class IdMap {
  private readonly m = new Map<string, string>();
  bind(rec: Json | undefined, live: Json | undefined): void {
    if (typeof rec === 'string' && typeof live === 'string' && rec && live && !this.m.has(rec)) this.m.set(rec, live);
  }
  item(x: string): string {
    if (this.m.has(x)) return this.m.get(x) as string;
    const i = x.indexOf(':');
    if (i > 0 && this.m.has(x.slice(i + 1))) return `${x.slice(0, i)}:${this.m.get(x.slice(i + 1))}`;
    return x;
  }
  value(s: string): string {
    if (this.m.has(s)) return this.m.get(s) as string;
    return s.includes(',')
      ? s
          .split(',')
          .map((x) => this.item(x))
          .join(',')
      : this.item(s);
  }
  path(p: string): string {
    return p
      .split('/')
      .map((s) => this.m.get(s) ?? s)
      .join('/');
  }
  deep(v: Json): Json {
    if (typeof v === 'string') return this.value(v);
    if (Array.isArray(v)) return v.map((x) => this.deep(x));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, this.deep(x)]));
    return v;
  }
  resource(rec: Json | undefined, live: Json | undefined): void {
    if (!rec || !live || typeof rec !== 'object' || typeof live !== 'object' || Array.isArray(rec) || Array.isArray(live)) return;
    this.bind(rec.id, live.id);
    if ('format' in rec) this.bind(rec.name, live.name);
    if (typeof rec.target_uri === 'string' && typeof live.target_uri === 'string') {
      this.bind(rec.target_uri.split(':')[1], live.target_uri.split(':')[1]);
    }
  }
  event(rec: Obj, live: Obj): void {
    for (const k of Object.keys(rec)) if (k !== 'userevent' && k !== 'args') this.resource(rec[k], live[k]);
  }
}

function request(
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Json | undefined }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const ct = String(res.headers['content-type'] ?? '');
        let parsed: Json | undefined;
        if (raw.length === 0) parsed = undefined;
        else if (ct.includes('json')) parsed = JSON.parse(raw.toString('utf8')) as Json;
        else if (ct.startsWith('text/')) parsed = raw.toString('utf8');
        else parsed = { _binary: true, bytes: raw.length };
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed });
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

interface LiveSocket {
  ws?: WebSocket;
  closed: boolean;
  clientClosing?: boolean;
  rec: Obj[];
  live: Obj[];
  waiter?: () => void;
}

function count(list: Obj[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const e of list) m.set(String(e.type), (m.get(String(e.type)) ?? 0) + 1);
  return m;
}

export async function replayTranscript(
  file: string,
  base: string,
  prefixBase: string | undefined,
  hooks: ReplayHooks = {},
  waitMs = 4000,
): Promise<ReplayResult> {
  const entries = JSON.parse(readFileSync(file, 'utf8')) as Entry[];
  const ids = new IdMap();
  const sockets = new Map<string, LiveSocket>();
  const result: ReplayResult = { requests: [], sockets: new Map(), waitMisses: [] };
  const basic = { Authorization: 'Basic ' + Buffer.from('test:test_password').toString('base64') };
  const sock = (label: string): LiveSocket => {
    let s = sockets.get(label);
    if (!s) sockets.set(label, (s = { closed: false, rec: [], live: [] }));
    return s;
  };
  const urlFor = (p: string): string => {
    if (p.startsWith('/asterisk/') && prefixBase) return prefixBase + p.slice('/asterisk'.length);
    if (prefixBase && entries.some((e) => e.path?.startsWith('/asterisk/'))) return new URL(prefixBase).origin + p;
    return base + p;
  };
  // is every recorded (non-volatile) event type there, on every open socket?
  // strict: volatile types (ChannelVarset/Dialplan, DeviceStateChanged) too
  const ready = (strict: boolean): boolean =>
    [...sockets.values()].every((s) => {
      if (!s.ws || s.closed) return true;
      const have = count(s.live);
      for (const [t, n] of count(s.rec)) if ((strict || !VOLATILE.has(t)) && t !== '_ws_close' && (have.get(t) ?? 0) < n) return false;
      return true;
    });
  const waitReady = async (): Promise<void> => {
    await waitFor(false, waitMs, true);
    // volatile events are not required, but give them a short moment to land in this window
    await waitFor(true, 60, false);
  };
  const waitFor = async (strict: boolean, limitMs: number, countMiss: boolean): Promise<void> => {
    if (ready(strict)) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        if (countMiss) result.waitMisses.push(`before request ${result.requests.length + 1}`);
        done();
      }, limitMs);
      const done = (): void => {
        clearTimeout(timer);
        clearTimeout(quiet);
        for (const s of sockets.values()) s.waiter = undefined;
        resolve();
      };
      let quiet: NodeJS.Timeout | undefined;
      const check = (): void => {
        if (ready(strict)) return done();
        // settling volatile events: stop once the sockets have been quiet for the limit
        if (!countMiss) {
          clearTimeout(quiet);
          quiet = setTimeout(done, limitMs);
        }
      };
      for (const s of sockets.values()) s.waiter = check;
    });
  };
  const pair = (): void => {
    for (const s of sockets.values()) {
      const used = new Set<Obj>();
      for (const r of s.rec) {
        const l = s.live.find((x) => !used.has(x) && signature(x) === signature(r));
        if (l) {
          used.add(l);
          ids.event(r, l);
        }
      }
    }
  };

  let defaultLabel: string | undefined;
  const recordsClose = new Set(entries.filter((e) => e.kind === 'event' && (e.body as Obj)._ws_close).map((e) => e.ws ?? 'main'));
  const claimed = new Set<Entry>();
  const pendingClose: string[] = [];
  let n = 0;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (e.kind === 'event') {
      const label = e.ws ?? defaultLabel ?? 'main';
      const body = e.body as Obj;
      if (body._ws_close) {
        sock(label).rec.push({ type: '_ws_close' });
        if (body.code === 1000 && entries.slice(i + 1).some((x) => x.kind === 'request')) pendingClose.push(label);
      } else sock(label).rec.push(body);
      continue;
    }
    if (e.kind === 'note') {
      if (hooks.onNote) await hooks.onNote(e.text ?? '');
      continue;
    }
    if (e.kind !== 'request') continue;
    const resp = entries
      .slice(i + 1)
      .find((r) => r.kind === 'response' && !claimed.has(r) && r.method === e.method && r.path === e.path && (r.ws ?? null) === (e.ws ?? null));
    if (resp) claimed.add(resp);
    if (hooks.beforeRequest) await hooks.beforeRequest(n + 1);
    if (n > 0) await waitReady();
    pair();
    for (const label of pendingClose.splice(0)) {
      const s = sockets.get(label);
      if (s?.ws && !s.closed) {
        s.clientClosing = true;
        await new Promise<void>((r) => {
          s.ws?.once('close', () => r());
          s.ws?.close(1000);
        });
      }
    }
    n++;
    const q = new URLSearchParams();
    let headers: Record<string, string> = {};
    const auth = e.auth ?? 'none';
    if (auth === 'basic') headers = { ...basic };
    else if (auth.startsWith('basic:')) {
      const parts = auth.split(':');
      const [u, p] = parts.length >= 3 ? [parts[1], parts.slice(2).join(':')] : ['test', parts.slice(1).join(':')];
      headers = { Authorization: 'Basic ' + Buffer.from(`${u}:${p}`).toString('base64') };
    } else if (auth.startsWith('api_key:')) {
      const parts = auth.split(':');
      q.append('api_key', parts.length >= 3 ? `${parts[1]}:${parts.slice(2).join(':')}` : `test:${parts.slice(1).join(':')}`);
    }
    for (const [k, v] of Object.entries(e.query ?? {})) {
      const s = v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
      q.append(k, k === 'api_key' ? s : ids.value(s));
    }
    const qs = q.toString() ? `?${q.toString()}` : '';
    const url = urlFor(ids.path(e.path ?? '/')) + qs;
    let live: { status: number; headers: Record<string, string | string[] | undefined>; body: Json | undefined };
    if (e.upgrade === 'websocket') {
      const label = e.ws ?? 'main';
      defaultLabel ??= label;
      const s = sock(label);
      live = await new Promise((resolve) => {
        const ws = new WebSocket(url.replace(/^http/, 'ws'), { headers });
        s.ws = ws;
        ws.on('open', () => resolve({ status: 101, headers: {}, body: undefined }));
        ws.on('message', (data) => {
          s.live.push(JSON.parse(data.toString()) as Obj);
          s.waiter?.();
        });
        ws.on('close', () => {
          // a close the server started always counts; our own close only where the recording shows one
          if (!s.closed && (!s.clientClosing || recordsClose.has(label))) s.live.push({ type: '_ws_close' });
          s.closed = true;
          s.waiter?.();
        });
        ws.on('unexpected-response', (_req, res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            s.closed = true;
            const ct = String(res.headers['content-type'] ?? '');
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: ct.includes('json') ? (JSON.parse(text) as Json) : text });
          });
        });
        ws.on('error', () => {
          s.closed = true;
        });
      });
    } else {
      let body: string | undefined;
      if (e.body !== undefined) {
        headers['Content-Type'] = e.headers?.['Content-Type'] ?? 'application/json';
        body = typeof e.body === 'string' ? e.body : JSON.stringify(ids.deep(e.body));
      }
      live = await request(url, e.method ?? 'GET', headers, body);
    }
    let shape: string | null = null;
    let locationOk: boolean | null = null;
    if (resp) {
      const kindOf = (ct: string | undefined, b: Json | undefined): string =>
        b === undefined || b === null ? 'empty' : String(ct ?? '').includes('json') ? 'json' : String(ct ?? '').includes('html') ? 'html' : 'other';
      const kr = kindOf(resp.headers?.['Content-Type'], resp.body);
      const kl = kindOf(String(live.headers['content-type'] ?? ''), live.body);
      shape = kr !== kl ? `content ${kr} vs ${kl}` : kr === 'json' ? shapeDiff(resp.body, live.body) : null;
      if (kr === 'json' && kl === 'json') ids.resource(resp.body, live.body);
      const rl = resp.headers?.Location;
      const ll = live.headers.location as string | undefined;
      if (rl || ll) {
        const dir = (s?: string): string | undefined => s?.slice(0, s.lastIndexOf('/') + 1);
        locationOk = dir(rl) === dir(ll);
        if (rl && ll) ids.bind(rl.split('/').pop(), ll.split('/').pop());
      }
    }
    result.requests.push({ n, method: e.method ?? 'GET', path: e.path ?? '', recStatus: resp?.status, liveStatus: live.status, shapeDiff: shape, locationOk });
  }
  await waitReady();
  for (const s of [...sockets.values()].reverse()) {
    if (s.ws && !s.closed) {
      s.clientClosing = true;
      await new Promise<void>((r) => {
        s.ws?.once('close', () => r());
        s.ws?.close(1000);
      });
    }
  }
  for (const [label, s] of sockets) result.sockets.set(label, { recorded: count(s.rec), live: count(s.live) });
  return result;
}

/** matched / max(recorded, live) over event types, volatile count differences of one forgiven. */
export function eventSimilarity(s: SocketResult): number {
  let matched = 0;
  let rec = 0;
  let live = 0;
  for (const t of new Set([...s.recorded.keys(), ...s.live.keys()])) {
    const a = s.recorded.get(t) ?? 0;
    const b = s.live.get(t) ?? 0;
    rec += a;
    live += b;
    matched += Math.min(a, b);
    if (VOLATILE.has(t) && Math.abs(a - b) === 1 && a && b) matched += 1;
  }
  const m = Math.max(rec, live);
  return m === 0 ? 1 : Math.min(matched, m) / m;
}
