// A fixed-capacity FIFO: push is O(1), the oldest item falls out when full, and memory stays
// flat once full (one preallocated slot array, no shifting). No vscode import.

export class RingBuffer<T> {
  private slots: (T | undefined)[];
  private head = 0; // index of the oldest item
  private count = 0;

  constructor(private cap: number) {
    if (!Number.isSafeInteger(cap) || cap < 1) throw new RangeError(`capacity must be a positive integer, got ${cap}`);
    this.slots = new Array<T | undefined>(cap);
  }

  get capacity(): number {
    return this.cap;
  }
  get length(): number {
    return this.count;
  }

  /** Appends; returns the item that fell out, if the buffer was full. */
  push(item: T): T | undefined {
    if (this.count < this.cap) {
      this.slots[(this.head + this.count) % this.cap] = item;
      this.count++;
      return undefined;
    }
    const evicted = this.slots[this.head];
    this.slots[this.head] = item;
    this.head = (this.head + 1) % this.cap;
    return evicted;
  }

  /** Removes and returns the oldest item. */
  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.slots[this.head];
    this.slots[this.head] = undefined; // let it be collected
    this.head = (this.head + 1) % this.cap;
    this.count--;
    return item;
  }

  /** The i-th item, 0 = oldest. */
  at(i: number): T | undefined {
    if (i < 0 || i >= this.count) return undefined;
    return this.slots[(this.head + i) % this.cap];
  }

  first(): T | undefined {
    return this.at(0);
  }
  last(): T | undefined {
    return this.at(this.count - 1);
  }

  clear(): void {
    this.slots = new Array<T | undefined>(this.cap);
    this.head = 0;
    this.count = 0;
  }

  /** Changes the capacity, keeping the newest items. */
  resize(cap: number): void {
    if (!Number.isSafeInteger(cap) || cap < 1) throw new RangeError(`capacity must be a positive integer, got ${cap}`);
    const keep = Math.min(this.count, cap);
    const next = new Array<T | undefined>(cap);
    for (let i = 0; i < keep; i++) next[i] = this.at(this.count - keep + i);
    this.slots = next;
    this.cap = cap;
    this.head = 0;
    this.count = keep;
  }

  *[Symbol.iterator](): IterableIterator<T> {
    for (let i = 0; i < this.count; i++) yield this.slots[(this.head + i) % this.cap] as T;
  }
}
