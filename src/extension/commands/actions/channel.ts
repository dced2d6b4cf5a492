// Channel operations as plain functions of a session and their inputs (no prompts, no
// vscode), so the tests drive them against the simulator.
import type { Channel, LiveRecording, Playback, Variable } from '../../ari/models.generated';
import type {
  HangupReason as AriHangupReason,
  IfExists,
  MediaDirection,
  RecordParams,
  TerminateOn,
} from '../../ari/resources/channels';
import { attempt, forEachId, type BatchResult } from '../failures';
import { seg, type CommandSession } from '../session';

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
    (id) => session.rest.request('DELETE', `/channels/${seg(id)}`, { query: { reason } }),
  );
}

/** The simple POST/DELETE channel operations that take nothing but the id. */
const SIMPLE = {
  answer: ['POST', 'answer', 'answer'],
  ring: ['POST', 'ring', 'ring'],
  ringStop: ['DELETE', 'ring', 'stop ringing on'],
  hold: ['POST', 'hold', 'hold'],
  unhold: ['DELETE', 'hold', 'unhold'],
  stopMoh: ['DELETE', 'moh', 'stop music on hold on'],
  startSilence: ['POST', 'silence', 'start silence on'],
  stopSilence: ['DELETE', 'silence', 'stop silence on'],
} as const;
export type SimpleChannelOp = keyof typeof SIMPLE;

export function channelOp(session: CommandSession, op: SimpleChannelOp, ids: readonly string[]): Promise<BatchResult> {
  const [method, sub, verb] = SIMPLE[op];
  return forEachId(
    ids,
    (id) => `${verb} channel ${id}`,
    (id) => session.rest.request(method, `/channels/${seg(id)}/${sub}`),
  );
}

export function muteChannels(session: CommandSession, ids: readonly string[], direction: Direction, mute: boolean): Promise<BatchResult> {
  return forEachId(
    ids,
    (id) => `${mute ? 'mute' : 'unmute'} (${direction}) channel ${id}`,
    (id) => session.rest.request(mute ? 'POST' : 'DELETE', `/channels/${seg(id)}/mute`, { query: { direction } }),
  );
}

export function startMoh(session: CommandSession, ids: readonly string[], mohClass?: string): Promise<BatchResult> {
  return forEachId(
    ids,
    (id) => `start music on hold on channel ${id}`,
    (id) => session.rest.request('POST', `/channels/${seg(id)}/moh`, { query: { mohClass: mohClass || undefined } }),
  );
}

export interface DtmfTiming {
  before?: number;
  between?: number;
  duration?: number;
  after?: number;
}

export async function sendDtmf(session: CommandSession, id: string, dtmf: string, timing: DtmfTiming = {}): Promise<void> {
  await attempt(`send DTMF to channel ${id}`, () =>
    session.rest.request('POST', `/channels/${seg(id)}/dtmf`, { query: { dtmf: dtmf.toUpperCase(), ...timing } }),
  );
}

export async function getChannelVar(session: CommandSession, id: string, variable: string): Promise<string> {
  const r = await attempt(`read ${variable} on channel ${id}`, () =>
    session.rest.request<Variable>('GET', `/channels/${seg(id)}/variable`, { query: { variable } }),
  );
  return r.body.value;
}

export async function setChannelVar(session: CommandSession, id: string, variable: string, value: string): Promise<void> {
  await attempt(`set ${variable} on channel ${id}`, () =>
    session.rest.request('POST', `/channels/${seg(id)}/variable`, { query: { variable, value } }),
  );
}

export interface SnoopParams {
  app: string;
  spy?: Direction | 'none';
  whisper?: Direction | 'none';
  appArgs?: string;
}

export async function snoopChannel(session: CommandSession, id: string, p: SnoopParams): Promise<Channel> {
  const r = await attempt(`snoop on channel ${id}`, () =>
    session.rest.request<Channel>('POST', `/channels/${seg(id)}/snoop`, {
      query: { app: p.app, spy: p.spy, whisper: p.whisper, appArgs: p.appArgs || undefined },
    }),
  );
  return r.body;
}

export interface DialplanTarget {
  context?: string;
  extension?: string;
  priority?: number;
  label?: string;
}

export async function continueInDialplan(session: CommandSession, id: string, t: DialplanTarget = {}): Promise<void> {
  await attempt(`continue channel ${id} in the dialplan`, () =>
    session.rest.request('POST', `/channels/${seg(id)}/continue`, {
      query: { context: t.context || undefined, extension: t.extension || undefined, priority: t.priority, label: t.label || undefined },
    }),
  );
}

export async function redirectChannel(session: CommandSession, id: string, endpoint: string): Promise<void> {
  await attempt(`redirect channel ${id} to ${endpoint}`, () =>
    session.rest.request('POST', `/channels/${seg(id)}/redirect`, { query: { endpoint } }),
  );
}

/** What media plays on: a channel or a bridge. */
export interface MediaTarget {
  kind: 'channel' | 'bridge';
  id: string;
}

function targetPath(t: MediaTarget): string {
  return `/${t.kind === 'channel' ? 'channels' : 'bridges'}/${seg(t.id)}`;
}

export interface PlayParams {
  /** One or more media URIs (`sound:hello-world`, `digits:123` ...), played in order. */
  media: string[];
  lang?: string;
  offsetms?: number;
  skipms?: number;
}

export async function playMedia(session: CommandSession, target: MediaTarget, p: PlayParams): Promise<Playback> {
  const r = await attempt(`play ${p.media.join(', ')} on ${target.kind} ${target.id}`, () =>
    session.rest.request<Playback>('POST', `${targetPath(target)}/play`, {
      // One comma-separated value: ARI keeps only the last of repeated keys.
      query: { media: p.media.join(','), lang: p.lang || undefined, offsetms: p.offsetms, skipms: p.skipms },
    }),
  );
  session.model.trackPlayback?.(r.body);
  return r.body;
}

export const RECORDING_FORMATS = ['wav', 'gsm', 'ulaw', 'alaw', 'sln', 'g722', 'wav16', 'ogg'] as const;
export type { IfExists, RecordParams, TerminateOn };

export async function recordTarget(session: CommandSession, target: MediaTarget, p: RecordParams): Promise<LiveRecording> {
  const r = await attempt(`record ${target.kind} ${target.id} as ${p.name}.${p.format}`, () =>
    session.rest.request<LiveRecording>('POST', `${targetPath(target)}/record`, {
      query: {
        name: p.name,
        format: p.format,
        maxDurationSeconds: p.maxDurationSeconds,
        maxSilenceSeconds: p.maxSilenceSeconds,
        ifExists: p.ifExists,
        beep: p.beep,
        terminateOn: p.terminateOn,
      },
    }),
  );
  return r.body;
}
