// Live recordings (channel/bridge record) and stored recordings; a stored file is a real
// WAV of silence as long as the recording, so GET .../file returns audio bytes.
import type { SimCore } from './core';
import { HttpError } from './errors';
import type { Subjects } from './hub';
import type { JsonObject } from './json';

export const FORMATS = new Set(['wav', 'gsm', 'ulaw', 'alaw', 'sln', 'g722', 'wav16', 'WAV', 'g729', 'ogg']);

export class LiveRecording {
  state = 'queued';
  startedAt = 0;
  pausedMs = 0;
  pausedAt = 0;
  timer?: NodeJS.Timeout;
  constructor(
    readonly name: string,
    readonly format: string,
    readonly targetUri: string,
    readonly maxSec: number,
  ) {}
  toJSON(): JsonObject {
    return { name: this.name, format: this.format, state: this.state, target_uri: this.targetUri };
  }
}

export interface StoredRecording {
  name: string;
  format: string;
  ms: number;
}

/** How long Asterisk waits for a first audio frame before giving up on a recording. */
const NO_AUDIO_GIVE_UP_MS = 4000;

export class RecordingEngine {
  readonly live = new Map<string, LiveRecording>();
  /** Stored recordings survive restarts (they are files on disk). */
  readonly stored = new Map<string, StoredRecording>();
  constructor(private readonly core: SimCore) {}

  private subjects(target: string): Subjects {
    const [scheme, id] = target.split(/:(.*)/s);
    return scheme === 'bridge' ? { bridge: id } : { channels: [id] };
  }

  /** stasis_app_recording_termination_parse / _if_exists_parse (case-insensitive, empty = default). */
  static checkOptions(terminateOn: string | undefined, ifExists: string | undefined): void {
    if (terminateOn && !['none', 'any', '#', '*'].includes(terminateOn.toLowerCase())) throw new HttpError(400, 'terminateOn invalid');
    if (ifExists && !['fail', 'overwrite', 'append'].includes(ifExists.toLowerCase())) throw new HttpError(400, 'ifExists invalid');
  }

  /** ast_get_format_for_file_ext */
  static checkFormat(format: string | undefined, what = 'format'): void {
    if (!format || !FORMATS.has(format)) throw new HttpError(422, `specified ${what} is unknown on this system`);
  }

  /**
   * stasis_app_control_record, after the resource's own checks: EINVAL (no name, a negative
   * limit) 500, EPERM (a name outside the recordings directory) 400, EEXIST (ifExists=fail and
   * the file exists, or a live recording of that name) 409.
   */
  start(
    target: string,
    name: string | undefined,
    format: string,
    opts: { maxSec: number; maxSilenceSec?: number; ifExists?: string; hasAudio?: () => boolean; inBridge?: () => boolean },
  ): LiveRecording {
    if (!name || opts.maxSec < 0 || (opts.maxSilenceSec ?? 0) < 0) throw new HttpError(500, 'Error parsing request');
    if (escapesDir(name)) throw new HttpError(400, 'Recording name invalid');
    const ifExists = (opts.ifExists || 'fail').toLowerCase();
    if ((ifExists === 'fail' && this.stored.has(name)) || this.live.has(name)) {
      throw new HttpError(409, `Recording '${name}' already exists and can not be overwritten`);
    }
    const rec = new LiveRecording(name, format, target, opts.maxSec);
    this.live.set(name, rec);
    this.core.timers.after(5, () => {
      if (this.live.get(name) !== rec) return;
      if (opts.inBridge?.()) {
        // record_file: "Cannot record channel while in bridge" -> recording_fail
        this.live.delete(name);
        rec.state = 'failed';
        const body = { ...rec.toJSON(), cause: 'Cannot record channel while in bridge' };
        this.core.emit('RecordingFailed', { recording: body }, this.subjects(target));
        return;
      }
      rec.state = 'recording';
      rec.startedAt = Date.now();
      this.core.emit('RecordingStarted', { recording: rec.toJSON() }, this.subjects(target));
      if (opts.hasAudio !== undefined && !opts.hasAudio()) {
        // app.c __ast_play_and_record: two ast_waitfor(chan, 2000) without a frame, then
        // "No audio available on <channel>??" and the recording ends, empty (duration 0).
        rec.timer = this.core.timers.after(NO_AUDIO_GIVE_UP_MS, () => this.stop(rec, true, 0));
        return;
      }
      if (rec.maxSec > 0) rec.timer = this.core.timers.after(rec.maxSec * 1000, () => this.stop(rec, true));
    });
    return rec;
  }

  private elapsedMs(rec: LiveRecording): number {
    if (!rec.startedAt) return 0;
    const end = rec.state === 'paused' ? rec.pausedAt : Date.now();
    return Math.max(0, (end - rec.startedAt - rec.pausedMs) / this.core.timers.timeScale);
  }

  /** stop (keep the file) or cancel (discard it); both announce RecordingFinished. */
  stop(rec: LiveRecording, keep: boolean, recordedMs?: number): void {
    if (this.live.get(rec.name) !== rec) return;
    this.core.timers.cancel(rec.timer);
    const ms = recordedMs ?? this.elapsedMs(rec);
    this.live.delete(rec.name);
    rec.state = 'done';
    if (keep) this.stored.set(rec.name, { name: rec.name, format: rec.format, ms });
    const body = { ...rec.toJSON(), duration: Math.round(ms / 1000) };
    this.core.emit('RecordingFinished', { recording: body }, this.subjects(rec.targetUri));
  }

  pause(rec: LiveRecording, on: boolean): void {
    if (on && rec.state === 'recording') {
      rec.state = 'paused';
      rec.pausedAt = Date.now();
    } else if (!on && rec.state === 'paused') {
      rec.state = 'recording';
      rec.pausedMs += Date.now() - rec.pausedAt;
    }
  }

  /** The add rule stasis_app_control_record registers until the recording ends. */
  isRecording(target: string): boolean {
    return [...this.live.values()].some((rec) => rec.targetUri === target);
  }

  stopFor(target: string): void {
    for (const rec of [...this.live.values()]) if (rec.targetUri === target) this.stop(rec, true);
  }

  storedLength(name: string): number | undefined {
    return this.stored.get(name)?.ms;
  }

  storedJson(s: StoredRecording): JsonObject {
    return { name: s.name, format: s.format };
  }

  /**
   * ast_ari_recordings_copy_stored after the source: the destination found (409), else the errno
   * its lookup left: no name EINVAL (400), a path out of the recordings directory EACCES (403).
   */
  copy(src: StoredRecording, dest: string | undefined): StoredRecording {
    if (dest !== undefined && this.stored.has(dest)) throw new HttpError(409, 'A recording with the same name already exists on the system');
    if (dest === undefined) throw new HttpError(400, 'Invalid destination recording name');
    if (escapesDir(dest)) throw new HttpError(403, 'Destination file path is forbidden');
    const s = { ...src, name: dest };
    this.stored.set(dest, s);
    return s;
  }
}

/** Whether a relative recording name climbs out of the recordings directory. */
function escapesDir(name: string): boolean {
  let depth = 0;
  for (const part of name.split('/')) {
    if (part === '..') depth--;
    else if (part !== '' && part !== '.') depth++;
    if (depth < 0) return true;
  }
  return false;
}

/** A mono 8 kHz 16-bit WAV of silence, `ms` long. */
export function wavBytes(ms: number): Buffer {
  const samples = Math.max(800, Math.round((ms / 1000) * 8000));
  const data = samples * 2;
  const b = Buffer.alloc(44 + data);
  b.write('RIFF', 0);
  b.writeUInt32LE(36 + data, 4);
  b.write('WAVE', 8);
  b.write('fmt ', 12);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(8000, 24);
  b.writeUInt32LE(16000, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36);
  b.writeUInt32LE(data, 40);
  return b;
}
