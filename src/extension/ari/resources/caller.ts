// What a resource group needs from the client: one call per operation. Resource files hold
// only paths and parameter shapes, so the conformance test can check them against the docs.
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface AriCaller {
  /** Resolves to the parsed body (undefined for 204). `query` values: string, number, boolean, string[]. */
  call<T>(method: HttpMethod, path: string, query?: object, body?: unknown): Promise<T>;
  /** Resolves to the raw bytes of the body (stored recording files). */
  callBinary(method: HttpMethod, path: string): Promise<Buffer>;
}

/**
 * Encodes one path segment. ':' and '@' stay as they are (legal in a path, and they appear in
 * device names like `Stasis:demo` and `Local:100@default`); everything else is escaped.
 */
export function seg(value: string): string {
  return encodeURIComponent(value).replace(/%3A/gi, ':').replace(/%40/g, '@');
}

/** ARI takes `variables` as a JSON body `{"variables": {...}}`; omitted when there are none. */
export function variablesBody(variables: Record<string, string> | undefined): { variables: Record<string, string> } | undefined {
  return variables === undefined ? undefined : { variables };
}
