// Bridges: create, add/remove channels, destroy. An app's socket learns about an ARI bridge
// from ChannelEnteredBridge (no BridgeCreated, surprise 2) and is subscribed from then on.
import { astTimestamp } from './clock';
import type { Channel } from './channel';
import type { SimCore } from './core';
import { HttpError } from './errors';
import type { JsonObject } from './json';

const CAPABLE = new Set(['mixing', 'holding', 'video_sfu']);

export class Bridge {
  readonly channels: string[] = [];
  readonly creationtime = astTimestamp();
  /** Announcer channels (bridge playback, bridge MOH) count as bridge peers. */
  readonly announcers = new Map<string, string>();
  readonly vars = new Map<string, string>();
  constructor(
    readonly id: string,
    readonly bridgeType: string,
    readonly name: string,
  ) {}
  toJSON(): JsonObject {
    return {
      id: this.id,
      technology: this.bridgeType === 'holding' ? 'holding_bridge' : 'simple_bridge',
      bridge_type: this.bridgeType,
      bridge_class: 'stasis',
      creator: 'Stasis',
      name: this.name,
      channels: [...this.channels],
      creationtime: this.creationtime,
      video_mode: 'talker',
    };
  }
}

export class BridgeEngine {
  readonly bridges = new Map<string, Bridge>();
  constructor(private readonly core: SimCore) {}

  /**
   * bridge_create_common: unknown type words are skipped; without a mixing, holding or video_sfu
   * capability no bridge is made (`failure` is the resource's 500 message).
   */
  create(type: string | undefined, name: string | undefined, id: string | undefined, failure: string): Bridge {
    const types = (type || 'mixing').split(',').map((t) => t.trim());
    if (!types.some((t) => CAPABLE.has(t))) throw new HttpError(500, failure);
    const b = new Bridge(id || this.core.uuid(), types.includes('holding') ? 'holding' : 'mixing', name ?? '');
    this.bridges.set(b.id, b);
    this.core.emit('BridgeCreated', { bridge: b.toJSON() }, { bridge: b.id });
    return b;
  }

  add(b: Bridge, chans: Channel[]): void {
    for (const ch of chans) {
      if (ch.bridgeId === b.id) continue;
      if (ch.bridgeId) this.removeFromBridge(ch);
      b.channels.push(ch.id);
      ch.bridgeId = b.id;
      const app = ch.stasisApp ? this.core.hub.app(ch.stasisApp) : undefined;
      if (app) app.bridges.add(b.id);
      this.core.emit('ChannelEnteredBridge', { bridge: b.toJSON(), channel: ch.toJSON() }, { channels: [ch.id], bridge: b.id });
    }
    this.updatePeers(b);
    if (b.bridgeType === 'mixing' && b.channels.length === 2) this.connectPair(b);
  }

  /** Two parties in a mixing bridge learn each other's caller id as their connected line. */
  private connectPair(b: Bridge): void {
    const [x, y] = b.channels.map((id) => this.core.channels.get(id));
    if (!x || !y) return;
    for (const [me, other] of [
      [y, x],
      [x, y],
    ]) {
      if (!other.caller.name && !other.caller.number) continue;
      if (me.connected.name === other.caller.name && me.connected.number === other.caller.number) continue;
      me.connected = { ...other.caller };
      this.core.channelEvent('ChannelConnectedLine', me);
    }
  }

  /** BRIDGEPEER on every member of a mixing bridge: the other participants' names. */
  private updatePeers(b: Bridge, left?: Channel): void {
    if (left && left.vars.get('BRIDGEPEER')) this.core.engine.setVar(left, 'BRIDGEPEER', '');
    if (b.bridgeType !== 'mixing') return;
    const members = b.channels.map((id) => this.core.channels.get(id)).filter((c): c is Channel => !!c && c.alive);
    for (const ch of members) {
      const others = [...b.announcers.values(), ...members.filter((o) => o !== ch).map((o) => o.name)];
      if (others.length === 0) continue;
      const value = others.join(',');
      if (ch.vars.get('BRIDGEPEER') !== value) this.core.engine.setVar(ch, 'BRIDGEPEER', value);
    }
  }

  setAnnouncer(bridgeId: string, kind: 'ARI' | 'ARI_MOH', on: boolean): void {
    const b = this.bridges.get(bridgeId);
    if (!b || on === b.announcers.has(kind)) return;
    if (on) b.announcers.set(kind, `Announcer/${kind}-${this.core.nextLocalSuffix()};2`);
    else b.announcers.delete(kind);
    this.updatePeers(b);
  }

  removeFromBridge(ch: Channel): void {
    const b = ch.bridgeId ? this.bridges.get(ch.bridgeId) : undefined;
    ch.bridgeId = undefined;
    if (!b) return;
    const i = b.channels.indexOf(ch.id);
    if (i >= 0) b.channels.splice(i, 1);
    this.core.emit('ChannelLeftBridge', { bridge: b.toJSON(), channel: ch.toJSON() }, { channels: [ch.id], bridge: b.id });
    if (ch.alive) this.updatePeers(b, ch);
    else this.updatePeers(b);
  }

  /** DELETE: apps hear BridgeDestroyed only for an empty bridge (surprise 2). */
  destroy(b: Bridge): void {
    const hadChannels = b.channels.length > 0;
    for (const id of [...b.channels]) {
      const ch = this.core.channels.get(id);
      if (ch) this.removeFromBridge(ch);
    }
    this.core.playbacks.stopFor(`bridge:${b.id}`);
    this.core.recordings.stopFor(`bridge:${b.id}`);
    this.bridges.delete(b.id);
    if (hadChannels) this.core.hub.forgetBridge(b.id);
    this.core.emit('BridgeDestroyed', { bridge: b.toJSON() }, { bridge: b.id });
    this.core.hub.forgetBridge(b.id);
  }
}
