// Maps the values the user gave for an operation's parameters to one HTTP request:
// path parameters substituted, query parameters as strings, the body parameter as JSON.
// Pure: the same mapping serves sending, the history and the curl export.
import { seg } from '../../ari/resources/caller';
import type { ApiOperation, ApiParameter, HttpMethod } from './swagger';
import { t } from '../../util/l10n';

export interface PreparedRequest {
  method: HttpMethod;
  /** Relative to /ari, path parameters substituted and encoded: `/channels/1.2/play`. */
  path: string;
  /** Query values already in wire form (arrays joined with commas). */
  query: Record<string, string>;
  body?: unknown;
}

/** Text per parameter name; a missing or undefined entry means "not sent". */
export type ParamValues = Record<string, string | undefined>;

export type BuildResult = { ok: true; request: PreparedRequest } | { ok: false; errors: string[] };

/** Why `raw` is not acceptable for `param`, or undefined. Empty text is "not given". */
export function validateParamValue(param: ApiParameter, raw: string): string | undefined {
  const text = raw.trim();
  if (text === '') return param.required ? t('{0} is required.', param.name) : undefined;
  if (param.paramType === 'body') {
    try {
      JSON.parse(text);
      return undefined;
    } catch (err) {
      return t('{0}: not valid JSON ({1}).', param.name, err instanceof Error ? err.message : String(err));
    }
  }
  const items = param.allowMultiple ? splitList(text) : [text];
  if (items.length === 0) return param.required ? t('{0} is required.', param.name) : undefined;
  for (const item of items) {
    const reason = validateScalar(param, item);
    if (reason) return `${param.name}: ${reason}`;
  }
  return undefined;
}

function validateScalar(param: ApiParameter, item: string): string | undefined {
  const type = param.dataType.toLowerCase();
  if (type === 'int' || type === 'long' || type === 'integer') {
    if (!/^-?\d+$/.test(item)) return t('"{0}" is not a whole number.', item);
  } else if (type === 'double' || type === 'float' || type === 'number') {
    if (!Number.isFinite(Number(item))) return t('"{0}" is not a number.', item);
  } else if (type === 'boolean') {
    if (!/^(true|false)$/i.test(item)) return t('true or false.');
  }
  const allowed = param.allowableValues;
  if (allowed?.valueType === 'LIST') {
    // Asterisk compares most of these case-insensitively (device states: `inuse` is accepted).
    if (!allowed.values.some((v) => v.toLowerCase() === item.toLowerCase())) return t('"{0}" is not one of {1}.', item, allowed.values.join(', '));
  } else if (allowed?.valueType === 'RANGE') {
    const n = Number(item);
    if (allowed.min !== undefined && n < allowed.min) return t('at least {0}.', allowed.min);
    if (allowed.max !== undefined && n > allowed.max) return t('at most {0}.', allowed.max);
  }
  return undefined;
}

/**
 * One path segment. ':' and '@' are legal in a segment and stay readable
 * (`/deviceStates/Stasis:demo`, like the transcripts); everything else is percent-encoded.
 * The same encoding as the typed client's.
 */
export const encodePathSegment: (value: string) => string = seg;

/** `a, b,,c` -> ['a', 'b', 'c'] */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function buildRequest(op: ApiOperation, values: ParamValues): BuildResult {
  const errors: string[] = [];
  const query: Record<string, string> = {};
  let body: unknown;
  let path = op.path;
  for (const param of op.parameters) {
    const raw = values[param.name];
    const text = raw?.trim() ?? '';
    const reason = validateParamValue(param, text);
    if (reason) {
      errors.push(reason);
      continue;
    }
    if (text === '') continue;
    switch (param.paramType) {
      case 'path':
        path = path.split(`{${param.name}}`).join(encodePathSegment(text));
        break;
      case 'query':
        // ARI reads a list parameter from one comma-separated value; a repeated key would
        // keep only the last occurrence.
        query[param.name] = param.allowMultiple ? splitList(text).join(',') : param.dataType === 'boolean' ? text.toLowerCase() : text;
        break;
      case 'body':
        body = JSON.parse(text);
        break;
    }
  }
  const missing = path.match(/\{[^}]+\}/g);
  if (missing) errors.push(`No value for ${missing.join(', ')}.`);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, request: { method: op.method, path, query, body } };
}

/**
 * Query string as the client sends it: percent-encoded (never `+` for a space), with
 * `: @ / ,` left readable (`endpoint=Local/100@default`, `channel=a,b`) as ARI reads them.
 */
export function queryString(query: Record<string, string>): string {
  const enc = (v: string): string => encodeURIComponent(v).replace(/%3A/gi, ':').replace(/%40/g, '@').replace(/%2F/gi, '/').replace(/%2C/gi, ',');
  const parts = Object.entries(query).map(([k, v]) => `${encodeURIComponent(k)}=${enc(v)}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** Full URL: `baseUrl` ends with /ari (AriRestClient.baseUrl). */
export function requestUrl(baseUrl: string, req: Pick<PreparedRequest, 'path' | 'query'>): string {
  return `${baseUrl.replace(/\/+$/, '')}${req.path}${queryString(req.query)}`;
}

/**
 * A starting text for a body parameter. Asterisk reads `variables`/`fields` from a key of
 * the same name inside the body object, so the template already has that key.
 */
export function bodyTemplate(param: ApiParameter): string {
  if (param.dataType === 'containers') return param.name === 'fields' ? '{"fields": []}' : `{"${param.name}": {}}`;
  if (param.name === 'filter') return '{"allowed": [], "disallowed": []}';
  return '{}';
}

/** Required parameters first (path, then query, then body), each group in document order. */
export function promptOrder(op: ApiOperation): ApiParameter[] {
  const rank = (p: ApiParameter): number => (p.required ? 0 : 3) + (p.paramType === 'path' ? 0 : p.paramType === 'query' ? 1 : 2);
  return op.parameters
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
    .map(({ p }) => p);
}
