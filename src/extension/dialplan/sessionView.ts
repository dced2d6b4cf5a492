// The part of the connected sessions the dialplan features use. ConnectionManager and
// AriSession satisfy it structurally; tests hand in fakes. No vscode import.
import type { Channel } from '../ari/models.generated';
import type { AriEvent } from '../ari/events.generated';
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
  /** The event stream: "Call exten@context" waits on it for the call to reach Stasis. */
  readonly onEvents: Event<readonly { readonly event: AriEvent }[]>;
  /** The event socket: anything but `open` means the model is the state before a drop. */
  readonly state?: { readonly kind: string };
  readonly onState?: Event<{ readonly kind: string }>;
  /** GET /asterisk/info of the latest connect: a server pick shows the version. */
  readonly info?: { readonly system?: { readonly version?: string } };
}

export interface DialplanProfileView {
  readonly name: string;
  readonly apps: readonly string[];
}

/** A connected server (connection/servers.ts LiveServer). */
export interface DialplanServer {
  readonly profileId: string;
  readonly profileName: string;
  readonly session: DialplanSession;
}

export interface DialplanSessionSource {
  /** The focused server (the last connected): what a node without a server means. */
  readonly active: DialplanSession | undefined;
  readonly activeProfile?: DialplanProfileView | undefined;
  onDidChangeActive(listener: (session: DialplanSession | undefined) => unknown): Disposable;
  /** Every connected server, in the order they were connected. */
  readonly servers: readonly DialplanServer[];
  onDidChangeServers(listener: (servers: readonly DialplanServer[]) => unknown): Disposable;
  /** The stored profiles, for a server's app names (the calling side, the Call toast). */
  readonly profiles?: { get(profileId: string): DialplanProfileView | undefined };
}
