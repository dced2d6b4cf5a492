// The bounded buffer of events the panel is a view onto. No vscode import.
//
// Per event only what push() can read off the already-parsed object for free is kept, in
// preallocated parallel arrays indexed by ring slot: the frame (Asterisk's own JSON as the
// socket received it, as bytes or text; JSON.stringify only when a caller has neither), the
// type (typeDictionary.ts), receivedAt, the app, and the id of the event's channel and bridge.
// No object is made per event. What a row shows is worked out when the row is sent
// (storedEvent.ts), and filters that need more than these facts pre-check the text first.

import { withApp } from '../ari/appSet';
import { eventBridgeId, eventChannelId } from '../ari/eventRefs';
import { MAX_SERVER_LABEL, SERVER_FIELD, truncatedEventJson } from './eventLines';
import { DestroyedChannels } from './destroyedChannels';
import type { EventFacts } from './eventSummary';
import { StoredEvent, describeStored } from './storedEvent';
import { RECENT_PARSED } from '../connection/eventBatch';
import { TypeDictionary } from './typeDictionary';

function str(x: unknown): string {
  return typeof x === 'string' ? x : typeof x === 'number' || typeof x === 'boolean' ? String(x) : '';
}

/** A dictionary far larger than the live types means a server sent endless new types: rebuild. */
const TYPE_SLACK = 4096;

/** Byte budgets (issue 14): the store is bounded by bytes as well as by count. */
export interface EventStoreLimits {
  /** Bytes of event text the store may hold; the oldest events go first (default 32 MiB). */
  maxBytes?: number;
  /** A larger event is kept truncated, with a marker and its size (default 1 MiB). */
  maxEventBytes?: number;
}
export const DEFAULT_STORE_BYTES = 32 * 1024 * 1024;
export const DEFAULT_MAX_EVENT_BYTES = 1024 * 1024;
export class EventStore {
  private cap: number;
  private head = 0; // slot of the oldest event
  private count = 0;
  private next = 0;
  private gen = 0;
  private appsGen = 0;

  // Per slot. The frame as the socket delivered it: its bytes (a view onto the socket's read,
  // outside V8's heap, so holding 50,000 of them costs the collector next to nothing) or its
  // text; decoded when a row, a detail, an export or a text filter needs it.
  private json: (string | Uint8Array | ArrayBufferLike)[];
  // For a frame given as (buffer, offset, length) (pushFrame): where in the buffer; length -1 otherwise.
  private frameStarts: Int32Array;
  private frameLengths: Int32Array;
  private typeIds: Int32Array;
  // 1 when the event came after its channel's ChannelDestroyed (destroyedChannels.ts).
  private lateFlags: Uint8Array;
  private received: Float64Array;
  private apps: string[];
  // The server (profile name) whose socket delivered the event; '' when one server or unknown.
  private servers: string[];
  private serverCounts_ = new Map<string, number>();
  private channelIds: string[];
  private bridgeIds: string[];

  // The types of held events, by the ids in typeIds, with live counts.
  private readonly types = new TypeDictionary();
  private lastApp = '';
  private readonly destroyed = new DestroyedChannels();

  // Byte accounting per slot, and the budgets.
  private sizes: Float64Array;
  private totalBytes = 0;
  private maxBytes = DEFAULT_STORE_BYTES;
  private maxEventBytes = DEFAULT_MAX_EVENT_BYTES;
  private droppedForBytes_ = 0;
  private truncated_ = 0;

  // The newest events' parsed objects, at n % RECENT_PARSED, with the n each belongs to.
  private readonly recentParsed: (object | undefined)[] = new Array<object | undefined>(RECENT_PARSED).fill(undefined);
  private readonly recentNs = new Float64Array(RECENT_PARSED).fill(-1);

  constructor(capacity: number, limits: EventStoreLimits = {}) {
    checkCapacity(capacity);
    this.cap = capacity;
    this.sizes = new Float64Array(capacity);
    this.setLimits(limits);
    this.json = new Array<string | Uint8Array | ArrayBufferLike>(capacity).fill('');
    this.frameStarts = new Int32Array(capacity);
    this.frameLengths = new Int32Array(capacity).fill(-1);
    this.typeIds = new Int32Array(capacity);
    this.lateFlags = new Uint8Array(capacity);
    this.received = new Float64Array(capacity);
    this.apps = new Array<string>(capacity).fill('');
    this.servers = new Array<string>(capacity).fill('');
    this.channelIds = new Array<string>(capacity).fill('');
    this.bridgeIds = new Array<string>(capacity).fill('');
  }

  get capacity(): number {
    return this.cap;
  }
  /** Bytes of event text held. */
  get bytes(): number {
    return this.totalBytes;
  }
  /** Events dropped (oldest first) to stay within the byte budget, since the last clear. */
  get droppedForBytes(): number {
    return this.droppedForBytes_;
  }
  /** Events kept truncated because they were over the per-event limit, since the last clear. */
  get truncatedEvents(): number {
    return this.truncated_;
  }
  get limits(): Required<EventStoreLimits> {
    return { maxBytes: this.maxBytes, maxEventBytes: this.maxEventBytes };
  }

  /** Changes the byte budgets; a smaller maxBytes drops the oldest events now. */
  setLimits(limits: EventStoreLimits): void {
    const ok = (v: number | undefined): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;
    if (ok(limits.maxBytes)) this.maxBytes = limits.maxBytes;
    if (ok(limits.maxEventBytes)) this.maxEventBytes = limits.maxEventBytes;
    this.enforceBytes();
  }
  get size(): number {
    return this.count;
  }
  /** n of the oldest event held (== nextN when empty). */
  get firstN(): number {
    return this.next - this.count;
  }
  /** n the next pushed event will get. */
  get nextN(): number {
    return this.next;
  }
  /** Changes when the contents are replaced (clear, resize) so views rebuild. */
  get generation(): number {
    return this.gen;
  }
  /** Changes when a held event gains an app (addApp): views that filter by app re-run. */
  get appsGeneration(): number {
    return this.appsGen;
  }

  /**
   * Another app's copy of the event at n arrived after it was stored: the event belongs to
   * that app too (one event, one row, several apps). False when n is no longer held or
   * already had the app.
   */
  addApp(n: number, app: string): boolean {
    const slot = this.slotOf(n);
    if (slot < 0) return false;
    const set = withApp(this.apps[slot], app);
    if (set === this.apps[slot]) return false;
    this.apps[slot] = set;
    this.appsGen++;
    return true;
  }

  /**
   * Adds an event; `json` is its text when the caller has it (the socket's frame, a log line),
   * else the event is serialised here; `apps` the apps it went to when the caller knows more
   * than its `application` (a session record). Returns the event's n.
   */
  push(event: object, receivedAt: number, json?: string, apps?: string, server?: string): number {
    const text = json ?? JSON.stringify(event);
    const e = event as Record<string, unknown>;
    const type = typeof e.type === 'string' ? e.type : str(e.type);
    const app = apps ?? (typeof e.application === 'string' ? e.application : str(e.application));
    // An exported log names each event's server (exportedLine): read it back.
    const from = server ?? (typeof e[SERVER_FIELD] === 'string' ? (e[SERVER_FIELD] as string).slice(0, MAX_SERVER_LABEL) : '');
    return this.pushFacts(type, app, eventChannelId(e), eventBridgeId(e), receivedAt, text, from);
  }

  /**
   * Adds an event from what the caller already read off it (the session's records): its type,
   * app, own channel and bridge id (ari/eventRefs.ts) and its JSON, as text or UTF-8 bytes
   * (kept as given: the caller must not change them), and, when the caller has it, the event
   * parsed from that JSON (kept only for the newest events, see RECENT_PARSED; the caller must
   * not change it either). Returns its n.
   */
  pushFacts(
    type: string,
    app: string,
    channelId: string,
    bridgeId: string,
    receivedAt: number,
    json: string | Uint8Array,
    server = '',
    parsed?: object,
  ): number {
    const size = typeof json === 'string' ? json.length : json.byteLength;
    if (size > this.maxEventBytes) {
      json = truncatedEventJson(type, app, json, size, this.maxEventBytes);
      this.truncated_++;
      parsed = undefined; // the rows show the stand-in, as they would after a restart of the panel
    }
    const slot = this.add(type, app, channelId, bridgeId, receivedAt, server);
    this.json[slot] = json;
    this.frameLengths[slot] = -1;
    return this.keepParsed(this.stored(slot, typeof json === 'string' ? json.length : json.byteLength), parsed);
  }

  /**
   * pushFacts() for a frame that is `length` bytes at `start` of `source` (the memory of the
   * socket read the frame came in, as the session's records give it): kept as that shared
   * buffer and two numbers, so no object is held per event. The bytes must not change.
   */
  pushFrame(
    type: string,
    app: string,
    channelId: string,
    bridgeId: string,
    receivedAt: number,
    source: ArrayBufferLike,
    start: number,
    length: number,
    server = '',
    parsed?: object,
  ): number {
    // A frame over the limit is kept truncated; a small frame inside a large read is copied
    // out, so that holding it does not hold the whole read.
    if (length > this.maxEventBytes || source.byteLength > this.maxEventBytes) {
      const view = new Uint8Array(source, start, length);
      return this.pushFacts(type, app, channelId, bridgeId, receivedAt, length > this.maxEventBytes ? view : view.slice(), server, parsed);
    }
    const slot = this.add(type, app, channelId, bridgeId, receivedAt, server);
    this.json[slot] = source;
    this.frameStarts[slot] = start;
    this.frameLengths[slot] = length;
    return this.keepParsed(this.stored(slot, length), parsed);
  }

  /** Keeps (or forgets) event n's parsed object in the recent ring; returns n. */
  private keepParsed(n: number, parsed: object | undefined): number {
    const i = n % RECENT_PARSED;
    this.recentParsed[i] = parsed;
    this.recentNs[i] = parsed === undefined ? -1 : n;
    return n;
  }

  /** Event n's parsed object when the recent ring still has it. */
  private parsedOf(n: number): object | undefined {
    const i = n % RECENT_PARSED;
    return this.recentNs[i] === n ? this.recentParsed[i] : undefined;
  }

  private forgetParsed(): void {
    this.recentParsed.fill(undefined);
    this.recentNs.fill(-1);
  }

  /** Books the new event's bytes, drops the oldest while over the budget; returns its n. */
  private stored(slot: number, size: number): number {
    this.sizes[slot] = size;
    this.totalBytes += size;
    const n = this.next++;
    this.enforceBytes();
    return n;
  }

  /** Drops the oldest events while the store is over its byte budget (the newest always stays). */
  private enforceBytes(): void {
    while (this.totalBytes > this.maxBytes && this.count > 1) {
      const slot = this.head;
      this.totalBytes -= this.sizes[slot];
      this.sizes[slot] = 0;
      this.types.uncount(this.typeIds[slot]);
      this.uncountServer(slot);
      this.json[slot] = '';
      this.frameLengths[slot] = -1;
      if (++this.head === this.cap) this.head = 0;
      this.count--;
      this.droppedForBytes_++;
    }
  }

  /** Takes a slot for a new event (evicting the oldest when full) and stores its facts; returns the slot. */
  private add(type: string, app: string, channelId: string, bridgeId: string, receivedAt: number, server: string): number {
    if (type === '') type = '(no type)';
    const typeId = this.typeIdOf(type);
    // App names repeat endlessly: keep one copy.
    if (app === this.lastApp) app = this.lastApp;
    else this.lastApp = app;

    let slot: number;
    if (this.count < this.cap) {
      slot = this.head + this.count;
      if (slot >= this.cap) slot -= this.cap;
      this.count++;
    } else {
      slot = this.head;
      this.types.uncount(this.typeIds[slot]);
      this.uncountServer(slot);
      this.totalBytes -= this.sizes[slot];
      this.sizes[slot] = 0;
      if (++this.head === this.cap) this.head = 0;
    }
    this.typeIds[slot] = typeId;
    this.lateFlags[slot] = this.destroyed.isLate(server, type, channelId) ? 1 : 0;
    this.received[slot] = receivedAt;
    this.apps[slot] = app;
    this.servers[slot] = server;
    this.countServer(server);
    this.channelIds[slot] = channelId;
    this.bridgeIds[slot] = bridgeId;
    this.types.count(typeId);
    return slot;
  }

  private countServer(server: string): void {
    if (server !== '') this.serverCounts_.set(server, (this.serverCounts_.get(server) ?? 0) + 1);
  }

  private uncountServer(slot: number): void {
    const server = this.servers[slot];
    if (server === '') return;
    const left = (this.serverCounts_.get(server) ?? 1) - 1;
    if (left > 0) this.serverCounts_.set(server, left);
    else this.serverCounts_.delete(server);
  }

  /** The event at position n, as an object (rows, details, export); undefined when not held. */
  get(n: number): StoredEvent | undefined {
    const slot = this.slotOf(n);
    if (slot < 0) return undefined;
    return new StoredEvent(
      n,
      this.types.name(this.typeIds[slot]),
      this.apps[slot],
      this.received[slot],
      this.textOf(slot),
      this.servers[slot],
      this.parsedOf(n),
    );
  }

  /** Cheap per-position reads for filters; n must be held (firstN <= n < nextN). */
  typeAt(n: number): string {
    return this.types.name(this.typeIds[this.slotOf(n)]);
  }
  /** Whether the event came after its channel's ChannelDestroyed. */
  lateAt(n: number): boolean {
    const slot = this.slotOf(n);
    return slot >= 0 && this.lateFlags[slot] === 1;
  }
  /** The server that sent the event ('' when not known). */
  serverAt(n: number): string {
    return this.servers[this.slotOf(n)];
  }
  /** Events held per server, for the server filter (empty when no event names one). */
  serverCounts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [server, count] of [...this.serverCounts_].sort((a, b) => a[0].localeCompare(b[0]))) out[server] = count;
    return out;
  }
  /** The apps the event went to (ari/appSet.ts). */
  appAt(n: number): string {
    return this.apps[this.slotOf(n)];
  }
  jsonAt(n: number): string {
    return this.textOf(this.slotOf(n));
  }
  /** The event's own channel (its `channel`, or a Dial's `peer`); '' when none. */
  channelIdAt(n: number): string {
    return this.channelIds[this.slotOf(n)];
  }
  /** The event's own bridge; '' when none. */
  bridgeIdAt(n: number): string {
    return this.bridgeIds[this.slotOf(n)];
  }
  /** Every fact of the event, from its parsed object while the store keeps it, else from its text (not cached: for rows and slow paths). */
  factsAt(n: number): EventFacts {
    return describeStored(this.parsedOf(n), () => this.textOf(this.slotOf(n)));
  }

  typeCounts(): Record<string, number> {
    return this.types.counts();
  }

  /** Types seen in the buffer, for the type filter. */
  seenTypes(): string[] {
    return Object.keys(this.typeCounts());
  }

  clear(): void {
    this.json.fill('');
    this.sizes.fill(0);
    this.totalBytes = 0;
    this.droppedForBytes_ = 0;
    this.truncated_ = 0;
    this.apps.fill('');
    this.servers.fill('');
    this.serverCounts_.clear();
    this.channelIds.fill('');
    this.bridgeIds.fill('');
    this.head = 0;
    this.count = 0;
    this.next = 0;
    this.destroyed.clear();
    this.types.clear();
    this.forgetParsed();
    this.gen++;
  }

  resize(capacity: number): void {
    checkCapacity(capacity);
    if (capacity === this.cap) return;
    const keep = Math.min(this.count, capacity);
    const from = this.next - keep;
    const json = new Array<string | Uint8Array | ArrayBufferLike>(capacity).fill('');
    const frameStarts = new Int32Array(capacity);
    const frameLengths = new Int32Array(capacity).fill(-1);
    const typeIds = new Int32Array(capacity);
    const lateFlags = new Uint8Array(capacity);
    const received = new Float64Array(capacity);
    const apps = new Array<string>(capacity).fill('');
    const servers = new Array<string>(capacity).fill('');
    const channelIds = new Array<string>(capacity).fill('');
    const bridgeIds = new Array<string>(capacity).fill('');
    const sizes = new Float64Array(capacity);
    let totalBytes = 0;
    for (let i = 0; i < keep; i++) {
      const s = this.slotOf(from + i);
      json[i] = this.json[s];
      frameStarts[i] = this.frameStarts[s];
      frameLengths[i] = this.frameLengths[s];
      typeIds[i] = this.typeIds[s];
      lateFlags[i] = this.lateFlags[s];
      received[i] = this.received[s];
      apps[i] = this.apps[s];
      servers[i] = this.servers[s];
      channelIds[i] = this.channelIds[s];
      bridgeIds[i] = this.bridgeIds[s];
      sizes[i] = this.sizes[s];
      totalBytes += sizes[i];
    }
    this.sizes = sizes;
    this.totalBytes = totalBytes;
    this.json = json;
    this.frameStarts = frameStarts;
    this.frameLengths = frameLengths;
    this.typeIds = typeIds;
    this.lateFlags = lateFlags;
    this.received = received;
    this.apps = apps;
    this.servers = servers;
    this.serverCounts_.clear();
    for (let i = 0; i < keep; i++) this.countServer(servers[i]);
    this.channelIds = channelIds;
    this.bridgeIds = bridgeIds;
    this.cap = capacity;
    this.head = 0;
    this.count = keep;
    this.renumberTypes(); // the dropped events' types go, and with them their counts
    this.gen++;
  }

  /** A slot's JSON as text. */
  private textOf(slot: number): string {
    const v = this.json[slot];
    const length = this.frameLengths[slot];
    if (length >= 0) return Buffer.from(v as ArrayBufferLike, this.frameStarts[slot], length).toString('utf8');
    return text(v as string | Uint8Array);
  }

  /** Ring slot of position n, or -1 when n is not held. */
  private slotOf(n: number): number {
    const i = n - (this.next - this.count);
    if (i < 0 || i >= this.count || !Number.isInteger(i)) return -1;
    const s = this.head + i;
    return s >= this.cap ? s - this.cap : s;
  }

  /** The id of a new event's type; a server that sends endless new types makes the dictionary start over. */
  private typeIdOf(type: string): number {
    const known = this.types.find(type);
    if (known >= 0) return known;
    if (this.types.size >= this.count + TYPE_SLACK) this.renumberTypes();
    return this.types.idOf(type);
  }

  /** Gives the held events' types fresh ids and counts, from a dictionary of only those types. */
  private renumberTypes(): void {
    const names: string[] = [];
    for (let n = this.firstN; n < this.next; n++) names.push(this.types.name(this.typeIds[this.slotOf(n)]));
    this.types.clear();
    for (let n = this.firstN, i = 0; n < this.next; n++, i++) {
      const id = this.types.idOf(names[i]);
      this.typeIds[this.slotOf(n)] = id;
      this.types.count(id);
    }
  }
}

const decoder = new TextDecoder();
/** A slot's JSON as text. */
function text(v: string | Uint8Array): string {
  if (typeof v === 'string') return v;
  return Buffer.isBuffer(v) ? v.toString('utf8') : decoder.decode(v);
}

function checkCapacity(cap: number): void {
  if (!Number.isSafeInteger(cap) || cap < 1) throw new RangeError(`capacity must be a positive integer, got ${cap}`);
}
