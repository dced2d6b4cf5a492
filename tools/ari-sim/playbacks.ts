// Playbacks: one queue per target (channel or bridge); timers drive Started/Continuing/
// Finished. Unknown schemes start and then vanish without PlaybackFinished (07, 12).
import type { SimCore } from './core';
import type { Subjects } from './hub';
import type { JsonObject } from './json';
import { planMedia } from './sounds';

export class Playback {
  state = 'queued';
  index = 0;
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

  queue(id: string, media: string[], targetUri: string, language: string): Playback {
    const pb = new Playback(id, media, targetUri, language);
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
    pb.state = 'playing';
    this.event('PlaybackStarted', pb);
    this.play(pb);
  }

  private play(pb: Playback): void {
    const plan = planMedia(pb.mediaUri, pb.language, (n) => this.core.recordings.storedLength(n));
    if (plan.kind === 'missing') {
      pb.timer = this.core.timers.after(5, () => this.finish(pb, 'failed'));
    } else if (plan.kind === 'vanish') {
      // unknown scheme: started, then gone without PlaybackFinished (GET is 404 at once)
      this.remove(pb);
    } else if (plan.kind === 'ok') {
      this.runFor(pb, plan.ms);
    }
  }

  private runFor(pb: Playback, ms: number): void {
    pb.startedAt = Date.now();
    pb.remainingMs = ms;
    pb.timer = this.core.timers.after(ms, () => this.mediaDone(pb));
  }

  private mediaDone(pb: Playback): void {
    if (pb.index + 1 < pb.media.length) {
      pb.state = 'continuing';
      this.event('PlaybackContinuing', pb);
      pb.index++;
      pb.state = 'playing';
      this.event('PlaybackStarted', pb);
      this.play(pb);
      return;
    }
    this.finish(pb, 'done');
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
    }
    else if (i === 0) {
      const next = q[0];
      this.core.timers.after(1, () => this.start(next));
    }
  }

  finish(pb: Playback, state: string): void {
    if (!this.playbacks.has(pb.id)) return;
    const wasQueued = pb.state === 'queued';
    pb.state = state;
    if (!wasQueued) this.event('PlaybackFinished', pb);
    this.remove(pb);
  }

  /** DELETE /playbacks/{id} */
  stop(pb: Playback): void {
    this.finish(pb, 'done');
  }

  /** POST /playbacks/{id}/control; returns false when the operation is not valid now. */
  control(pb: Playback, op: string): boolean {
    if (pb.state === 'queued') return false;
    switch (op) {
      case 'pause':
        if (pb.state === 'paused') return true;
        this.core.timers.cancel(pb.timer);
        pb.remainingMs = Math.max(0, pb.remainingMs - (Date.now() - pb.startedAt) / this.core.timers.timeScale);
        pb.state = 'paused';
        return true;
      case 'unpause':
        if (pb.state !== 'paused') return true;
        pb.state = 'playing';
        // Asterisk republishes the snapshot on every state change: unpause = PlaybackStarted.
        this.event('PlaybackStarted', pb);
        this.runFor(pb, pb.remainingMs);
        return true;
      case 'restart':
        this.core.timers.cancel(pb.timer);
        pb.state = 'playing';
        this.play(pb);
        return true;
      case 'forward':
      case 'reverse':
        return true;
      default:
        return true;
    }
  }

  /** Target left Stasis or went away: its playbacks end. */
  stopFor(targetUri: string): void {
    const q = this.queues.get(targetUri);
    if (!q) return;
    for (const pb of [...q].reverse()) this.finish(pb, 'done');
  }
}
