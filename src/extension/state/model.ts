// The live model: Maps by id, built from a REST snapshot and then kept current by events.
// apply() is the hot path (thousands of events a second during a burst): per event a Map
// update and a Set.add of the dirty id; no scans of big Maps, no array copies.
//
// What the model decides where ARI leaves gaps (see docs/ARCHITECTURE.md, state/model.ts):
// - Channels: any channel event creates or updates the channel, except for ids removed a
//   moment ago (Tombstones). StasisEnd after a hangup request removes the channel: an app
//   socket never hears of it again (no ChannelDestroyed, transcripts 00, 01, 19); without a
//   hangup request (e.g. /continue) the channel stays, no longer in an app.
// - Stasis membership: StasisStart/StasisEnd, else the dialplan location (Stasis(app,args))
//   when it changes, and ChannelVarset STASISSTATUS=<non-empty> as the end (subscribeAll
//   observers get no StasisStart/End for other apps' channels, transcripts 03, 15, 21).
// - Bridges: an app socket gets no BridgeCreated for ARI-made bridges, so ChannelEnteredBridge
//   creates the bridge ("inferred"). An inferred bridge is dropped when its last channel
//   leaves: the app is told nothing more about it (08: no BridgeDestroyed when deleted with
//   a channel inside). Bridges from BridgeCreated or a snapshot stay until BridgeDestroyed.
// - Playbacks: ARI cannot list them. Known from trackPlayback() (play responses) and events.
//   PlaybackFinished removes. A playback that never finishes (unknown media scheme, filtered
//   events) is removed when its target goes away or leaves Stasis, when another playback
//   starts on the same target (a target plays one at a time), or by the next snapshot.
// - Recordings: RecordingFinished moves a live recording to stored; RecordingFailed drops it.
//   Stored recordings change over REST without events: the session's resync catches that.
// - Device states: only ARI-controlled ones (`Stasis:` names), as GET /deviceStates lists.
import type { Application, Bridge, Channel, DeviceState, Endpoint, LiveRecording, Playback, StoredRecording } from '../ari/models.generated';
import type { AriEvent, BridgeMergedEvent } from '../ari/events.generated';
import { ChangeTracker } from './changes';
import { channelState, updateChannelState, withBridge } from './channelState';
import { channelsFromSnapshot } from './fromSnapshot';
import { dialplanMoved, isStasis, stasisAppOf, stasisArgsOf } from './stasis';
import { PlaybackStore } from './playbacks';
import { Tombstones } from './tombstones';
import type { ChannelState, ModelChange, ModelSnapshot } from './types';

export type { ChannelState, EntityKind, ModelChange, ModelMapName, ModelMaps, ModelSnapshot } from './types';
export { ENTITY_KINDS } from './types';

const CONTROLLED_DEVICE_PREFIX = 'Stasis:';

export function endpointKey(e: Pick<Endpoint, 'technology' | 'resource'>): string {
  return `${e.technology}/${e.resource}`;
}

export class AriStateModel {
  readonly channels = new Map<string, ChannelState>();
  readonly bridges = new Map<string, Bridge>();
  readonly playbacks: Map<string, Playback>;
  readonly recordings = new Map<string, LiveRecording>();
  readonly storedRecordings = new Map<string, StoredRecording>();
  /** Key `${technology}/${resource}`. */
  readonly endpoints = new Map<string, Endpoint>();
  readonly applications = new Map<string, Application>();
  readonly deviceStates = new Map<string, DeviceState>();
  /** Apps whose registration another WebSocket took over (ApplicationReplaced). */
  readonly replacedApplications = new Set<string>();

  private readonly changes = new ChangeTracker();
  private readonly goneChannels = new Tombstones();
  private readonly goneBridges = new Tombstones();
  /** Bridges known only from ChannelEnteredBridge (no BridgeCreated, not in a snapshot). */
  private readonly inferredBridges = new Set<string>();

  /** `onOutOfBandChange` is called when something other than apply()/reset() changed the
   * model (trackPlayback), so an owner that flushes changes per event batch can flush. */
  private readonly playbackStore: PlaybackStore;

  constructor(private readonly opts: { onOutOfBandChange?: () => void } = {}) {
    this.playbackStore = new PlaybackStore(this.changes);
    this.playbacks = this.playbackStore.map;
  }

  // ---------------------------------------------------------------- snapshot

  /** Replaces everything (after a restart ids start again: nothing old is merged in). */
  reset(s: ModelSnapshot): void {
    // ARI lists neither playbacks nor live recordings: without the session's re-fetched
    // ones, keep the known ones whose target is still there.
    const playbacks = s.playbacks ?? [...this.playbacks.values()];
    const recordings = s.recordings ?? [...this.recordings.values()];
    this.clearAll();
    for (const b of s.bridges) this.bridges.set(b.id, b);
    for (const a of s.applications) this.applications.set(a.name, a);
    for (const c of channelsFromSnapshot(s.channels, s.bridges, s.applications)) this.channels.set(c.id, c);
    for (const e of s.endpoints) this.endpoints.set(endpointKey(e), e);
    for (const d of s.deviceStates) if (d.name.startsWith(CONTROLLED_DEVICE_PREFIX)) this.deviceStates.set(d.name, d);
    for (const r of s.storedRecordings ?? []) this.storedRecordings.set(r.name, r);
    for (const r of recordings) {
      if (s.recordings !== undefined || this.targetExists(r.target_uri)) this.recordings.set(r.name, r);
    }
    this.playbackStore.reset(s.playbacks ?? playbacks.filter((p) => this.targetExists(p.target_uri)));
    this.changes.all();
  }

  private clearAll(): void {
    this.channels.clear();
    this.bridges.clear();
    this.recordings.clear();
    this.storedRecordings.clear();
    this.endpoints.clear();
    this.applications.clear();
    this.deviceStates.clear();
    this.replacedApplications.clear();
    this.goneChannels.clear();
    this.goneBridges.clear();
    this.inferredBridges.clear();
  }

  private targetKnown(targetUri: string): boolean {
    if (targetUri.startsWith('channel:')) return this.channels.has(targetUri.slice(8));
    if (targetUri.startsWith('bridge:')) return this.bridges.has(targetUri.slice(7));
    return false;
  }

  private targetExists(targetUri: string): boolean {
    if (targetUri.startsWith('channel:')) {
      const ch = this.channels.get(targetUri.slice(8));
      return ch !== undefined && ch.app !== undefined;
    }
    if (targetUri.startsWith('bridge:')) return this.bridges.has(targetUri.slice(7));
    return false;
  }

  // ---------------------------------------------------------------- readers

  /** Channels inside Stasis(app), for the dialplan CodeLens. */
  channelsInApp(app: string): ChannelState[] {
    const out: ChannelState[] = [];
    for (const ch of this.channels.values()) if (ch.app === app) out.push(ch);
    return out;
  }

  /** What changed since the last call, then clears. */
  takeChanges(): ModelChange {
    return this.changes.take();
  }

  /** Whether takeChanges() would report anything. */
  get hasChanges(): boolean {
    return this.changes.pending;
  }

  /** A play response (201): ARI has no "list playbacks", so this is how the model learns of
   * a playback before (or without) its PlaybackStarted. Never overrides what events said. */
  trackPlayback(p: Playback): void {
    // A playback on a target this model does not know could never be aged out.
    if (!this.targetKnown(p.target_uri)) return;
    if (this.playbackStore.track(p)) this.opts.onOutOfBandChange?.();
  }

  // ---------------------------------------------------------------- events

  /** Events apply() could not use (malformed: a field it needs is missing). */
  malformedEvents = 0;

  /** Never throws: a malformed event is counted and skipped, it must not break the stream. */
  apply(ev: AriEvent): void {
    try {
      this.applyEvent(ev);
    } catch {
      this.malformedEvents++;
    }
  }

  private applyEvent(ev: AriEvent): void {
    switch (ev.type) {
      case 'ChannelCreated':
        this.upsertChannel(ev.channel, true);
        return;
      case 'ChannelDestroyed': {
        const ch = this.channels.get(ev.channel.id);
        if (ch !== undefined) this.removeChannel(ch);
        return;
      }
      case 'ChannelStateChange':
      case 'ChannelCallerId':
      case 'ChannelConnectedLine':
      case 'ChannelDialplan':
      case 'ChannelDtmfReceived':
      case 'ChannelHold':
      case 'ChannelUnhold':
      case 'ChannelTalkingStarted':
      case 'ChannelTalkingFinished':
      case 'ChannelToneDetected':
        this.upsertChannel(ev.channel, false);
        return;
      case 'ChannelVarset': {
        if (ev.channel === undefined) return; // a global variable
        const ch = this.upsertChannel(ev.channel, false);
        // Stasis sets STASISSTATUS when the app ends: the observer's StasisEnd.
        if (ch !== undefined && ev.variable === 'STASISSTATUS' && ev.value !== '' && ch.app !== undefined) {
          this.leaveApp(ch);
        }
        return;
      }
      case 'ChannelHangupRequest': {
        const ch = this.upsertChannel(ev.channel, false);
        if (ch !== undefined) {
          ch.hangupRequested = true;
          // A soft request (`soft: true`: ARI's DELETE, a restart) carries Asterisk's own cause
          // (32, 4), not the reason the user chose: that comes with the hard request and
          // ChannelDestroyed (transcripts' surprise 4). So only a hard request sets the cause.
          if (ev.cause !== undefined && ev.soft !== true) ch.hangupCause = ev.cause;
        }
        return;
      }
      case 'Dial':
        this.upsertChannel(ev.peer, false);
        if (ev.caller !== undefined) this.upsertChannel(ev.caller, false);
        if (ev.forwarded !== undefined) this.upsertChannel(ev.forwarded, false);
        return;
      case 'StasisStart': {
        if (ev.replace_channel !== undefined) {
          const old = this.channels.get(ev.replace_channel.id);
          if (old !== undefined) this.removeChannel(old);
        }
        const ch = this.upsertChannel(ev.channel, true)!;
        if (ch.app !== ev.application) this.changes.structure('channel', ch.id);
        ch.app = ev.application;
        ch.appArgs = ev.args;
        return;
      }
      case 'StasisEnd': {
        const ch = this.upsertChannel(ev.channel, false);
        if (ch === undefined) return;
        if (ch.hangupRequested) this.removeChannel(ch);
        else this.leaveApp(ch);
        return;
      }
      case 'ChannelEnteredBridge':
        this.enteredBridge(ev.bridge, ev.channel);
        return;
      case 'ChannelLeftBridge':
        this.leftBridge(ev.bridge, ev.channel);
        return;
      case 'BridgeCreated':
        this.goneBridges.forget(ev.bridge.id);
        this.inferredBridges.delete(ev.bridge.id);
        this.setBridge(ev.bridge);
        return;
      case 'BridgeDestroyed': {
        const b = this.bridges.get(ev.bridge.id);
        if (b !== undefined) this.removeBridge(b);
        return;
      }
      case 'BridgeMerged':
        this.mergedBridges(ev);
        return;
      case 'BridgeVideoSourceChanged':
        if (this.bridges.has(ev.bridge.id)) this.setBridge(ev.bridge);
        return;
      case 'PlaybackStarted':
        this.playbackStore.started(ev.playback);
        return;
      case 'PlaybackContinuing':
        this.playbackStore.continuing(ev.playback);
        return;
      case 'PlaybackFinished':
        this.playbackStore.finished(ev.playback);
        return;
      case 'RecordingStarted': {
        const r = ev.recording;
        if (typeof r.name !== 'string' || r.name === '') throw new TypeError('malformed recording');
        if (this.recordings.has(r.name)) this.changes.field('recording', r.name);
        else this.changes.structure('recording', r.name);
        this.recordings.set(r.name, r);
        return;
      }
      case 'RecordingFinished':
      case 'RecordingFailed': {
        const r = ev.recording;
        if (typeof r.name !== 'string' || r.name === '') throw new TypeError('malformed recording');
        if (this.recordings.delete(r.name)) this.changes.structure('recording', r.name);
        if (ev.type === 'RecordingFinished') {
          // Stored recordings have no kind of their own in ModelChange: they belong to 'recording'.
          this.storedRecordings.set(r.name, { name: r.name, format: r.format });
          this.changes.structure('recording', r.name);
        }
        return;
      }
      case 'DeviceStateChanged': {
        const d = ev.device_state;
        if (typeof d.name !== 'string' || typeof d.state !== 'string') throw new TypeError('malformed device state');
        if (!d.name.startsWith(CONTROLLED_DEVICE_PREFIX)) return;
        if (this.deviceStates.has(d.name)) this.changes.field('deviceState', d.name);
        else this.changes.structure('deviceState', d.name);
        this.deviceStates.set(d.name, d);
        return;
      }
      case 'EndpointStateChange':
      case 'ContactStatusChange':
      case 'PeerStatusChange': {
        if (typeof ev.endpoint.technology !== 'string' || typeof ev.endpoint.resource !== 'string') throw new TypeError('malformed endpoint');
        const key = endpointKey(ev.endpoint);
        if (this.endpoints.has(key)) this.changes.field('endpoint', key);
        else this.changes.structure('endpoint', key);
        this.endpoints.set(key, ev.endpoint);
        return;
      }
      case 'ApplicationReplaced':
        if (typeof ev.application !== 'string' || ev.application === '') throw new TypeError('malformed application');
        this.replacedApplications.add(ev.application);
        this.changes.field('application', ev.application);
        return;
      case 'ApplicationRegistered':
        if (typeof ev.application !== 'string' || ev.application === '') throw new TypeError('malformed application');
        this.replacedApplications.delete(ev.application);
        if (!this.applications.has(ev.application)) {
          this.applications.set(ev.application, emptyApplication(ev.application));
          this.changes.structure('application', ev.application);
        }
        return;
      case 'ApplicationUnregistered':
        if (this.applications.delete(ev.application)) this.changes.structure('application', ev.application);
        return;
      default:
        // Userevents, transfers, REST responses and the like carry no state the model keeps.
        return;
    }
  }

  // ---------------------------------------------------------------- channels

  /**
   * Creates or updates (in place) a channel from an event's channel object and returns the
   * model's state, or undefined for a channel removed a moment
   * ago. `explicit` events (ChannelCreated, StasisStart) bring a removed id back.
   */
  private upsertChannel(c: Channel, explicit: boolean): ChannelState | undefined {
    // A channel without a string id and name (a hostile or broken frame) would become a
    // Map key the tree cannot show: refuse it (apply() counts it as malformed).
    if (typeof c.id !== 'string' || c.id === '' || typeof c.name !== 'string') throw new TypeError('malformed channel');
    const prev = this.channels.get(c.id);
    if (prev === undefined) {
      if (explicit) this.goneChannels.forget(c.id);
      else if (this.goneChannels.blocks(c.id, c.creationtime)) return undefined;
      const st = channelState(c, undefined);
      if (isStasis(c.dialplan)) {
        st.app = stasisAppOf(c.dialplan.app_data);
        if (st.app !== undefined) st.appArgs = stasisArgsOf(c.dialplan.app_data);
      }
      this.channels.set(c.id, st);
      this.changes.structure('channel', c.id);
      return st;
    }
    const moved = dialplanMoved(prev.dialplan, c.dialplan);
    updateChannelState(prev, c); // in place: no allocation per event
    const st = prev;
    if (moved) {
      // The channel moved on in the dialplan: into Stasis(app), or out of it. An empty
      // app_name is a channel being torn down, which says nothing about Stasis.
      if (isStasis(c.dialplan)) {
        const app = stasisAppOf(c.dialplan.app_data);
        if (app !== undefined && app !== st.app) {
          st.app = app;
          st.appArgs = stasisArgsOf(c.dialplan.app_data);
          this.changes.structure('channel', c.id);
          return st;
        }
      } else if (c.dialplan !== undefined && c.dialplan.app_name !== '' && st.app !== undefined) {
        st.app = undefined;
        st.appArgs = undefined;
        this.changes.structure('channel', c.id);
        return st;
      }
    }
    this.changes.field('channel', c.id);
    return st;
  }

  private leaveApp(ch: ChannelState): void {
    if (ch.app !== undefined) this.changes.structure('channel', ch.id);
    ch.app = undefined;
    ch.appArgs = undefined;
    // Playbacks need Stasis: queued ones will never start.
    if (this.playbacks.size > 0) this.playbackStore.removeOn(`channel:${ch.id}`);
  }

  private removeChannel(ch: ChannelState): void {
    this.channels.delete(ch.id);
    this.goneChannels.add(ch.id, ch.creationtime);
    this.changes.structure('channel', ch.id);
    if (ch.bridgeId !== undefined) {
      const b = this.bridges.get(ch.bridgeId);
      if (b !== undefined && b.channels.includes(ch.id)) {
        this.setBridge({ ...b, channels: b.channels.filter((id) => id !== ch.id) });
      }
    }
    if (this.playbacks.size > 0) this.playbackStore.removeOn(`channel:${ch.id}`);
  }

  // ---------------------------------------------------------------- bridges

  private setBridge(b: Bridge): void {
    if (typeof b.id !== 'string' || b.id === '' || !Array.isArray(b.channels)) throw new TypeError('malformed bridge');
    if (this.bridges.has(b.id)) this.changes.field('bridge', b.id);
    else this.changes.structure('bridge', b.id);
    this.bridges.set(b.id, b);
  }

  private enteredBridge(b: Bridge, c: Channel | undefined): void {
    if (this.bridges.has(b.id)) this.setBridge(b);
    else if (!this.goneBridges.blocks(b.id, b.creationtime)) {
      this.inferredBridges.add(b.id);
      this.setBridge(b);
    }
    if (c === undefined || !this.bridges.has(b.id)) return;
    const ch = this.upsertChannel(c, false);
    if (ch !== undefined && ch.bridgeId !== b.id) {
      ch.bridgeId = b.id;
      this.changes.structure('channel', ch.id);
    }
  }

  private leftBridge(b: Bridge, c: Channel): void {
    if (this.bridges.has(b.id)) {
      if (b.channels.length === 0 && this.inferredBridges.has(b.id)) this.removeBridge(b, false);
      else this.setBridge(b);
    }
    const ch = this.upsertChannel(c, false);
    if (ch !== undefined && ch.bridgeId === b.id) {
      ch.bridgeId = undefined;
      this.changes.structure('channel', ch.id);
    }
  }

  /** `destroyed`: BridgeDestroyed said so (late events for it are then ignored). */
  private removeBridge(b: Bridge, destroyed = true): void {
    const known = this.bridges.get(b.id) ?? b;
    this.bridges.delete(b.id);
    this.inferredBridges.delete(b.id);
    if (destroyed) this.goneBridges.add(b.id, known.creationtime);
    this.changes.structure('bridge', b.id);
    for (const id of known.channels) this.clearBridgeOf(id, b.id);
    this.playbackStore.removeOn(`bridge:${b.id}`);
  }

  private clearBridgeOf(channelId: string, bridgeId: string): void {
    const ch = this.channels.get(channelId);
    if (ch === undefined || ch.bridgeId !== bridgeId) return;
    this.channels.set(channelId, withBridge(ch, undefined));
    this.changes.structure('channel', channelId);
  }

  private mergedBridges(ev: BridgeMergedEvent): void {
    const from = this.bridges.get(ev.bridge_from.id);
    if (from !== undefined) this.removeBridge(from);
    this.setBridge(ev.bridge);
    for (const id of ev.bridge.channels) {
      const ch = this.channels.get(id);
      if (ch !== undefined && ch.bridgeId !== ev.bridge.id) {
        this.channels.set(id, withBridge(ch, ev.bridge.id));
        this.changes.structure('channel', id);
      }
    }
  }
}

function emptyApplication(name: string): Application {
  return {
    name,
    channel_ids: [],
    bridge_ids: [],
    endpoint_ids: [],
    device_names: [],
    events_allowed: [],
    events_disallowed: [],
  };
}
