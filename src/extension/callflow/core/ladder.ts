// The ladder model of one call: lanes (each channel, each bridge it met, each Stasis app that
// held it) and, in arrival order, the elements drawn on them. The webview, the Mermaid and
// the SVG exports all draw this model; nothing here knows about vscode or the DOM.

import { t } from '../../util/l10n';
import { hangupCauseText } from './causes';
import { bridgeRef, channelRef, eventTime, eventType, num, rec, str, targetOf, type AriEvent } from './fields';

export type LaneKind = 'channel' | 'bridge' | 'app';

export interface Lane {
  /** 'c:<id>', 'b:<id>' or 'a:<app>'. */
  key: string;
  kind: LaneKind;
  /** Channel or bridge id, or the app name. */
  ref: string;
  label: string;
  /** Caller id of a channel, bridge type… */
  detail: string;
  /** First and last row the lane is alive on. */
  firstRow: number;
  lastRow: number;
  /** Destroyed (channel, bridge) or left by every channel (app). */
  ended: boolean;
}

export type ElementKind =
  | 'created'
  | 'dialplan'
  | 'stasisStart'
  | 'stasisEnd'
  | 'dial'
  | 'bridgeCreated'
  | 'bridgeDestroyed'
  | 'bridgeEnter'
  | 'bridgeLeave'
  | 'playbackStart'
  | 'playbackEnd'
  | 'recordingStart'
  | 'recordingEnd'
  | 'dtmf'
  | 'hold'
  | 'talking'
  | 'callerId'
  | 'state'
  | 'variables'
  | 'userEvent'
  | 'hangupRequest'
  | 'destroyed'
  | 'other';

export interface DialplanStep {
  context: string;
  exten: string;
  priority: number;
}

export interface LadderElement {
  row: number;
  kind: ElementKind;
  lane: number;
  /** An arrow's other end (Dial peer, bridge, app). */
  to?: number;
  /** Short text drawn on the ladder. */
  label: string;
  /** Longer text (hover, export table). */
  detail: string;
  /** Milliseconds since epoch, NaN when the event had no timestamp. */
  time: number;
  /** Milliseconds since the previous row (absent on the first). */
  gapMs?: number;
  /** Source event positions (a collapsed run of variable sets has several). */
  events: number[];
  failed?: boolean;
  dialplan?: DialplanStep;
}

export interface Span {
  lane: number;
  kind: 'playback' | 'recording';
  fromRow: number;
  /** Row where it finished, -1 while still running. */
  toRow: number;
  label: string;
  failed: boolean;
}

export interface Ladder {
  lanes: Lane[];
  elements: LadderElement[];
  spans: Span[];
  startTime: number;
  endTime: number;
  /** A channel of the call has not been destroyed. */
  inProgress: boolean;
}

export interface FlowEvent {
  n: number;
  event: AriEvent;
}

/** Gaps at least this long are drawn as a compressed break. */
export const LONG_GAP_MS = 2000;

function dialplanText(app: string, data: string): string {
  return `${app || '?'}(${data})`;
}

/** Where an event sorts among events of the same millisecond delivered to different apps. */
function causalRank(type: string): number {
  switch (type) {
    case 'ChannelCreated':
      return 0;
    case 'ChannelDialplan':
      return 1;
    case 'StasisStart':
      return 3;
    case 'StasisEnd':
      return 4;
    case 'ChannelDestroyed':
      return 5;
    default:
      return 2;
  }
}

/**
 * The events in the order they happened. Each application's subscription delivers its events
 * in order, but two subscriptions (a firehose app and the call's own app) reach the buffer
 * interleaved by the network: StasisStart can arrive before the Stasis() step that caused it
 * and StasisEnd after the channel's destruction. The streams are merged by timestamp, and
 * within one millisecond by cause before effect.
 */
export function orderEvents(events: readonly FlowEvent[]): FlowEvent[] {
  const streams = new Map<string, { e: FlowEvent; time: number; rank: number }[]>();
  for (const fe of events) {
    const app = str(fe.event.application);
    const list = streams.get(app) ?? [];
    const t = eventTime(fe.event);
    const prev = list[list.length - 1];
    list.push({ e: fe, time: Number.isFinite(t) ? t : (prev?.time ?? -Infinity), rank: causalRank(eventType(fe.event)) });
    streams.set(app, list);
  }
  if (streams.size <= 1) return [...events];
  const heads = [...streams.values()].map((list) => ({ list, i: 0 }));
  const out: FlowEvent[] = [];
  for (;;) {
    let best: (typeof heads)[number] | undefined;
    for (const h of heads) {
      if (h.i >= h.list.length) continue;
      if (!best) {
        best = h;
        continue;
      }
      const a = h.list[h.i];
      const b = best.list[best.i];
      if (a.time < b.time || (a.time === b.time && (a.rank < b.rank || (a.rank === b.rank && a.e.n < b.e.n)))) best = h;
    }
    if (!best) return out;
    out.push(best.list[best.i++].e);
  }
}

export function buildLadder(unordered: readonly FlowEvent[]): Ladder {
  const events = orderEvents(unordered);
  const lanes: Lane[] = [];
  const laneIndex = new Map<string, number>();
  const elements: LadderElement[] = [];
  const spans: Span[] = [];
  const openSpans = new Map<string, number>();
  const appMembers = new Map<string, Set<string>>();

  const lane = (key: string, kind: LaneKind, ref: string, label: string, detail = ''): number => {
    let i = laneIndex.get(key);
    if (i === undefined) {
      i = lanes.length;
      laneIndex.set(key, i);
      lanes.push({ key, kind, ref, label, detail, firstRow: elements.length, lastRow: elements.length, ended: false });
    } else {
      const l = lanes[i];
      if (label && (l.label === l.ref || !l.label)) l.label = label;
      if (detail && !l.detail) l.detail = detail;
    }
    return i;
  };
  const channelLane = (x: unknown): number | undefined => {
    const c = channelRef(x);
    return c && lane(`c:${c.id}`, 'channel', c.id, c.name, c.caller);
  };
  const bridgeLane = (x: unknown): number | undefined => {
    const b = bridgeRef(x);
    return b && lane(`b:${b.id}`, 'bridge', b.id, b.name || b.id, b.type);
  };
  const targetLane = (uri: unknown): number | undefined => {
    const target = targetOf(uri);
    if (!target) return undefined;
    return target.kind === 'channel' ? lane(`c:${target.id}`, 'channel', target.id, target.id) : lane(`b:${target.id}`, 'bridge', target.id, target.id);
  };

  for (const { n, event: e } of events) {
    const type = eventType(e);
    const time = eventTime(e);
    const add = (el: Omit<LadderElement, 'row' | 'time' | 'events'>): LadderElement => {
      const prev = elements[elements.length - 1];
      const full: LadderElement = { ...el, row: elements.length, time, events: [n] };
      if (prev && Number.isFinite(prev.time) && Number.isFinite(time)) full.gapMs = Math.max(0, time - prev.time);
      elements.push(full);
      return full;
    };
    const chan = channelLane(e.channel);
    switch (type) {
      case 'ChannelCreated':
        if (chan !== undefined)
          add({ kind: 'created', lane: chan, label: t('created'), detail: t('Channel created in state {0}', str(rec(e.channel)?.state)) });
        break;
      case 'ChannelDialplan': {
        if (chan === undefined) break;
        const dp = rec(rec(e.channel)?.dialplan);
        const step: DialplanStep = { context: str(dp?.context), exten: str(dp?.exten), priority: num(dp?.priority) ?? 0 };
        add({
          kind: 'dialplan',
          lane: chan,
          label: dialplanText(str(e.dialplan_app), str(e.dialplan_app_data)),
          detail: `${step.context},${step.exten},${step.priority} ${dialplanText(str(e.dialplan_app), str(e.dialplan_app_data))}`,
          dialplan: step,
        });
        break;
      }
      case 'StasisStart':
      case 'StasisEnd': {
        if (chan === undefined) break;
        const app = str(e.application) || '?';
        const to = lane(`a:${app}`, 'app', app, app, t('Stasis application'));
        const members = appMembers.get(app) ?? new Set<string>();
        appMembers.set(app, members);
        const args = Array.isArray(e.args)
          ? e.args
              .slice(0, 20)
              .map((a) => str(a))
              .join(', ')
          : '';
        if (type === 'StasisStart') {
          members.add(lanes[chan].key);
          lanes[to].ended = false;
          add({
            kind: 'stasisStart',
            lane: chan,
            to,
            label: args ? `StasisStart(${args})` : 'StasisStart',
            detail: t('Entered Stasis application {0} with arguments [{1}]', app, args),
          });
        } else {
          members.delete(lanes[chan].key);
          if (members.size === 0) lanes[to].ended = true;
          add({ kind: 'stasisEnd', lane: chan, to, label: 'StasisEnd', detail: t('Left Stasis application {0}', app) });
        }
        lanes[to].lastRow = elements.length - 1;
        break;
      }
      case 'Dial': {
        const peer = channelLane(e.peer);
        if (peer === undefined) break;
        const caller = channelLane(e.caller);
        const status = str(e.dialstatus);
        const dialstring = str(e.dialstring);
        const failed = status !== '' && !['ANSWER', 'RINGING', 'PROGRESS', 'PROCEEDING'].includes(status);
        add({
          kind: 'dial',
          lane: caller ?? peer,
          to: caller === undefined ? undefined : peer,
          label: status ? `Dial ${status}` : t('Dial {0}', dialstring),
          detail: status ? t('Dial {0}: {1}', dialstring, status) : t('Dialing {0}', dialstring),
          failed,
        });
        break;
      }
      case 'BridgeCreated':
      case 'BridgeDestroyed': {
        const b = bridgeLane(e.bridge);
        if (b === undefined) break;
        if (type === 'BridgeDestroyed') lanes[b].ended = true;
        add({
          kind: type === 'BridgeCreated' ? 'bridgeCreated' : 'bridgeDestroyed',
          lane: b,
          label: type === 'BridgeCreated' ? t('created') : t('destroyed'),
          detail: `${type} ${lanes[b].label}`,
        });
        break;
      }
      case 'ChannelEnteredBridge':
      case 'ChannelLeftBridge': {
        const b = bridgeLane(e.bridge);
        if (chan === undefined || b === undefined) break;
        const members = Array.isArray(rec(e.bridge)?.channels) ? (rec(e.bridge)?.channels as unknown[]).length : 0;
        const enter = type === 'ChannelEnteredBridge';
        add({
          kind: enter ? 'bridgeEnter' : 'bridgeLeave',
          lane: chan,
          to: b,
          label: enter ? t('enter') : t('leave'),
          detail: enter ? t('Entered bridge {0} ({1} members)', lanes[b].label, members) : t('Left bridge {0} ({1} members)', lanes[b].label, members),
        });
        lanes[b].lastRow = elements.length - 1;
        break;
      }
      case 'PlaybackStarted':
      case 'PlaybackContinuing':
      case 'PlaybackFinished':
      case 'RecordingStarted':
      case 'RecordingFinished':
      case 'RecordingFailed': {
        const playback = type.startsWith('Playback');
        const obj = rec(playback ? e.playback : e.recording);
        const l = targetLane(obj?.target_uri);
        if (l === undefined) break;
        const id = playback ? str(obj?.id) : str(obj?.name);
        const media = playback ? str(obj?.media_uri) : `${str(obj?.name)}.${str(obj?.format)}`;
        const state = str(obj?.state);
        const started = type.endsWith('Started');
        const failed = state === 'failed' || type === 'RecordingFailed';
        const spanKey = `${playback ? 'p' : 'r'}:${id}`;
        if (started) {
          const el = add({
            kind: playback ? 'playbackStart' : 'recordingStart',
            lane: l,
            label: `▶ ${media}`,
            detail: t('{0} started on {1}', media, lanes[l].label),
          });
          openSpans.set(spanKey, spans.length);
          spans.push({ lane: l, kind: playback ? 'playback' : 'recording', fromRow: el.row, toRow: -1, label: media, failed: false });
        } else if (type === 'PlaybackContinuing') {
          add({
            kind: 'playbackStart',
            lane: l,
            label: `▶ ${str(obj?.next_media_uri) || media}`,
            detail: t('Playback continues with {0}', str(obj?.next_media_uri)),
          });
        } else {
          const cause = str(rec(e.recording)?.cause);
          const el = add({
            kind: playback ? 'playbackEnd' : 'recordingEnd',
            lane: l,
            label: `■ ${media} ${state}`.trim(),
            detail: failed ? t('{0} failed {1}', media, cause) : t('{0} finished: {1}', media, state),
            failed,
          });
          const si = openSpans.get(spanKey);
          if (si !== undefined) {
            spans[si].toRow = el.row;
            spans[si].failed = failed;
            openSpans.delete(spanKey);
          }
        }
        break;
      }
      case 'ChannelDtmfReceived':
        if (chan !== undefined)
          add({ kind: 'dtmf', lane: chan, label: `DTMF ${str(e.digit, 4)}`, detail: t('DTMF {0} for {1} ms', str(e.digit, 4), num(e.duration_ms) ?? 0) });
        break;
      case 'ChannelHold':
      case 'ChannelUnhold':
        if (chan !== undefined) add({ kind: 'hold', lane: chan, label: type === 'ChannelHold' ? t('hold') : t('unhold'), detail: type });
        break;
      case 'ChannelTalkingStarted':
      case 'ChannelTalkingFinished':
        if (chan !== undefined) add({ kind: 'talking', lane: chan, label: type === 'ChannelTalkingStarted' ? t('talking') : t('silent'), detail: type });
        break;
      case 'ChannelCallerId':
      case 'ChannelConnectedLine': {
        if (chan === undefined) break;
        const c = rec(rec(e.channel)?.[type === 'ChannelCallerId' ? 'caller' : 'connected']);
        const who = [str(c?.name), str(c?.number)].filter(Boolean).join(' ');
        add({ kind: 'callerId', lane: chan, label: type === 'ChannelCallerId' ? t('caller id {0}', who) : t('connected line {0}', who), detail: type });
        break;
      }
      case 'ChannelStateChange':
        if (chan !== undefined) add({ kind: 'state', lane: chan, label: t('state {0}', str(rec(e.channel)?.state)), detail: type });
        break;
      case 'ChannelVarset': {
        if (chan === undefined) break;
        const prev = elements[elements.length - 1];
        const line = `${str(e.variable)}=${str(e.value)}`;
        // Runs of variable sets on one lane are one element with a count: long calls set many.
        if (prev && prev.kind === 'variables' && prev.lane === chan) {
          prev.events.push(n);
          prev.label = t('{0} variables set', prev.events.length);
          if (prev.events.length <= 20) prev.detail += `\n${line}`;
        } else add({ kind: 'variables', lane: chan, label: t('1 variable set'), detail: line });
        break;
      }
      case 'ChannelUserevent':
        if (chan !== undefined) add({ kind: 'userEvent', lane: chan, label: t('user event {0}', str(e.eventname)), detail: type });
        break;
      case 'ChannelHangupRequest': {
        if (chan === undefined) break;
        const cause = num(e.cause);
        const soft = e.soft === true;
        add({
          kind: 'hangupRequest',
          lane: chan,
          label: soft ? t('hangup requested (soft)') : t('hangup requested, cause {0}', cause ?? '?'),
          detail: soft ? t('Soft hangup requested') : t('Hangup requested, cause {0} {1}', cause ?? '?', hangupCauseText(cause)),
        });
        break;
      }
      case 'ChannelDestroyed': {
        if (chan === undefined) break;
        const cause = num(e.cause);
        const text = str(e.cause_txt) || hangupCauseText(cause);
        lanes[chan].ended = true;
        add({
          kind: 'destroyed',
          lane: chan,
          label: t('destroyed: {0} {1}', cause ?? '?', text),
          detail: t('Channel destroyed, cause {0} ({1})', cause ?? '?', text),
          failed: cause !== undefined && cause !== 16 && cause !== 0,
        });
        break;
      }
      default:
        if (chan !== undefined) add({ kind: 'other', lane: chan, label: type, detail: type });
        else {
          const b = bridgeLane(e.bridge);
          if (b !== undefined) add({ kind: 'other', lane: b, label: type, detail: type });
        }
    }
  }
  for (const el of elements) {
    for (const i of el.to === undefined ? [el.lane] : [el.lane, el.to]) {
      const l = lanes[i];
      if (el.row < l.firstRow) l.firstRow = el.row;
      if (el.row > l.lastRow) l.lastRow = el.row;
    }
  }
  for (const l of lanes) if (l.firstRow >= elements.length) l.firstRow = l.lastRow = Math.max(0, elements.length - 1);
  const times = elements.map((e) => e.time).filter(Number.isFinite);
  return {
    lanes,
    elements,
    spans,
    startTime: times.length ? times[0] : NaN,
    endTime: times.length ? times[times.length - 1] : NaN,
    inProgress: lanes.some((l) => l.kind === 'channel' && !l.ended),
  };
}
