// Connection options shared by the REST client and the event socket (see docs/ARCHITECTURE.md).
import type { Logger } from '../util/logger';

export interface AriTlsOptions {
  /** Path of a PEM file with the CA (or the self-signed certificate) to trust. */
  caFile?: string;
  /** PEM text of the CA (or the self-signed certificate) to trust. */
  ca?: string;
  /** Skip certificate verification. Only when the user asked for it explicitly. */
  insecure?: boolean;
}

export interface AriConnectionOptions {
  /** http(s)://host:port[/prefix] — WITHOUT the trailing /ari. */
  url: string;
  username: string;
  password: string;
  tls?: AriTlsOptions;
  /** Per-request timeout, default 10000. */
  timeoutMs?: number;
  /** Largest REST response body read, in bytes (default DEFAULT_MAX_RESPONSE_BYTES); more fails with TOO_LARGE. */
  maxResponseBytes?: number;
  /** Debug lines for each request/response; credentials are never logged. */
  log?: Logger;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
/** ARI's largest real answers (/channels of a busy PBX, /asterisk/modules) are a few MB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** The part of node-fetch's Response the client reads. */
export interface FetchResponseLike {
  status: number;
  headers: { forEach(cb: (value: string, name: string) => void): void; get(name: string): string | null };
  text(): Promise<string>;
  buffer?(): Promise<Buffer>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface FetchInitLike {
  method: string;
  headers: Record<string, string>;
  body?: string;
  agent?: unknown;
  signal?: AbortSignal;
  /** node-fetch@2: 'manual' returns a 3xx as it is instead of following it with our headers. */
  redirect?: 'manual' | 'error' | 'follow';
  /** node-fetch@2: the body read fails (FetchError type 'max-size') past this many bytes. */
  size?: number;
}

/** node-fetch@2's call shape; injectable so tests can intercept requests. */
export type FetchLike = (url: string, init: FetchInitLike) => Promise<FetchResponseLike>;
