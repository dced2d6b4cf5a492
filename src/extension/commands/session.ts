// The part of AriSession (connection/session.ts) the command implementations use, as a
// structural type: the implementations run in plain Node against the simulator, and any
// object with these members — the real session included — can drive them.
import type { Playback } from '../ari/models.generated';
import type { AriEvent } from '../ari/events.generated';
import { AriRestClient, type AriRequestOptions, type AriResponse, type HttpMethod } from '../ari/rest';
import { resourceSet, type AriResourceSet } from '../ari/resources/set';
import type { ChannelState, ModelMaps } from '../state/model';
import { encodePathSegment } from './invoker/request';

export type { HttpMethod } from '../ari/rest';
export type QueryValue = NonNullable<AriRequestOptions['query']>[string];
export type RequestOptions = Omit<AriRequestOptions, 'binary'>;
export type RestResponse<T> = AriResponse<T>;

/** AriRestClient's generic call: throws AriError for status >= 400. */
export interface AriRequester {
  /** `http(s)://host:port[/prefix]/ari` */
  readonly baseUrl: string;
  request<T = unknown>(method: HttpMethod, path: string, opts?: RequestOptions): Promise<RestResponse<T>>;
}

/** The state model's channel: ARI's Channel plus what the model learnt from events. */
export type ChannelView = ChannelState;

export interface ModelView extends ModelMaps {
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

const sets = new WeakMap<AriRequester, AriResourceSet>();

/**
 * The typed ARI resources over the session's client: the only way commands call ARI, so every
 * path lives in ari/resources and the conformance test covers each call. The real client is
 * one already; a stand-in with only `request` is wrapped once.
 */
export function ari(session: Pick<CommandSession, 'rest'>): AriResourceSet {
  const rest = session.rest;
  if (rest instanceof AriRestClient) return rest;
  let set = sets.get(rest);
  if (!set) {
    set = resourceSet({
      call: async <T>(method: HttpMethod, path: string, query?: object, body?: unknown) =>
        (await rest.request<T>(method, path, { query: query as RequestOptions['query'], body })).body,
      callBinary: () => Promise.reject(new Error('binary bodies need the session client')),
    });
    sets.set(rest, set);
  }
  return set;
}

/** Path segment for an id or name (`Stasis:demo`, `pbx_config.so`, `1796077968.36`). */
export function seg(id: string): string {
  return encodePathSegment(id);
}
