// Event hub: decides which app gets which event (subscriptions, subscribeAll, filters)
// and serialises each delivery the way Asterisk does (pretty-printed, `application` last).
import { BRIDGE_ALL, ENDPOINT_ALL, StasisApp, type AppOwner } from './apps';
import { astTimestamp } from './clock';
import { DEVICE_STATE_ALL } from './deviceStates';
import type { JsonObject } from './json';

export interface Subjects {
  channels?: string[];
  bridge?: string;
  device?: string;
  endpoint?: string;
  /** StasisStart/StasisEnd: only this app, never another app's subscribeAll firehose. */
  stasisApp?: string;
  /** ApplicationReplaced, user events: exactly this app. */
  onlyApp?: string;
  /** Delivered to apps subscribed to these channels even if the event is about another. */
}

export class EventHub {
  readonly apps = new Map<string, StasisApp>();
  asteriskId = '02:fc:00:00:00:01';
  /** Counts deliveries; the load generator and tests read it. */
  delivered = 0;

  app(name: string): StasisApp | undefined {
    return this.apps.get(name);
  }

  /** Registers `names` for `owner`; an older owner of a name gets ApplicationReplaced. */
  register(names: string[], owner: AppOwner): void {
    this.sweep();
    for (const name of names) {
      let app = this.apps.get(name);
      if (!app) {
        app = new StasisApp(name);
        this.apps.set(name, app);
      }
      const old = app.owner;
      if (old && old !== owner) {
        this.sendTo(app, old, { type: 'ApplicationReplaced', timestamp: astTimestamp() });
      }
      app.owner = owner;
      app.subscribeAll = owner.subscribeAll;
    }
  }

  /** The owner went away: apps with nothing attached disappear, others linger inactive. */
  unregister(owner: AppOwner): void {
    for (const [name, app] of this.apps) {
      if (app.owner !== owner) continue;
      app.owner = undefined;
      app.allChannels = false;
      app.subscribeAll = false;
      if (!app.hasAttachments) this.apps.delete(name);
    }
  }

  /** Asterisk drops inactive, empty apps lazily; a new registration is when we saw it happen. */
  private sweep(): void {
    for (const [name, app] of this.apps) if (!app.active && !app.hasAttachments) this.apps.delete(name);
  }

  isRegistered(name: string): boolean {
    return this.apps.get(name)?.active === true;
  }

  /** Forget a channel/bridge everywhere once it is gone. */
  forgetChannel(id: string): void {
    for (const app of this.apps.values()) app.channels.delete(id);
  }
  forgetBridge(id: string): void {
    for (const app of this.apps.values()) app.bridges.delete(id);
  }

  emit(event: JsonObject, subjects: Subjects): void {
    for (const app of this.apps.values()) {
      const owner = app.owner;
      if (!owner) continue;
      const n = this.wants(app, subjects);
      for (let i = 0; i < n; i++) this.sendTo(app, owner, event);
    }
  }

  /**
   * How many times the app gets the event: once per matching subscription topic, so an app
   * subscribed to a channel and to all channels (`channel:`) gets it twice, as seen in 20.
   */
  private wants(app: StasisApp, s: Subjects): number {
    if (s.onlyApp !== undefined) return s.onlyApp === app.name ? 1 : 0;
    if (s.stasisApp !== undefined) return s.stasisApp === app.name ? 1 : 0;
    if (app.subscribeAll) return 1;
    if (s.channels && s.channels.length > 0) {
      const specific = s.channels.some((c) => app.channels.has(c)) ? 1 : 0;
      const n = specific + (app.allChannels ? 1 : 0);
      if (n > 0) return n;
    }
    if (s.bridge !== undefined && (app.bridges.has(s.bridge) || app.bridges.has(BRIDGE_ALL))) return 1;
    if (s.device !== undefined) {
      // one delivery per device_state_subscription: the device's own and the all-devices one
      const n = (app.devices.has(s.device) ? 1 : 0) + (app.devices.has(DEVICE_STATE_ALL) ? 1 : 0);
      if (n > 0) return n;
    }
    if (s.endpoint !== undefined && (app.endpoints.has(s.endpoint) || app.endpoints.has(ENDPOINT_ALL))) return 1;
    return 0;
  }

  private sendTo(app: StasisApp, owner: AppOwner, event: JsonObject): void {
    const full: JsonObject = { ...event, asterisk_id: this.asteriskId, application: app.name };
    if (!app.passes(full)) return;
    this.delivered++;
    owner.deliver(app.name, JSON.stringify(full, null, 2), full);
  }
}
