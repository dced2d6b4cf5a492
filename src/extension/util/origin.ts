// "Is this the same server?" by parsed URL, never by string prefix: `http://pbx` is a prefix of
// `http://pbx.evil.example` and of `http://pbx:8099`. Pure code (no vscode).

/** scheme://host:port of an http(s) URL, host in lower case, default port explicit; else undefined. */
export function originOf(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  const port = u.port || (u.protocol === 'https:' ? '443' : '80');
  return `${u.protocol}//${u.hostname.toLowerCase()}:${port}`;
}

function ariPath(url: string): string {
  const path = new URL(url).pathname.replace(/\/+$/, '');
  return /\/ari$/i.test(path) ? path.slice(0, -4) : path;
}

/**
 * True when `ariBaseUrl` (scheme://host:port[/prefix]/ari, as a client built it) is the ARI of
 * the profile URL (scheme://host:port[/prefix]): same origin and the same http.conf prefix.
 */
export function isSameAriServer(ariBaseUrl: string, profileUrl: string): boolean {
  const a = originOf(ariBaseUrl);
  if (a === undefined || a !== originOf(profileUrl)) return false;
  return ariPath(ariBaseUrl) === ariPath(profileUrl);
}
