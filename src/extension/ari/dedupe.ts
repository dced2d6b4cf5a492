// Recognises the extra copies of an event that a socket subscribed to several apps receives:
// Asterisk sends each event once per app that gets it, the copies differing only in
// `application`, in no fixed order. A frame is compared, as text and before any parse, with
// the recent distinct frames: the text before and after the application value must be equal.
// A copy is not a new event: the socket reports it as one more app of the first copy's event
// (the event "belongs" to every app that got a copy). The same app getting the same text
// again is a real repeat (Asterisk does send those) and passes.
// Measured choices (V8): lastIndexOf finds `application`, which Asterisk mostly writes last,
// far faster than indexOf; `===` on two slices is a memcmp, while startsWith on long strings
// and building a Map key (concat + flatten + hash) each cost about half a JSON.parse.

const APPLICATION = '"application"';
const MAX_DEDUPE_CHARS = 64 * 1024;

/** Where the value of the last `"application"` string member sits: [open quote, close quote]. */
function findApplication(text: string): [number, number] | undefined {
  const i = text.lastIndexOf(APPLICATION);
  if (i < 0) return undefined;
  const open = text.indexOf('"', i + APPLICATION.length);
  if (open < 0) return undefined;
  // Only ':' and whitespace may sit between the key and its string value.
  for (let p = i + APPLICATION.length; p < open; p++) {
    const c = text.charCodeAt(p);
    if (c !== 58 && c !== 32 && c !== 10 && c !== 13 && c !== 9) return undefined;
  }
  const close = text.indexOf('"', open + 1);
  return close < 0 ? undefined : [open, close];
}

/** The frame text without the value of its last `"application"` member, or undefined. */
export function stripApplication(text: string): string | undefined {
  const at = findApplication(text);
  return at && text.slice(0, at[0]) + text.slice(at[1] + 1);
}

interface Recent {
  /** Text before the application value (a slice: a view, not a copy). */
  head: string;
  /** Text after it. */
  tail: string;
  /** Bit mask of the apps that delivered this content. */
  mask: number;
  /** The number the socket gave the event of the first copy (see isDuplicate). */
  original: number;
  /** head.length + tail.length: the bucket it sits in. */
  key: number;
}

/**
 * Remembers the last `windowSize` distinct frames, bucketed by their length without the app
 * name. The copies of one event do not arrive together or in a fixed order: each app's copies
 * come from its own thread on the server, and one app's stream can run many events ahead of
 * another's (README surprise 16 of the transcripts). So the window is long (it is a count of
 * distinct events, not of frames), and a lookup only compares frames of the same length:
 * startsWith/endsWith-free `===` on slices, no allocation, usually a short bucket.
 * A copy that arrives later than the window is delivered again, never lost.
 */
export class EventDeduper {
  private readonly bits = new Map<string, number>();
  private readonly buckets = new Map<number, Recent[]>();
  private readonly ring: (Recent | undefined)[];
  private pos = 0;
  dropped = 0;
  /** After isDuplicate() returned true: the number of the event this frame is a copy of, and the copy's app. */
  lastOriginal = 0;
  lastApp = '';
  private lastAdded: Recent | undefined;

  constructor(apps: readonly string[], windowSize = 2048) {
    // 30 apps fit the mask; further apps are simply not de-duplicated.
    apps.slice(0, 30).forEach((app, i) => this.bits.set(app, 1 << i));
    this.ring = new Array<Recent | undefined>(Math.max(1, windowSize));
  }

  /**
   * Works on the text alone, before JSON.parse, so a dropped copy costs no parse at all.
   * `number` is what the socket will call the event if this frame is new; for a copy,
   * lastOriginal then says which earlier event it copies and lastApp which app it came for.
   * A frame whose app cannot be found or is not ours always passes.
   */
  isDuplicate(text: string, number = 0): boolean {
    this.lastAdded = undefined;
    // The window keeps slices, which keep their frame alive: leave huge frames out of it.
    if (text.length > MAX_DEDUPE_CHARS) return false;
    const at = findApplication(text);
    if (at === undefined) return false;
    const app = text.slice(at[0] + 1, at[1]);
    const bit = this.bits.get(app);
    if (bit === undefined) return false;
    const head = text.slice(0, at[0]);
    const tail = text.slice(at[1] + 1);
    const headLen = head.length;
    const key = headLen + tail.length;
    const bucket = this.buckets.get(key);
    if (bucket !== undefined) {
      // Oldest first: when an app gets the same event twice (Asterisk sends some in identical
      // pairs, e.g. DeviceStateChanged to a subscribeAll app), the k-th copy for another app
      // belongs with the k-th instance, not always the latest.
      for (let k = 0; k < bucket.length; k++) {
        const r = bucket[k];
        if ((r.mask & bit) !== 0 || r.head.length !== headLen || r.tail !== tail || r.head !== head) continue;
        r.mask |= bit;
        this.dropped++;
        this.lastOriginal = r.original;
        this.lastApp = app;
        return true;
      }
      // Not found, or every instance already has this app's copy: a real repeat, a new event.
    }
    const old = this.ring[this.pos];
    if (old !== undefined) this.evict(old);
    const r: Recent = { head, tail, mask: bit, original: number, key };
    this.ring[this.pos] = r;
    if (++this.pos === this.ring.length) this.pos = 0;
    // Looked up again: the eviction may have emptied and dropped this very bucket.
    const into = this.buckets.get(key);
    if (into === undefined) this.buckets.set(key, [r]);
    else into.push(r);
    this.lastAdded = r;
    return false;
  }

  /** The frame just passed turned out not to be an event (bad JSON): no later copy may point at its number. */
  forgetLast(): void {
    // A tail no frame can have: the entry never matches again and ages out of the ring.
    if (this.lastAdded !== undefined) this.lastAdded.tail = '\u0000';
    this.lastAdded = undefined;
  }

  reset(): void {
    this.ring.fill(undefined);
    this.buckets.clear();
    this.pos = 0;
    this.lastAdded = undefined;
  }

  private evict(r: Recent): void {
    const bucket = this.buckets.get(r.key);
    if (bucket === undefined) return;
    // The ring evicts oldest first, and each bucket is in ring order: it is the bucket's first.
    if (bucket[0] === r) bucket.shift();
    else {
      const i = bucket.indexOf(r);
      if (i >= 0) bucket.splice(i, 1);
    }
    if (bucket.length === 0) this.buckets.delete(r.key);
  }
}
