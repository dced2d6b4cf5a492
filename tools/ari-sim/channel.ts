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
  | { kind: 'exten'; context: string; exten: string; priority: number }
  /** CLI `channel originate ... application App data`: the ;1 half runs one application. */
  | { kind: 'application'; app: string; data: string };

/** Dialplan apps that write media to their channel. */
const AUDIBLE_APPS = new Set(['MusicOnHold', 'Playback', 'Background', 'Echo', 'Milliwatt', 'Playtones', 'Ringing', 'Progress']);

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
  /** Snoop channels spying on this one (they go when it goes). */
  readonly snoops: Channel[] = [];

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

  /**
   * Whether reading this channel yields audio frames. A Local half only hears what its other
   * half is given: a dialplan app that writes media (MusicOnHold, Playback, Echo...) or a bridge.
   * Wait(), Answer() or a peer idling in Stasis write nothing, so a recording there gets no
   * audio (Asterisk: "No audio available on ...", transcripts' issue 15 item 4).
   */
  get hasAudio(): boolean {
    if (this.half === 0) return true;
    const peer = this.peer;
    if (peer === undefined || !peer.alive) return false;
    if (this.bridgeId !== undefined || peer.bridgeId !== undefined) return true;
    return AUDIBLE_APPS.has(peer.dialplan.app_name);
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
/** main/utils.c ast_strip_quoted: trim, then drop one pair of surrounding double quotes. */
function stripQuoted(s: string): string {
  const t = s.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
}

/** main/callerid.c ast_shrink_phone_number: drop ( ) and blanks, "-" outside [], a "." not last. */
export function shrinkPhoneNumber(n: string): string {
  let out = '';
  let bracketed = 0;
  for (let i = 0; i < n.length; i++) {
    const c = n[i];
    if (c === '[') bracketed++;
    else if (c === ']') bracketed--;
    else if (c === '-' && !bracketed) continue;
    else if (c === '.' && i < n.length - 1) continue;
    else if ('( )'.includes(c)) continue;
    out += c;
  }
  return out;
}

const isPhoneNumber = (s: string): boolean => /^[0-9*#+]+$/.test(s);
const isShrinkable = (s: string): boolean => /^[0-9*#+().-]+$/.test(s);

/**
 * An originate `callerId` as ari_channels_handle_originate_with_id reads it: ast_callerid_parse
 * ("name" <number>, name <number, a bare number, else a bare name), then the number shrunk when
 * it only holds phone-number characters.
 */
export function parseCallerId(input: string): PartyId {
  const whole = input.trim();
  const instr = stripQuoted(whole);
  const quotesStripped = instr !== whole;
  let name = '';
  let number = '';
  const ls = instr.lastIndexOf('<');
  if (ls >= 0) {
    const rest = instr.slice(ls + 1);
    const le = rest.lastIndexOf('>');
    number = le >= 0 ? rest.slice(0, le) : rest;
    name = stripQuoted(instr.slice(0, ls));
  } else {
    const tmp = shrinkPhoneNumber(instr);
    if (!quotesStripped && isPhoneNumber(tmp)) number = tmp;
    else name = stripQuoted(instr);
  }
  name = name.replace(/\\(.)/g, '$1');
  if (isShrinkable(number)) number = shrinkPhoneNumber(number);
  return { name, number };
}

// Q.850 cause texts as Asterisk's ast_cause2str gives them.
export const HANGUP_CAUSES: Record<number, string> = {
  0: 'Unknown',
  1: 'Unallocated (unassigned) number',
  2: 'No route to specified transmit network',
  3: 'No route to destination',
  6: 'Channel unacceptable',
  7: 'Call awarded and being delivered in an established channel',
  16: 'Normal Clearing',
  17: 'User busy',
  18: 'No user responding',
  19: 'User alerting, no answer',
  20: 'Subscriber absent',
  21: 'Call Rejected',
  22: 'Number changed',
  23: 'Redirected to new destination',
  26: 'Answered elsewhere',
  27: 'Destination out of order',
  28: 'Invalid number format',
  29: 'Facility rejected',
  30: 'Response to STATus ENQuiry',
  31: 'Normal, unspecified',
  34: 'Circuit/channel congestion',
  38: 'Network out of order',
  41: 'Temporary failure',
  42: 'Switching equipment congestion',
  43: 'Access information discarded',
  44: 'Requested channel not available',
  50: 'Requested facility not subscribed',
  52: 'Outgoing call barred',
  54: 'Incoming call barred',
  57: 'Bearer capability not authorized',
  58: 'Bearer capability not available',
  65: 'Bearer capability not implemented',
  66: 'Channel not implemented',
  69: 'Facility not implemented',
  81: 'Invalid call reference value',
  88: 'Incompatible destination',
  95: 'Invalid message unspecified',
  96: 'Mandatory information element is missing',
  97: 'Message type nonexist.',
  98: 'Wrong message',
  99: 'Info. element nonexist or not implemented',
  100: 'Invalid information element contents',
  101: 'Message not compatible with call state',
  102: 'Recover on timer expiry',
  111: 'Protocol error, unspecified',
  127: 'Interworking, unspecified',
};

/** DELETE /channels?reason= values (ARI 22). */
export const HANGUP_REASONS: Record<string, number> = {
  normal: 16,
  busy: 17,
  congestion: 34,
  no_answer: 19,
  timeout: 18,
  rejected: 21,
  unallocated: 1,
  normal_unspecified: 31,
  number_incomplete: 28,
  codec_mismatch: 58,
  interworking: 127,
  failure: 38,
  answered_elsewhere: 26,
};

export function causeText(cause: number): string {
  return HANGUP_CAUSES[cause] ?? 'Unknown';
}
