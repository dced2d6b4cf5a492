// The part of a connected session the dialplan features use. ConnectionManager and
// AriSession satisfy it structurally; tests hand in fakes. No vscode import.
import type { Channel } from '../ari/models.generated';
import type { OriginateParams } from '../ari/resources/channels';
import type { AriStateModel } from '../state/model';
import type { Disposable, Event } from '../util/emitter';

export interface DialplanSession {
  readonly model: Pick<AriStateModel, 'channels' | 'channelsInApp'>;
  readonly rest: {
    readonly asterisk: { reloadModule(name: string): Promise<void> };
    readonly channels: { originate(p: OriginateParams): Promise<Channel> };
  };
  readonly onModelChange: Event<unknown>;
  /** The event socket: anything but `open` means the model is the state before a drop. */
  readonly state?: { readonly kind: string };
  readonly onState?: Event<{ readonly kind: string }>;
}

export interface DialplanProfileView {
  readonly name: string;
  readonly apps: readonly string[];
}

export interface DialplanSessionSource {
  readonly active: DialplanSession | undefined;
  readonly activeProfile?: DialplanProfileView | undefined;
  onDidChangeActive(listener: (session: DialplanSession | undefined) => unknown): Disposable;
}
