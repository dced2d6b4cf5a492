// Playback control as plain functions (no vscode).
import { forEachId, type BatchResult } from '../failures';
import { seg, type CommandSession } from '../session';

export type PlaybackOperation = 'restart' | 'pause' | 'unpause' | 'reverse' | 'forward';

export function stopPlaybacks(session: CommandSession, ids: readonly string[]): Promise<BatchResult> {
  return forEachId(
    ids,
    (id) => `stop playback ${id}`,
    (id) => session.rest.request('DELETE', `/playbacks/${seg(id)}`),
  );
}

export function controlPlaybacks(session: CommandSession, ids: readonly string[], operation: PlaybackOperation): Promise<BatchResult> {
  return forEachId(
    ids,
    (id) => `${operation} playback ${id}`,
    (id) => session.rest.request('POST', `/playbacks/${seg(id)}/control`, { query: { operation } }),
  );
}
