// Playback control as plain functions (no vscode).
import { forEachId, type BatchResult } from '../failures';
import { ari, type CommandSession } from '../session';

export type PlaybackOperation = 'restart' | 'pause' | 'unpause' | 'reverse' | 'forward';

export function stopPlaybacks(session: CommandSession, ids: readonly string[]): Promise<BatchResult> {
  return forEachId(
    ids,
    (id) => `stop playback ${id}`,
    (id) => ari(session).playbacks.stop(id),
  );
}

export function controlPlaybacks(session: CommandSession, ids: readonly string[], operation: PlaybackOperation): Promise<BatchResult> {
  return forEachId(
    ids,
    (id) => `${operation} playback ${id}`,
    (id) => ari(session).playbacks.control(id, operation),
  );
}
