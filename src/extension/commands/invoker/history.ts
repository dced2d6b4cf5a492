// The invoker's history: the last 50 calls, newest first, kept in workspaceState so any of
// them can be sent again or copied as curl. Pure apart from the storage it is given.
// No passwords are stored: a call is method, path, query, body, server URL and user name.
import type { PreparedRequest } from './request';

export const HISTORY_KEY = 'ariExplorer.invoker.history';
export const HISTORY_LIMIT = 50;

export interface HistoryEntry {
  /** Milliseconds since the epoch. */
  at: number;
  resource: string;
  nickname: string;
  /** The documented path, e.g. `/channels/{channelId}/play`. */
  operationPath: string;
  request: PreparedRequest;
  /** The values as typed, so a rerun could ask again with them prefilled. */
  values: Record<string, string>;
  baseUrl: string;
  username?: string;
  status?: number;
}

/** The part of vscode.Memento used here. */
export interface KeyValueStore {
  get<T>(key: string, defaultValue: T): T;
  update(key: string, value: unknown): Thenable<void>;
}

export class InvokeHistory {
  constructor(
    private readonly store: KeyValueStore,
    private readonly limit = HISTORY_LIMIT,
  ) {}

  list(): HistoryEntry[] {
    const raw = this.store.get<unknown>(HISTORY_KEY, []);
    return Array.isArray(raw) ? raw.filter(isEntry) : [];
  }

  async add(entry: HistoryEntry): Promise<void> {
    await this.store.update(HISTORY_KEY, [entry, ...this.list()].slice(0, this.limit));
  }

  async clear(): Promise<void> {
    await this.store.update(HISTORY_KEY, []);
  }
}

function isEntry(v: unknown): v is HistoryEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Partial<HistoryEntry>;
  return typeof e.at === 'number' && typeof e.nickname === 'string' && typeof e.request === 'object' && e.request !== null && typeof e.baseUrl === 'string';
}

/** "POST /channels/1.2/play  ·  200  ·  14:03:12" */
export function historyLabel(e: HistoryEntry): { label: string; description: string; detail: string } {
  const q = Object.entries(e.request.query)
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  return {
    label: `${e.request.method} ${e.request.path}`,
    description: [e.status !== undefined ? String(e.status) : 'failed', `${e.resource}.${e.nickname}`, new Date(e.at).toLocaleTimeString()].join(' · '),
    detail: [q, e.request.body !== undefined ? JSON.stringify(e.request.body) : ''].filter(Boolean).join('  ') || e.baseUrl,
  };
}
