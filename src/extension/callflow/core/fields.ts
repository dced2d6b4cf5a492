// Reading the few fields Call Flow needs off an event that came from a server or a log file:
// every value is checked for its type and cut to a bounded length before it is used.

export type AriEvent = Record<string, unknown>;

/** Longest text taken from an event field (names, ids, app data). */
export const MAX_FIELD = 256;

export function rec(x: unknown): Record<string, unknown> | undefined {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined;
}

export function str(x: unknown, max = MAX_FIELD): string {
  if (typeof x === 'string') return x.length > max ? `${x.slice(0, max)}…` : x;
  if (typeof x === 'number' && Number.isFinite(x)) return String(x);
  return '';
}

export function num(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}

export interface ChannelRef {
  id: string;
  name: string;
  linkedid: string;
  caller: string;
}

/** A channel object (channel, peer, caller, replace_channel…) with at least an id. */
export function channelRef(x: unknown): ChannelRef | undefined {
  const c = rec(x);
  if (!c) return undefined;
  const id = typeof c.id === 'string' ? str(c.id) : '';
  if (!id) return undefined;
  const caller = rec(c.caller);
  const cname = caller ? str(caller.name) : '';
  const cnum = caller ? str(caller.number) : '';
  return { id, name: str(c.name) || id, linkedid: str(c.linkedid), caller: cname && cnum ? `"${cname}" <${cnum}>` : cname || cnum };
}

export interface BridgeRef {
  id: string;
  name: string;
  type: string;
}

export function bridgeRef(x: unknown): BridgeRef | undefined {
  const b = rec(x);
  if (!b) return undefined;
  const id = typeof b.id === 'string' ? str(b.id) : '';
  if (!id) return undefined;
  return { id, name: str(b.name), type: str(b.bridge_type) };
}

/** `channel:ID` / `bridge:ID` target of a playback or recording. */
export function targetOf(x: unknown): { kind: 'channel' | 'bridge'; id: string } | undefined {
  const uri = str(x);
  const m = /^(channel|bridge):(.+)$/.exec(uri);
  return m ? { kind: m[1] as 'channel' | 'bridge', id: m[2] } : undefined;
}

/** The event's time: its own timestamp, else NaN. Asterisk writes `+0000` without a colon. */
export function eventTime(e: AriEvent): number {
  const ts = str(e.timestamp, 64);
  if (!ts) return NaN;
  const iso = ts.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  return Date.parse(iso);
}

export function eventType(e: AriEvent): string {
  return str(e.type, 64);
}

/** The Local channel pair a name belongs to (`Local/1776@from-test-00000143` for both `;1` and `;2`). */
export function localPairOf(name: string): string | undefined {
  const m = /^(Local\/.+);([12])$/.exec(name);
  return m ? m[1] : undefined;
}

/** Every channel and bridge an event concerns, by role. */
export interface EventRefs {
  channels: ChannelRef[];
  bridges: BridgeRef[];
  /** Channels that the event links into one call (Dial caller and peer, a Local pair's halves…). */
  links: [string, string][];
}

export function eventRefs(e: AriEvent): EventRefs {
  const channels: ChannelRef[] = [];
  const bridges: BridgeRef[] = [];
  const links: [string, string][] = [];
  const add = (x: unknown): ChannelRef | undefined => {
    const c = channelRef(x);
    if (c) channels.push(c);
    return c;
  };
  const ch = add(e.channel);
  const peer = add(e.peer);
  const caller = add(e.caller);
  const forwarded = add(e.forwarded);
  const replace = add(e.replace_channel);
  if (caller && peer) links.push([caller.id, peer.id]);
  if (forwarded && peer) links.push([peer.id, forwarded.id]);
  if (replace && ch) links.push([replace.id, ch.id]);
  const b = bridgeRef(e.bridge);
  if (b) bridges.push(b);
  for (const k of ['playback', 'recording']) {
    const target = targetOf(rec(e[k])?.target_uri);
    if (target?.kind === 'channel') channels.push({ id: target.id, name: '', linkedid: '', caller: '' });
    if (target?.kind === 'bridge') bridges.push({ id: target.id, name: '', type: '' });
  }
  return { channels, bridges, links };
}
