// One panel's filtered, pausable view of an EventStore: the store's positions (n) of the
// events that pass the filter, in order. It is pulled up to date with sync() once per batch;
// while paused it simply stops indexing new events, which is how they are "held".
// Memory is bounded by the store's capacity. No vscode import.

import { EMPTY_FILTER, type EventFilter, type RowSummary, type ViewCounts } from '../../shared/protocol';
import { eventFamily } from '../../shared/eventFamily';
import { compileFilter, type EventPredicate } from './eventFilter';
import type { EventStore } from './eventStore';
import type { StoredEvent } from './storedEvent';
import { RingBuffer } from './ringBuffer';

export interface SyncResult {
  appended: number;
  dropped: number;
  /** The view was rebuilt (store cleared or resized): positions restarted. */
  rebuilt: boolean;
}

export class EventView {
  private index: RingBuffer<number>;
  private predicate: EventPredicate;
  private currentFilter: EventFilter = EMPTY_FILTER;
  /** Last store position considered for the index. */
  private syncedN = -1;
  private storeGeneration: number;
  private appsGeneration: number;
  private isPaused = false;
  private epochCounter = 0;
  private dropped = 0;

  constructor(
    private storeRef: EventStore,
    filter: EventFilter = EMPTY_FILTER,
  ) {
    this.index = new RingBuffer<number>(storeRef.capacity);
    this.storeGeneration = storeRef.generation;
    this.appsGeneration = storeRef.appsGeneration;
    this.predicate = compileFilter(filter);
    this.currentFilter = filter;
    this.rebuild();
  }

  get store(): EventStore {
    return this.storeRef;
  }
  get filter(): EventFilter {
    return this.currentFilter;
  }
  get paused(): boolean {
    return this.isPaused;
  }
  get total(): number {
    return this.index.length;
  }
  get epoch(): number {
    return this.epochCounter;
  }
  /** Rows dropped from the front since the epoch began. */
  get base(): number {
    return this.dropped;
  }
  /** Events that arrived while paused and are not indexed yet. */
  get held(): number {
    return Math.max(0, this.storeRef.nextN - Math.max(this.syncedN + 1, this.storeRef.firstN));
  }

  counts(): ViewCounts {
    return {
      epoch: this.epoch,
      total: this.total,
      base: this.base,
      held: this.held,
      typeCounts: this.storeRef.typeCounts(),
      serverCounts: this.storeRef.serverCounts(),
    };
  }

  setFilter(filter: EventFilter): void {
    this.currentFilter = filter;
    this.predicate = compileFilter(filter);
    this.rebuild();
  }

  /** Points the view at another store (live buffer or an opened log). */
  setStore(store: EventStore): void {
    this.storeRef = store;
    this.isPaused = false;
    this.rebuild();
  }

  setPaused(paused: boolean): SyncResult {
    this.isPaused = paused;
    return this.sync();
  }

  /** Empties the index and re-runs the filter over the store (up to the pause point). */
  rebuild(): void {
    const store = this.storeRef;
    if (this.index.capacity !== store.capacity) this.index = new RingBuffer<number>(store.capacity);
    else this.index.clear();
    this.storeGeneration = store.generation;
    this.appsGeneration = store.appsGeneration;
    this.epochCounter++;
    this.dropped = 0;
    const until = this.isPaused && this.syncedN < store.nextN ? this.syncedN : store.nextN - 1;
    const predicate = this.predicate;
    for (let n = store.firstN; n <= until; n++) if (predicate(store, n)) this.index.push(n);
    this.syncedN = until;
  }

  /** Brings the view up to date with the store: drops evicted rows, indexes new events unless paused. */
  sync(): SyncResult {
    const store = this.storeRef;
    if (store.generation !== this.storeGeneration) {
      this.syncedN = Math.min(this.syncedN, store.nextN - 1);
      this.rebuild();
      return { appended: 0, dropped: 0, rebuilt: true };
    }
    if (store.appsGeneration !== this.appsGeneration) {
      this.appsGeneration = store.appsGeneration;
      // A late copy put an event already passed over into the filtered app: index it again.
      if (this.currentFilter.app.trim() !== '') {
        this.rebuild();
        return { appended: 0, dropped: 0, rebuilt: true };
      }
    }
    let dropped = 0;
    while (this.index.length > 0 && (this.index.first() as number) < store.firstN) {
      this.index.shift();
      dropped++;
    }
    this.dropped += dropped;
    let appended = 0;
    if (!this.isPaused) {
      const predicate = this.predicate;
      for (let n = Math.max(this.syncedN + 1, store.firstN); n < store.nextN; n++) {
        if (predicate(store, n)) {
          // The index has the store's capacity, so a push can only evict an already-evicted n.
          if (this.index.push(n) !== undefined) {
            this.dropped++;
            dropped++;
          }
          appended++;
        }
      }
      this.syncedN = store.nextN - 1;
    }
    return { appended, dropped, rebuilt: false };
  }

  eventAt(i: number): StoredEvent | undefined {
    const n = this.index.at(i);
    return n === undefined ? undefined : this.storeRef.get(n);
  }

  /** Rows [from, to) of the view, with the time since the previous row. Summaries are made here, per row sent. */
  rows(from: number, to: number): RowSummary[] {
    const out: RowSummary[] = [];
    const end = Math.min(to, this.total);
    let prevTime = from > 0 && from - 1 < this.total ? this.eventAt(from - 1)?.time : undefined;
    for (let i = Math.max(0, from); i < end; i++) {
      const e = this.eventAt(i);
      if (!e) break;
      const time = e.time;
      const row: RowSummary = { id: e.n, time, type: e.type, family: eventFamily(e.type), object: e.object, summary: e.summary };
      if (prevTime !== undefined) row.deltaMs = time - prevTime;
      if (this.storeRef.lateAt(e.n)) row.afterDestroy = true;
      if (e.server !== '') row.server = e.server;
      out.push(row);
      prevTime = time;
    }
    return out;
  }

  /** Every event of the view, oldest first (for export). */
  *events(): IterableIterator<StoredEvent> {
    for (let i = 0; i < this.total; i++) {
      const e = this.eventAt(i);
      if (e) yield e;
    }
  }
}
