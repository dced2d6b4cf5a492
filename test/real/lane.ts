// The checks of the real-server lane: the extension's core (session, model, event panel store)
// against whatever ARI server `target` names — a real Asterisk (npm run test:real) or the
// simulator (test/unit/real, so the lane cannot rot). Each check drives the server with plain
// REST, watches what the session, the model and the panel make of it, and returns what it saw.
// Nothing here depends on ids or timings of one server: only on behaviour both must share.
import assert from 'node:assert/strict';
import type { Channel, Playback } from '../../src/extension/ari/models.generated';
import { AriSession } from '../../src/extension/connection/session';
import { Emitter } from '../../src/extension/util/emitter';
import { EventStore } from '../../src/extension/webviews/eventStore';
import { EventView } from '../../src/extension/webviews/eventView';
import { LiveFeed } from '../../src/extension/webviews/liveFeed';
import { EMPTY_FILTER } from '../../src/shared/protocol';
import type { BatchResult } from '../../src/extension/commands/failures';
import {
  channelOp,
  continueInDialplan,
  getChannelVar,
  hangupChannels,
  muteChannels,
  playMedia,
  recordTarget,
  sendDtmf,
  setChannelVar,
  snoopChannel,
  startMoh,
} from '../../src/extension/commands/actions/channel';
import { controlPlaybacks, stopPlaybacks } from '../../src/extension/commands/actions/playback';
import { deleteStoredRecordings, liveRecordingOp } from '../../src/extension/commands/actions/recording';
import {
  deleteDeviceState,
  getGlobalVar,
  listModules,
  reloadModule,
  serverInfo,
  setGlobalVar,
  updateDeviceState,
} from '../../src/extension/commands/actions/server';

export interface LaneTarget {
  /** ARI base URL, e.g. http://127.0.0.1:8088/ari */
  url: string;
  username: string;
  password: string;
}

export interface Lane {
  session: AriSession;
  store: EventStore;
  /** Copies seen per app (first copies and later ones): what each app really got. */
  copiesPerApp: Map<string, number>;
  observer: string;
  dispose(): void;
}

const WAIT_MS = 15_000;

/** A session like the extension's: its own observer app plus hello-world, subscribeAll, a live store. */
export async function openLane(target: LaneTarget): Promise<Lane> {
  const observer = `ari-explorer-lane-${process.pid}`;
  const session = new AriSession({
    connection: { url: target.url, username: target.username, password: target.password, timeoutMs: 10_000 },
    apps: [observer, 'hello-world'],
    subscribeAll: true,
    batchMs: 20,
  });
  const store = new EventStore(20_000);
  const copiesPerApp = new Map<string, number>();
  const count = (app: string): void => void copiesPerApp.set(app, (copiesPerApp.get(app) ?? 0) + 1);
  session.socket.onEvent((ev) => count(String((ev as { application?: unknown }).application ?? '')));
  session.socket.onCopy((c) => count(c.application));
  const active = new Emitter<AriSession | undefined>();
  const feed = new LiveFeed({ active: session, onDidChangeActive: active.event }, store, () => undefined);
  await session.start();
  return {
    session,
    store,
    copiesPerApp,
    observer,
    dispose: () => {
      feed.dispose();
      session.dispose();
    },
  };
}

/** Resolves once `pred` holds for the session's model or events, checked after each batch. */
export function until(lane: Lane, what: string, pred: () => boolean, ms = WAIT_MS): Promise<void> {
  if (pred()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (!pred()) return;
      cleanup();
      resolve();
    };
    const a = lane.session.onEvents(check);
    const b = lane.session.onModelChange(check);
    const c = lane.session.onEventApps(check);
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
    function cleanup(): void {
      clearTimeout(timer);
      a.dispose();
      b.dispose();
      c.dispose();
    }
  });
}

function eventsOf(lane: Lane, pred: (type: string, json: string) => boolean): number {
  let n = 0;
  for (let i = lane.store.firstN; i < lane.store.nextN; i++) if (pred(lane.store.typeAt(i), lane.store.jsonAt(i))) n++;
  return n;
}

function hasEvent(lane: Lane, type: string, needle: string): boolean {
  return eventsOf(lane, (t, j) => t === type && j.includes(needle)) > 0;
}

/** The seed's flow: originate into hello-world, play sound:hello-world, hang up. */
export async function seedFlow(lane: Lane): Promise<{ channelId: string; helloEvents: number; helloCopies: number; total: number }> {
  const rest = lane.session.rest;
  const orig = await rest.request<Channel>('POST', '/channels', { query: { endpoint: 'Local/1776@from-test', extension: '100', context: 'default' } });
  const half1 = orig.body.id;
  await until(lane, 'StasisStart in hello-world', () =>
    [...lane.session.model.channels.values()].some((c) => c.app === 'hello-world' && c.name.startsWith('Local/1776@from-test') && c.name.endsWith(';2')),
  );
  const stasis = [...lane.session.model.channels.values()].find(
    (c) => c.app === 'hello-world' && c.name.endsWith(';2') && c.name.startsWith(orig.body.name.slice(0, -2)),
  ) as { id: string };
  assert.ok(stasis, 'the ;2 half of the call is in hello-world');
  const play = await rest.request<Playback>('POST', `/channels/${encodeURIComponent(stasis.id)}/play`, { query: { media: 'sound:hello-world' } });
  assert.equal(play.status, 201);
  await until(lane, 'PlaybackFinished', () => hasEvent(lane, 'PlaybackFinished', play.body.id));
  assert.ok(hasEvent(lane, 'PlaybackStarted', play.body.id));
  await rest.request('DELETE', `/channels/${encodeURIComponent(stasis.id)}`);
  await until(lane, 'both halves destroyed', () => !lane.session.model.channels.has(stasis.id) && !lane.session.model.channels.has(half1));
  await until(lane, 'StasisEnd', () => hasEvent(lane, 'StasisEnd', stasis.id));
  // Let late copies and late events (after ChannelDestroyed) arrive.
  await quiet(lane, 500);
  assert.equal(lane.session.model.channels.has(stasis.id), false, 'a late event did not bring the destroyed channel back');
  const helloView = new EventView(lane.store, { ...EMPTY_FILTER, app: 'hello-world' });
  return {
    channelId: stasis.id,
    helloEvents: helloView.total,
    helloCopies: lane.copiesPerApp.get('hello-world') ?? 0,
    total: new EventView(lane.store, EMPTY_FILTER).total,
  };
}

/** Resolves once no event batch arrived for `ms`. */
export function quiet(lane: Lane, ms: number): Promise<void> {
  return new Promise((resolve) => {
    let timer = setTimeout(done, ms);
    const a = lane.session.onEvents(() => {
      clearTimeout(timer);
      timer = setTimeout(done, ms);
    });
    function done(): void {
      a.dispose();
      resolve();
    }
  });
}

/** Two calls into hello-world, bridged, one removed, the bridge destroyed. */
export async function bridgeFlow(lane: Lane): Promise<{ bridgeId: string }> {
  const rest = lane.session.rest;
  const before = new Set(lane.session.model.channels.keys());
  for (let i = 0; i < 2; i++) await rest.request('POST', '/channels', { query: { endpoint: 'Local/1776@from-test', extension: '100', context: 'default' } });
  const inApp = (): string[] => [...lane.session.model.channels.values()].filter((c) => !before.has(c.id) && c.app === 'hello-world').map((c) => c.id);
  await until(lane, 'two channels in hello-world', () => inApp().length === 2);
  const [a, b] = inApp();
  const bridge = await rest.request<{ id: string }>('POST', '/bridges', { query: { type: 'mixing', name: 'lane' } });
  const id = bridge.body.id;
  await rest.request('POST', `/bridges/${id}/addChannel`, { query: { channel: `${a},${b}` } });
  await until(lane, 'both channels in the bridge', () => (lane.session.model.bridges.get(id)?.channels.length ?? 0) === 2);
  await rest.request('POST', `/bridges/${id}/removeChannel`, { query: { channel: a } });
  await until(lane, 'one channel left', () => (lane.session.model.bridges.get(id)?.channels.length ?? 0) === 1);
  for (const c of [a, b]) await rest.request('DELETE', `/channels/${c}`);
  await rest.request('DELETE', `/bridges/${id}`);
  await until(
    lane,
    'bridge and channels gone',
    () => !lane.session.model.bridges.has(id) && !lane.session.model.channels.has(a) && !lane.session.model.channels.has(b),
  );
  return { bridgeId: id };
}

/** A channel that is not in Stasis (the ;1 half running Wait) cannot join a bridge: 422, as the picker now says. */
export async function notInStasisRefused(lane: Lane): Promise<{ status: number; message: string }> {
  const rest = lane.session.rest;
  const orig = await rest.request<Channel>('POST', '/channels', { query: { endpoint: 'Local/1776@from-test', extension: '100', context: 'default' } });
  const bridge = await rest.request<{ id: string }>('POST', '/bridges', { query: { type: 'mixing' } });
  let status = 0;
  let message = '';
  try {
    await until(lane, 'the ;2 half in Stasis', () => [...lane.session.model.channels.values()].some((c) => c.app === 'hello-world'));
    await rest.request('POST', `/bridges/${bridge.body.id}/addChannel`, { query: { channel: orig.body.id } });
  } catch (err) {
    const e = err as { status?: number; serverMessage?: string };
    status = e.status ?? 0;
    message = e.serverMessage ?? '';
  } finally {
    await rest.request('DELETE', `/channels/${orig.body.id}`).catch(() => undefined);
    await rest.request('DELETE', `/bridges/${bridge.body.id}`).catch(() => undefined);
  }
  return { status, message };
}

/** The apps the lane's socket registered, as the server lists them (GET /applications). */
export async function registeredApps(lane: Lane): Promise<string[]> {
  const r = await lane.session.rest.request<{ name: string }[]>('GET', '/applications');
  return r.body.map((a) => a.name);
}

/** Events under `app`'s filter beside the copies the socket got for it: equal when no copy was merged away or lost. */
export function appFilterCount(lane: Lane, app: string): { shown: number; copies: number } {
  return { shown: new EventView(lane.store, { ...EMPTY_FILTER, app }).total, copies: lane.copiesPerApp.get(app) ?? 0 };
}

/** Originates Local/1776@from-test and resolves with its ;1 half and the ;2 half in hello-world. */
export async function callIntoHelloWorld(lane: Lane): Promise<{ half1: string; half2: string; name: string }> {
  const orig = await lane.session.rest.request<Channel>('POST', '/channels', {
    query: { endpoint: 'Local/1776@from-test', extension: '100', context: 'default' },
  });
  const prefix = orig.body.name.slice(0, -2);
  const find = (): string | undefined => [...lane.session.model.channels.values()].find((c) => c.app === 'hello-world' && c.name === `${prefix};2`)?.id;
  await until(lane, `${prefix};2 in hello-world`, () => find() !== undefined);
  return { half1: orig.body.id, half2: find()!, name: `${prefix};2` };
}

async function hangUpCall(lane: Lane, call: { half1: string; half2: string }): Promise<void> {
  await hangupChannels(lane.session, [call.half2]);
  await until(lane, 'both halves destroyed', () => !lane.session.model.channels.has(call.half1) && !lane.session.model.channels.has(call.half2));
}

function eventFor(lane: Lane, type: string, needle: string): () => boolean {
  return () => hasEvent(lane, type, needle);
}

function ok(what: string, r: BatchResult): void {
  assert.deepEqual(
    r.failed.map((f) => f.error.message),
    [],
    what,
  );
}

/**
 * What the command palette's channel, playback and recording actions do (the same functions
 * the commands call), on the ;2 half of a call in hello-world; each checked by the event or the
 * answer a user would see. Returns the actions that ran.
 */
export async function channelActions(lane: Lane): Promise<string[]> {
  const s = lane.session;
  const done: string[] = [];
  const call = await callIntoHelloWorld(lane);
  const id = call.half2;
  try {
    ok('answer', await channelOp(s, 'answer', [id]));
    // No ChannelHold: that event is for a hold the channel itself asks for; a Local half plays
    // music on hold to itself instead of passing the hold on (transcript 09 has none).
    ok('hold', await channelOp(s, 'hold', [id]));
    ok('unhold', await channelOp(s, 'unhold', [id]));
    done.push('answer', 'hold', 'unhold');
    ok('mute', await muteChannels(s, [id], 'both', true));
    ok('unmute', await muteChannels(s, [id], 'both', false));
    ok('moh', await startMoh(s, [id], 'default'));
    ok('moh stop', await channelOp(s, 'stopMoh', [id]));
    ok('ring', await channelOp(s, 'ring', [id]));
    ok('ring stop', await channelOp(s, 'ringStop', [id]));
    ok('silence', await channelOp(s, 'startSilence', [id]));
    ok('silence stop', await channelOp(s, 'stopSilence', [id]));
    await sendDtmf(s, id, '12', { duration: 100, between: 100 });
    done.push('mute', 'unmute', 'moh', 'ring', 'silence', 'dtmf');
    const variable = `LANE_${process.pid}`;
    await setChannelVar(s, id, variable, 'ok');
    await until(lane, 'ChannelVarset', () => eventsOf(lane, (t, j) => t === 'ChannelVarset' && j.includes(variable) && j.includes(id)) > 0);
    assert.equal(await getChannelVar(s, id, variable), 'ok');
    done.push('variables');

    // A long prompt, so that pause and unpause reach it while it plays.
    const play = await playMedia(s, { kind: 'channel', id }, { media: ['sound:demo-congrats'] });
    await until(lane, 'PlaybackStarted', eventFor(lane, 'PlaybackStarted', play.id));
    ok('pause', await controlPlaybacks(s, [play.id], 'pause'));
    ok('unpause', await controlPlaybacks(s, [play.id], 'unpause'));
    ok('stop playback', await stopPlaybacks(s, [play.id]));
    await until(lane, 'PlaybackFinished', eventFor(lane, 'PlaybackFinished', play.id));
    done.push('play', 'playback control');

    const snoop = await snoopChannel(s, id, { app: 'hello-world', spy: 'in' });
    await until(lane, 'the snoop channel in hello-world', () => s.model.channels.get(snoop.id)?.app === 'hello-world');
    ok('hang up the snoop channel', await hangupChannels(s, [snoop.id]));
    await until(lane, 'the snoop channel gone', () => !s.model.channels.has(snoop.id));
    done.push('snoop');

    const name = `ari-explorer-lane-${process.pid}`;
    const rec = await recordTarget(s, { kind: 'channel', id }, { name, format: 'wav', ifExists: 'overwrite', maxDurationSeconds: 10 });
    assert.equal(rec.name, name);
    await until(lane, 'RecordingStarted', eventFor(lane, 'RecordingStarted', name));
    ok('stop recording', await liveRecordingOp(s, 'stop', [name]));
    await until(lane, 'RecordingFinished', eventFor(lane, 'RecordingFinished', name));
    await deleteStoredRecordings(s, [name]).catch(() => undefined);
    done.push('record');

    await continueInDialplan(s, id, { context: 'default', extension: '100', priority: 1 });
    await until(lane, 'StasisEnd after continue', eventFor(lane, 'StasisEnd', id));
    assert.ok(s.model.channels.has(id), 'the channel lives on in the dialplan');
    done.push('continue in dialplan');
  } finally {
    await hangUpCall(lane, call).catch(() => undefined);
  }
  return done;
}

/** The server actions: info, modules, a dialplan reload, global variables. */
export async function serverActions(lane: Lane): Promise<void> {
  const s = lane.session;
  const info = await serverInfo(s);
  assert.ok(info.system?.version, 'the server names its version');
  const modules = await listModules(s);
  assert.ok(
    modules.some((m) => m.name === 'res_ari.so'),
    'res_ari.so is listed',
  );
  await reloadModule(s, 'pbx_config.so');
  const variable = `LANE_GLOBAL_${process.pid}`;
  await setGlobalVar(s, variable, 'yes');
  assert.equal(await getGlobalVar(s, variable), 'yes');
  await setGlobalVar(s, variable, '');
}

/** An ARI-controlled device state: PUT gives DeviceStateChanged and the model follows; DELETE leaves UNKNOWN. */
export async function deviceStateFlow(lane: Lane): Promise<{ name: string; state: string }> {
  const s = lane.session;
  const name = `Stasis:ari-explorer-lane-${process.pid}`;
  await updateDeviceState(s, name, 'INUSE');
  await until(lane, 'DeviceStateChanged INUSE', () => eventsOf(lane, (t, j) => t === 'DeviceStateChanged' && j.includes(name) && j.includes('INUSE')) > 0);
  await until(lane, 'the model shows INUSE', () => s.model.deviceStates.get(name)?.state === 'INUSE');
  await updateDeviceState(s, name, 'BUSY');
  await until(lane, 'the model shows BUSY', () => s.model.deviceStates.get(name)?.state === 'BUSY');
  await deleteDeviceState(s, name);
  const after = await s.rest.request<{ state: string }>('GET', `/deviceStates/${encodeURIComponent(name)}`);
  return { name, state: after.body.state };
}

/**
 * The server restarts under the session (`restart` does it: `core restart now`, or the
 * simulator's restart): the socket drops, reconnects by itself, the model is resynced (the
 * call is gone, ids start again) and a new call reaches hello-world.
 */
export async function restartFlow(lane: Lane, restart: () => Promise<void>): Promise<{ states: string[] }> {
  const s = lane.session;
  const call = await callIntoHelloWorld(lane);
  const states: string[] = [];
  const reopened = new Promise<void>((resolve) => {
    let dropped = false;
    const sub = s.onState((st) => {
      states.push(st.kind);
      if (st.kind === 'reconnecting') dropped = true;
      if (st.kind === 'open' && dropped) {
        sub.dispose();
        resolve();
      }
    });
  });
  await restart();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no reconnect within 60 s (states: ${states.join(', ')})`)), 60_000);
  });
  await Promise.race([reopened, late]).finally(() => clearTimeout(timer));
  await until(lane, 'the resync dropped the call', () => !s.model.channels.has(call.half1) && !s.model.channels.has(call.half2), 30_000);
  const apps = await registeredApps(lane);
  assert.ok(apps.includes('hello-world') && apps.includes(lane.observer), `apps registered again: ${apps.join(', ')}`);
  const next = await callIntoHelloWorld(lane);
  await hangUpCall(lane, next);
  return { states };
}
