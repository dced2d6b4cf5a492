// An event buffer (the live ring buffer or an opened log) with the call index over it. The
// index follows the buffer incrementally: sync() ingests only the events pushed since the last
// call, and starts over when the buffer was cleared or resized. No vscode import.

import type { EventStore } from '../webviews/eventStore';
import type { AriEvent } from './core/fields';
import { CallIndex } from './core/grouping';
import type { FlowEvent } from './core/ladder';

/** Largest event text parsed for a call flow: a bigger one is not an ARI event worth drawing. */
const MAX_EVENT_CHARS = 256 * 1024;

export function parseEvent(json: string): AriEvent | undefined {
  if (json.length > MAX_EVENT_CHARS) return undefined;
  try {
    const v: unknown = JSON.parse(json);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as AriEvent) : undefined;
  } catch {
    return undefined;
  }
}

export class FlowSource {
  private index = new CallIndex();
  private nextN = 0;
  private generation: number;
  /** Bumped when the index starts over: open flows find their call again. */
  epoch = 0;

  constructor(
    readonly store: EventStore,
    readonly label: string,
  ) {
    this.generation = store.generation;
  }

  get calls(): CallIndex {
    return this.index;
  }

  /** Ingests what the buffer got since the last sync; true when anything changed. */
  sync(): boolean {
    const store = this.store;
    if (store.generation !== this.generation) {
      this.generation = store.generation;
      this.index = new CallIndex();
      this.nextN = store.firstN;
      this.epoch++;
    }
    const from = Math.max(this.nextN, store.firstN);
    const to = store.nextN;
    for (let n = from; n < to; n++) {
      const e = parseEvent(store.jsonAt(n));
      if (e) this.index.ingest(n, e);
    }
    const changed = to > this.nextN;
    this.nextN = to;
    return changed;
  }

  /** The call's events still held by the buffer, parsed (a cache keeps parsing to once per event). */
  events(node: string, cache: Map<number, AriEvent>): FlowEvent[] {
    const out: FlowEvent[] = [];
    const first = this.store.firstN;
    for (const n of this.index.eventsOf(node)) {
      if (n < first) {
        cache.delete(n);
        continue;
      }
      let e = cache.get(n);
      if (!e) {
        e = parseEvent(this.store.jsonAt(n));
        if (!e) continue;
        cache.set(n, e);
      }
      out.push({ n, event: e });
    }
    return out;
  }
}
