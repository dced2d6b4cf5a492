// Playbacks for the model. ARI cannot list them, and some never end with an event (an
// unknown media scheme or a missing sound starts and then just stops, transcript 07; an
// eventFilter can hide PlaybackFinished, 20). So besides the events, a playback goes when
// another starts on its target (a channel or bridge plays one thing at a time), and when
// the model says its target went away or left Stasis.
import type { Playback } from '../ari/models.generated';
import type { ChangeTracker } from './changes';
import { Tombstones } from './tombstones';

export class PlaybackStore {
  readonly map = new Map<string, Playback>();
  /** Ids that finished a moment ago: a late play response must not bring them back. */
  private readonly gone = new Tombstones();
  /** target_uri -> the playback that last started there. */
  private readonly playingOn = new Map<string, string>();

  constructor(private readonly changes: ChangeTracker) {}

  /** Replaces everything (model reset). */
  reset(playbacks: Iterable<Playback>): void {
    this.map.clear();
    this.gone.clear();
    this.playingOn.clear();
    for (const p of playbacks) {
      this.map.set(p.id, p);
      if (p.state !== 'queued') this.playingOn.set(p.target_uri, p.id);
    }
  }

  /** From a play response; false when events already said more (or that it finished). */
  track(p: Playback): boolean {
    if (this.map.has(p.id) || this.gone.blocks(p.id)) return false;
    this.map.set(p.id, p);
    this.changes.structure('playback', p.id);
    return true;
  }

  started(p: Playback): void {
    this.set(p);
    this.gone.forget(p.id);
    const before = this.playingOn.get(p.target_uri);
    this.playingOn.set(p.target_uri, p.id);
    if (before !== undefined && before !== p.id) {
      const stale = this.map.get(before);
      if (stale !== undefined) this.remove(stale);
    }
  }

  continuing(p: Playback): void {
    this.set(p);
  }

  finished(p: Playback): void {
    const known = this.map.get(p.id);
    if (known !== undefined) this.remove(known);
    else this.gone.add(p.id);
  }

  /** Drops every playback on `targetUri` (`channel:<id>` / `bridge:<id>`). */
  removeOn(targetUri: string): void {
    if (this.map.size === 0) return;
    for (const p of this.map.values()) if (p.target_uri === targetUri) this.remove(p);
  }

  private set(p: Playback): void {
    // A playback without a string id and target would be a Map key nothing can show or age out.
    if (typeof p.id !== 'string' || p.id === '' || typeof p.target_uri !== 'string') throw new TypeError('malformed playback');
    if (this.map.has(p.id)) this.changes.field('playback', p.id);
    else this.changes.structure('playback', p.id);
    this.map.set(p.id, p);
  }

  private remove(p: Playback): void {
    this.map.delete(p.id);
    this.gone.add(p.id);
    if (this.playingOn.get(p.target_uri) === p.id) this.playingOn.delete(p.target_uri);
    this.changes.structure('playback', p.id);
  }
}
