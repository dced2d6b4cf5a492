import type { Bridge, LiveRecording, Playback, Variable, Variables } from '../models.generated';
import { type AriCaller, seg, variablesBody } from './caller';
import type { IfExists, TerminateOn } from './channels';

export interface CreateBridgeParams {
  /** Comma separated flags: mixing, holding, dtmf_events, proxy_media, video_sfu, video_single, sdp_label. */
  type?: string | string[];
  bridgeId?: string;
  name?: string;
  variables?: Record<string, string>;
}
export type CreateBridgeWithIdParams = Omit<CreateBridgeParams, 'bridgeId'>;

export interface AddChannelParams {
  /** One or more channel ids (sent comma separated). */
  channel: string | string[];
  role?: string;
  absorbDTMF?: boolean;
  mute?: boolean;
  inhibitConnectedLineUpdates?: boolean;
}

export interface BridgePlayParams {
  media: string | string[];
  announcer_format?: string;
  lang?: string;
  offsetms?: number;
  skipms?: number;
  playbackId?: string;
}
export type BridgePlayWithIdParams = Omit<BridgePlayParams, 'playbackId'>;

export interface BridgeRecordParams {
  name: string;
  format: string;
  recorder_format?: string;
  maxDurationSeconds?: number;
  maxSilenceSeconds?: number;
  ifExists?: IfExists;
  beep?: boolean;
  terminateOn?: TerminateOn;
}

export class BridgesResource {
  constructor(private readonly r: AriCaller) {}

  list(): Promise<Bridge[]> {
    return this.r.call('GET', '/bridges');
  }
  get(id: string): Promise<Bridge> {
    return this.r.call('GET', `/bridges/${seg(id)}`);
  }
  create(p: CreateBridgeParams = {}): Promise<Bridge> {
    const { variables, ...q } = p;
    return this.r.call('POST', '/bridges', q, variablesBody(variables));
  }
  createWithId(id: string, p: CreateBridgeWithIdParams = {}): Promise<Bridge> {
    const { variables, ...q } = p;
    return this.r.call('POST', `/bridges/${seg(id)}`, q, variablesBody(variables));
  }
  destroy(id: string): Promise<void> {
    return this.r.call('DELETE', `/bridges/${seg(id)}`);
  }
  addChannel(id: string, p: AddChannelParams): Promise<void> {
    return this.r.call('POST', `/bridges/${seg(id)}/addChannel`, p);
  }
  removeChannel(id: string, channel: string | string[]): Promise<void> {
    return this.r.call('POST', `/bridges/${seg(id)}/removeChannel`, { channel });
  }
  setVideoSource(id: string, channelId: string): Promise<void> {
    return this.r.call('POST', `/bridges/${seg(id)}/videoSource/${seg(channelId)}`);
  }
  clearVideoSource(id: string): Promise<void> {
    return this.r.call('DELETE', `/bridges/${seg(id)}/videoSource`);
  }
  startMoh(id: string, mohClass?: string): Promise<void> {
    return this.r.call('POST', `/bridges/${seg(id)}/moh`, { mohClass });
  }
  stopMoh(id: string): Promise<void> {
    return this.r.call('DELETE', `/bridges/${seg(id)}/moh`);
  }
  play(id: string, p: BridgePlayParams): Promise<Playback> {
    return this.r.call('POST', `/bridges/${seg(id)}/play`, p);
  }
  playWithId(id: string, playbackId: string, p: BridgePlayWithIdParams): Promise<Playback> {
    return this.r.call('POST', `/bridges/${seg(id)}/play/${seg(playbackId)}`, p);
  }
  record(id: string, p: BridgeRecordParams): Promise<LiveRecording> {
    return this.r.call('POST', `/bridges/${seg(id)}/record`, p);
  }
  getVariable(id: string, variable: string): Promise<Variable> {
    return this.r.call('GET', `/bridges/${seg(id)}/variable`, { variable });
  }
  setVariable(id: string, variable: string, value?: string, reportEvents?: boolean): Promise<void> {
    return this.r.call('POST', `/bridges/${seg(id)}/variable`, { variable, value, report_events: reportEvents });
  }
  getVariables(id: string, variables: string[]): Promise<Variables> {
    return this.r.call('GET', `/bridges/${seg(id)}/variables`, { variables });
  }
  setVariables(id: string, variables: Record<string, string>): Promise<void> {
    return this.r.call('POST', `/bridges/${seg(id)}/variables`, undefined, { variables });
  }
}
