// An ARI call as a POSIX shell curl command line. By default the password is NOT in it:
// `-u user` makes curl prompt, or `$ARI_PASSWORD` is read from the environment; only an
// explicit choice embeds it. Credentials never go into the URL (no api_key, no user:pass@).
import { requestUrl, type PreparedRequest } from './request';

export type CurlAuth =
  | { kind: 'prompt'; username: string }
  | { kind: 'env'; username: string; variable?: string }
  | { kind: 'password'; username: string; password: string };

export interface CurlOptions {
  /** Adds -k, for profiles that skip TLS verification. */
  insecure?: boolean;
}

/** Single-quotes a word for sh/bash/zsh; a single quote inside becomes '\''. */
export function shellQuote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Inside double quotes only \ " $ and ` are special. */
function doubleQuoteEscape(s: string): string {
  return s.replace(/([\\"$`])/g, '\\$1');
}

export function formatCurl(baseUrl: string, req: PreparedRequest, auth: CurlAuth, opts: CurlOptions = {}): string {
  const query = { ...req.query };
  delete query.api_key;
  const url = requestUrl(stripUrlCredentials(baseUrl), { path: req.path, query });
  const words: string[] = ['curl', '-sS'];
  if (opts.insecure) words.push('-k');
  if (req.method !== 'GET') words.push('-X', req.method);
  words.push('-u', authWord(auth));
  if (req.body !== undefined) {
    words.push('-H', shellQuote('Content-Type: application/json'));
    words.push('--data-raw', shellQuote(JSON.stringify(req.body)));
  }
  words.push(shellQuote(url));
  return words.join(' ');
}

function authWord(auth: CurlAuth): string {
  switch (auth.kind) {
    case 'prompt':
      return shellQuote(auth.username);
    case 'env': {
      const variable = auth.variable ?? 'ARI_PASSWORD';
      return `"${doubleQuoteEscape(auth.username)}:$${variable}"`;
    }
    case 'password':
      return shellQuote(`${auth.username}:${auth.password}`);
  }
}

function stripUrlCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1');
}
