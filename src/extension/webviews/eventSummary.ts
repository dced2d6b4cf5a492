// Turns one ARI event into what the list shows and what the filters match on: the object it
// concerns, a one-line summary, and the channel/bridge ids and names it mentions. Computed
// when a row is shown (or a filter needs more than the store keeps), never per stored event:
// per event the store keeps only the event's own channel/bridge id (ari/eventRefs.ts).
// No vscode import.

import { isBridgeObject, isChannelObject } from '../ari/eventRefs';
import { t } from '../util/l10n';

export interface EventFacts {
  type: string;
  /** The event's own timestamp in ms, or NaN when it has none that parses. */
  eventTime: number;
  app: string;
  object: string;
  summary: string;
  channelIds: string[];
  channelNames: string[];
  bridgeIds: string[];
  bridgeNames: string[];
}

type Obj = Record<string, unknown>;

function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
function str(x: unknown): string {
  return typeof x === 'string' ? x : typeof x === 'number' || typeof x === 'boolean' ? String(x) : '';
}
// An ARI Channel has id, name and state; a Bridge has id and bridge_type (or technology).
// The same tests as the store's per-event channel/bridge id, so its fast path agrees with these facts.
const isChannel: (x: unknown) => x is Obj = isChannelObject;
const isBridge: (x: unknown) => x is Obj = isBridgeObject;

function callerText(x: unknown): string {
  if (!isObj(x)) return '';
  const name = str(x.name);
  const num = str(x.number);
  if (name && num) return `"${name}" <${num}>`;
  return name || num;
}

/** `channel:ID` / `bridge:ID` from a playback's or recording's target_uri. */
function targetOf(uri: unknown): { channel?: string; bridge?: string } {
  const s = str(uri);
  const m = /^(channel|bridge):(.+)$/.exec(s);
  if (!m) return {};
  return m[1] === 'channel' ? { channel: m[2] } : { bridge: m[2] };
}

/**
 * Channel names by id, learnt from every event described: a playback or recording names its
 * target only as `channel:1796326162.179`, and a reader (and the Channel filter) wants the name.
 * Bounded; the oldest names go first.
 */
const knownNames = new Map<string, string>();
const KNOWN_NAMES_CAP = 20_000;

function learnName(id: string, name: string): void {
  if (knownNames.get(id) === name) return;
  knownNames.delete(id);
  knownNames.set(id, name);
  if (knownNames.size > KNOWN_NAMES_CAP) knownNames.delete(knownNames.keys().next().value as string);
}

/** The channel name for `channel:ID`, if an event has shown it; the URI otherwise. */
function targetText(uri: unknown): string {
  const target = targetOf(uri);
  return (target.channel && knownNames.get(target.channel)) || str(uri);
}

const SPACE_RUN = /\s\s|[^\S ]/;
function clip(s: string, max = 200): string {
  const one = SPACE_RUN.test(s) ? s.replace(/\s+/g, ' ') : s;
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

export function describeEvent(event: Obj): EventFacts {
  const type = str(event.type) || '(no type)';
  const channelIds: string[] = [];
  const channelNames: string[] = [];
  const bridgeIds: string[] = [];
  const bridgeNames: string[] = [];
  const addChannel = (id: string, name?: string): void => {
    if (id && !channelIds.includes(id)) channelIds.push(id);
    if (id && name) learnName(id, name);
    if (name && !channelNames.includes(name)) channelNames.push(name);
  };
  const addBridge = (id: string, name?: string): void => {
    if (id && !bridgeIds.includes(id)) bridgeIds.push(id);
    if (name && !bridgeNames.includes(name)) bridgeNames.push(name);
  };
  // Every channel and bridge at the top level counts (channel, peer, caller, transferee,
  // replace_channel, bridge_from, ...): a filter on a channel should find its Dial as a peer.
  for (const value of Object.values(event)) {
    if (isChannel(value)) addChannel(value.id as string, value.name as string);
    else if (isBridge(value)) addBridge(value.id as string, str(value.name));
  }
  for (const holder of [event.playback, event.recording]) {
    if (isObj(holder)) {
      const target = targetOf(holder.target_uri);
      if (target.channel) addChannel(target.channel, knownNames.get(target.channel));
      if (target.bridge) addBridge(target.bridge);
    }
  }
  if (typeof event.destination_bridge === 'string') addBridge(event.destination_bridge);

  const ts = str(event.timestamp);
  const eventTime = ts ? Date.parse(ts) : NaN;
  const { object, summary } = objectAndSummary(type, event);
  // Tens of thousands of these are kept: exact-size arrays (a pushed-to array reserves ~16
  // slots) and flat strings (a template literal is a rope that keeps its pieces) halve the
  // memory per event.
  return {
    type,
    eventTime,
    app: str(event.application),
    object: flat(clip(object, 120)),
    summary: flat(clip(summary)),
    channelIds: exact(channelIds),
    channelNames: exact(channelNames),
    bridgeIds: exact(bridgeIds),
    bridgeNames: exact(bridgeNames),
  };
}

const NONE: string[] = [];
function exact(a: string[]): string[] {
  return a.length === 0 ? NONE : a.slice();
}
/** Reading a character makes V8 flatten a rope in place, releasing its pieces. */
function flat(s: string): string {
  if (s.length > 0) s.charCodeAt(0);
  return s;
}

function objectAndSummary(type: string, e: Obj): { object: string; summary: string } {
  const ch = isChannel(e.channel) ? e.channel : undefined;
  const chName = ch ? str(ch.name) : '';
  const br = isBridge(e.bridge) ? e.bridge : undefined;
  switch (type) {
    case 'ChannelCreated': {
      const dp = isObj(ch?.dialplan) ? ch.dialplan : {};
      return { object: chName, summary: `${str(ch?.state)} ${callerText(ch?.caller)} → ${str(dp.exten)}@${str(dp.context)}`.trim() };
    }
    case 'ChannelStateChange':
      return { object: chName, summary: t('state {0}', str(ch?.state)) };
    case 'ChannelDialplan': {
      const dp = isObj(ch?.dialplan) ? ch.dialplan : {};
      return {
        object: chName,
        summary: `${str(dp.context)},${str(dp.exten)},${str(dp.priority)} ${str(e.dialplan_app)}(${str(e.dialplan_app_data)})`,
      };
    }
    case 'ChannelVarset':
      return { object: chName || t('(global)'), summary: `${str(e.variable)}=${str(e.value)}` };
    case 'ChannelHangupRequest':
      // A soft request's cause (32 for an ARI DELETE, 4 on restart) is Asterisk's, not the
      // hangup reason: that comes with the hard request and ChannelDestroyed.
      return { object: chName, summary: e.soft === true ? t('soft request (not the reason)') : t('cause {0}', str(e.cause) || '?') };
    case 'ChannelDestroyed':
      return { object: chName, summary: t('cause {0}', `${str(e.cause)} ${str(e.cause_txt)}`.trim()) };
    case 'ChannelDtmfReceived':
      return { object: chName, summary: t('digit {0} ({1} ms)', str(e.digit), str(e.duration_ms)) };
    case 'ChannelCallerId':
      return { object: chName, summary: t('caller {0}', callerText(ch?.caller)) };
    case 'ChannelConnectedLine':
      return { object: chName, summary: t('connected {0}', callerText(ch?.connected)) };
    case 'ChannelEnteredBridge':
    case 'ChannelLeftBridge':
      return {
        object: chName || str(br?.id),
        summary: type === 'ChannelEnteredBridge' ? t('entered bridge {0}', str(br?.id)) : t('left bridge {0}', str(br?.id)),
      };
    case 'ChannelUserevent':
      return { object: chName || str(br?.id), summary: t('user event {0}', str(e.eventname)) };
    case 'ChannelHold':
      return { object: chName, summary: e.musicclass ? t('hold ({0})', str(e.musicclass)) : t('hold') };
    case 'ChannelTalkingFinished':
      return { object: chName, summary: t('talked {0} ms', str(e.duration)) };
    case 'StasisStart': {
      const args = Array.isArray(e.args) ? e.args.map(str).join(',') : '';
      return { object: chName, summary: `${str(e.application)}(${args})` };
    }
    case 'StasisEnd':
      return { object: chName, summary: t('left {0}', str(e.application)) };
    case 'Dial': {
      const peer = isChannel(e.peer) ? str(e.peer.name) : '';
      const status = str(e.dialstatus) || t('dialing');
      return { object: peer, summary: `${status}${e.dialstring ? ` ${str(e.dialstring)}` : ''}` };
    }
    case 'BridgeCreated':
    case 'BridgeDestroyed':
    case 'BridgeVideoSourceChanged': {
      const n = Array.isArray(br?.channels) ? br.channels.length : 0;
      return { object: str(br?.id), summary: `${str(br?.bridge_type)} ${str(br?.technology)}, ${n === 1 ? t('1 channel') : t('{0} channels', n)}`.trim() };
    }
    case 'BridgeMerged':
      return { object: str(br?.id), summary: t('merged from {0}', isObj(e.bridge_from) ? str(e.bridge_from.id) : '?') };
    case 'PlaybackStarted':
    case 'PlaybackContinuing':
    case 'PlaybackFinished': {
      const p = isObj(e.playback) ? e.playback : {};
      return { object: str(p.id), summary: t('{0} {1} on {2}', str(p.state), str(p.media_uri), targetText(p.target_uri)) };
    }
    case 'RecordingStarted':
    case 'RecordingFinished':
    case 'RecordingFailed': {
      const r = isObj(e.recording) ? e.recording : {};
      // Asterisk ends a recording of a channel that sends no audio (a Local half whose other
      // half runs Wait) after ~4 s with duration 0, and says why only in its own log.
      const silent =
        type === 'RecordingFinished' && r.duration === 0 ? ` · ${t('no audio: the channel sent none (e.g. a Local half whose other half only waits)')}` : '';
      return { object: str(r.name), summary: `${str(r.state)} ${targetText(r.target_uri)}${r.cause ? ` ${t('cause {0}', str(r.cause))}` : ''}${silent}` };
    }
    case 'DeviceStateChanged': {
      const d = isObj(e.device_state) ? e.device_state : {};
      return { object: str(d.name), summary: str(d.state) };
    }
    case 'EndpointStateChange':
    case 'ContactStatusChange':
    case 'PeerStatusChange': {
      const ep = isObj(e.endpoint) ? e.endpoint : {};
      const extra = isObj(e.peer)
        ? ` ${t('peer {0}', str(e.peer.peer_status))}`
        : isObj(e.contact_info)
          ? ` ${t('contact {0}', str(e.contact_info.contact_status))}`
          : '';
      return { object: `${str(ep.technology)}/${str(ep.resource)}`, summary: `${str(ep.state)}${extra}`.trim() };
    }
    case 'ApplicationRegistered':
    case 'ApplicationUnregistered':
    case 'ApplicationReplaced':
      return {
        object: str(e.application),
        summary: type === 'ApplicationRegistered' ? t('registered') : type === 'ApplicationUnregistered' ? t('unregistered') : t('replaced'),
      };
    case 'ApplicationMoveFailed':
      return { object: chName, summary: t('move to {0} failed', str(e.destination)) };
    case 'RESTResponse':
      return { object: str(e.uri), summary: `${str(e.status_code)} ${str(e.reason_phrase)}` };
    case 'TextMessageReceived': {
      const m = isObj(e.message) ? e.message : {};
      return { object: str(m.from), summary: t('to {0}: {1}', str(m.to), str(m.body)) };
    }
    default:
      return { object: chName || str(br?.id) || str(e.application), summary: '' };
  }
}
