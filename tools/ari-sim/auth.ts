// ARI authentication: Basic header or `api_key=user:pass` query, on REST and WS upgrade.
import type { IncomingMessage } from 'node:http';

export interface Credentials {
  user: string;
  password: string;
}

export function authorized(req: IncomingMessage, query: URLSearchParams, creds: Credentials): boolean {
  const h = req.headers.authorization;
  if (h && /^basic /i.test(h)) {
    const decoded = Buffer.from(h.slice(6).trim(), 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    if (i >= 0 && decoded.slice(0, i) === creds.user && decoded.slice(i + 1) === creds.password) return true;
  }
  const key = query.get('api_key');
  if (key !== null) {
    const i = key.indexOf(':');
    if (i >= 0 && key.slice(0, i) === creds.user && key.slice(i + 1) === creds.password) return true;
  }
  return false;
}

export const WWW_AUTHENTICATE = 'Basic realm="Asterisk REST Interface"';
