// Matches a request against the route table and gives handlers typed access to parameters
// (query string first, then the JSON body, as Asterisk merges them).
import type { SimCore } from './core';
import type { Json, JsonObject } from './json';
import { OPERATIONS, type OperationSpec } from './routeTable';

export interface Req {
  core: SimCore;
  op: OperationSpec;
  path: Record<string, string>;
  query: URLSearchParams;
  body: Json | undefined;
  /** base of the api-docs (`http://host:port[/prefix]/ari`) */
  apiBase: string;
}

export interface Res {
  status: number;
  body?: Json;
  location?: string;
  binary?: { data: Buffer; contentType: string };
}

export type Handler = (r: Req) => Res | Promise<Res>;

export const ok = (body: Json): Res => ({ status: 200, body });
export const noContent = (): Res => ({ status: 204 });

/**
 * A parameter as the generated glue (res/res_ari_*.c) sees it: the query string first, then
 * `*_parse_body` overwrites it with the JSON body's field of that name, typed by the parameter:
 * a string must be a JSON string (anything else reads as absent), an int/long a JSON integer
 * (anything else reads as 0), a boolean is true only for JSON true. Unknown names keep the
 * simulator's old reading (the value, stringified).
 */
export function arg(r: Req, name: string): string | undefined {
  const b = r.body;
  if (b && typeof b === 'object' && !Array.isArray(b) && name in b) {
    const v = b[name];
    const spec = r.op.params.find((p) => p.name === name && p.paramType === 'query');
    if (!spec) {
      if (v === null || v === undefined) return undefined;
      return typeof v === 'object' ? JSON.stringify(v) : String(v);
    }
    if (spec.allowMultiple) return multi(r, name)?.join(',');
    if (spec.dataType === 'int' || spec.dataType === 'long') return String(typeof v === 'number' && Number.isInteger(v) ? v : 0);
    if (spec.dataType === 'boolean') return v === true ? 'true' : 'false';
    return typeof v === 'string' ? v : undefined;
  }
  const q = r.query.get(name);
  return q !== null ? q : undefined;
}

/**
 * A list parameter: the query value split at commas (ast_app_separate_args), or from the body
 * a JSON array (non-strings read as empty) or a single value taken whole (not split).
 */
export function multi(r: Req, name: string): string[] | undefined {
  const b = r.body;
  if (b && typeof b === 'object' && !Array.isArray(b) && name in b) {
    const v = b[name];
    if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : ''));
    return [typeof v === 'string' ? v : ''];
  }
  const q = r.query.get(name);
  return q !== null ? q.split(',') : undefined;
}

export function bodyObject(r: Req, key: string): JsonObject | undefined {
  const b = r.body;
  if (!b || typeof b !== 'object' || Array.isArray(b)) return undefined;
  const v = b[key];
  return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}

export function numArg(r: Req, name: string, dflt: number): number {
  const v = arg(r, name);
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  return Number.isFinite(n) ? n : dflt;
}

/** The generated glue atoi()s integer parameters: 0 when absent or not a number, no defaults. */
export function intArg(r: Req, name: string): number {
  const v = arg(r, name);
  if (v === undefined) return 0;
  const n = parseInt(v.trim(), 10);
  return Number.isFinite(n) ? n : 0;
}

export type Match = { kind: 'op'; op: OperationSpec; path: Record<string, string> } | { kind: 'method' } | { kind: 'none' };

function matchPath(pattern: string, segs: string[]): Record<string, string> | undefined {
  const p = pattern.split('/').filter(Boolean);
  if (p.length !== segs.length) return undefined;
  const out: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const m = /^\{(.+)\}$/.exec(p[i]);
    if (m) out[m[1]] = segs[i];
    else if (p[i] !== segs[i]) return undefined;
  }
  return out;
}

/** `rel` is the path after /ari, e.g. `/channels/123/play`. */
export function route(method: string, rel: string): Match {
  const segs = rel
    .split('/')
    .filter(Boolean)
    .map((s) => decodeURIComponent(s));
  let pathMatched = false;
  // literal segments win over {params} (e.g. /channels/create vs /channels/{channelId})
  const candidates = OPERATIONS.map((op) => ({ op, vars: matchPath(op.path, segs) })).filter((c) => c.vars);
  candidates.sort((a, b) => Object.keys(a.vars ?? {}).length - Object.keys(b.vars ?? {}).length);
  for (const c of candidates) {
    pathMatched = true;
    if (c.op.httpMethod === method && c.vars) return { kind: 'op', op: c.op, path: c.vars };
  }
  return pathMatched ? { kind: 'method' } : { kind: 'none' };
}
