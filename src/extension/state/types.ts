// The shapes the live model hands to its readers (tree, panel, dialplan CodeLens).
import type { Bridge, Channel, Endpoint, Application, DeviceState, LiveRecording, Playback, StoredRecording } from '../ari/models.generated';
import type { AriStateModel } from './model';

export type EntityKind = 'channel' | 'bridge' | 'playback' | 'recording' | 'endpoint' | 'application' | 'deviceState';

export const ENTITY_KINDS: readonly EntityKind[] = ['channel', 'bridge', 'playback', 'recording', 'endpoint', 'application', 'deviceState'];

/** What a REST snapshot holds. ARI can list neither playbacks nor live recordings:
 * `playbacks` and `recordings`, when given, are the known ones the session could still GET;
 * when left out, reset keeps the known ones whose target is still in the snapshot. */
export interface ModelSnapshot {
  channels: Channel[];
  bridges: Bridge[];
  endpoints: Endpoint[];
  applications: Application[];
  deviceStates: DeviceState[];
  recordings?: LiveRecording[];
  storedRecordings?: StoredRecording[];
  playbacks?: Playback[];
}

export interface ModelChange {
  /** Something was added or removed, or a channel changed app or bridge: refresh the category/root. */
  structural: boolean;
  /** The kinds whose structure changed (a subset view of `structural`). */
  structuralKinds?: ReadonlySet<EntityKind>;
  /** Ids whose fields changed, including ids added or removed since the last call
   * (a removed id is no longer in its Map). After reset() every kind is structural and
   * `changed` is empty. */
  changed: Partial<Record<EntityKind, Set<string>>>;
}

/** A channel plus what events taught the model about it. */
export interface ChannelState extends Channel {
  /** The Stasis app the channel is in (from StasisStart, or its dialplan location). */
  app?: string;
  appArgs?: string[];
  /** The bridge the channel is in. */
  bridgeId?: string;
  /** Cause of the latest hangup request. */
  hangupCause?: number;
  /** A hangup was requested: the channel is going away. */
  hangupRequested?: boolean;
}

/** The model's entity Maps. */
export type ModelMapName = 'channels' | 'bridges' | 'playbacks' | 'recordings' | 'storedRecordings' | 'endpoints' | 'applications' | 'deviceStates';

/** What readers (the tree, the commands) see of the model: its Maps, read-only, derived from
 * AriStateModel's own fields. Structural, so tests can hand in plain Maps. */
export type ModelMaps = {
  readonly [K in ModelMapName]: AriStateModel[K] extends Map<string, infer V> ? ReadonlyMap<string, V> : never;
};
