// /playbacks, /recordings, /deviceStates handlers.
import { HttpError } from '../errors';
import type { Playback } from '../playbacks';
import type { LiveRecording, StoredRecording } from '../recordings';
import { wavBytes } from '../recordings';
import { arg, noContent, ok, type Handler, type Req, type Res } from '../router';

const OPS = new Set(['restart', 'pause', 'unpause', 'reverse', 'forward']);

function playback(r: Req): Playback {
  const pb = r.core.playbacks.playbacks.get(r.path.playbackId);
  if (!pb) throw new HttpError(404, 'Playback not found');
  return pb;
}

export const playbackHandlers: Record<string, Handler> = {
  get: (r) => ok(playback(r).toJSON()),
  stop: (r) => {
    // ast_ari_playbacks_stop: STASIS_PLAYBACK_OPER_FAILED when playback_stop refuses.
    if (!r.core.playbacks.stop(playback(r))) throw new HttpError(500, 'Could not stop playback');
    return noContent();
  },
  control: (r) => {
    // ast_ari_playbacks_control checks the operation before it looks the playback up.
    const op = arg(r, 'operation');
    if (!op) throw new HttpError(400, 'Missing operation');
    if (!OPS.has(op)) throw new HttpError(400, `Invalid operation ${op}`);
    const res = r.core.playbacks.control(playback(r), op);
    if (res === 'not-playing') throw new HttpError(409, `Can only ${op} while media is playing`);
    if (res === 'failed') throw new HttpError(500, `Could not ${op} playback`);
    return noContent();
  },
};

function live(r: Req): LiveRecording {
  const rec = r.core.recordings.live.get(r.path.recordingName);
  if (!rec) throw new HttpError(404, 'Recording not found');
  return rec;
}
function stored(r: Req): StoredRecording {
  const s = r.core.recordings.stored.get(r.path.recordingName);
  if (!s) throw new HttpError(404, 'Recording not found');
  return s;
}

/**
 * control_recording -> stasis_app_recording_operation: the operations table of
 * res_stasis_recording.c. Queued: cancel/stop are recording_disregard (record_file then records
 * anyway), anything else is "not in session"; recording and paused accept everything.
 */
function liveOp(r: Req, op: 'cancel' | 'stop' | 'pause' | 'unpause' | 'mute' | 'unmute'): Res {
  const rec = live(r);
  if (rec.state === 'queued') {
    if (op === 'cancel' || op === 'stop') return noContent();
    throw new HttpError(409, 'Recording not in session');
  }
  if (rec.state !== 'recording' && rec.state !== 'paused') throw new HttpError(409, 'Recording not in session');
  if (op === 'cancel' || op === 'stop') r.core.recordings.stop(rec, op === 'stop');
  else if (op === 'pause' || op === 'unpause') r.core.recordings.pause(rec, op === 'pause');
  return noContent();
}

export const recordingHandlers: Record<string, Handler> = {
  listStored: (r) => ok([...r.core.recordings.stored.values()].map((s) => r.core.recordings.storedJson(s))),
  getStored: (r) => ok(r.core.recordings.storedJson(stored(r))),
  deleteStored: (r) => (stored(r), r.core.recordings.stored.delete(r.path.recordingName), noContent()),
  getStoredFile: (r) => ({ status: 200, binary: { data: wavBytes(stored(r).ms), contentType: 'audio/wav' } }),
  copyStored: (r) => ok(r.core.recordings.storedJson(r.core.recordings.copy(stored(r), arg(r, 'destinationRecordingName')))),
  getLive: (r) => ok(live(r).toJSON()),
  cancel: (r) => liveOp(r, 'cancel'),
  stop: (r) => liveOp(r, 'stop'),
  pause: (r) => liveOp(r, 'pause'),
  unpause: (r) => liveOp(r, 'unpause'),
  mute: (r) => liveOp(r, 'mute'),
  unmute: (r) => liveOp(r, 'unmute'),
};

export const deviceStateHandlers: Record<string, Handler> = {
  list: (r) => ok(r.core.deviceStates.list()),
  get: (r) => ok(r.core.deviceStates.get(r.path.deviceName)),
  update: (r) => (r.core.deviceStates.update(r.path.deviceName, arg(r, 'deviceState')), noContent()),
  delete: (r) => (r.core.deviceStates.remove(r.path.deviceName), noContent()),
};
