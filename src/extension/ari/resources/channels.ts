import type { Channel, LiveRecording, Playback, RTPstat, Variable, Variables } from '../models.generated';
import { type AriCaller, seg, variablesBody } from './caller';

export type HangupReason =
  | 'normal'
  | 'busy'
  | 'congestion'
  | 'no_answer'
  | 'timeout'
  | 'rejected'
  | 'unallocated'
  | 'normal_unspecified'
  | 'number_incomplete'
  | 'codec_mismatch'
  | 'interworking'
  | 'failure'
  | 'answered_elsewhere';
export type MediaDirection = 'both' | 'in' | 'out';
export type SpyDirection = 'none' | 'both' | 'out' | 'in';
export type IfExists = 'fail' | 'overwrite' | 'append';
export type TerminateOn = 'none' | 'any' | '*' | '#';

export interface OriginateParams {
  /** e.g. `PJSIP/alice`, `Local/100@default`. */
  endpoint: string;
  extension?: string;
  context?: string;
  priority?: number;
  label?: string;
  /** Stasis application to place the channel in (instead of extension/context). */
  app?: string;
  /** Comma separated arguments for the app. */
  appArgs?: string;
  callerId?: string;
  /** Seconds to wait for an answer, default 30. */
  timeout?: number;
  /** Channel variables, sent as the JSON body. */
  variables?: Record<string, string>;
  channelId?: string;
  otherChannelId?: string;
  originator?: string;
  /** Formats for the channel, e.g. `ulaw,alaw`. */
  formats?: string | string[];
}
export type OriginateWithIdParams = Omit<OriginateParams, 'channelId'>;

export interface CreateChannelParams {
  endpoint: string;
  app: string;
  appArgs?: string;
  channelId?: string;
  otherChannelId?: string;
  originator?: string;
  formats?: string | string[];
  variables?: Record<string, string>;
}

export interface HangupParams {
  reason?: HangupReason;
  /** Numeric cause code (string as ARI takes it); not together with `reason`. */
  reason_code?: string | number;
}

export interface DialParams {
  caller?: string;
  timeout?: number;
}

export interface ContinueParams {
  context?: string;
  extension?: string;
  priority?: number;
  label?: string;
}

export interface SendDtmfParams {
  dtmf: string;
  before?: number;
  between?: number;
  duration?: number;
  after?: number;
}

export interface PlayParams {
  /** One or more media URIs (`sound:hello-world`, `digits:123`, `tone:ring` ...). */
  media: string | string[];
  lang?: string;
  offsetms?: number;
  skipms?: number;
  playbackId?: string;
}
export type PlayWithIdParams = Omit<PlayParams, 'playbackId'>;

export interface RecordParams {
  name: string;
  format: string;
  maxDurationSeconds?: number;
  maxSilenceSeconds?: number;
  ifExists?: IfExists;
  beep?: boolean;
  terminateOn?: TerminateOn;
}

export interface SnoopParams {
  app: string;
  spy?: SpyDirection;
  whisper?: SpyDirection;
  appArgs?: string;
  snoopId?: string;
}
export type SnoopWithIdParams = Omit<SnoopParams, 'snoopId'>;

export interface ExternalMediaParams {
  app: string;
  format: string;
  channelId?: string;
  external_host?: string;
  encapsulation?: 'rtp' | 'audiosocket' | 'none';
  transport?: 'udp' | 'tcp' | 'websocket';
  connection_type?: 'client' | 'server';
  direction?: 'both';
  data?: string;
  transport_data?: string;
  variables?: Record<string, string>;
}

export class ChannelsResource {
  constructor(private readonly r: AriCaller) {}

  list(): Promise<Channel[]> {
    return this.r.call('GET', '/channels');
  }
  get(id: string): Promise<Channel> {
    return this.r.call('GET', `/channels/${seg(id)}`);
  }
  originate(p: OriginateParams): Promise<Channel> {
    const { variables, ...q } = p;
    return this.r.call('POST', '/channels', q, variablesBody(variables));
  }
  originateWithId(id: string, p: OriginateWithIdParams): Promise<Channel> {
    const { variables, ...q } = p;
    return this.r.call('POST', `/channels/${seg(id)}`, q, variablesBody(variables));
  }
  /** Creates a channel without dialing it (then `dial`). */
  create(p: CreateChannelParams): Promise<Channel> {
    const { variables, ...q } = p;
    return this.r.call('POST', '/channels/create', q, variablesBody(variables));
  }
  dial(id: string, p?: DialParams): Promise<void> {
    return this.r.call('POST', `/channels/${seg(id)}/dial`, p);
  }
  hangup(id: string, p?: HangupParams): Promise<void> {
    return this.r.call('DELETE', `/channels/${seg(id)}`, p);
  }
  answer(id: string): Promise<void> {
    return this.r.call('POST', `/channels/${seg(id)}/answer`);
  }
  ring(id: string): Promise<void> {
    return this.r.call('POST', `/channels/${seg(id)}/ring`);
  }
  ringStop(id: string): Promise<void> {
    return this.r.call('DELETE', `/channels/${seg(id)}/ring`);
  }
  progress(id: string): Promise<void> {
    return this.r.call('POST', `/channels/${seg(id)}/progress`);
  }
  sendDtmf(id: string, p: SendDtmfParams): Promise<void> {
    return this.r.call('POST', `/channels/${seg(id)}/dtmf`, p);
  }
  mute(id: string, direction?: MediaDirection): Promise<void> {
    return this.r.call('POST', `/channels/${seg(id)}/mute`, { direction });
  }
  unmute(id: string, direction?: MediaDirection): Promise<void> {
    return this.r.call('DELETE', `/channels/${seg(id)}/mute`, { direction });
  }
  hold(id: string): Promise<void> {
    return this.r.call('POST', `/channels/${seg(id)}/hold`);
  }
  unhold(id: string): Promise<void> {
    return this.r.call('DELETE', `/channels/${seg(id)}/hold`);
  }
  startMoh(id: string, mohClass?: string): Promise<void> {
    return this.r.call('POST', `/channels/${seg(id)}/moh`, { mohClass });
  }
  stopMoh(id: string): Promise<void> {
    return this.r.call('DELETE', `/channels/${seg(id)}/moh`);
  }
  startSilence(id: string): Promise<void> {
    return this.r.call('POST', `/channels/${seg(id)}/silence`);
  }
  stopSilence(id: string): Promise<void> {
    return this.r.call('DELETE', `/channels/${seg(id)}/silence`);
  }
  play(id: string, p: PlayParams): Promise<Playback> {
    return this.r.call('POST', `/channels/${seg(id)}/play`, p);
  }
  playWithId(id: string, playbackId: string, p: PlayWithIdParams): Promise<Playback> {
    return this.r.call('POST', `/channels/${seg(id)}/play/${seg(playbackId)}`, p);
  }
  record(id: string, p: RecordParams): Promise<LiveRecording> {
    return this.r.call('POST', `/channels/${seg(id)}/record`, p);
  }
  getVariable(id: string, variable: string): Promise<Variable> {
    return this.r.call('GET', `/channels/${seg(id)}/variable`, { variable });
  }
  setVariable(id: string, variable: string, value?: string, reportEvents?: boolean): Promise<void> {
    return this.r.call('POST', `/channels/${seg(id)}/variable`, { variable, value, report_events: reportEvents });
  }
  getVariables(id: string, variables: string[]): Promise<Variables> {
    return this.r.call('GET', `/channels/${seg(id)}/variables`, { variables });
  }
  setVariables(id: string, variables: Record<string, string>): Promise<void> {
    return this.r.call('POST', `/channels/${seg(id)}/variables`, undefined, { variables });
  }
  snoop(id: string, p: SnoopParams): Promise<Channel> {
    return this.r.call('POST', `/channels/${seg(id)}/snoop`, p);
  }
  snoopWithId(id: string, snoopId: string, p: SnoopWithIdParams): Promise<Channel> {
    return this.r.call('POST', `/channels/${seg(id)}/snoop/${seg(snoopId)}`, p);
  }
  continueInDialplan(id: string, p?: ContinueParams): Promise<void> {
    return this.r.call('POST', `/channels/${seg(id)}/continue`, p);
  }
  redirect(id: string, endpoint: string): Promise<void> {
    return this.r.call('POST', `/channels/${seg(id)}/redirect`, { endpoint });
  }
  move(id: string, app: string, appArgs?: string): Promise<void> {
    return this.r.call('POST', `/channels/${seg(id)}/move`, { app, appArgs });
  }
  rtpStatistics(id: string): Promise<RTPstat> {
    return this.r.call('GET', `/channels/${seg(id)}/rtp_statistics`);
  }
  externalMedia(p: ExternalMediaParams): Promise<Channel> {
    const { variables, ...q } = p;
    return this.r.call('POST', '/channels/externalMedia', q, variablesBody(variables));
  }
  /** `states`: the transfer progress to report, e.g. `channel_progress`, `channel_answered`. */
  transferProgress(id: string, states: string): Promise<void> {
    return this.r.call('POST', `/channels/${seg(id)}/transfer_progress`, { states });
  }
}
