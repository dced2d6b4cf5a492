// Drops the extra copies of an event that a socket subscribed to several apps receives: with
// `subscribeAll` (or overlapping subscriptions) Asterisk sends each event once per app, the
// copies differing only in `application`. A frame is compared, as text and before any parse,
// with the last few distinct frames: the text before and after the application value must be
// equal. A copy is dropped only if another app already delivered it; the same app getting the
// same text again is a real repeat (Asterisk does send those) and passes.
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
}

/**
 * Remembers the last `windowSize` distinct frames. Copies of one event arrive close together
 * (Asterisk writes them to the socket one after the other), so a short window suffices; a copy
 * that arrives later than that is delivered again, never lost. Comparing against the recent
 * frames with startsWith/endsWith costs no allocation and usually stops within a few chars;
 * lengths are compared first.
 */
export class EventDeduper {
  private readonly bits = new Map<string, number>();
  private readonly recent: Recent[] = [];
  private readonly windowSize: number;
  private pos = 0;
  dropped = 0;

  constructor(apps: readonly string[], windowSize = 64) {
    // 30 apps fit the mask; further apps are simply not de-duplicated.
    apps.slice(0, 30).forEach((app, i) => this.bits.set(app, 1 << i));
    this.windowSize = windowSize;
  }

  /**
   * Works on the text alone, before JSON.parse, so a dropped copy costs no parse at all.
   * A frame whose app cannot be found or is not ours always passes.
   */
  isDuplicate(text: string): boolean {
    // The window keeps slices, which keep their frame alive: leave huge frames out of it.
    if (text.length > MAX_DEDUPE_CHARS) return false;
    const at = findApplication(text);
    if (at === undefined) return false;
    const bit = this.bits.get(text.slice(at[0] + 1, at[1]));
    if (bit === undefined) return false;
    const head = text.slice(0, at[0]);
    const tail = text.slice(at[1] + 1);
    const headLen = head.length;
    const tailLen = tail.length;
    const recent = this.recent;
    const n = recent.length;
    // Newest first: the copy of an event is most likely the frame just before it.
    for (let k = 1; k <= n; k++) {
      const r = recent[(this.pos - k + n) % n];
      if (r.head.length !== headLen || r.tail.length !== tailLen || r.tail !== tail || r.head !== head) continue;
      if ((r.mask & bit) === 0) {
        r.mask |= bit;
        this.dropped++;
        return true;
      }
      // The same app got the same content again: a real repeat, deliver it.
      r.mask = bit;
      return false;
    }
    if (n < this.windowSize) {
      recent.push({ head, tail, mask: bit });
      this.pos = recent.length % this.windowSize;
    } else {
      const r = recent[this.pos];
      r.head = head;
      r.tail = tail;
      r.mask = bit;
      this.pos = (this.pos + 1) % this.windowSize;
    }
    return false;
  }

  reset(): void {
    this.recent.length = 0;
    this.pos = 0;
  }
}
