// What a connection profile is, how its URL is checked, and the export file format.
// Pure code (no vscode): the store, the prompts and the tests share it.
import { originOf } from '../util/origin';
import { capText } from '../util/sanitize';
import { t } from '../util/l10n';

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

/** Whether an edit changes what the connection uses (a new name alone does not). */
export function connectionSettingsChanged(before: ProfileFields, after: ProfileFields, newPassword: boolean): boolean {
  return (
    newPassword ||
    before.url !== after.url ||
    before.username !== after.username ||
    before.apps.join('\n') !== after.apps.join('\n') ||
    JSON.stringify(before.tls ?? {}) !== JSON.stringify(after.tls ?? {})
  );
}

export function secretKey(profileId: string): string {
  return `ariExplorer.profile.${profileId}.password`;
}

export function profileIdFromSecretKey(key: string): string | undefined {
  const m = /^ariExplorer\.profile\.(.+)\.password$/.exec(key);
  return m?.[1];
}

/** A stored password may follow a profile edit only when the server origin and the user stay. */
export function sameCredentialTarget(a: Pick<Profile, 'url' | 'username'>, b: Pick<Profile, 'url' | 'username'>): boolean {
  const o = originOf(a.url);
  return o !== undefined && o === originOf(b.url) && a.username === b.username;
}

export type UrlCheck = { ok: true; url: string } | { ok: false; error: string };

/**
 * Accepts http(s)://host[:port][/prefix]; a trailing /ari (what people copy from docs) is
 * dropped because the client appends it. Credentials in the URL are refused so they never
 * end up in settings or logs.
 */
export function checkAriUrl(input: string): UrlCheck {
  const text = input.trim();
  if (!text) return { ok: false, error: t('Enter the ARI server URL, e.g. http://localhost:8088') };
  // `pbx:8088` or `localhost` without a scheme: new URL() reads `pbx:` as the scheme.
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    return { ok: false, error: t('Start the URL with http:// or https://, e.g. http://{0}', text.replace(/^\/+/, '')) };
  }
  const port = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?(?:\[[^\]]*\]|[^/?#:]*):(\d+)(?:[/?#]|$)/i.exec(text)?.[1];
  if (port !== undefined && Number(port) > 65535)
    return { ok: false, error: t("Port {0} is out of range: use 1 to 65535 (ARI's default is 8088, 8089 with TLS).", port) };
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return { ok: false, error: t('Not a URL. Expected http(s)://host[:port][/prefix], e.g. http://localhost:8088') };
  }
  if (u.protocol === 'ws:' || u.protocol === 'wss:') {
    const http = u.protocol === 'ws:' ? 'http' : 'https';
    return { ok: false, error: t("Use {0}:// instead of {1}//: the extension derives ARI's WebSocket URL from the server URL.", http, u.protocol) };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    return { ok: false, error: t("Use http:// or https:// (got {0}//). ARI's WebSocket URL is derived from it.", u.protocol) };
  }
  if (!u.hostname) return { ok: false, error: t('The URL needs a host name, e.g. http://localhost:8088') };
  if (u.username || u.password) return { ok: false, error: t('Put the user name and password in their own fields, not in the URL.') };
  if (u.search || u.hash) return { ok: false, error: t('The URL must not contain a query or fragment.') };
  // new URL() already refuses ports outside 0..65535; 0 is not usable either.
  if (u.port === '0') return { ok: false, error: t("Port 0 is not valid: use the port of http.conf's bindport (8088 by default, 8089 with TLS).") };
  let path = u.pathname.replace(/\/+$/, '');
  if (/\/ari$/i.test(path)) path = path.slice(0, -4);
  return { ok: true, url: `${u.protocol}//${u.host}${path}` };
}

export function checkName(name: string, taken: (name: string) => boolean): string | undefined {
  const n = name.trim();
  if (!n) return t('Enter a name for the profile.');
  if (taken(n)) return t('A profile named "{0}" already exists.', n);
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

/** Caps of an import file: real exports hold a handful of profiles with short fields. */
export const IMPORT_LIMITS = { fileBytes: 1024 * 1024, profiles: 500, name: 100, url: 2048, username: 256, apps: 50, caFile: 4096, errors: 20 } as const;

/** What fromExport found, for the import command to show and confirm. */
export interface ParsedImport {
  profiles: ProfileFields[];
  /** One line per skipped entry, capped at IMPORT_LIMITS.errors (the rest are counted in `skipped`). */
  errors: string[];
  skipped: number;
}

/**
 * Parses an export file; unknown fields (including any `password`) are dropped. Entries over
 * the caps are skipped; `tls.insecure` is kept so the caller can ask about it explicitly.
 * Messages quote names only capped and never the file's text (a JSON parse error echoes it).
 */
export function fromExport(json: string): ParsedImport {
  const result: ParsedImport = { profiles: [], errors: [], skipped: 0 };
  const fail = (message: string): void => {
    result.skipped++;
    if (result.errors.length < IMPORT_LIMITS.errors) result.errors.push(message);
  };
  if (json.length > IMPORT_LIMITS.fileBytes) {
    fail(t('The file is larger than {0} KB: not a profile export.', IMPORT_LIMITS.fileBytes / 1024));
    return result;
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    fail(t('Not JSON: the file is not a profile export.'));
    return result;
  }
  const list = Array.isArray(data) ? data : (data as { profiles?: unknown })?.profiles;
  if (!Array.isArray(list)) {
    fail(t('Expected { "profiles": [...] }.'));
    return result;
  }
  const L = IMPORT_LIMITS;
  list.forEach((raw: unknown, i) => {
    if (i >= L.profiles) return fail(t('Profile {0}: more than {1} profiles in one file; the rest are skipped.', i + 1, L.profiles));
    const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const name = typeof r.name === 'string' ? r.name.trim() : '';
    const label = capText(name.replace(/\s+/g, ' '), 60);
    if (!name) return fail(t('Profile {0}: missing name.', i + 1));
    if (name.length > L.name || /[\u0000-\u001f\u007f]/.test(name))
      return fail(t('Profile {0}: the name is longer than {1} characters or holds control characters.', i + 1, L.name));
    const urlText = typeof r.url === 'string' ? r.url : '';
    if (urlText.length > L.url) return fail(t('Profile "{0}": the URL is longer than {1} characters.', label, L.url));
    const url = checkAriUrl(urlText);
    if (!url.ok) return fail(t('Profile "{0}": {1}', label, url.error));
    if (typeof r.username !== 'string' || !r.username) return fail(t('Profile "{0}": missing username.', label));
    if (r.username.length > L.username) return fail(t('Profile "{0}": the user name is longer than {1} characters.', label, L.username));
    const appList = Array.isArray(r.apps) ? r.apps.filter((a): a is string => typeof a === 'string') : [];
    if (appList.length > L.apps || appList.some((a) => a.length > L.name)) return fail(t('Profile "{0}": too many or too long app names.', label));
    const apps = parseAppNames(appList.join(','));
    if (apps.error) return fail(t('Profile "{0}": {1}', label, apps.error));
    const tl = (r.tls && typeof r.tls === 'object' ? r.tls : {}) as Record<string, unknown>;
    const tls: ProfileTls = {};
    if (typeof tl.caFile === 'string' && tl.caFile) {
      if (tl.caFile.length > L.caFile) return fail(t('Profile "{0}": the CA file path is longer than {1} characters.', label, L.caFile));
      tls.caFile = tl.caFile;
    }
    if (tl.insecure === true) tls.insecure = true;
    result.profiles.push({ name, url: url.url, username: r.username, apps: apps.apps, ...(Object.keys(tls).length ? { tls } : {}) });
  });
  return result;
}
