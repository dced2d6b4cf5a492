// A fake event socket and REST client for session tests: the test decides when the socket
// opens, which events arrive, and when (and with what) each snapshot answers.
import type { AriEventSocket, EventCopy, SocketState } from '../../../src/extension/ari/events';
import type { AriRestClient } from '../../../src/extension/ari/rest';
import type {
  Application,
  AsteriskInfo,
  Bridge,
  Channel,
  DeviceState,
  Endpoint,
  LiveRecording,
  Playback,
  StoredRecording,
} from '../../../src/extension/ari/models.generated';
import type { AriEvent } from '../../../src/extension/ari/events.generated';
import { Emitter } from '../../../src/extension/util/emitter';

export class FakeSocket {
  state: SocketState = { kind: 'idle' };
  connects = 0;
  disposed = false;
  private readonly events = new Emitter<AriEvent>();
  private readonly states = new Emitter<SocketState>();
  private readonly opens = new Emitter<{ reconnect: boolean }>();
  private readonly copies = new Emitter<EventCopy>();
  /** As AriEventSocket.eventNumber: the number of the event being emitted. */
  eventNumber = 0;
  readonly onEvent = this.events.event;
  readonly onCopy = this.copies.event;
  readonly onState = this.states.event;
  readonly onOpen = this.opens.event;

  connect(): void {
    this.connects++;
    this.setState({ kind: 'connecting', attempt: 1 });
  }
  close(): void {
    if (this.state.kind !== 'idle' && this.state.kind !== 'closed') this.setState({ kind: 'closed' });
  }
  dispose(): void {
    this.close();
    this.disposed = true;
  }
  open(reconnect = false): void {
    this.setState({ kind: 'open' });
    this.opens.fire({ reconnect });
  }
  drop(): void {
    this.setState({ kind: 'reconnecting', attempt: 1, delayMs: 500 });
  }
  setState(s: SocketState): void {
    this.state = s;
    this.states.fire(s);
  }
  emit(ev: AriEvent): void {
    this.eventNumber++;
    this.events.fire(ev);
  }
  /** Another app's copy of the event emitted as number `original`. */
  copy(original: number, application: string): void {
    this.copies.fire({ original, application });
  }
  asSocket(): AriEventSocket {
    return this as unknown as AriEventSocket;
  }
}

export interface ServerState {
  channels: Channel[];
  bridges: Bridge[];
  applications: Application[];
  endpoints: Endpoint[];
  deviceStates: DeviceState[];
  stored: StoredRecording[];
  playbacks: Map<string, Playback>;
  live: Map<string, LiveRecording>;
  info: AsteriskInfo;
}

interface Pending {
  resolve: () => void;
  reject: (err: Error) => void;
}

/** Answers from `server`; with `hold` set, GET /channels waits until release()/fail(). */
export class FakeRest {
  server: ServerState = {
    channels: [],
    bridges: [],
    applications: [],
    endpoints: [],
    deviceStates: [],
    stored: [],
    playbacks: new Map(),
    live: new Map(),
    info: { status: { startup_time: 't0', last_reload_time: 't0' } } as AsteriskInfo,
  };
  hold = false;
  snapshots = 0;
  disposed = false;
  private pending: Pending[] = [];
  private waiters: (() => void)[] = [];

  /** Resolves when a held snapshot is waiting for release()/fail(). */
  waitForHeld(): Promise<void> {
    if (this.pending.length > 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
  /** Lets the oldest held snapshot answer with the server state as it is now. */
  release(): void {
    this.pending.shift()?.resolve();
  }
  fail(message = 'HTML 404'): void {
    this.pending.shift()?.reject(Object.assign(new Error(message), { status: 404 }));
  }

  readonly channels = {
    list: async (): Promise<Channel[]> => {
      this.snapshots++;
      if (this.hold) {
        await new Promise<void>((resolve, reject) => {
          this.pending.push({ resolve, reject });
          for (const w of this.waiters.splice(0)) w();
        });
      }
      return [...this.server.channels];
    },
  };
  readonly bridges = { list: async (): Promise<Bridge[]> => [...this.server.bridges] };
  readonly applications = { list: async (): Promise<Application[]> => [...this.server.applications] };
  readonly endpoints = { list: async (): Promise<Endpoint[]> => [...this.server.endpoints] };
  readonly deviceStates = { list: async (): Promise<DeviceState[]> => [...this.server.deviceStates] };
  readonly recordings = {
    listStored: async (): Promise<StoredRecording[]> => [...this.server.stored],
    getLive: async (name: string): Promise<LiveRecording> => this.found(this.server.live.get(name)),
  };
  readonly playbacks = { get: async (id: string): Promise<Playback> => this.found(this.server.playbacks.get(id)) };
  readonly asterisk = { info: async (): Promise<AsteriskInfo> => this.server.info };

  dispose(): void {
    this.disposed = true;
  }
  asRest(): AriRestClient {
    return this as unknown as AriRestClient;
  }
  private found<T>(x: T | undefined): T {
    if (x === undefined) throw Object.assign(new Error('not found'), { status: 404 });
    return x;
  }
}
