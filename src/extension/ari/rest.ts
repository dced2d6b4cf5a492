// AriRestClient: every ARI REST operation, typed, over node-fetch@2.
// Why these choices:
// - Credentials go in an `Authorization: Basic` header, never as `api_key` in the URL, so no
//   URL we build (and may log or show in an error) ever carries a password.
// - The base URL is `<profile url>/ari`; http.conf `prefix` is part of the profile URL
//   (http://host:8088/asterisk -> /asterisk/ari). Asterisk's Location headers stay unprefixed
//   (transcript 14), so `pathFromLocation()` maps them back to a path relative to /ari.
// - Every request has a deadline (AbortController, default 10 s): a half-dead server must not
//   hang a command or a resync forever.
// - One keep-alive Agent (agent.ts) serves REST and the event WebSocket, so TLS settings agree.
// - A server is untrusted: redirects are refused (ARI never redirects, and following one sends
//   the Authorization header to wherever it points), and a body larger than maxResponseBytes
//   fails with TOO_LARGE instead of filling the extension host's memory.
import type * as http from 'node:http';
import nodeFetch from 'node-fetch';
import type { Logger } from '../util/logger';
import { nullLogger, redact } from '../util/logger';
import { createAgent } from './agent';
import { AriError, credentialForms, errorFromNetwork, errorFromResponse, errorFromRedirect, errorTooLarge } from './errors';
import { type AriConnectionOptions, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS, type FetchLike, type FetchResponseLike } from './options';
import { buildQuery } from './query';
import type { AriCaller, HttpMethod } from './resources/caller';
import { ApiDocsResource } from './resources/apiDocs';
import { ApplicationsResource } from './resources/applications';
import { AsteriskResource } from './resources/asterisk';
import { BridgesResource } from './resources/bridges';
import { ChannelsResource } from './resources/channels';
import { DeviceStatesResource } from './resources/deviceStates';
import { EndpointsResource } from './resources/endpoints';
import { MailboxesResource } from './resources/mailboxes';
import { PlaybacksResource } from './resources/playbacks';
import { RecordingsResource } from './resources/recordings';
import { SoundsResource } from './resources/sounds';
import { EventsResource } from './resources/userEvents';
import { t } from '../util/l10n';

export type { HttpMethod } from './resources/caller';

export interface AriResponse<T> {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** Parsed JSON; the text when it is not JSON; undefined for an empty body; a Buffer in binary mode. */
  body: T;
  /** The body as text ('' in binary mode). */
  text: string;
}

export interface AriRequestOptions {
  query?: Record<string, string | number | boolean | string[] | undefined>;
  body?: unknown;
  timeoutMs?: number;
  /** Resolve `body` to a Buffer of the raw bytes (stored recording files). */
  binary?: boolean;
}

/** Test seams; the extension never passes these. */
export interface AriRestClientDeps {
  fetch?: FetchLike;
  agent?: http.Agent;
}

export interface ParsedAriUrl {
  /** scheme://host:port[/prefix]/ari, no credentials, no trailing slash. */
  baseUrl: string;
  /** [/prefix]/ari */
  basePath: string;
}

/** Normalises a profile URL: drops credentials, trailing slashes and a trailing `/ari`. */
export function parseAriUrl(url: string): ParsedAriUrl {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new AriError({
      method: '',
      path: '',
      code: 'EINVALIDURL',
      message: t('Not a valid URL: {0}', redact(url)),
      hint: t('The profile URL must look like http://host:8088 or https://host:8089/prefix.'),
    });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new AriError({
      method: '',
      path: '',
      code: 'EINVALIDURL',
      message: `Unsupported URL scheme ${u.protocol}`,
      hint: 'Use http:// or https:// (the client derives ws:// or wss:// for events).',
    });
  }
  const prefix = u.pathname.replace(/\/+$/, '').replace(/\/ari$/, '');
  const basePath = `${prefix}/ari`;
  return { baseUrl: `${u.protocol}//${u.host}${basePath}`, basePath };
}

export function basicAuthHeader(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

export class AriRestClient implements AriCaller {
  /** scheme://host:port[/prefix]/ari */
  readonly baseUrl: string;
  /** [/prefix]/ari */
  readonly basePath: string;
  readonly agent: http.Agent;

  readonly asterisk: AsteriskResource;
  readonly channels: ChannelsResource;
  readonly bridges: BridgesResource;
  readonly playbacks: PlaybacksResource;
  readonly recordings: RecordingsResource;
  readonly endpoints: EndpointsResource;
  readonly applications: ApplicationsResource;
  readonly deviceStates: DeviceStatesResource;
  readonly sounds: SoundsResource;
  readonly mailboxes: MailboxesResource;
  readonly events: EventsResource;
  readonly apiDocs: ApiDocsResource;

  private readonly authorization: string;
  /** Scrubbed from server error texts (a server may echo the request). */
  private readonly secrets: string[];
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;
  private readonly log: Logger;
  private readonly fetchImpl: FetchLike;
  private readonly ownsAgent: boolean;

  constructor(opts: AriConnectionOptions, deps: AriRestClientDeps = {}) {
    const parsed = parseAriUrl(opts.url);
    this.baseUrl = parsed.baseUrl;
    this.basePath = parsed.basePath;
    this.authorization = basicAuthHeader(opts.username, opts.password);
    this.secrets = credentialForms(opts.username, opts.password);
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxResponseBytes = opts.maxResponseBytes && opts.maxResponseBytes > 0 ? opts.maxResponseBytes : DEFAULT_MAX_RESPONSE_BYTES;
    this.log = opts.log ?? nullLogger;
    this.fetchImpl = deps.fetch ?? (nodeFetch as unknown as FetchLike);
    this.ownsAgent = !deps.agent;
    this.agent = deps.agent ?? createAgent(this.baseUrl, opts.tls);

    this.asterisk = new AsteriskResource(this);
    this.channels = new ChannelsResource(this);
    this.bridges = new BridgesResource(this);
    this.playbacks = new PlaybacksResource(this);
    this.recordings = new RecordingsResource(this);
    this.endpoints = new EndpointsResource(this);
    this.applications = new ApplicationsResource(this);
    this.deviceStates = new DeviceStatesResource(this);
    this.sounds = new SoundsResource(this);
    this.mailboxes = new MailboxesResource(this);
    this.events = new EventsResource(this);
    this.apiDocs = new ApiDocsResource(this);
  }

  /**
   * Maps a Location header (`/ari/playbacks/x`, unprefixed even behind http.conf `prefix`) or a
   * full URL to a path relative to /ari (`/playbacks/x`).
   */
  pathFromLocation(location: string): string {
    let p = location;
    if (/^[a-z]+:\/\//i.test(p)) p = new URL(p).pathname;
    if (p.startsWith(this.basePath + '/')) return p.slice(this.basePath.length);
    if (p.startsWith('/ari/')) return p.slice(4);
    return p;
  }

  /**
   * One HTTP request to ARI. `path` is relative to /ari ('/channels/x'); a path that starts with
   * '/ari/' is taken as such too. Throws AriError for status >= 400, network failure or timeout.
   */
  async request<T = unknown>(method: HttpMethod, path: string, opts: AriRequestOptions = {}): Promise<AriResponse<T>> {
    const rel = path.startsWith('/ari/') ? path.slice(4) : path.startsWith('/') ? path : `/${path}`;
    const fullPath = this.basePath + rel;
    const qs = buildQuery(opts.query);
    const url = this.baseUrl + rel + qs;
    const headers: Record<string, string> = { Authorization: this.authorization, Accept: opts.binary ? '*/*' : 'application/json' };
    let body: string | undefined;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['Content-Type'] = 'application/json';
    }
    const timeoutMs = opts.timeoutMs ?? this.timeoutMs;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const started = Date.now();
    try {
      let res: FetchResponseLike;
      let text = '';
      let bytes: Buffer | undefined;
      try {
        res = await this.fetchImpl(url, {
          method,
          headers,
          body,
          agent: this.agent,
          signal: controller.signal,
          redirect: 'manual',
          size: this.maxResponseBytes,
        });
        if (res.status >= 300 && res.status < 400) {
          const error = errorFromRedirect(method, fullPath, res.status, res.headers.get('location'));
          this.log.warn(`ARI ${method} ${fullPath}${redact(qs)} -> ${res.status}: redirect refused`);
          controller.abort();
          throw error;
        }
        if (opts.binary && res.status < 400) bytes = res.buffer ? await res.buffer() : Buffer.from(await res.arrayBuffer());
        else text = await res.text();
      } catch (err) {
        if (err instanceof AriError) throw err;
        const tooLarge = (err as { type?: unknown })?.type === 'max-size';
        const error = tooLarge
          ? errorTooLarge(method, fullPath, this.maxResponseBytes)
          : errorFromNetwork(method, fullPath, new URL(url), err, timedOut ? timeoutMs : undefined);
        controller.abort();
        this.log.debug(`ARI ${method} ${fullPath}${redact(qs)} -> ${error.code ?? 'error'} (${Date.now() - started} ms)`);
        throw error;
      }
      const resHeaders: Record<string, string> = {};
      res.headers.forEach((value, name) => {
        resHeaders[name.toLowerCase()] = value;
      });
      this.log.debug(`ARI ${method} ${fullPath}${redact(qs)} -> ${res.status} (${Date.now() - started} ms)`);
      if (res.status >= 400) throw errorFromResponse(method, fullPath, res.status, text, resHeaders['content-type'], this.secrets);
      if (bytes) return { status: res.status, headers: resHeaders, body: bytes as T, text: '' };
      return { status: res.status, headers: resHeaders, body: parseBody(text, resHeaders['content-type']) as T, text };
    } finally {
      clearTimeout(timer);
    }
  }

  /** AriCaller: the typed methods of the resource groups come through here. */
  async call<T>(method: HttpMethod, path: string, query?: object, body?: unknown): Promise<T> {
    const res = await this.request<T>(method, path, { query: query as AriRequestOptions['query'], body });
    return res.body;
  }

  async callBinary(method: HttpMethod, path: string): Promise<Buffer> {
    const res = await this.request<Buffer>(method, path, { binary: true });
    return res.body;
  }

  /** Closes idle keep-alive sockets (only an agent this client created). */
  dispose(): void {
    if (this.ownsAgent) this.agent.destroy();
  }
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return undefined;
  const ct = contentType ?? '';
  const c = text.charCodeAt(0);
  // '{' or '[' also when the type is missing: ARI always answers JSON on success.
  if (ct.includes('json') || c === 123 || c === 91) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}
