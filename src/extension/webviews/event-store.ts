// The bounded buffer of events the panel is a view onto. Each event is kept as its JSON text
// (for the text filter, the detail view and export) plus the facts the list shows; the
// parsed object is not kept, which roughly halves the memory per event. No vscode import.

import { RingBuffer } from './ring-buffer';
import { describeEvent, type EventFacts } from './event-summary';

/** One buffered event. A class, so 50,000 of them share one shape. */
export class StoredEvent {
  readonly type: string;
  readonly app: string;
  readonly object: string;
  readonly summary: string;
  readonly channelIds: string[];
  readonly channelNames: string[];
  readonly bridgeIds: string[];
  readonly bridgeNames: string[];
  /** What the list shows as the time: the event's timestamp, else receivedAt. */
  readonly time: number;

  constructor(
    /** Position in this store's history, 0-based, never reused (until clear()). */
    readonly n: number,
    facts: EventFacts,
    receivedAt: number,
    readonly json: string,
  ) {
    // Type and app names repeat endlessly: keep one copy of each.
    this.type = intern(facts.type);
    this.app = intern(facts.app);
    this.object = facts.object;
    this.summary = facts.summary;
    this.channelIds = facts.channelIds;
    this.channelNames = facts.channelNames;
    this.bridgeIds = facts.bridgeIds;
    this.bridgeNames = facts.bridgeNames;
    this.time = Number.isFinite(facts.eventTime) ? facts.eventTime : receivedAt;
  }
}

const interned = new Map<string, string>();
function intern(s: string): string {
  const known = interned.get(s);
  if (known !== undefined) return known;
  if (interned.size < 10_000) interned.set(s, s); // bounded: app names come from the server
  return s;
}

export class EventStore {
  private ring: RingBuffer<StoredEvent>;
  private next = 0;
  private counts = new Map<string, number>();
  private gen = 0;

  constructor(capacity: number) {
    this.ring = new RingBuffer<StoredEvent>(capacity);
  }

  get capacity(): number {
    return this.ring.capacity;
  }
  get size(): number {
    return this.ring.length;
  }
  /** n of the oldest event held (== nextN when empty). */
  get firstN(): number {
    return this.next - this.ring.length;
  }
  /** n the next pushed event will get. */
  get nextN(): number {
    return this.next;
  }
  /** Changes when the contents are replaced (clear, resize) so views rebuild. */
  get generation(): number {
    return this.gen;
  }

  /** Adds an event; `json` may be passed when the caller already has the text. */
  push(event: object, receivedAt: number, json?: string): StoredEvent {
    const facts = describeEvent(event as Record<string, unknown>);
    const stored = new StoredEvent(this.next, facts, receivedAt, json ?? JSON.stringify(event));
    this.next++;
    const evicted = this.ring.push(stored);
    if (evicted) this.count(evicted.type, -1);
    this.count(stored.type, 1);
    return stored;
  }

  get(n: number): StoredEvent | undefined {
    if (n < this.firstN || n >= this.next) return undefined;
    return this.ring.at(n - this.firstN);
  }

  typeCounts(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  /** Types seen in the buffer, for the type filter. */
  seenTypes(): string[] {
    return [...this.counts.keys()];
  }

  clear(): void {
    this.ring.clear();
    this.counts.clear();
    this.next = 0;
    this.gen++;
  }

  resize(capacity: number): void {
    if (capacity === this.ring.capacity) return;
    this.ring.resize(capacity);
    this.counts.clear();
    for (const e of this.ring) this.count(e.type, 1);
    this.gen++;
  }

  private count(type: string, delta: number): void {
    const v = (this.counts.get(type) ?? 0) + delta;
    if (v <= 0) this.counts.delete(type);
    else this.counts.set(type, v);
  }
}
