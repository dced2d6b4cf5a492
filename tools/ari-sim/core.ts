// The simulated Asterisk: all state in one place so a restart can throw it away whole.
import { randomUUID } from 'node:crypto';
import { astTimestamp, Timers } from './clock';
import { DialplanStore } from './dialplan';
import { EventHub, type Subjects } from './hub';
import type { Channel } from './channel';
import type { JsonObject } from './json';
import { ChannelEngine } from './engine';
import { BridgeEngine } from './bridges';
import { PlaybackEngine } from './playbacks';
import { RecordingEngine } from './recordings';
import { DeviceStates } from './deviceStates';
import { EndpointTable } from './endpoints';
import { ModuleTable } from './modules';

export interface CoreOptions {
  timeScale: number;
  answerMediaWaitMs?: number;
  dialplanFile?: string;
  endpoints: boolean;
  log: (line: string) => void;
}

export const LOG_DIR = '/var/log/asterisk';

export interface LogChannel {
  channel: string;
  type: string;
  status: string;
  configuration: string;
  dynamic: boolean;
}

const defaultLogChannels = (): LogChannel[] => [
  { channel: `${LOG_DIR}/messages.log`, type: 'File', status: 'Enabled', configuration: 'NOTICE WARNING ERROR VERBOSE ', dynamic: false },
  { channel: '', type: 'Console', status: 'Enabled', configuration: 'NOTICE WARNING ERROR VERBOSE ', dynamic: false },
];

export class SimCore {
  readonly hub = new EventHub();
  readonly timers: Timers;
  readonly dialplan: DialplanStore;
  readonly channels = new Map<string, Channel>();
  readonly globals = new Map<string, string>();
  readonly mailboxes = new Map<string, { old: number; new: number }>();
  readonly engine: ChannelEngine;
  readonly bridges: BridgeEngine;
  readonly playbacks: PlaybackEngine;
  readonly recordings: RecordingEngine;
  readonly deviceStates: DeviceStates;
  readonly endpoints: EndpointTable;
  /** logger.conf's channels plus those added through ARI (dynamic; gone after a restart) */
  logChannels: LogChannel[] = defaultLogChannels();
  /** a restart loads every module again */
  modules = new ModuleTable();
  startupTime = astTimestamp();
  lastReloadTime = this.startupTime;
  private seq = 0;
  private localSeq = 0;

  constructor(readonly opts: CoreOptions) {
    this.timers = new Timers(opts.timeScale, (e) => opts.log(`simulated step failed: ${e instanceof Error ? e.stack : String(e)}`));
    this.dialplan = new DialplanStore(opts.dialplanFile);
    this.engine = new ChannelEngine(this);
    this.bridges = new BridgeEngine(this);
    this.playbacks = new PlaybackEngine(this);
    this.recordings = new RecordingEngine(this);
    this.deviceStates = new DeviceStates(this);
    this.endpoints = new EndpointTable(this, opts.endpoints);
  }

  /** `<unix seconds>.<n>`: n counts from 0 after every (re)start, as on Asterisk. */
  nextUniqueId(): string {
    return `${Math.floor(Date.now() / 1000)}.${this.seq++}`;
  }
  nextLocalSuffix(): string {
    return (this.localSeq++).toString(16).padStart(8, '0');
  }
  uuid(): string {
    return randomUUID();
  }

  emit(type: string, fields: JsonObject, subjects: Subjects): void {
    this.hub.emit({ type, timestamp: astTimestamp(), ...fields }, subjects);
  }

  channelEvent(type: string, ch: Channel, fields: JsonObject = {}, extra: Subjects = {}): void {
    this.emit(type, { ...fields, channel: ch.toJSON() }, { channels: [ch.id], ...extra });
  }

  /** Everything back to a fresh boot (restart): ids start again, apps and channels gone. */
  reset(): void {
    this.timers.cancelAll();
    this.channels.clear();
    this.bridges.bridges.clear();
    this.playbacks.playbacks.clear();
    this.recordings.live.clear();
    this.deviceStates.states.clear();
    this.hub.apps.clear();
    this.modules = new ModuleTable();
    this.logChannels = defaultLogChannels();
    this.seq = 0;
    this.localSeq = 0;
    this.startupTime = astTimestamp();
    this.lastReloadTime = this.startupTime;
  }
}
