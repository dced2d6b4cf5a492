// The part of AriSession (connection/session.ts) the command implementations use, as a
// structural type: the implementations run in plain Node against the simulator, and any
// object with these members — the real session included — can drive them.
import type {
  Application,
  AriEvent,
  Bridge,
  Channel,
  DeviceState,
  Endpoint,
  LiveRecording,
  Playback,
  StoredRecording,
} from '../ari/models.generated';
import { encodePathSegment } from './invoker/request';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type QueryValue = string | number | boolean | string[] | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  timeoutMs?: number;
}

export interface RestResponse<T> {
  status: number;
  headers: Record<string, string>;
  body: T;
  text: string;
}

/** AriRestClient's generic call: throws AriError for status >= 400. */
export interface AriRequester {
  /** `http(s)://host:port[/prefix]/ari` */
  readonly baseUrl: string;
  request<T = unknown>(method: HttpMethod, path: string, opts?: RequestOptions): Promise<RestResponse<T>>;
}

/** The state model's channel: ARI's Channel plus what the model learnt from events. */
export interface ChannelView extends Channel {
  app?: string;
  bridgeId?: string;
}

export interface ModelView {
  readonly channels: ReadonlyMap<string, ChannelView>;
  readonly bridges: ReadonlyMap<string, Bridge>;
  readonly playbacks: ReadonlyMap<string, Playback>;
  readonly recordings: ReadonlyMap<string, LiveRecording>;
  readonly storedRecordings: ReadonlyMap<string, StoredRecording>;
  readonly endpoints: ReadonlyMap<string, Endpoint>;
  readonly applications: ReadonlyMap<string, Application>;
  readonly deviceStates: ReadonlyMap<string, DeviceState>;
  /** ARI has no playback list: the model learns playbacks from play responses. */
  trackPlayback?(p: Playback): void;
}

export interface EventRecordView {
  readonly event: AriEvent;
}

export interface Unsubscribe {
  dispose(): void;
}

export interface CommandSession {
  readonly rest: AriRequester;
  readonly model: ModelView;
  /** Batched events, as AriSession.onEvents. */
  readonly onEvents: (listener: (records: readonly EventRecordView[]) => void) => Unsubscribe;
}

/** Path segment for an id or name (`Stasis:demo`, `pbx_config.so`, `1796077968.36`). */
export function seg(id: string): string {
  return encodePathSegment(id);
}
