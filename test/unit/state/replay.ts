// Replays a transcript into one AriStateModel per WebSocket, checking invariants after every
// event and list checkpoints at every GET /channels and GET /bridges answer.
import assert from 'node:assert/strict';
import type { Bridge, Channel } from '../../../src/extension/ari/models.generated';
import type { AriEvent } from '../../../src/extension/ari/events.generated';
import { AriStateModel, type ModelSnapshot } from '../../../src/extension/state/model';
import { eventOf, isListResponse, isPlayResponse, socketOf, type Transcript, type TranscriptEntry } from './transcripts';

export const emptySnapshot = (): ModelSnapshot => ({
  channels: [],
  bridges: [],
  endpoints: [],
  applications: [],
  deviceStates: [],
  recordings: [],
  storedRecordings: [],
});

export interface ReplayOptions {
  /** The snapshot each socket's model starts from (the transcripts start from an idle server). */
  seed?: (socket: string) => ModelSnapshot;
  /** Called after each entry has been applied. */
  after?: (index: number, entry: TranscriptEntry, r: Replay) => void;
}

export interface Replay {
  t: Transcript;
  models: Map<string, AriStateModel>;
  /** Checkpoints compared, for the test to assert that some were. */
  checkpoints: number;
}

export function replay(t: Transcript, opts: ReplayOptions = {}): Replay {
  const r: Replay = { t, models: new Map(), checkpoints: 0 };
  const open = new Set<string>();
  let connecting: string | undefined;
  const firehoseAlive: Record<string, Set<string>> = {};
  for (const s of t.sockets) {
    const m = new AriStateModel();
    m.reset(opts.seed?.(s) ?? emptySnapshot());
    m.takeChanges();
    r.models.set(s, m);
  }
  t.entries.forEach((e, i) => {
    // A socket is open from its 101 answer until its close marker.
    if (e.kind === 'request' && e.upgrade === 'websocket') connecting = e.ws ?? t.sockets[0];
    if (e.kind === 'response' && connecting !== undefined && /\/events$/.test(e.path ?? '')) {
      if (e.status === 101) open.add(connecting);
      connecting = undefined;
    }
    if (e.kind === 'event' && (e.body as { _ws_close?: boolean })._ws_close) open.delete(socketOf(t, e));
    const ev = eventOf(e);
    if (ev) {
      const s = socketOf(t, e);
      const m = r.models.get(s)!;
      m.apply(ev);
      checkAfterEvent(m, ev, `${t.name}#${i} ${ev.type}`);
      if (t.firehoses.has(s)) {
        // A firehose's model holds exactly the channels it saw created and not yet destroyed.
        const alive = (firehoseAlive[s] ??= new Set());
        if (ev.type === 'ChannelCreated') alive.add(ev.channel.id);
        if (ev.type === 'ChannelDestroyed') alive.delete(ev.channel.id);
        assert.deepEqual([...m.channels.keys()].sort(), [...alive].sort(), `${t.name}#${i} ${s} channels`);
      }
    }
    if (isPlayResponse(e)) for (const s of open) r.models.get(s)!.trackPlayback(e.body as never);
    for (const s of open) {
      const m = r.models.get(s)!;
      const where = `${t.name}#${i} socket ${s}`;
      if (isListResponse(e, 'channels')) {
        r.checkpoints++;
        compareIds(
          m.channels,
          (e.body as Channel[]).map((c) => c.id),
          t.firehoses.has(s),
          `${where} channels`,
        );
      }
      if (isListResponse(e, 'bridges')) {
        r.checkpoints++;
        compareIds(
          m.bridges,
          (e.body as Bridge[]).map((b) => b.id),
          t.firehoses.has(s),
          `${where} bridges`,
        );
      }
    }
    opts.after?.(i, e, r);
  });
  for (const [s, m] of r.models) {
    checkConsistent(m, `${t.name} end, socket ${s}`);
    assert.equal(m.malformedEvents, 0, `${t.name} ${s}: events the model could not apply`);
  }
  for (const s of t.firehoses) checkFirehoseEnd(t, s, r.models.get(s)!);
  return r;
}

/** A firehose hears every creation and destruction: what it saw created and not destroyed is
 * what a final GET would list. */
function checkFirehoseEnd(t: Transcript, socket: string, m: AriStateModel): void {
  const channels = new Set<string>();
  const bridges = new Set<string>();
  for (const e of t.entries) {
    const ev = eventOf(e);
    if (!ev || socketOf(t, e) !== socket) continue;
    if (ev.type === 'ChannelCreated') channels.add(ev.channel.id);
    if (ev.type === 'ChannelDestroyed') channels.delete(ev.channel.id);
    if (ev.type === 'BridgeCreated') bridges.add(ev.bridge.id);
    if (ev.type === 'BridgeDestroyed') bridges.delete(ev.bridge.id);
  }
  assert.deepEqual([...m.channels.keys()].sort(), [...channels].sort(), `${t.name} ${socket}: final channels`);
  assert.deepEqual([...m.bridges.keys()].sort(), [...bridges].sort(), `${t.name} ${socket}: final bridges`);
}

/** A firehose sees every channel and bridge: the model must equal the server's list. An app
 * socket sees only its own: the model must be part of the list. */
function compareIds(map: ReadonlyMap<string, unknown>, server: string[], firehose: boolean, where: string): void {
  const model = [...map.keys()].sort();
  if (firehose) assert.deepEqual(model, [...server].sort(), where);
  else for (const id of model) assert.ok(server.includes(id), `${where}: ${id} is not on the server (${server.join(',')})`);
}

function checkAfterEvent(m: AriStateModel, ev: AriEvent, where: string): void {
  switch (ev.type) {
    case 'StasisStart':
      assert.equal(m.channels.get(ev.channel.id)?.app, ev.application, where);
      break;
    case 'StasisEnd':
      assert.equal(m.channels.get(ev.channel.id)?.app, undefined, where);
      break;
    case 'ChannelDestroyed':
      assert.ok(!m.channels.has(ev.channel.id), where);
      break;
    case 'ChannelHangupRequest': {
      const ch = m.channels.get(ev.channel.id);
      // A soft request's cause is Asterisk's, not the reason: only a hard one sets the cause.
      if (ch && ev.cause !== undefined && ev.soft !== true) assert.equal(ch.hangupCause, ev.cause, where);
      if (ch) assert.equal(ch.hangupRequested, true, where);
      break;
    }
    case 'ChannelEnteredBridge':
      if (ev.channel && m.channels.has(ev.channel.id)) {
        assert.equal(m.channels.get(ev.channel.id)?.bridgeId, ev.bridge.id, where);
        assert.ok(m.bridges.has(ev.bridge.id), where);
      }
      break;
    case 'ChannelLeftBridge':
      if (m.channels.has(ev.channel.id)) assert.notEqual(m.channels.get(ev.channel.id)?.bridgeId, ev.bridge.id, where);
      break;
    case 'BridgeDestroyed':
      assert.ok(!m.bridges.has(ev.bridge.id), where);
      break;
    case 'PlaybackStarted':
      assert.equal(m.playbacks.get(ev.playback.id)?.state, ev.playback.state, where);
      break;
    case 'PlaybackFinished':
      assert.ok(!m.playbacks.has(ev.playback.id), where);
      break;
    case 'RecordingFinished':
      assert.ok(!m.recordings.has(ev.recording.name), where);
      assert.ok(m.storedRecordings.has(ev.recording.name), where);
      break;
    default:
      break;
  }
  checkConsistent(m, where);
}

/** Holds after every event: channel <-> bridge membership agrees, playbacks have a target. */
export function checkConsistent(m: AriStateModel, where: string): void {
  for (const ch of m.channels.values()) {
    if (ch.bridgeId === undefined) continue;
    const b = m.bridges.get(ch.bridgeId);
    assert.ok(b, `${where}: ${ch.id} in missing bridge ${ch.bridgeId}`);
    assert.ok(b.channels.includes(ch.id), `${where}: bridge ${b.id} does not list ${ch.id}`);
  }
  for (const b of m.bridges.values()) {
    for (const id of b.channels) {
      const ch = m.channels.get(id);
      if (ch) assert.equal(ch.bridgeId, b.id, `${where}: ${id} listed by ${b.id} but in ${ch.bridgeId}`);
    }
  }
}
