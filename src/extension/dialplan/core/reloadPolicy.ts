// What to do when a dialplan file is saved: nothing, ask, reload, or warn that the server
// does not read this file (it lies outside the folder mapped to the server's config).
import * as path from 'node:path';

export type ReloadOnSave = 'ask' | 'always' | 'never';

export type SaveAction = { kind: 'none' } | { kind: 'ask' } | { kind: 'reload' } | { kind: 'notServerFile'; folder: string };

export interface SaveFacts {
  setting: ReloadOnSave;
  connected: boolean;
  /** Absolute path of the saved file. */
  filePath: string;
  /** Absolute path of the folder holding the server's config, when the user mapped one. */
  serverConfigFolder?: string;
}

export function decideOnSave(f: SaveFacts): SaveAction {
  if (!f.connected || f.setting === 'never') return { kind: 'none' };
  if (f.serverConfigFolder && !isInside(f.filePath, f.serverConfigFolder)) return { kind: 'notServerFile', folder: f.serverConfigFolder };
  return f.setting === 'always' ? { kind: 'reload' } : { kind: 'ask' };
}

export function isInside(file: string, folder: string): boolean {
  const rel = path.relative(path.resolve(folder), path.resolve(file));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** The setting may be absolute or relative to the workspace folder ("asterisk/etc"). */
export function resolveConfigFolder(setting: string | undefined, workspaceFolder: string | undefined): string | undefined {
  const s = setting?.trim();
  if (!s) return undefined;
  if (path.isAbsolute(s)) return s;
  return workspaceFolder ? path.join(workspaceFolder, s) : undefined;
}

export function parseReloadSetting(v: unknown): ReloadOnSave {
  return v === 'always' || v === 'never' ? v : 'ask';
}
