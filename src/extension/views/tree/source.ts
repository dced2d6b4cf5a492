// What the tree reads. Structural types, so the live AriStateModel/AriSession satisfy them
// and tests can hand in plain Maps. No vscode.
import type {
  Application,
  AsteriskInfo,
  Bridge,
  Channel,
  DeviceState,
  Endpoint,
  LiveRecording,
  Module,
  Playback,
  StoredRecording,
} from '../../ari/models.generated';

/** A channel as the state model keeps it (Channel plus what events taught it). */
export interface TreeChannel extends Channel {
  app?: string;
  appArgs?: string[];
  bridgeId?: string;
  hangupCause?: number;
  hangupRequested?: boolean;
}

export interface TreeModelSource {
  readonly channels: ReadonlyMap<string, TreeChannel>;
  readonly bridges: ReadonlyMap<string, Bridge>;
  readonly playbacks: ReadonlyMap<string, Playback>;
  readonly recordings: ReadonlyMap<string, LiveRecording>;
  readonly storedRecordings: ReadonlyMap<string, StoredRecording>;
  readonly endpoints: ReadonlyMap<string, Endpoint>;
  readonly applications: ReadonlyMap<string, Application>;
  readonly deviceStates: ReadonlyMap<string, DeviceState>;
}

export type TreeEntityKind = 'channel' | 'bridge' | 'playback' | 'recording' | 'endpoint' | 'application' | 'deviceState';

/** Same shape as the state model's ModelChange. */
export interface TreeChange {
  structural: boolean;
  /** Kinds whose membership changed; after a reset every kind is here and `changed` is empty. */
  structuralKinds?: ReadonlySet<TreeEntityKind>;
  changed: Partial<Record<TreeEntityKind, ReadonlySet<string>>>;
}

export interface TreeSource {
  readonly model: TreeModelSource;
  readonly info?: AsteriskInfo;
  /** The extension's own observer app, labelled as such. */
  readonly ownApp?: string;
  loadModules(): Promise<Module[]>;
}

/** The Stasis app a channel is in. The model already derives it from StasisStart and from
 * the dialplan location, and clears it on StasisEnd: a dialplan that still says `Stasis`
 * after StasisEnd must not make a channel look as if it were in the app. */
export function channelApp(ch: TreeChannel): string | undefined {
  return ch.app;
}
