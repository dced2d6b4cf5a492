// The byte budgets of contrib/80-security.json, read in one place. Application-scoped: only the
// user's own settings count, so a workspace cannot raise a budget a hostile server then fills.
import * as vscode from 'vscode';

const MB = 1024 * 1024;

function setting(key: string, fallback: number, min: number, max: number): number {
  const v = vscode.workspace.getConfiguration('ariExplorer').get<number>(key, fallback);
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;
}

/** ariExplorer.maxResponseMegabytes, in bytes. */
export function maxResponseBytes(): number {
  return Math.round(setting('maxResponseMegabytes', 32, 1, 1024) * MB);
}

/** ariExplorer.events.maxBufferMegabytes, in bytes. */
export function eventBufferBytes(): number {
  return Math.round(setting('events.maxBufferMegabytes', 32, 1, 1024) * MB);
}

/** ariExplorer.events.maxEventKilobytes, in bytes. */
export function maxEventBytes(): number {
  return Math.round(setting('events.maxEventKilobytes', 1024, 16, 65536) * 1024);
}
