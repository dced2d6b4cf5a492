// Live and stored recording operations as plain functions (no vscode).
import type { StoredRecording } from '../../ari/models.generated';
import { attempt, forEachId, type BatchResult } from '../failures';
import { seg, type CommandSession } from '../session';

/** Live recording controls: [method, sub-path ('' = the recording itself), verb]. */
const LIVE = {
  stop: ['POST', 'stop', 'stop'],
  pause: ['POST', 'pause', 'pause'],
  unpause: ['DELETE', 'pause', 'unpause'],
  mute: ['POST', 'mute', 'mute'],
  unmute: ['DELETE', 'mute', 'unmute'],
  // DELETE of a live recording stops it and throws the file away.
  cancel: ['DELETE', '', 'cancel'],
} as const;
export type LiveRecordingOp = keyof typeof LIVE;

export function liveRecordingOp(session: CommandSession, op: LiveRecordingOp, names: readonly string[]): Promise<BatchResult> {
  const [method, sub, verb] = LIVE[op];
  return forEachId(
    names,
    (name) => `${verb} recording ${name}`,
    (name) => session.rest.request(method, `/recordings/live/${seg(name)}${sub ? `/${sub}` : ''}`),
  );
}

export async function listStoredRecordings(session: CommandSession): Promise<StoredRecording[]> {
  const r = await attempt('list stored recordings', () => session.rest.request<StoredRecording[]>('GET', '/recordings/stored'));
  return r.body;
}

export function deleteStoredRecordings(session: CommandSession, names: readonly string[]): Promise<BatchResult> {
  return forEachId(
    names,
    (name) => `delete stored recording ${name}`,
    (name) => session.rest.request('DELETE', `/recordings/stored/${seg(name)}`),
  );
}

export async function copyStoredRecording(session: CommandSession, name: string, destination: string): Promise<StoredRecording> {
  const r = await attempt(`copy recording ${name} to ${destination}`, () =>
    session.rest.request<StoredRecording>('POST', `/recordings/stored/${seg(name)}/copy`, { query: { destinationRecordingName: destination } }),
  );
  return r.body;
}
