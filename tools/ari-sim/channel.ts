// The channel snapshot and its per-channel simulation state.
import { astTimestamp } from './clock';
import type { JsonObject } from './json';

export interface PartyId {
  name: string;
  number: string;
}
export interface DialplanPos {
  context: string;
  exten: string;
  priority: number;
  app_name: string;
  app_data: string;
}
/** Where the ;1 half of an originated Local pair goes once the far end answers. */
export type OriginateTarget =
  | { kind: 'app'; app: string; args: string[] }
  | { kind: 'exten'; context: string; exten: string; priority: number };

export class Channel {
  state = 'Down';
  caller: PartyId = { name: '', number: '' };
  connected: PartyId = { name: '', number: '' };
  dialplan: DialplanPos;
  readonly creationtime = astTimestamp();
  language = 'en';
  readonly vars = new Map<string, string>();
  /** Other half of a Local pair. */
  peer?: Channel;
  stasisApp?: string;
  stasisArgs: string[] = [];
  bridgeId?: string;
  destroyed = false;
  /** Pending dialplan step / Wait timer. */
  step?: NodeJS.Timeout;
  /** ;1 half waiting for its ;2 to answer (originate or /dial). */
  dialing?: { dialstring: string; target?: OriginateTarget; timeout?: NodeJS.Timeout };
  answeredOnce = false;

  constructor(
    readonly id: string,
    readonly name: string,
    context: string,
    exten: string,
    /** 1 or 2 for a Local half, 0 otherwise. */
    readonly half: 0 | 1 | 2,
    /** Device name for DeviceStateChanged, e.g. `Local/1776@from-test`. */
    readonly device: string,
  ) {
    this.dialplan = { context, exten, priority: 1, app_name: '', app_data: '' };
  }

  get alive(): boolean {
    return !this.destroyed;
  }

  toJSON(): JsonObject {
    return {
      id: this.id,
      name: this.name,
      state: this.state,
      protocol_id: '',
      caller: { ...this.caller },
      connected: { ...this.connected },
      accountcode: '',
      dialplan: { ...this.dialplan },
      creationtime: this.creationtime,
      language: this.language,
    };
  }
}

/** `"Alice" <1001>`, `Alice <1001>` or `1001`. */
export function parseCallerId(s: string): PartyId {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]*)>\s*$/.exec(s);
  if (m) return { name: m[1].trim(), number: m[2].trim() };
  return { name: '', number: s.trim() };
}

export const HANGUP_CAUSES: Record<number, string> = {
  0: 'Unknown',
  1: 'Unallocated (unassigned) number',
  16: 'Normal Clearing',
  17: 'User busy',
  18: 'No user responding',
  19: 'User alerting, no answer',
  20: 'Subscriber absent',
  21: 'Call Rejected',
  27: 'Destination out of order',
  34: 'Circuit/channel congestion',
  38: 'Network out of order',
  127: 'Interworking, unspecified',
};

export const HANGUP_REASONS: Record<string, number> = {
  normal: 16,
  busy: 17,
  congestion: 34,
  no_answer: 19,
  timeout: 18,
  rejected: 21,
  unallocated: 1,
  answered_elsewhere: 26,
};

export function causeText(cause: number): string {
  return HANGUP_CAUSES[cause] ?? 'Unknown';
}
