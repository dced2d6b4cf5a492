// Playbacks: one queue per target (channel or bridge); timers drive Started/Continuing/
// Finished. Unknown schemes start and then vanish without PlaybackFinished (07, 12).
import type { SimCore } from './core';
import type { Subjects } from './hub';
import type { JsonObject } from './json';
import { planMedia } from './sounds';

export class Playback {
  state = 'queued';
  index = 0;
  /** res_stasis_playback.c sets `controllable` when a sound:, recording: or tone: media starts
   * and never clears it; digits:, number: and characters: alone leave a playback uncontrollable. */
  controllable = false;
  /** DELETE while queued (playback_cancel): it stays listed, state "done", until its turn. */
  canceled = false;
  /** The current media's length (simulated ms); Infinity for tone:. */
  totalMs = 0;
  /** stasis_app_control_play_uri: skipms 0 means PLAYBACK_DEFAULT_SKIPMS; offsetms applies to the first media only. */
  skipMs = 3000;
  offsetMs = 0;
  timer?: NodeJS.Timeout;
  startedAt = 0;
  remainingMs = 0;
  constructor(
    readonly id: string,
    readonly media: string[],
    readonly targetUri: string,
    readonly language: string,
  ) {}

  get mediaUri(): string {
    return this.media[this.index];
  }

  toJSON(): JsonObject {
    const j: JsonObject = { id: this.id, media_uri: this.mediaUri };
    if (this.index + 1 < this.media.length) j.next_media_uri = this.media[this.index + 1];
    j.target_uri = this.targetUri;
    j.language = this.language;
    j.state = this.state;
    return j;
  }
}

export class PlaybackEngine {
  readonly playbacks = new Map<string, Playback>();
  private readonly queues = new Map<string, Playback[]>();

  constructor(private readonly core: SimCore) {}

  private subjects(target: string): Subjects {
    const [scheme, id] = target.split(/:(.*)/s);
    return scheme === 'bridge' ? { bridge: id } : { channels: [id] };
  }

  private event(type: string, pb: Playback): void {
    this.core.emit(type, { playback: pb.toJSON() }, this.subjects(pb.targetUri));
  }

  queue(id: string, media: string[], targetUri: string, language: string, opts: { skipMs?: number; offsetMs?: number } = {}): Playback {
    const pb = new Playback(id, media, targetUri, language);
    pb.skipMs = opts.skipMs || 3000;
    pb.offsetMs = opts.offsetMs ?? 0;
    this.playbacks.set(id, pb);
    const q = this.queues.get(targetUri) ?? [];
    this.queues.set(targetUri, q);
    q.push(pb);
    if (q.length === 1) {
      if (targetUri.startsWith('bridge:')) this.core.bridges.setAnnouncer(targetUri.slice(7), 'ARI', true);
      this.core.timers.after(1, () => this.start(pb));
    }
    return pb;
  }

  private start(pb: Playback): void {
    if (!this.playbacks.has(pb.id)) return;
    if (pb.canceled) {
      // playback_first_update publishes the canceled state ("done") before giving up.
      this.event('PlaybackFinished', pb);
      this.remove(pb);
      return;
    }
    pb.state = 'playing';
    this.event('PlaybackStarted', pb);
    this.play(pb);
  }

  private play(pb: Playback): void {
    const plan = planMedia(pb.mediaUri, pb.language, (n) => this.core.recordings.storedLength(n));
    const scheme = /^([a-z]+):/.exec(pb.mediaUri)?.[1];
    if (plan.kind === 'vanish' || (plan.kind === 'missing' && scheme === 'recording')) {
      // play_on_channel `continue`s past an unsupported scheme or a missing recording: no final
      // update for this media; the next one (if any) starts, the last one leaves without
      // PlaybackFinished (GET is 404 at once).
      if (pb.index + 1 < pb.media.length) {
        pb.index++;
        pb.state = 'playing';
        this.event('PlaybackStarted', pb);
        this.play(pb);
      } else this.remove(pb);
      return;
    }
    if (scheme === 'sound' || scheme === 'recording' || scheme === 'tone') pb.controllable = true;
    if (plan.kind === 'missing') {
      pb.timer = this.core.timers.after(5, () => this.mediaDone(pb, true));
    } else {
      // endless (tone:) runs until stopped, also after a pause
      pb.totalMs = plan.kind === 'ok' ? plan.ms : Infinity;
      const offset = pb.index === 0 ? pb.offsetMs : 0;
      this.runFor(pb, Math.max(0, pb.totalMs - offset));
    }
  }

  /** Simulated ms left of the current media. */
  private remaining(pb: Playback): number {
    return pb.remainingMs - (Date.now() - pb.startedAt) / this.core.timers.timeScale;
  }

  /** AST_CONTROL_STREAM_FORWARD/REVERSE: the stream moves by skipms; past the end it completes. */
  private skip(pb: Playback, ms: number): void {
    if (!Number.isFinite(pb.totalMs)) return;
    const left = Math.min(pb.totalMs, Math.max(0, this.remaining(pb) - ms));
    this.core.timers.cancel(pb.timer);
    if (left <= 0) this.mediaDone(pb);
    else this.runFor(pb, left);
  }

  private runFor(pb: Playback, ms: number): void {
    pb.startedAt = Date.now();
    pb.remainingMs = ms;
    if (Number.isFinite(ms)) pb.timer = this.core.timers.after(ms, () => this.mediaDone(pb));
  }

  /** playback_final_update: a failed media that is not the last one is "continuing" too. */
  private mediaDone(pb: Playback, failed = false): void {
    if (pb.index + 1 < pb.media.length) {
      pb.state = 'continuing';
      this.event('PlaybackContinuing', pb);
      pb.index++;
      pb.state = 'playing';
      this.event('PlaybackStarted', pb);
      this.play(pb);
      return;
    }
    this.finish(pb, failed ? 'failed' : 'done');
  }

  private remove(pb: Playback): void {
    this.core.timers.cancel(pb.timer);
    this.playbacks.delete(pb.id);
    const q = this.queues.get(pb.targetUri) ?? [];
    const i = q.indexOf(pb);
    if (i >= 0) q.splice(i, 1);
    if (q.length === 0) {
      this.queues.delete(pb.targetUri);
      if (pb.targetUri.startsWith('bridge:')) this.core.bridges.setAnnouncer(pb.targetUri.slice(7), 'ARI', false);
    } else if (i === 0) {
      const next = q[0];
      this.core.timers.after(1, () => this.start(next));
    }
  }

  finish(pb: Playback, state: string): void {
    if (!this.playbacks.has(pb.id)) return;
    const wasQueued = pb.state === 'queued' || pb.canceled;
    pb.state = state;
    if (!wasQueued) this.event('PlaybackFinished', pb);
    this.remove(pb);
  }

  /** DELETE /playbacks/{id}: false when Asterisk's playback_stop refuses (not controllable). */
  stop(pb: Playback): boolean {
    if (pb.state === 'queued' || pb.canceled) {
      pb.canceled = true;
      pb.state = 'done';
      return true;
    }
    if ((pb.state === 'playing' || pb.state === 'paused') && !pb.controllable) return false;
    this.finish(pb, 'done');
    return true;
  }

  /**
   * POST /playbacks/{id}/control, after res_stasis_playback.c's `operations` table: 'ok', or
   * 'not-playing' (no entry for this state: 409) or 'failed' (the callback refused: 500).
   */
  control(pb: Playback, op: string): 'ok' | 'not-playing' | 'failed' {
    const state = pb.canceled ? 'done' : pb.state;
    if (state === 'queued') return op === 'restart' ? 'ok' : 'not-playing';
    if (state === 'paused') {
      if (op === 'pause') return 'ok';
      if (op !== 'unpause') return 'not-playing';
    } else if (state !== 'playing') return 'not-playing';
    if (state === 'playing' && op === 'unpause') return 'ok';
    if (!pb.controllable) return 'failed';
    switch (op) {
      case 'pause':
        this.core.timers.cancel(pb.timer);
        pb.remainingMs = Math.max(0, this.remaining(pb));
        // the "paused" snapshot is published but has no event type (playback_to_json).
        pb.state = 'paused';
        return 'ok';
      case 'unpause':
        pb.state = 'playing';
        // Asterisk republishes the snapshot on every state change: unpause = PlaybackStarted.
        this.event('PlaybackStarted', pb);
        this.runFor(pb, pb.remainingMs);
        return 'ok';
      case 'restart':
        this.core.timers.cancel(pb.timer);
        pb.state = 'playing';
        pb.offsetMs = 0;
        this.play(pb);
        return 'ok';
      case 'forward':
        this.skip(pb, pb.skipMs);
        return 'ok';
      default:
        this.skip(pb, -pb.skipMs);
        return 'ok';
    }
  }

  /**
   * Target left Stasis or went away: its playbacks end. `failed` = the channel was hung up
   * while playing: the stream returns -1 and playback_final_update, seeing the hangup, makes it
   * FAILED (PlaybackFinished "failed"); queued ones are dropped without an event.
   */
  stopFor(targetUri: string, state: 'done' | 'failed' = 'done'): void {
    const q = this.queues.get(targetUri);
    if (!q) return;
    for (const pb of [...q].reverse()) this.finish(pb, state);
  }
}
