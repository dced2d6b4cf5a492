import { afterEach, beforeEach, describe, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { AriSession, type EventRecord, type SessionOptions } from '../../../src/extension/connection/session';
import type { ModelChange } from '../../../src/extension/state/model';
import type { Event } from '../../../src/extension/util/emitter';
import { channel, ev, inStasis, playback } from '../state/fixtures';
import { FakeRest, FakeSocket } from './fakes';

const opts = (over: Partial<SessionOptions> = {}): SessionOptions => ({
  connection: { url: 'http://127.0.0.1:1', username: 'u', password: 'p' },
  apps: ['ari-explorer-test'],
  subscribeAll: true,
  ...over,
});

function make(over: Partial<SessionOptions> = {}): { s: AriSession; sock: FakeSocket; rest: FakeRest } {
  const sock = new FakeSocket();
  const rest = new FakeRest();
  const s = new AriSession(opts(over), { socket: sock.asSocket(), rest: rest.asRest(), now: () => 42 });
  return { s, sock, rest };
}

/** The next value an Event fires. */
function next<T>(event: Event<T>): Promise<T> {
  return new Promise((resolve) => {
    const d = event((v) => {
      d.dispose();
      resolve(v);
    });
  });
}

/** Collects every value an Event fires. */
function collect<T>(event: Event<T>): T[] {
  const out: T[] = [];
  event((v) => out.push(v));
  return out;
}

/** Lets pending promise callbacks run (the fake REST answers in microtasks). */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

async function started(over: Partial<SessionOptions> = {}): Promise<{ s: AriSession; sock: FakeSocket; rest: FakeRest }> {
  const m = make(over);
  m.rest.server.channels = [inStasis('A')];
  const p = m.s.start();
  m.sock.open();
  await p;
  return m;
}

describe('AriSession start', () => {
  test('resolves once the first snapshot is in the model, and reports it', async () => {
    const { s, sock, rest } = make();
    rest.server.channels = [inStasis('A'), channel('B')];
    const change = next(s.onModelChange);
    const p = s.start();
    assert.equal(sock.connects, 1);
    sock.open();
    await p;
    assert.deepEqual([...s.model.channels.keys()], ['A', 'B']);
    assert.deepEqual(
      s.model.channelsInApp('hello-world').map((c) => c.id),
      ['A'],
    );
    assert.equal(s.info?.status?.startup_time, 't0');
    assert.equal((await change).structural, true);
    s.dispose();
  });

  test('rejects when the first connection fails, and stops the socket', async () => {
    const { s, sock } = make();
    const p = s.start();
    const error = new Error('401 Authentication required');
    sock.setState({ kind: 'failed', error: error as never });
    await assert.rejects(p, /401/);
    assert.equal(sock.state.kind, 'closed');
    s.dispose();
  });

  test('rejects when the first attempt is refused (no silent retrying behind the user)', async () => {
    const { s, sock } = make();
    const p = s.start();
    sock.drop();
    await assert.rejects(p);
    assert.equal(sock.state.kind, 'closed');
    s.dispose();
  });

  test('rejects when the first snapshot fails, and stops the socket', async () => {
    const { s, sock, rest } = make();
    rest.hold = true;
    const p = s.start();
    sock.open();
    await rest.waitForHeld();
    rest.fail('GET /channels failed: 404 Not Found');
    await assert.rejects(p, /404/);
    assert.equal(sock.state.kind, 'closed');
    s.dispose();
  });

  test('passes socket states through', async () => {
    const { s, sock } = make();
    const states = collect(s.onState);
    const p = s.start();
    sock.open();
    await p;
    assert.deepEqual(
      states.map((x) => x.kind),
      ['connecting', 'open'],
    );
    s.dispose();
  });
});

describe('AriSession batching', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
  afterEach(() => mock.timers.reset());

  test('events reach the model at once and listeners once per batch window', async () => {
    const { s, sock } = await started({ batchMs: 100 });
    const batches = collect<EventRecord[]>(s.onEvents);
    const changes = collect<ModelChange>(s.onModelChange);
    sock.emit(ev.created(channel('X')));
    sock.emit(ev.state(channel('X', { state: 'Ringing' })));
    sock.emit(ev.state(channel('A', { state: 'Ringing', dialplan: inStasis('A').dialplan })));
    assert.equal(s.model.channels.get('X')?.state, 'Ringing', 'applied without waiting');
    mock.timers.tick(99);
    assert.equal(batches.length, 0);
    mock.timers.tick(1);
    assert.equal(batches.length, 1);
    assert.deepEqual(
      batches[0].map((r) => r.seq),
      [1, 2, 3],
    );
    assert.deepEqual(
      batches[0].map((r) => r.receivedAt),
      [42, 42, 42],
    );
    assert.equal(changes.length, 1);
    assert.deepEqual([...changes[0].changed.channel!].sort(), ['A', 'X']);
    assert.equal(changes[0].structural, true);
    s.dispose();
  });

  test('the window starts with the first event of a batch; later events do not push it back', async () => {
    const { s, sock } = await started({ batchMs: 100 });
    const batches = collect<EventRecord[]>(s.onEvents);
    sock.emit(ev.created(channel('X')));
    mock.timers.tick(60);
    sock.emit(ev.created(channel('Y')));
    mock.timers.tick(40);
    assert.equal(batches.length, 1);
    assert.equal(batches[0].length, 2);
    // The next event opens a new window.
    sock.emit(ev.created(channel('Z')));
    mock.timers.tick(99);
    assert.equal(batches.length, 1);
    mock.timers.tick(1);
    assert.deepEqual(
      batches.map((b) => b.length),
      [2, 1],
    );
    s.dispose();
  });

  test('trackPlayback (on the session or its model) reaches listeners in the next batch', async () => {
    const { s } = await started({ batchMs: 100 });
    const changes = collect<ModelChange>(s.onModelChange);
    s.model.trackPlayback(playback('p1', 'channel:A'));
    s.trackPlayback(playback('p2', 'channel:A'));
    mock.timers.tick(100);
    assert.equal(changes.length, 1);
    assert.deepEqual([...changes[0].changed.playback!], ['p1', 'p2']);
    s.dispose();
  });

  test('a failed snapshot keeps the model, applies held events, and retries', async () => {
    const { s, sock, rest } = await started({ resyncRetryMs: 500 });
    rest.hold = true;
    sock.open(true);
    await rest.waitForHeld();
    sock.emit(ev.created(channel('X')));
    assert.equal(s.model.channels.has('X'), false, 'held while the snapshot is in flight');
    rest.fail();
    await settle();
    assert.deepEqual([...s.model.channels.keys()].sort(), ['A', 'X']);
    rest.server.channels = [channel('N')];
    mock.timers.tick(500);
    await rest.waitForHeld();
    rest.release();
    await settle();
    assert.deepEqual([...s.model.channels.keys()], ['N']);
    s.dispose();
  });

  test('reconcile re-snapshots periodically while open', async () => {
    const { s, rest } = await started({ reconcileMs: 1000 });
    assert.equal(rest.snapshots, 1);
    rest.server.channels = [];
    mock.timers.tick(1000);
    await settle();
    assert.equal(rest.snapshots, 2);
    assert.equal(s.model.channels.size, 0);
    mock.timers.tick(1000);
    await settle();
    assert.equal(rest.snapshots, 3);
    s.dispose();
  });
});

describe('AriSession resync', () => {
  test('events that arrive during the snapshot are applied after the reset', async () => {
    const { s, sock, rest } = make();
    rest.server.channels = [inStasis('A')];
    rest.hold = true;
    const p = s.start();
    sock.open();
    await rest.waitForHeld();
    sock.emit(ev.created(channel('X')));
    sock.emit(ev.stasisStart(inStasis('A'), 'hello-world', ['late']));
    assert.equal(s.model.channels.size, 0);
    rest.release();
    await p;
    assert.deepEqual([...s.model.channels.keys()].sort(), ['A', 'X']);
    assert.deepEqual(s.model.channels.get('A')?.appArgs, ['late']);
    s.dispose();
  });

  test('a reconnect replaces the whole model; what was held before the open is dropped', async () => {
    const { s, sock, rest } = await started();
    assert.ok(s.model.channels.has('A'));
    rest.hold = true;
    sock.drop();
    sock.open(true);
    await rest.waitForHeld();
    sock.emit(ev.created(channel('stale')));
    // Dropped again before that snapshot answered: a second open, a second snapshot.
    sock.drop();
    sock.open(true);
    sock.emit(ev.created(channel('1796078125.0')));
    rest.server.channels = [inStasis('1796078125.1')]; // ids start again after a restart
    rest.release(); // the first (superseded) snapshot: ignored
    const done = s.resync(); // joins the newest
    await settle();
    assert.ok(s.model.channels.has('A'), 'superseded snapshot not installed');
    rest.release();
    rest.release();
    await done;
    assert.deepEqual([...s.model.channels.keys()].sort(), ['1796078125.0', '1796078125.1']);
    s.dispose();
  });

  test('known playbacks and live recordings are checked over REST', async () => {
    const { s, rest } = await started();
    s.trackPlayback(playback('kept', 'channel:A'));
    s.trackPlayback(playback('gone', 'channel:A'));
    rest.server.playbacks.set('kept', playback('kept', 'channel:A', 'playing'));
    await s.resync();
    assert.deepEqual([...s.model.playbacks.keys()], ['kept']);
    assert.equal(s.model.playbacks.get('kept')?.state, 'playing');
    s.dispose();
  });

  test('a playback tracked while a snapshot is in flight survives the reset', async () => {
    const { s, rest } = await started();
    rest.hold = true;
    const done = s.resync();
    await rest.waitForHeld();
    s.trackPlayback(playback('new', 'channel:A'));
    rest.release();
    await done;
    assert.deepEqual([...s.model.playbacks.keys()], ['new']);
    s.dispose();
  });

  test('dispose closes the socket and the REST client; nothing fires afterwards', async () => {
    const { s, sock, rest } = await started();
    const batches = collect(s.onEvents);
    s.dispose();
    assert.ok(sock.disposed);
    assert.ok(rest.disposed);
    sock.emit(ev.created(channel('X')));
    await settle();
    assert.equal(batches.length, 0);
    await s.resync(); // a no-op after dispose
  });
});
