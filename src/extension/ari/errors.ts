// AriError: one error type for everything that can go wrong talking to ARI. `message` says what
// happened (with the server's own words), `hint` says what the user can do about it. Neither
// ever holds credentials: the client never puts them in URLs, and texts pass through redact().
import { redact } from '../util/logger';
import { shown } from '../util/sanitize';
import { t } from '../util/l10n';

export interface AriErrorInit {
  method: string;
  path: string;
  message: string;
  hint: string;
  status?: number;
  serverMessage?: string;
  code?: string;
  cause?: unknown;
}

export class AriError extends Error {
  override readonly name = 'AriError';
  readonly status?: number;
  readonly method: string;
  /** URL path of the request (with any http.conf prefix), without the query. */
  readonly path: string;
  /** What Asterisk itself said: `message` or `error` of a JSON body, or the text of an HTML page. */
  readonly serverMessage?: string;
  /** 'ECONNREFUSED', 'ETIMEDOUT', 'TLS', 'ENOTFOUND', 'ECONNRESET', 'HTTP' ... */
  readonly code?: string;
  /** What the user should do. */
  readonly hint: string;

  constructor(init: AriErrorInit) {
    // Messages quote server text and end up in notifications: one line, no link syntax, capped.
    super(shown(redact(init.message), MAX_MESSAGE));
    this.method = init.method;
    this.path = init.path;
    this.hint = shown(redact(init.hint), MAX_MESSAGE);
    this.status = init.status;
    this.serverMessage = init.serverMessage === undefined ? undefined : shown(redact(init.serverMessage), MAX_SERVER_TEXT);
    this.code = init.code;
    if (init.cause !== undefined) (this as { cause?: unknown }).cause = init.cause;
  }
}

const MAX_SERVER_TEXT = 300;
const MAX_MESSAGE = 1000;

/** The server's own message from an error body: JSON {message} / {error}, an HTML page, or text. */
export function extractServerMessage(text: string, contentType: string | undefined): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  if (trimmed.startsWith('{') || (contentType ?? '').includes('json')) {
    try {
      const body = JSON.parse(trimmed) as Record<string, unknown>;
      const m = body.message ?? body.error;
      if (typeof m === 'string') return shown(m, MAX_SERVER_TEXT);
    } catch {
      // not JSON after all: fall through to the text forms
    }
  }
  if (trimmed.startsWith('<') || (contentType ?? '').includes('html')) {
    const p = /<p>([\s\S]*?)<\/p>/i.exec(trimmed) ?? /<title>([\s\S]*?)<\/title>/i.exec(trimmed) ?? /<h1>([\s\S]*?)<\/h1>/i.exec(trimmed);
    if (p) return shown(decodeHtml(p[1].replace(/<[^>]*>/g, '').trim()), MAX_SERVER_TEXT);
  }
  return shown(trimmed, MAX_SERVER_TEXT);
}

function decodeHtml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * Removes the caller's own credentials (the password, base64 user:pass) from text a server
 * sent back: a proxy or a misconfigured server may echo the request in its error page.
 */
export function scrubCredentials(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 3 && out.includes(s)) out = out.split(s).join('***');
  return out;
}

/** What scrubCredentials() looks for, for a user and password. */
export function credentialForms(username: string, password: string): string[] {
  if (!password) return [];
  const pair = `${username}:${password}`;
  return [Buffer.from(pair, 'utf8').toString('base64'), pair, password, encodeURIComponent(password)];
}

/** A 3xx: ARI never redirects, and following would send the credentials where it points. */
export function errorFromRedirect(method: string, path: string, status: number, location: string | null): AriError {
  const where = location ? shown(redact(location.replace(/\/\/[^/@]*@/, '//')), 200) : '(no Location)';
  return new AriError({
    method,
    path,
    status,
    code: 'REDIRECT',
    message: t('{0} {1}: the server redirected ({2}) to {3}; redirects are refused', method, path, status, where),
    hint: t(
      'ARI never redirects: the profile URL points at something else (a proxy or a web server), or the server is not who it claims to be. The credentials were not sent there.',
    ),
  });
}

/** A body larger than the configured cap (ariExplorer.maxResponseMegabytes). */
export function errorTooLarge(method: string, path: string, maxBytes: number): AriError {
  return new AriError({
    method,
    path,
    code: 'TOO_LARGE',
    message: t('{0} {1}: the answer is larger than {2} MB and was not read', method, path, Math.round((maxBytes / (1024 * 1024)) * 10) / 10),
    hint: t('A real ARI answer is far smaller. If this server is yours and the answer is genuine, raise the setting ariExplorer.maxResponseMegabytes.'),
  });
}

/** An HTTP answer >= 400 (REST or the WebSocket handshake). `secrets` are scrubbed from the server's text. */
export function errorFromResponse(
  method: string,
  path: string,
  status: number,
  text: string,
  contentType: string | undefined,
  secrets: readonly string[] = [],
): AriError {
  const serverMessage = extractServerMessage(scrubCredentials(text, secrets), contentType);
  const html = (contentType ?? '').includes('html') || text.trimStart().startsWith('<');
  return new AriError({
    method,
    path,
    status,
    serverMessage,
    code: 'HTTP',
    message: t('{0} {1} failed: {2}', method, path, `${status}${serverMessage ? ` ${serverMessage}` : ''}`),
    hint: hintForStatus(status, html, serverMessage ?? ''),
  });
}

function hintForStatus(status: number, html: boolean, serverMessage: string): string {
  switch (status) {
    case 401:
      return t(
        "Check the profile's username and password: they must match a user section in ari.conf (with 'type = user'), and ari.conf must have 'enabled = yes'.",
      );
    case 403:
      return t('The ARI user is read-only (ari.conf "read_only = yes"): use a user with write access for this operation.');
    case 404:
      if (html)
        return t(
          "ARI does not answer at this URL. Check http.conf 'prefix' (the profile URL must include it, e.g. http://host:8088/asterisk) and that res_ari is loaded ('module show like res_ari'). Right after an Asterisk restart this lasts a moment.",
        );
      if (/resource not found/i.test(serverMessage))
        return t('This Asterisk has no such ARI resource: check the path, or whether this Asterisk version supports it.');
      return t('The object does not exist (any more): it may have been hung up or destroyed. Refresh the view.');
    case 400:
      if (/missing param/i.test(serverMessage))
        return t('A required parameter is missing; for the events WebSocket, give the profile at least one application name.');
      return t('Asterisk rejected the parameters: check the required ones and their allowed values.');
    case 405:
      return t('Asterisk does not accept this HTTP method on this path.');
    case 409:
      return t("The object is not in a state that allows this (for example the channel is not in a Stasis application, or not 'Down' for /dial).");
    case 412:
      return t('A precondition failed (for example the channel is not in a state that allows the operation).');
    case 422:
      return t('A referenced object or event source does not exist, or the request does not apply to it.');
    case 500:
      return t('Asterisk could not carry out the request; the Asterisk log (CLI "core set verbose 3") has the details.');
    case 501:
      return t('This Asterisk does not implement the operation.');
    case 502:
    case 503:
    case 504:
      return t('Asterisk or a proxy in front of it is unavailable: retry in a moment.');
    default:
      return status >= 500 ? t('Asterisk reported an internal error; see its log.') : t('Check the request parameters.');
  }
}

interface NodeErrorLike {
  code?: string;
  errno?: string | number;
  name?: string;
  message?: string;
  type?: string;
  cause?: unknown;
}

// A function, not a table: t() answers in the display language only once activation ran.
const tlsCodes = (): Record<string, [string, string]> => ({
  DEPTH_ZERO_SELF_SIGNED_CERT: [
    t('the server certificate is self-signed'),
    t("Trust it: put the server's certificate (PEM) in the profile's TLS CA file, or — on a trusted network only — enable 'skip certificate verification'."),
  ],
  SELF_SIGNED_CERT_IN_CHAIN: [
    t('the certificate chain ends in a self-signed CA that is not trusted'),
    t("Put that CA certificate (PEM) in the profile's TLS CA file, or — on a trusted network only — enable 'skip certificate verification'."),
  ],
  CERT_HAS_EXPIRED: [
    t('the server certificate has expired'),
    t("Renew the certificate in http.conf ('tlscertfile'), or — temporarily, on a trusted network — enable 'skip certificate verification'."),
  ],
  CERT_NOT_YET_VALID: [t('the server certificate is not valid yet'), t("Check the clocks of both machines or the certificate's dates.")],
  ERR_TLS_CERT_ALTNAME_INVALID: [
    t('the certificate was issued for another host name'),
    t('Connect with the host name the certificate names (not an IP address it does not list), or reissue the certificate with this name.'),
  ],
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: [t('the certificate was signed by an unknown CA'), t("Put the issuing CA certificate (PEM) in the profile's TLS CA file.")],
  UNABLE_TO_GET_ISSUER_CERT: [t('the certificate was signed by an unknown CA'), t("Put the issuing CA certificate (PEM) in the profile's TLS CA file.")],
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: [
    t('the certificate was signed by an unknown CA'),
    t("Put the issuing CA certificate (PEM) in the profile's TLS CA file."),
  ],
  CERT_SIGNATURE_FAILURE: [t('the certificate signature is invalid'), t('Reissue the server certificate.')],
  ERR_SSL_WRONG_VERSION_NUMBER: [
    t('the server did not answer with TLS'),
    t('Use http:// for this port, or the TLS port from http.conf "tlsbindaddr" (often 8089) with https://.'),
  ],
  EPROTO: [t('the TLS handshake failed'), t('Use http:// for a plain port, or check http.conf "tlsenable"/"tlsbindaddr".')],
});

function findCode(err: NodeErrorLike): string | undefined {
  let e: NodeErrorLike | undefined = err;
  for (let i = 0; e && i < 4; i++) {
    if (typeof e.code === 'string' && e.code) return e.code;
    if (typeof e.errno === 'string' && e.errno) return e.errno;
    e = e.cause as NodeErrorLike | undefined;
  }
  const m = /\b(E[A-Z]+|ERR_[A-Z_]+|[A-Z_]+_CERT[A-Z_]*)\b/.exec(err.message ?? '');
  return m?.[1];
}

/** A failure without an HTTP answer: refused, unreachable, timed out, TLS. */
export function errorFromNetwork(method: string, path: string, url: URL, err: unknown, timeoutMs?: number): AriError {
  const e = (err ?? {}) as NodeErrorLike;
  const where = `${url.hostname}:${url.port || (url.protocol === 'https:' || url.protocol === 'wss:' ? '443' : '80')}`;
  const base = { method, path, cause: err };
  if (timeoutMs !== undefined) {
    return new AriError({
      ...base,
      code: 'ETIMEDOUT',
      message: t('{0} {1}: no answer from {2} within {3} ms', method, path, where, timeoutMs),
      hint: t('The server is slow or unreachable (wrong host, firewall, NAT): check the address, or raise the timeout.'),
    });
  }
  const code = findCode(e) ?? 'UNKNOWN';
  const tlsInfo =
    tlsCodes()[code] ??
    (/certificate|ssl|tls/i.test(e.message ?? '')
      ? ([t('the TLS handshake failed'), t("Check the profile's TLS options (CA file, skip verification) and http.conf 'tlsenable'.")] as [string, string])
      : undefined);
  if (tlsInfo) {
    return new AriError({
      ...base,
      code: 'TLS',
      message: t('{0} {1}: TLS failure with {2}: {3} ({4})', method, path, where, tlsInfo[0], code),
      hint: tlsInfo[1],
    });
  }
  switch (code) {
    case 'ECONNREFUSED':
      return new AriError({
        ...base,
        code,
        message: t('{0} {1}: connection refused by {2}', method, path, where),
        hint: t(
          "Check the profile's host and port, and http.conf: 'enabled = yes', 'bindaddr'/'bindport' (or 'tlsbindaddr' for https). Asterisk may also be restarting.",
        ),
      });
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new AriError({
        ...base,
        code,
        message: t('{0} {1}: host {2} not found', method, path, url.hostname),
        hint: t("Check the host name in the profile's URL."),
      });
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
      return new AriError({
        ...base,
        code,
        message: t('{0} {1}: {2} is unreachable ({3})', method, path, where, code),
        hint: t('Check the address, the network route and any firewall between here and Asterisk.'),
      });
    case 'ECONNRESET':
    case 'EPIPE':
      return new AriError({
        ...base,
        code,
        message: t('{0} {1}: {2} closed the connection ({3})', method, path, where, code),
        hint: t('If the profile uses http:// on a TLS port (often 8089), use https://. Asterisk may also be restarting.'),
      });
    default:
      return new AriError({
        ...base,
        code,
        message: `${method} ${path}: ${e.message ?? String(err)}`,
        hint: t("Check the profile's URL and that Asterisk's HTTP server is running."),
      });
  }
}
