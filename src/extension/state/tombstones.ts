// Ids the model removed recently, so a late event (ChannelVarset after StasisEnd, a play
// response after PlaybackFinished, a duplicate PlaybackFinished) does not bring them back.
// The value tells a late event from a new entity that reuses an explicit id: channels and
// bridges store their creationtime, playbacks store ''.

const DEFAULT_LIMIT = 4096;

export class Tombstones {
  private readonly removed = new Map<string, string>();
  constructor(private readonly limit = DEFAULT_LIMIT) {}

  add(id: string, stamp = ''): void {
    this.removed.delete(id);
    this.removed.set(id, stamp);
    if (this.removed.size > this.limit) {
      // Maps iterate in insertion order: the first key is the oldest.
      const oldest = this.removed.keys().next().value;
      if (oldest !== undefined) this.removed.delete(oldest);
    }
  }

  /** True when `id` was removed and `stamp` says it is the same entity. */
  blocks(id: string, stamp = ''): boolean {
    const s = this.removed.get(id);
    return s !== undefined && s === stamp;
  }

  forget(id: string): void {
    this.removed.delete(id);
  }

  clear(): void {
    this.removed.clear();
  }

  get size(): number {
    return this.removed.size;
  }
}
