// What a connection profile is, how its URL is checked, and the export file format.
// Pure code (no vscode): the store, the prompts and the tests share it.

export interface ProfileTls {
  /** PEM file with the CA that signed the server's certificate (self-signed 8089 setups). */
  caFile?: string;
  /** Skip certificate verification. Only ever set explicitly by the user. */
  insecure?: boolean;
}

/** Everything but the password, which lives only in SecretStorage under `secretKey(id)`. */
export interface Profile {
  readonly id: string;
  name: string;
  /** http(s)://host[:port][/prefix], without the trailing /ari */
  url: string;
  username: string;
  /**
   * App names the user chose to register (like `wscat ... app=hello-world`). Empty: the
   * extension only observes with its own unique app name and subscribeAll.
   */
  apps: string[];
  tls?: ProfileTls;
}

export type ProfileFields = Omit<Profile, 'id'>;

export function secretKey(profileId: string): string {
  return `ariExplorer.profile.${profileId}.password`;
}

export function profileIdFromSecretKey(key: string): string | undefined {
  const m = /^ariExplorer\.profile\.(.+)\.password$/.exec(key);
  return m?.[1];
}

export type UrlCheck = { ok: true; url: string } | { ok: false; error: string };

/**
 * Accepts http(s)://host[:port][/prefix]; a trailing /ari (what people copy from docs) is
 * dropped because the client appends it. Credentials in the URL are refused so they never
 * end up in settings or logs.
 */
export function checkAriUrl(input: string): UrlCheck {
  const text = input.trim();
  if (!text) return { ok: false, error: 'Enter the ARI server URL, e.g. http://localhost:8088' };
  // `pbx:8088` or `localhost` without a scheme: new URL() reads `pbx:` as the scheme.
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    return { ok: false, error: `Start the URL with http:// or https://, e.g. http://${text.replace(/^\/+/, '')}` };
  }
  const port = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?(?:\[[^\]]*\]|[^/?#:]*):(\d+)(?:[/?#]|$)/i.exec(text)?.[1];
  if (port !== undefined && Number(port) > 65535) return { ok: false, error: `Port ${port} is out of range: use 1 to 65535 (ARI's default is 8088, 8089 with TLS).` };
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return { ok: false, error: 'Not a URL. Expected http(s)://host[:port][/prefix], e.g. http://localhost:8088' };
  }
  if (u.protocol === 'ws:' || u.protocol === 'wss:') {
    const http = u.protocol === 'ws:' ? 'http' : 'https';
    return { ok: false, error: `Use ${http}:// instead of ${u.protocol}//: the extension derives ARI's WebSocket URL from the server URL.` };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    return { ok: false, error: `Use http:// or https:// (got ${u.protocol}//). ARI's WebSocket URL is derived from it.` };
  }
  if (!u.hostname) return { ok: false, error: 'The URL needs a host name, e.g. http://localhost:8088' };
  if (u.username || u.password) return { ok: false, error: 'Put the user name and password in their own fields, not in the URL.' };
  if (u.search || u.hash) return { ok: false, error: 'The URL must not contain a query or fragment.' };
  // new URL() already refuses ports outside 0..65535; 0 is not usable either.
  if (u.port === '0') return { ok: false, error: "Port 0 is not valid: use the port of http.conf's bindport (8088 by default, 8089 with TLS)." };
  let path = u.pathname.replace(/\/+$/, '');
  if (/\/ari$/i.test(path)) path = path.slice(0, -4);
  return { ok: true, url: `${u.protocol}//${u.host}${path}` };
}

export function checkName(name: string, taken: (name: string) => boolean): string | undefined {
  const n = name.trim();
  if (!n) return 'Enter a name for the profile.';
  if (taken(n)) return `A profile named "${n}" already exists.`;
  return undefined;
}

/** ARI app names: no commas (the WebSocket joins them with commas) and no spaces. */
export function parseAppNames(text: string): { apps: string[]; error?: string } {
  const apps = text
    .split(/[,\s]+/)
    .map((a) => a.trim())
    .filter(Boolean);
  const bad = apps.find((a) => !/^[\w.:@-]+$/.test(a));
  if (bad) return { apps, error: `"${bad}" is not a valid app name (letters, digits, . _ - : @).` };
  return { apps: [...new Set(apps)] };
}

/** The export file. Passwords are never part of it. */
export interface ProfileExport {
  format: 'ari-explorer-profiles';
  version: 1;
  profiles: ProfileFields[];
}

export function toExport(profiles: readonly Profile[]): ProfileExport {
  return {
    format: 'ari-explorer-profiles',
    version: 1,
    // Fields are copied one by one so that nothing else (an id, a stray password) slips in.
    profiles: profiles.map((p) => ({
      name: p.name,
      url: p.url,
      username: p.username,
      apps: [...p.apps],
      ...(p.tls ? { tls: { ...(p.tls.caFile ? { caFile: p.tls.caFile } : {}), ...(p.tls.insecure ? { insecure: true } : {}) } } : {}),
    })),
  };
}

/** Parses an export file; unknown fields (including any `password`) are dropped. */
export function fromExport(json: string): { profiles: ProfileFields[]; errors: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (err) {
    return { profiles: [], errors: [`Not JSON: ${(err as Error).message}`] };
  }
  const list = Array.isArray(data) ? data : (data as { profiles?: unknown })?.profiles;
  if (!Array.isArray(list)) return { profiles: [], errors: ['Expected { "profiles": [...] }.'] };
  const profiles: ProfileFields[] = [];
  const errors: string[] = [];
  list.forEach((raw: unknown, i) => {
    const r = (raw ?? {}) as Record<string, unknown>;
    const name = typeof r.name === 'string' ? r.name.trim() : '';
    const url = checkAriUrl(typeof r.url === 'string' ? r.url : '');
    if (!name) return errors.push(`Profile ${i + 1}: missing name.`);
    if (!url.ok) return errors.push(`Profile "${name}": ${url.error}`);
    if (typeof r.username !== 'string' || !r.username) return errors.push(`Profile "${name}": missing username.`);
    const apps = Array.isArray(r.apps) ? parseAppNames(r.apps.filter((a) => typeof a === 'string').join(',')) : { apps: [] };
    if (apps.error) return errors.push(`Profile "${name}": ${apps.error}`);
    const t = (r.tls ?? {}) as Record<string, unknown>;
    const tls: ProfileTls = {};
    if (typeof t.caFile === 'string' && t.caFile) tls.caFile = t.caFile;
    if (t.insecure === true) tls.insecure = true;
    profiles.push({ name, url: url.url, username: r.username, apps: apps.apps, ...(Object.keys(tls).length ? { tls } : {}) });
  });
  return { profiles, errors };
}
