// The event panel's buffer at scale: EventStore (ring buffer + per-event facts) fed the way
// LiveFeed feeds it, filtering through EventView, and the heap as the ring fills and wraps.
// Needs --expose-gc for the heap figures (run.ts re-spawns itself with it).
import { EMPTY_FILTER, type EventFilter } from '../src/shared/protocol';
import { EventStore } from '../src/extension/webviews/eventStore';
import { EventView } from '../src/extension/webviews/eventView';
import { buildBurstFrames } from './ingest/frames';
import { eventBridgeId, eventChannelId } from '../src/extension/ari/eventRefs';
import type { AriEvent } from '../src/extension/ari/events.generated';
import { median, timeMs } from './util/stats';

export interface PanelReport {
  events: number;
  ring: number;
  /** µs per insert as LiveFeed does it: pushFrame(type, app, channel, bridge, t, read buffer, offset, length). */
  insertFrameUs: number;
  /** µs per push(event, t, json): the frame's text handed over (a session record without bytes). */
  insertUs: number;
  /** µs per push without the text (the store serialises the parsed event: imports, tests). */
  insertWithoutJsonUs: number;
  /** Rebuild of a view over a full 100k store, per filter, ms. */
  filterMs: { label: string; ms: number; matched: number }[];
  /** heapUsed after gc, MiB, at each insert count (50k ring). */
  heap: { inserted: number; heapMiB: number }[];
  gcAvailable: boolean;
}

type GcFn = () => void;

function heapAfterGc(): number {
  const gc = (globalThis as { gc?: GcFn }).gc;
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

const filter = (f: Partial<EventFilter>): EventFilter => ({ ...EMPTY_FILTER, ...f });
/** These rows measure the count-bounded ring: the byte budget (ariExplorer.events.maxBufferMegabytes,
 *  32 MiB by default) would hold only ~47k of the 100k 709-byte frames. */
const NO_BYTE_BUDGET = { maxBytes: 1024 * 1024 * 1024 };

export function runPanelBench(reps = 5): PanelReport {
  const N = 100_000;
  const RING = 50_000;
  const { frames } = buildBurstFrames(N);
  // Parsed up front: the socket has already parsed each event before the store sees it.
  const parsed = frames.map((f) => JSON.parse(f) as object);

  // As the socket delivers them: ~64 KiB reads, each frame a range of its read's ArrayBuffer,
  // and the facts the session reads off each event.
  const ranges: { source: ArrayBufferLike; start: number; length: number }[] = [];
  for (let i = 0; i < N; ) {
    const chunk: Buffer[] = [];
    let size = 0;
    const first = i;
    while (i < N && size < 64 * 1024) {
      const b = Buffer.from(frames[i++], 'utf8');
      chunk.push(b);
      size += b.length;
    }
    const read = Buffer.concat(chunk);
    let at = 0;
    for (let k = 0; k < chunk.length; k++) {
      ranges[first + k] = { source: read.buffer, start: read.byteOffset + at, length: chunk[k].length };
      at += chunk[k].length;
    }
  }
  const facts = parsed.map((e) => {
    const ev = e as AriEvent & { application?: string };
    return { type: ev.type, app: ev.application ?? '', channel: eventChannelId(ev), bridge: eventBridgeId(ev) };
  });
  const insertFrame: number[] = [];
  const insert: number[] = [];
  const insertNoJson: number[] = [];
  for (let r = 0; r < reps; r++) {
    const f = new EventStore(RING, NO_BYTE_BUDGET);
    insertFrame.push(
      timeMs(() => {
        for (let i = 0; i < N; i++) {
          const x = facts[i];
          const g = ranges[i];
          f.pushFrame(x.type, x.app, x.channel, x.bridge, i, g.source, g.start, g.length);
        }
      }),
    );
    const a = new EventStore(RING, NO_BYTE_BUDGET);
    insert.push(timeMs(() => parsed.forEach((e, i) => a.push(e, i, frames[i]))));
    const b = new EventStore(RING, NO_BYTE_BUDGET);
    insertNoJson.push(timeMs(() => parsed.forEach((e, i) => b.push(e, i))));
  }

  const full = new EventStore(N, NO_BYTE_BUDGET);
  parsed.forEach((e, i) => full.push(e, i, frames[i]));
  // A channel of the middle of what the store holds, so the channel filters match what the
  // generator made (its ids and names change with it).
  const middle = (parsed[full.firstN + (full.size >> 1)] as { channel?: { id?: string; name?: string } }).channel;
  const someChannel = middle?.id ?? '';
  const someName = (middle?.name ?? '').split('-').pop() ?? '';
  const filters: { label: string; f: EventFilter }[] = [
    { label: 'type = Dial', f: filter({ types: ['Dial'] }) },
    { label: `channel = ${someChannel}`, f: filter({ channel: someChannel }) },
    { label: `channel name ~ "${someName}"`, f: filter({ channel: someName }) },
    { label: 'text "PLAYBACK_SEQ"', f: filter({ text: 'playback_seq' }) },
  ];
  const view = new EventView(full, EMPTY_FILTER);
  const filterMs = filters.map(({ label, f }) => {
    const times: number[] = [];
    for (let r = 0; r < reps; r++) times.push(timeMs(() => view.setFilter(f)));
    return { label, ms: median(times), matched: view.total };
  });

  // Heap: a fresh frame string and parsed object per insert, as live events are (the frames
  // are only the input: Buffer round trip = a new flat string, like ws's toString).
  parsed.length = 0;
  full.clear();
  const heap: { inserted: number; heapMiB: number }[] = [];
  const ring = new EventStore(RING, NO_BYTE_BUDGET);
  const base = heapAfterGc();
  heap.push({ inserted: 0, heapMiB: base });
  let inserted = 0;
  for (const target of [50_000, 100_000, 200_000]) {
    for (; inserted < target; inserted++) {
      const text = Buffer.from(frames[inserted % N], 'utf8').toString('utf8');
      ring.push(JSON.parse(text) as object, inserted, text);
    }
    heap.push({ inserted, heapMiB: heapAfterGc() });
  }

  return {
    events: N,
    ring: RING,
    insertFrameUs: (median(insertFrame) * 1000) / N,
    insertUs: (median(insert) * 1000) / N,
    insertWithoutJsonUs: (median(insertNoJson) * 1000) / N,
    filterMs,
    heap,
    gcAvailable: typeof (globalThis as { gc?: GcFn }).gc === 'function',
  };
}
