// Faults on the event socket: a drop mid-stream, an Asterisk restart (ids start again, events
// missed), a server that closes cleanly over and over, a half-open socket, and hostile frames
// (bad JSON, unknown types, 10 MB, events about ids never seen). The session, the model, the
// tree and the panel's store must come out correct, and nothing may spin or crash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WebSocket } from 'ws';
import { startSimulator } from '../../../tools/ari-sim/index';
import type { SocketState } from '../../../src/extension/ari/events';
import { AriTree } from '../../../src/extension/views/tree/ariTree';
import type { AriNode } from '../../../src/extension/views/tree/nodes';
import { EventStore } from '../../../src/extension/webviews/eventStore';
import { LiveFeed } from '../../../src/extension/webviews/liveFeed';
import { Emitter } from '../../../src/extension/util/emitter';
import type { AriSession } from '../../../src/extension/connection/session';
import { PASSWORD, USER, channelJson, fastSession, modelUntil, next, startLocalAri, withDeadline, assertNoSecrets, failOnUnhandledRejections } from './helpers';

failOnUnhandledRejections();

function sorted(ids: Iterable<string>): string[] {
  return [...ids].sort();
}

/** The model holds exactly what REST says now: same ids, same objects (no old id mixed in). */
async function assertModelMatchesRest(session: AriSession): Promise<void> {
  const [channels, bridges] = await Promise.all([session.rest.channels.list(), session.rest.bridges.list()]);
  assert.deepEqual(sorted(session.model.channels.keys()), sorted(channels.map((c) => c.id)), 'channel ids');
  assert.deepEqual(sorted(session.model.bridges.keys()), sorted(bridges.map((b) => b.id)), 'bridge ids');
  for (const c of channels) {
    const m = session.model.channels.get(c.id)!;
    assert.equal(m.name, c.name, `channel ${c.id} name`);
    assert.equal(m.creationtime, c.creationtime, `channel ${c.id} is the current one, not an old one with the same id`);
  }
}

function treeFor(session: AriSession): AriTree {
  const tree = new AriTree();
  tree.setSource({
    model: session.model,
    get info() {
      return session.info;
    },
    ownApp: 'fault-observer',
    loadModules: async () => [],
  });
  session.onModelChange((c) => tree.applyChange(c));
  return tree;
}

function channelLabels(tree: AriTree): string[] {
  const cat = tree.roots().find((n) => n.id === 'channels')!;
  const kids = tree.children(cat) as AriNode[];
  // The names the rows show (a row's label leads with the name's unique tail); no empty-state hint.
  return kids
    .filter((n) => n.kind === 'channel')
    .map((n) => (tree.view(n), String(n.name)))
    .sort();
}

test('socket dropped mid-stream: reconnects, resyncs, the model equals REST and events flow again', async () => {
  const sim = await startSimulator({ port: 0, user: USER, password: PASSWORD, endpoints: false });
  const { session, log } = fastSession(sim.url);
  const tree = treeFor(session);
  const states: SocketState['kind'][] = [];
  session.onState((s) => states.push(s.kind));
  try {
    await session.start();
    const a = await sim.originateFromCli('Local/100@default', { context: 'default', exten: '100' });
    await modelUntil(session, () => session.model.channels.has(a), 5000, 'the first call');
    // A stream in full flow (ChannelVarset of a channel REST does not know), cut in the middle.
    let seen = 0;
    const midStream = next(session.onEvents, (r) => (seen += r.length) > 200, 10_000, 'part of the burst');
    const burst = sim.faults.burst(20_000);
    await midStream;
    const reopened = next(session.socket.onOpen, (o) => o.reconnect, 10_000, 'the reconnect');
    sim.faults.dropSockets();
    await reopened;
    await burst;
    // The resync after the reopen replaces the model: the burst's phantom channel goes.
    await modelUntil(session, () => [...session.model.channels.values()].every((c) => !c.id.endsWith('.9999')), 10_000, 'the resync');
    await assertModelMatchesRest(session);
    assert.ok(states.includes('reconnecting'), states.join());
    assert.equal(session.state.kind, 'open');
    // Events after the reconnect reach the model and the tree.
    const b = await sim.originateFromCli('Local/100@default', { context: 'default', exten: '100' });
    await modelUntil(session, () => session.model.channels.has(b), 5000, 'a call after the reconnect');
    await assertModelMatchesRest(session);
    assert.deepEqual(channelLabels(tree), sorted([...session.model.channels.values()].map((c) => c.name)));
  } finally {
    session.dispose();
    await sim.close();
  }
  assertNoSecrets(log.text(), 'session log');
});

test('server restart: ids start again, events were missed; the model and tree hold only the new ids', async () => {
  const sim = await startSimulator({ port: 0, user: USER, password: PASSWORD, endpoints: false });
  // Two apps with subscribeAll: every event arrives twice and is de-duplicated.
  const { session, log } = fastSession(sim.url, { apps: ['fault-observer', 'hello-world'] });
  const tree = treeFor(session);
  let releaseNotFound: () => void = () => undefined;
  try {
    await session.start();
    const old1 = await sim.originateFromCli('Local/1776@from-test', { app: 'Stasis', data: 'hello-world' });
    const old2 = await sim.originateFromCli('Local/100@default', { context: 'default', exten: '100' });
    await modelUntil(session, () => session.model.channels.has(old1) && session.model.channels.has(old2), 5000, 'calls before the restart');
    const before = new Map([...session.model.channels.values()].map((c) => [c.id, c.creationtime]));
    const bridge = await session.rest.bridges.create({ type: 'mixing' });
    await modelUntil(session, () => session.model.bridges.has(bridge.id), 5000, 'the bridge');
    assert.ok(before.size >= 3, `channels before: ${[...before.keys()].join()}`);

    // Hold the restart in its HTML-404 phase until the client has tried at least once there.
    const holdNotFound = new Promise<void>((r) => (releaseNotFound = r));
    const phases: string[] = [];
    const reconnectFailures = next(session.onState, (s) => s.kind === 'reconnecting' && s.error?.status === 404, 10_000, 'a 404 while ARI is not up');
    const restarted = sim.faults.restart({ closeDelayMs: 50, refusedMs: 50, holdNotFound, onPhase: (p) => phases.push(p) });
    const r404 = await reconnectFailures;
    assert.ok(r404.kind === 'reconnecting' && /ARI does not answer at this URL/.test(r404.error?.hint ?? ''), 'the 404 says what it is');
    releaseNotFound();
    await restarted;
    // After the restart: a new call, possibly with the very id an old channel had.
    await next(session.socket.onOpen, () => true, 10_000, 'the reopen').catch(() => undefined);
    await modelUntil(session, () => !session.model.bridges.has(bridge.id), 10_000, 'the resync after the restart');
    const fresh = await sim.originateFromCli('Local/100@default', { context: 'default', exten: '100' });
    await modelUntil(session, () => session.model.channels.has(fresh), 5000, 'the first call after the restart');
    assert.match(fresh, /\.0$/, 'the simulator restarted its id sequence (as Asterisk does, transcript 19)');
    await assertModelMatchesRest(session);
    for (const [id, created] of before) {
      const now = session.model.channels.get(id);
      assert.ok(!now || now.creationtime !== created, `old channel ${id} survived the restart`);
    }
    assert.deepEqual(channelLabels(tree), sorted([...session.model.channels.values()].map((c) => c.name)));
    assert.deepEqual(phases, ['closed', 'notFound', 'up']);
  } finally {
    releaseNotFound();
    session.dispose();
    await sim.close();
  }
  assertNoSecrets(log.text(), 'session log');
});

test('a server that closes cleanly again and again gets backoff, never a tight loop', async () => {
  const sockets: WebSocket[] = [];
  let snapshots = 0;
  const ari = await startLocalAri({
    rest: (path, _req, res) => {
      if (path.endsWith('/channels')) snapshots++;
      const body = path.endsWith('/channels') ? [channelJson('1.1')] : path.endsWith('/asterisk/info') ? {} : [];
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    },
    onSocket: (ws, n) => {
      sockets.push(ws);
      // The first socket stays until the test closes it; every later one is closed at once.
      if (n > 1) ws.close(1000, 'go away');
    },
  });
  const { session } = fastSession(ari.url, { socket: { backoff: { initialMs: 50, maxMs: 400 }, random: () => 0 } });
  const delays: number[] = [];
  session.onState((s) => {
    if (s.kind === 'reconnecting') delays.push(s.delayMs);
  });
  try {
    await session.start();
    assert.ok(session.model.channels.has('1.1'));
    const upgradesBefore = ari.upgrades;
    sockets[0].close(1000, 'bye');
    // Watch a fixed window: a tight loop would make hundreds of attempts in it.
    await new Promise((r) => setTimeout(r, 1000));
    const attempts = ari.upgrades - upgradesBefore;
    console.log(`# clean close: ${attempts} reconnect attempts in 1 s, delays ${delays.join(', ')} ms, ${snapshots} snapshots`);
    // Delays with random()=0 are base/2: 25, 50, 100, 200, 200... -> at most ~8 in 1 s.
    assert.ok(attempts >= 2, `it kept trying (${attempts})`);
    assert.ok(attempts <= 10, `no tight loop: ${attempts} attempts in the window`);
    assert.deepEqual(delays.slice(0, 5), [25, 50, 100, 200, 200], 'delays grow to the cap; a clean close does not reset them');
    // Each short-lived open resyncs at most once: REST is not hammered either.
    assert.ok(snapshots <= attempts + 2, `snapshots ${snapshots} for ${attempts} opens`);
    // The model keeps its last good state meanwhile.
    assert.ok(session.model.channels.has('1.1'));
  } finally {
    session.dispose();
    await ari.close();
  }
});

test('a half-open socket (no pong, no frames) is detected by the ping and reconnected', async () => {
  const ari = await startLocalAri({ autoPong: false });
  const { session } = fastSession(ari.url, { socket: { pingIntervalMs: 50, pongTimeoutMs: 50 } });
  try {
    await session.start();
    const s = await next(session.onState, (st) => st.kind === 'reconnecting', 5000, 'the ping timeout');
    assert.ok(s.kind === 'reconnecting' && s.error?.code === 'EPINGTIMEOUT', JSON.stringify(s));
    assert.match(s.error!.hint, /lost silently/);
    await next(session.socket.onOpen, (o) => o.reconnect, 5000, 'the reconnect');
  } finally {
    session.dispose();
    await ari.close();
  }
});

test('hostile frames: bad JSON, no type, unknown type, 10 MB, binary, events for ids never seen — skipped or absorbed, stream goes on', async () => {
  const sim = await startSimulator({ port: 0, user: USER, password: PASSWORD, endpoints: false });
  // The 10 MB frame takes a while on a loaded machine; a 200 ms pong timeout would drop the socket
  // and the resync would (rightly) forget never.2. Half-open detection has its own test.
  const { session, log } = fastSession(sim.url, { socket: { pingIntervalMs: 10_000, pongTimeoutMs: 10_000 } });
  const states: string[] = [];
  session.onState((s) => states.push(s.kind));
  const store = new EventStore(1000);
  const active = new Emitter<AriSession | undefined>();
  const feed = new LiveFeed(
    {
      get active() {
        return session;
      },
      onDidChangeActive: active.event,
    },
    store,
    () => undefined,
  );
  const tree = treeFor(session);
  try {
    await session.start();
    const known = await sim.originateFromCli('Local/100@default', { context: 'default', exten: '100' });
    await modelUntil(session, () => session.model.channels.has(known), 5000, 'a known call');
    const modelBefore = sorted(session.model.channels.keys());
    states.length = 0; // from here on, the socket must stay up
    const malformedBefore = session.socket.stats.malformed;
    const appliedBadBefore = session.model.malformedEvents;

    const bad = [
      '{not json',
      '',
      'null',
      '[1,2,3]',
      '"a string"',
      '{"no":"type"}',
      '{"type":42}',
      `{"type":"ChannelCreated","channel":${JSON.stringify(channelJson('x'))}`, // cut short
      '\u0000\u0001 binary-ish garbage \uFFFD',
      `{"type":"BigEvent","payload":"${'x'.repeat(10 * 1024 * 1024)}"}`, // 10 MB: over the 8 MiB limit
    ];
    for (const f of bad) sim.faults.sendRaw(f);
    // Typed but absurd: unknown types and events about things never seen.
    const stamp = '2026-11-30T22:33:09.000+0000';
    const odd = [
      { type: 'NoSuchEventType', timestamp: stamp, application: 'fault-observer', whatever: { deep: [1, 2] } },
      { type: 'ChannelDestroyed', timestamp: stamp, application: 'fault-observer', cause: 16, cause_txt: 'Normal', channel: channelJson('never.1') },
      { type: 'BridgeDestroyed', timestamp: stamp, application: 'fault-observer', bridge: { id: 'no-such-bridge', channels: [] } },
      {
        type: 'ChannelLeftBridge',
        timestamp: stamp,
        application: 'fault-observer',
        bridge: { id: 'no-such-bridge', channels: [] },
        channel: channelJson('never.2'),
      },
      {
        type: 'PlaybackFinished',
        timestamp: stamp,
        application: 'fault-observer',
        playback: { id: 'no-such-playback', target_uri: 'channel:never.3', state: 'done', media_uri: 'sound:x', language: 'en' },
      },
      {
        type: 'RecordingFailed',
        timestamp: stamp,
        application: 'fault-observer',
        recording: { name: 'no-such-rec', target_uri: 'channel:never.4', state: 'failed', format: 'wav' },
      },
      { type: 'StasisEnd', timestamp: stamp, application: 'fault-observer' }, // no channel at all
      { type: 'ChannelStateChange', timestamp: stamp, application: 'fault-observer', channel: null },
      { type: 'ChannelVarset', timestamp: stamp, application: 'fault-observer', variable: 'X', value: 'y', channel: { id: 42 } },
      { type: 'DeviceStateChanged', timestamp: stamp, application: 'fault-observer', device_state: {} },
      { type: 'BridgeMerged', timestamp: stamp, application: 'fault-observer', bridge: null, bridge_from: null },
    ];
    for (const e of odd) sim.faults.sendRaw(JSON.stringify(e));
    sim.faults.sendRaw(Buffer.from([0xff, 0x00, 0x10]).toString('latin1'));
    // A marker after the garbage: once it is in, everything before it was handled.
    const marker = await sim.originateFromCli('Local/100@default', { context: 'default', exten: '100' });
    await modelUntil(session, () => session.model.channels.has(marker), 10_000, 'a real event after the garbage');

    assert.equal(session.state.kind, 'open', 'the socket is open');
    assert.deepEqual(states, [], 'the socket was never dropped');
    const skipped = session.socket.stats.malformed - malformedBefore;
    assert.ok(skipped >= 9, `frames skipped: ${skipped}`);
    // Events that only name an id never seen (destroyed, finished, failed) invent nothing. A
    // channel event carrying a whole, valid channel teaches the model that channel (by design:
    // a subscribeAll observer meets channels mid-life); the next resync corrects it.
    const added = sorted(session.model.channels.keys()).filter((id) => !modelBefore.includes(id));
    assert.deepEqual(
      added.filter((id) => !id.startsWith(marker.split('.')[0])),
      ['never.2'],
      `added: ${added.join()}`,
    );
    for (const id of ['never.1', 'never.3', '42']) assert.ok(!session.model.channels.has(id), id);
    assert.ok(
      [...session.model.channels.keys()].every((id) => typeof id === 'string'),
      'no non-string ids',
    );
    assert.ok(!session.model.bridges.has('no-such-bridge'));
    assert.ok(!session.model.playbacks.has('no-such-playback'));
    assert.ok(session.model.malformedEvents - appliedBadBefore >= 3, 'events missing their fields were counted, not thrown');
    // The panel's store took the typed ones without choking; the 10 MB frame is not in it.
    assert.ok(store.size > 0);
    for (let n = store.firstN; n < store.nextN; n++) assert.ok(store.get(n)!.json.length < 1024 * 1024);
    // The log names the skipped frames but never carries a 10 MB line.
    const lines = log.lines.filter((l) => l.includes('skipped a frame'));
    assert.ok(lines.length >= 9, `log lines: ${lines.length}`);
    assert.ok(
      lines.some((l) => /frame of \d{8} bytes is too large/.test(l)),
      'the 10 MB frame was skipped as too large',
    );
    for (const l of log.lines) assert.ok(l.length < 2000, `a log line of ${l.length} chars`);
    assert.deepEqual(channelLabels(tree), sorted([...session.model.channels.values()].map((c) => c.name)));
    await session.resync();
    await assertModelMatchesRest(session);
    assert.deepEqual(channelLabels(tree), sorted([...session.model.channels.values()].map((c) => c.name)));
  } finally {
    feed.dispose();
    session.dispose();
    await sim.close();
  }
});

test('a handshake that never answers times out; start() rejects instead of hanging', async () => {
  const ari = await startLocalAri({ accept: () => 'hang' });
  const { session } = fastSession(ari.url, { connection: { url: ari.url, username: USER, password: PASSWORD, timeoutMs: 150 } });
  try {
    const err = await withDeadline(
      session.start().then(
        () => undefined,
        (e: unknown) => e as Error & { code?: string },
      ),
      5000,
      'start() to give up',
    );
    assert.ok(err, 'start() rejected');
    assert.ok(ari.upgrades >= 1);
    assert.equal(session.state.kind, 'closed', 'nothing keeps retrying behind the user after a failed start');
  } finally {
    session.dispose();
    await ari.close();
  }
});
