// The session's pending batch of events and the records it hands out: per event a few slot
// writes while collecting, one small record per event when the batch goes out, and the frame's
// bytes kept instead of the parsed event (see BatchRecord). The frame range is part of the
// record's declared type, so the LiveFeed fast path cannot silently lose it. No vscode import.
import { withApp } from '../ari/appSet';
import { eventBridgeId, eventChannelId } from '../ari/eventRefs';
import type { AriEvent } from '../ari/events.generated';

export interface EventRecord {
  readonly seq: number;
  /** Date.now() when the event reached the session. */
  readonly receivedAt: number;
  /** The event. With the frame kept (`raw` or `json`) it is parsed again from it on first read (see BatchRecord). */
  readonly event: AriEvent;
  /** The frame's text as the socket received it (undefined when the socket does not say); decoded from `raw` on first read. */
  readonly json: string | undefined;
  /** The frame's bytes as the WebSocket delivered them (socket.frameData), when it came from the socket. */
  readonly raw: Buffer | undefined;
  /**
   * The frame's bytes without a Buffer view: `rawLength` bytes at `rawStart` of `rawSource`
   * (rawLength -1 or rawSource undefined: none). Declared so the LiveFeed fast path, which reads
   * these instead of `raw`, cannot silently fall back to the slow path after a refactor.
   */
  readonly rawSource: ArrayBufferLike | undefined;
  readonly rawStart: number;
  readonly rawLength: number;
  /** event.type, without reading `event`. */
  readonly type: string;
  /**
   * The apps the event was delivered to ('' when none), without reading `event`: its
   * `application`, plus every other app a copy of it came for (ari/appSet.ts: sorted, ','-joined).
   * A copy that arrives after the record was handed out is reported on onEventApps.
   */
  readonly application: string;
  /** The id of the event's own channel / bridge ('' when none; ari/eventRefs.ts), without reading `event`. */
  readonly channelId: string;
  readonly bridgeId: string;
  /**
   * The parsed event when the batch still holds it (its newest RECENT_PARSED events), else
   * undefined; reading it never parses. The panel's rows describe the newest events of each
   * batch: with this they need not parse those frames a second time.
   */
  readonly parsed: AriEvent | undefined;
}

/**
 * How many of a batch's newest events keep their parsed object until the batch goes out, and
 * how many the event store keeps of what it is given: the event panel's tail (TAIL_ROWS, 100)
 * plus the row before it. Few enough that holding them costs the collector nothing that
 * matters, unlike holding a whole burst batch.
 */
export const RECENT_PARSED = 128;

/**
 * A batch waits up to batchMs; holding every parsed event tree that long (thousands of them
 * in a burst) is what made the collector work hardest, and so did every frame's text.
 * A record with the frame's bytes (or, from ingest(), its text) lets the parsed object go once
 * the model has applied it, keeps the few facts listeners filter on, and decodes/parses the
 * frame again only for a listener that reads `json`/`event` (the same JSON, so an equal
 * object). Without either (a socket that gives neither) the parsed event is kept.
 */
class BatchRecord implements EventRecord {
  /** Set when given, or once `event` is read. */
  parsed: AriEvent | undefined;
  private text: string | undefined;
  private view: Buffer | undefined;

  constructor(
    readonly seq: number,
    readonly receivedAt: number,
    /** When there is no frame to parse again, or for one of the batch's newest events. */
    event: AriEvent | undefined,
    /**
     * The frame's bytes: `rawLength` bytes at `rawStart` of `rawSource`, the socket read's
     * memory the WebSocket's view pointed into (-1: none). Kept as that shared buffer and two
     * numbers rather than a view: no object per event outlives the event (`raw` makes the view
     * on first read).
     */
    readonly rawSource: ArrayBufferLike | undefined,
    readonly rawStart: number,
    readonly rawLength: number,
    json: string | undefined,
    readonly type: string,
    readonly application: string,
    readonly channelId: string,
    readonly bridgeId: string,
  ) {
    this.text = json;
    this.parsed = event;
  }

  get raw(): Buffer | undefined {
    if (this.rawLength < 0 || this.rawSource === undefined) return undefined;
    return (this.view ??= Buffer.from(this.rawSource, this.rawStart, this.rawLength));
  }

  get json(): string | undefined {
    return (this.text ??= this.raw?.toString('utf8'));
  }

  get event(): AriEvent {
    return (this.parsed ??= JSON.parse(this.json as string) as AriEvent);
  }
}

/**
 * The batch being collected, as parallel arrays reused from batch to batch: per event a few
 * slot writes and no object (the records are made when the batch is handed out, and die
 * young). Only the frame (bytes or text, or the event when there is neither) is held.
 */
export class PendingBatch {
  count = 0;
  private readonly events: (AriEvent | undefined)[] = [];
  // The newest events' parsed objects, at i % RECENT_PARSED (see EventRecord.parsed).
  private readonly recent: (AriEvent | undefined)[] = new Array<AriEvent | undefined>(RECENT_PARSED).fill(undefined);
  // The frame's bytes as (the read's ArrayBuffer, offset, length): one shared buffer per socket read, no view kept.
  private readonly rawSources: (ArrayBufferLike | undefined)[] = [];
  private rawStarts = new Int32Array(1024);
  private rawLengths = new Int32Array(1024);
  private readonly texts: (string | undefined)[] = [];
  private readonly times: number[] = [];
  private readonly types: string[] = [];
  private readonly apps: string[] = [];
  private readonly channelIds: string[] = [];
  private readonly bridgeIds: string[] = [];
  // Types and app names repeat endlessly: the batch keeps one copy of each run of equal ones,
  // not each event's own string (which would then outlive the event by up to batchMs).
  private lastType = '';
  private lastApp = '';

  add(ev: AriEvent, receivedAt: number, raw: Buffer | undefined, text: string | undefined, channels: ReadonlyMap<string, { readonly id: string }>): void {
    const i = this.count++;
    if (i >= this.rawStarts.length) this.growSlots();
    if (raw !== undefined) {
      this.rawSources[i] = raw.buffer;
      this.rawStarts[i] = raw.byteOffset;
      this.rawLengths[i] = raw.length;
    } else this.rawLengths[i] = -1;
    this.texts[i] = raw === undefined ? text : undefined;
    this.events[i] = raw === undefined && text === undefined ? ev : undefined;
    this.recent[i % RECENT_PARSED] = ev;
    this.times[i] = receivedAt;
    const type = ev.type;
    if (type === this.lastType) this.types[i] = this.lastType;
    else this.types[i] = this.lastType = type;
    const app = (ev as { application?: unknown }).application;
    if (app === this.lastApp) this.apps[i] = this.lastApp;
    else this.apps[i] = this.lastApp = typeof app === 'string' ? app : '';
    // The model's copy of the id when it knows the channel (the same text): the event's own
    // string can then die with the event.
    const channelId = eventChannelId(ev);
    this.channelIds[i] = channelId === '' ? '' : (channels.get(channelId)?.id ?? channelId);
    this.bridgeIds[i] = eventBridgeId(ev);
  }

  /** Adds an app to the i-th pending event's set (another app's copy of it arrived). */
  addApp(i: number, app: string): void {
    this.apps[i] = withApp(this.apps[i], app);
  }

  /** The records (seq numbers ending at lastSeq), and empties the batch. */
  take(lastSeq: number): EventRecord[] {
    const n = this.count;
    const out = new Array<EventRecord>(n);
    const first = lastSeq - n + 1;
    const recentFrom = n - RECENT_PARSED;
    for (let i = 0; i < n; i++) {
      out[i] = new BatchRecord(
        first + i,
        this.times[i],
        i >= recentFrom ? this.recent[i % RECENT_PARSED] : this.events[i],
        this.rawSources[i],
        this.rawStarts[i],
        this.rawLengths[i],
        this.texts[i],
        this.types[i],
        this.apps[i],
        this.channelIds[i],
        this.bridgeIds[i],
      );
      this.events[i] = undefined;
      this.rawSources[i] = undefined;
      this.texts[i] = undefined;
    }
    this.count = 0;
    this.recent.fill(undefined);
    return out;
  }

  private growSlots(): void {
    const starts = new Int32Array(this.rawStarts.length * 2);
    starts.set(this.rawStarts);
    this.rawStarts = starts;
    const lengths = new Int32Array(this.rawLengths.length * 2);
    lengths.set(this.rawLengths);
    this.rawLengths = lengths;
  }
}
