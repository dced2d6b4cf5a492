// One buffered event as rows, details and exports see it, and the facts a row shows, worked
// out from the event's text (or from the parsed event when the store still has it) only when
// the row is sent. No vscode import.

import { describeEvent, type EventFacts } from './eventSummary';

/** One buffered event, as rows, details and export see it; built on demand by EventStore.get(). */
export class StoredEvent {
  private facts: EventFacts | undefined;

  constructor(
    /** Position in this store's history, 0-based, never reused (until clear()). */
    readonly n: number,
    readonly type: string,
    /** The apps the event was delivered to (ari/appSet.ts: sorted, ','-joined; usually one). */
    readonly app: string,
    private readonly receivedAt: number,
    /** The event's JSON text (the frame as received, or JSON.stringify of a pushed object). */
    readonly json: string,
    /** The server (profile name) that sent it; '' when not known. */
    readonly server = '',
    /** The event as parsed from `json`, when the store still has it: describing it then needs no parse. */
    private readonly parsed?: object,
  ) {}

  private get described(): EventFacts {
    return (this.facts ??= describeStored(this.parsed, () => this.json));
  }
  get object(): string {
    return this.described.object;
  }
  get summary(): string {
    return this.described.summary;
  }
  get channelIds(): string[] {
    return this.described.channelIds;
  }
  get channelNames(): string[] {
    return this.described.channelNames;
  }
  get bridgeIds(): string[] {
    return this.described.bridgeIds;
  }
  get bridgeNames(): string[] {
    return this.described.bridgeNames;
  }
  /** What the list shows as the time: the event's timestamp, else receivedAt. */
  get time(): number {
    const t = this.described.eventTime;
    return Number.isFinite(t) ? t : this.receivedAt;
  }
}

const UNPARSABLE: EventFacts = Object.freeze({
  type: '(no type)',
  eventTime: NaN,
  app: '',
  object: '',
  summary: '',
  channelIds: [],
  channelNames: [],
  bridgeIds: [],
  bridgeNames: [],
}) as EventFacts;

/**
 * The full facts of an event (rows, details and the slow path of filters): from its parsed
 * object when there is one, else from its text, which is only then read.
 */
export function describeStored(parsed: object | undefined, text: () => string): EventFacts {
  return parsed !== undefined ? describeEvent(parsed as Record<string, unknown>) : describeText(text());
}

/** The full facts of an event from its text alone. */
export function describeText(json: string): EventFacts {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return UNPARSABLE;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? describeEvent(value as Record<string, unknown>) : UNPARSABLE;
}
