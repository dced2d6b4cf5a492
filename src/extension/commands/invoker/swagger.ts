// Reads the server's own API description (Swagger 1.1/1.2 as Asterisk serves it at
// /ari/api-docs/resources.json and /ari/api-docs/{resource}.json) into a flat operation list.
// Pure: no vscode, no network — the caller fetches the documents.

import type { HttpMethod } from '../../ari/resources/caller';

export type { HttpMethod };
export type ParamType = 'path' | 'query' | 'body';

export type AllowableValues = { valueType: 'LIST'; values: string[] } | { valueType: 'RANGE'; min?: number; max?: number };

export interface ApiParameter {
  name: string;
  description: string;
  paramType: ParamType;
  required: boolean;
  allowMultiple: boolean;
  /** Swagger type: string, int, long, boolean, object, containers, ... */
  dataType: string;
  allowableValues?: AllowableValues;
  defaultValue?: string;
}

export interface ApiOperation {
  /** Resource document name without extension: `channels`. */
  resource: string;
  /** Path as documented, relative to /ari: `/channels/{channelId}/play`. */
  path: string;
  method: HttpMethod;
  nickname: string;
  summary: string;
  notes?: string;
  parameters: ApiParameter[];
  responseClass?: string;
  /** 'websocket' for /events: not a REST call. */
  upgrade?: string;
}

/** `/api-docs/channels.{format}` -> `channels.json`, in the listing's order. */
export function resourceFilesFromListing(listing: unknown): string[] {
  const apis = isRecord(listing) && Array.isArray(listing.apis) ? listing.apis : [];
  const files: string[] = [];
  for (const api of apis) {
    if (!isRecord(api) || typeof api.path !== 'string') continue;
    const last = api.path.split('/').pop() ?? '';
    const file = last.replace('{format}', 'json');
    if (file) files.push(file);
  }
  return files;
}

export function resourceNameOf(file: string): string {
  return file.replace(/\.json$/, '');
}

const METHODS: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'DELETE']);

export function operationsFromDeclaration(resource: string, declaration: unknown): ApiOperation[] {
  const out: ApiOperation[] = [];
  const apis = isRecord(declaration) && Array.isArray(declaration.apis) ? declaration.apis : [];
  for (const api of apis) {
    if (!isRecord(api) || typeof api.path !== 'string' || !Array.isArray(api.operations)) continue;
    for (const op of api.operations) {
      if (!isRecord(op)) continue;
      const method = String(op.httpMethod ?? '').toUpperCase();
      if (!METHODS.has(method)) continue;
      out.push({
        resource,
        path: api.path,
        method: method as HttpMethod,
        nickname: String(op.nickname ?? `${method} ${api.path}`),
        summary: String(op.summary ?? ''),
        notes: typeof op.notes === 'string' ? op.notes : undefined,
        parameters: Array.isArray(op.parameters) ? op.parameters.filter(isRecord).map(parameterFrom) : [],
        responseClass: typeof op.responseClass === 'string' ? op.responseClass : undefined,
        upgrade: typeof op.upgrade === 'string' ? op.upgrade : undefined,
      });
    }
  }
  return out;
}

function parameterFrom(p: Record<string, unknown>): ApiParameter {
  const paramType: ParamType = p.paramType === 'path' || p.paramType === 'body' ? p.paramType : 'query';
  // Asterisk's own docs misspell `description` once ("descriptioni", endpoints.json).
  const description = typeof p.description === 'string' ? p.description : typeof p.descriptioni === 'string' ? p.descriptioni : '';
  return {
    name: String(p.name ?? ''),
    description,
    paramType,
    // Path parameters are always needed to build the URL, whatever the document says.
    required: paramType === 'path' || p.required === true,
    allowMultiple: p.allowMultiple === true,
    dataType: String(p.dataType ?? 'string'),
    allowableValues: allowableFrom(p.allowableValues),
    defaultValue: p.defaultValue === undefined ? undefined : String(p.defaultValue),
  };
}

function allowableFrom(v: unknown): AllowableValues | undefined {
  if (!isRecord(v)) return undefined;
  if (v.valueType === 'LIST' && Array.isArray(v.values)) return { valueType: 'LIST', values: v.values.map(String) };
  if (v.valueType === 'RANGE') {
    return {
      valueType: 'RANGE',
      min: typeof v.min === 'number' ? v.min : undefined,
      max: typeof v.max === 'number' ? v.max : undefined,
    };
  }
  return undefined;
}

/** Everything but the /events WebSocket upgrade can be sent as one HTTP request. */
export function isInvokable(op: ApiOperation): boolean {
  return op.upgrade === undefined;
}

export interface OperationGroup {
  resource: string;
  operations: ApiOperation[];
}

/** Grouped by resource in the order the listing gave, operations in document order. */
export function groupByResource(ops: readonly ApiOperation[]): OperationGroup[] {
  const groups = new Map<string, ApiOperation[]>();
  for (const op of ops) {
    let g = groups.get(op.resource);
    if (!g) groups.set(op.resource, (g = []));
    g.push(op);
  }
  return [...groups].map(([resource, operations]) => ({ resource, operations }));
}

/** Stable key for an operation, used by the history. */
export function operationKey(op: Pick<ApiOperation, 'method' | 'path'>): string {
  return `${op.method} ${op.path}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
