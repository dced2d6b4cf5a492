// Stasis applications: what each app is subscribed to and its event filter. An app lives
// while a socket (or the simulator's own demo handler) registers it, and lingers after its
// socket closes while something is still attached (README surprise 12).
import type { JsonObject } from './json';

export type ChannelSub = 'stasis' | 'explicit';

/** res/stasis/app.c: the ids an empty `bridge:` / `endpoint:` subscription is listed under. */
export const BRIDGE_ALL = '__AST_BRIDGE_ALL_TOPIC';
export const ENDPOINT_ALL = '__AST_ENDPOINT_ALL_TOPIC';

export class StasisApp {
  readonly channels = new Map<string, ChannelSub>();
  allChannels = false;
  readonly bridges = new Set<string>();
  readonly devices = new Set<string>();
  readonly endpoints = new Set<string>();
  allowed: JsonObject[] = [];
  disallowed: JsonObject[] = [];
  /** The socket (or internal handler) that currently owns the name; undefined once it closed. */
  owner: AppOwner | undefined;
  subscribeAll = false;

  constructor(readonly name: string) {}

  get active(): boolean {
    return this.owner !== undefined;
  }

  get hasAttachments(): boolean {
    return this.channels.size > 0 || this.bridges.size > 0 || this.devices.size > 0 || this.endpoints.size > 0;
  }

  toJSON(): JsonObject {
    const channelIds: string[] = [...this.channels.keys()];
    if (this.allChannels) channelIds.push('__AST_CHANNEL_ALL_TOPIC');
    return {
      name: this.name,
      channel_ids: channelIds,
      bridge_ids: [...this.bridges],
      endpoint_ids: [...this.endpoints],
      device_names: [...this.devices],
      events_allowed: this.allowed,
      events_disallowed: this.disallowed,
    };
  }

  /** stasis_app_event_allowed: not in the deny list and (no allow list or in it); only `type` is compared. */
  passes(event: JsonObject): boolean {
    const matches = (f: JsonObject): boolean => f.type === event.type;
    if (this.allowed.length > 0 && !this.allowed.some(matches)) return false;
    if (this.disallowed.some(matches)) return false;
    return true;
  }
}

/** Where an app's events go: a WebSocket or an in-process handler (demo traffic). */
export interface AppOwner {
  readonly subscribeAll: boolean;
  deliver(app: string, text: string, event: JsonObject): void;
}
