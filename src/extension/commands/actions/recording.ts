// Live and stored recording operations as plain functions (no vscode).
import type { StoredRecording } from '../../ari/models.generated';
import { attempt, forEachId, type BatchResult } from '../failures';
import { ari, type CommandSession } from '../session';

/** Live recording controls: [method, sub-path ('' = the recording itself), verb]. */
const LIVE = {
  stop: 'stop',
  pause: 'pause',
  unpause: 'unpause',
  mute: 'mute',
  unmute: 'unmute',
  // DELETE of a live recording stops it and throws the file away.
  cancel: 'cancel',
} as const;
export type LiveRecordingOp = keyof typeof LIVE;

export function liveRecordingOp(session: CommandSession, op: LiveRecordingOp, names: readonly string[]): Promise<BatchResult> {
  const recordings = ari(session).recordings;
  return forEachId(
    names,
    (name) => `${LIVE[op]} recording ${name}`,
    (name) => recordings[op](name),
  );
}

export async function listStoredRecordings(session: CommandSession): Promise<StoredRecording[]> {
  return attempt('list stored recordings', () => ari(session).recordings.listStored());
}

export function deleteStoredRecordings(session: CommandSession, names: readonly string[]): Promise<BatchResult> {
  return forEachId(
    names,
    (name) => `delete stored recording ${name}`,
    (name) => ari(session).recordings.deleteStored(name),
  );
}

export async function copyStoredRecording(session: CommandSession, name: string, destination: string): Promise<StoredRecording> {
  return attempt(`copy recording ${name} to ${destination}`, () => ari(session).recordings.copyStored(name, destination));
}
