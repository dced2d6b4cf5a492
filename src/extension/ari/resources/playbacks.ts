import type { Playback } from '../models.generated';
import { type AriCaller, seg } from './caller';

export type PlaybackOperation = 'restart' | 'pause' | 'unpause' | 'reverse' | 'forward';

export class PlaybacksResource {
  constructor(private readonly r: AriCaller) {}

  get(id: string): Promise<Playback> {
    return this.r.call('GET', `/playbacks/${seg(id)}`);
  }
  stop(id: string): Promise<void> {
    return this.r.call('DELETE', `/playbacks/${seg(id)}`);
  }
  control(id: string, operation: PlaybackOperation): Promise<void> {
    return this.r.call('POST', `/playbacks/${seg(id)}/control`, { operation });
  }
}
