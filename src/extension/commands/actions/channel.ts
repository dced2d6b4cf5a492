// Channel operations as plain functions of a session and their inputs (no prompts, no
// vscode), so the tests drive them against the simulator.
import type { Channel, LiveRecording, Playback } from '../../ari/models.generated';
import type { HangupReason as AriHangupReason, IfExists, MediaDirection, RecordParams, TerminateOn } from '../../ari/resources/channels';
import { attempt, forEachId, type BatchResult } from '../failures';
import { ari, type CommandSession } from '../session';

/** ARI's hangup reasons (channels.json allowableValues), most used first. */
export const HANGUP_REASONS = [
  'normal',
  'busy',
  'congestion',
  'no_answer',
  'timeout',
  'rejected',
  'unallocated',
  'normal_unspecified',
  'number_incomplete',
  'codec_mismatch',
  'interworking',
  'failure',
  'answered_elsewhere',
] as const satisfies readonly AriHangupReason[];
export type HangupReason = (typeof HANGUP_REASONS)[number];

export type Direction = MediaDirection;

export function hangupChannels(session: CommandSession, ids: readonly string[], reason?: HangupReason): Promise<BatchResult> {
  return forEachId(
    ids,
    (id) => `hang up channel ${id}`,
    (id) => ari(session).channels.hangup(id, { reason }),
  );
}

/** The simple POST/DELETE channel operations that take nothing but the id. */
const SIMPLE = {
  answer: 'answer',
  ring: 'ring',
  ringStop: 'stop ringing on',
  hold: 'hold',
  unhold: 'unhold',
  stopMoh: 'stop music on hold on',
  startSilence: 'start silence on',
  stopSilence: 'stop silence on',
} as const;
export type SimpleChannelOp = keyof typeof SIMPLE;

export function channelOp(session: CommandSession, op: SimpleChannelOp, ids: readonly string[]): Promise<BatchResult> {
  const channels = ari(session).channels;
  return forEachId(
    ids,
    (id) => `${SIMPLE[op]} channel ${id}`,
    (id) => channels[op](id),
  );
}

export function muteChannels(session: CommandSession, ids: readonly string[], direction: Direction, mute: boolean): Promise<BatchResult> {
  return forEachId(
    ids,
    (id) => `${mute ? 'mute' : 'unmute'} (${direction}) channel ${id}`,
    (id) => (mute ? ari(session).channels.mute(id, direction) : ari(session).channels.unmute(id, direction)),
  );
}

export function startMoh(session: CommandSession, ids: readonly string[], mohClass?: string): Promise<BatchResult> {
  return forEachId(
    ids,
    (id) => `start music on hold on channel ${id}`,
    (id) => ari(session).channels.startMoh(id, mohClass || undefined),
  );
}

export interface DtmfTiming {
  before?: number;
  between?: number;
  duration?: number;
  after?: number;
}

export async function sendDtmf(session: CommandSession, id: string, dtmf: string, timing: DtmfTiming = {}): Promise<void> {
  await attempt(`send DTMF to channel ${id}`, () => ari(session).channels.sendDtmf(id, { dtmf: dtmf.toUpperCase(), ...timing }));
}

export async function getChannelVar(session: CommandSession, id: string, variable: string): Promise<string> {
  const r = await attempt(`read ${variable} on channel ${id}`, () => ari(session).channels.getVariable(id, variable));
  return r.value;
}

export async function setChannelVar(session: CommandSession, id: string, variable: string, value: string): Promise<void> {
  await attempt(`set ${variable} on channel ${id}`, () => ari(session).channels.setVariable(id, variable, value));
}

export interface SnoopParams {
  app: string;
  spy?: Direction | 'none';
  whisper?: Direction | 'none';
  appArgs?: string;
}

export async function snoopChannel(session: CommandSession, id: string, p: SnoopParams): Promise<Channel> {
  return attempt(`snoop on channel ${id}`, () =>
    ari(session).channels.snoop(id, { app: p.app, spy: p.spy, whisper: p.whisper, appArgs: p.appArgs || undefined }),
  );
}

export interface DialplanTarget {
  context?: string;
  extension?: string;
  priority?: number;
  label?: string;
}

export async function continueInDialplan(session: CommandSession, id: string, t: DialplanTarget = {}): Promise<void> {
  await attempt(`continue channel ${id} in the dialplan`, () =>
    ari(session).channels.continueInDialplan(id, {
      context: t.context || undefined,
      extension: t.extension || undefined,
      priority: t.priority,
      label: t.label || undefined,
    }),
  );
}

export async function redirectChannel(session: CommandSession, id: string, endpoint: string): Promise<void> {
  await attempt(`redirect channel ${id} to ${endpoint}`, () => ari(session).channels.redirect(id, endpoint));
}

/** What media plays on: a channel or a bridge. */
export interface MediaTarget {
  kind: 'channel' | 'bridge';
  id: string;
}

export interface PlayParams {
  /** One or more media URIs (`sound:hello-world`, `digits:123` ...), played in order. */
  media: string[];
  lang?: string;
  offsetms?: number;
  skipms?: number;
}

export async function playMedia(session: CommandSession, target: MediaTarget, p: PlayParams): Promise<Playback> {
  // One comma-separated value (the query builder joins arrays): ARI keeps only the last of repeated keys.
  const params = { media: p.media, lang: p.lang || undefined, offsetms: p.offsetms, skipms: p.skipms };
  const playback = await attempt(`play ${p.media.join(', ')} on ${target.kind} ${target.id}`, () =>
    target.kind === 'channel' ? ari(session).channels.play(target.id, params) : ari(session).bridges.play(target.id, params),
  );
  session.model.trackPlayback?.(playback);
  return playback;
}

export const RECORDING_FORMATS = ['wav', 'gsm', 'ulaw', 'alaw', 'sln', 'g722', 'wav16', 'ogg'] as const;
export type { IfExists, RecordParams, TerminateOn };

export async function recordTarget(session: CommandSession, target: MediaTarget, p: RecordParams): Promise<LiveRecording> {
  const params: RecordParams = {
    name: p.name,
    format: p.format,
    maxDurationSeconds: p.maxDurationSeconds,
    maxSilenceSeconds: p.maxSilenceSeconds,
    ifExists: p.ifExists,
    beep: p.beep,
    terminateOn: p.terminateOn,
  };
  return attempt(`record ${target.kind} ${target.id} as ${p.name}.${p.format}`, () =>
    target.kind === 'channel' ? ari(session).channels.record(target.id, params) : ari(session).bridges.record(target.id, params),
  );
}
