// What the tree reads. Structural types, so the live AriStateModel/AriSession satisfy them
// and tests can hand in plain Maps. No vscode.
import type { AsteriskInfo, Module } from '../../ari/models.generated';
import type { ChannelControls } from './controls';
import type { ChannelState, EntityKind, ModelChange, ModelMaps } from '../../state/model';

/** A channel as the state model keeps it (Channel plus what events taught it). */
export type TreeChannel = ChannelState;
/** The model's Maps, read-only. */
export type TreeModelSource = ModelMaps;
export type TreeEntityKind = EntityKind;
/** The state model's change report. */
export type TreeChange = ModelChange;

export interface TreeSource {
  readonly model: TreeModelSource;
  readonly info?: AsteriskInfo;
  /** The extension's own observer app, labelled as such. */
  readonly ownApp?: string;
  loadModules(): Promise<Module[]>;
  /** What this extension switched on per channel (hold, mute…), for the menus. */
  readonly controls?: ChannelControls;
}

/** The Stasis app a channel is in. The model already derives it from StasisStart and from
 * the dialplan location, and clears it on StasisEnd: a dialplan that still says `Stasis`
 * after StasisEnd must not make a channel look as if it were in the app. */
export function channelApp(ch: TreeChannel): string | undefined {
  return ch.app;
}
