// Fault controls: drop (1006), clean close, restart phases and id reset, latency, failing
// requests, raw frames, bursts, password change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSimulator, type Simulator } from '../../../tools/ari-sim/index';
import { call, EventSocket, obj } from './helpers';

let sim: Simulator;
before(async () => {
  sim = await startSimulator({ port: 0, timeScale: 0.05 });
});
after(async () => {
  await sim.close();
});

test('dropSockets closes with 1006 (no close frame); closeSockets uses the given code', async () => {
  const a = await EventSocket.open(sim.url, 'fault-a');
  sim.faults.dropSockets();
  assert.equal(await a.closed, 1006);
  const b = await EventSocket.open(sim.url, 'fault-b');
  sim.faults.closeSockets(1001);
  assert.equal(await b.closed, 1001);
});

test('restart: Stasis channels get cause 4 + StasisEnd, socket 1006, refused, HTML 404, then ids from .0', async () => {
  const ws = await EventSocket.open(sim.url, 'hello-world');
  await call(sim.url, 'POST', '/channels', { query: { endpoint: 'Local/1776@from-test', extension: '100', context: 'default' } });
  const start = await ws.type('StasisStart');
  const before = obj((await call(sim.url, 'GET', '/asterisk/info', { query: { only: 'status' } })).body);
  const seen: string[] = [];
  let release: () => void = () => undefined;
  const hold = new Promise<void>((r) => (release = r));
  let inNotFound: () => void = () => undefined;
  const notFound = new Promise<void>((r) => (inNotFound = r));
  let closedPhase: () => void = () => undefined;
  const closed = new Promise<void>((r) => (closedPhase = r));
  const done = sim.faults.restart({
    closeDelayMs: 10,
    refusedMs: 50,
    holdNotFound: hold,
    onPhase: (p) => {
      seen.push(p);
      if (p === 'closed') closedPhase();
      if (p === 'notFound') inNotFound();
    },
  });
  const hup = await ws.type('ChannelHangupRequest');
  assert.equal(hup.cause, 4);
  assert.equal(hup.soft, true);
  await ws.type('StasisEnd');
  assert.equal(await ws.closed, 1006);
  await closed;
  await assert.rejects(fetch(`${sim.url}/ari/asterisk/ping`));
  await notFound;
  const html = await fetch(`${sim.url}/ari/asterisk/ping`);
  assert.equal(html.status, 404);
  assert.match(html.headers.get('content-type') ?? '', /html/);
  release();
  await done;
  assert.deepEqual(seen, ['closed', 'notFound', 'up']);
  assert.deepEqual((await call(sim.url, 'GET', '/channels')).body, []);
  assert.equal((await call(sim.url, 'GET', `/channels/${obj(start.channel).id}`)).status, 404);
  const after = obj((await call(sim.url, 'GET', '/asterisk/info', { query: { only: 'status' } })).body);
  assert.notEqual(obj(after.status).startup_time, obj(before.status).startup_time);
  const again = await EventSocket.open(sim.url, 'hello-world');
  const ch = obj((await call(sim.url, 'POST', '/channels', { query: { endpoint: 'Local/1776@from-test', extension: '100', context: 'default' } })).body);
  assert.match(String(ch.id), /\.0$/);
  assert.match(String(ch.name), /-00000000;1$/);
  await again.type('StasisStart');
  await call(sim.url, 'DELETE', `/channels/${ch.id}`);
  await again.close();
});

test('failRequests answers the next N requests with the status; latency still answers', async () => {
  sim.faults.failRequests(2, 500);
  assert.equal((await call(sim.url, 'GET', '/asterisk/ping')).status, 500);
  assert.equal((await call(sim.url, 'GET', '/asterisk/ping')).status, 500);
  assert.equal((await call(sim.url, 'GET', '/asterisk/ping')).status, 200);
  sim.faults.setLatency(30);
  // answered after the latency: a request is still in flight when an immediate check runs
  let answered = false;
  const p = call(sim.url, 'GET', '/asterisk/ping').then((r) => ((answered = true), r));
  await new Promise((r) => setImmediate(r));
  assert.equal(answered, false);
  assert.equal((await p).status, 200);
  sim.faults.setLatency(0);
});

test('sendRaw delivers malformed, unknown and 10 MB frames; burst sends N realistic events', async () => {
  const ws = await EventSocket.open(sim.url, 'raw-app');
  sim.faults.sendRaw('{not json');
  sim.faults.sendRaw(JSON.stringify({ type: 'NoSuchEvent', timestamp: '2026-01-01T00:00:00.000+0000' }));
  sim.faults.sendRaw('x'.repeat(10 * 1024 * 1024));
  await ws.next((e) => e.type === '_unparseable' && ws.raw.some((r) => r.length >= 10 * 1024 * 1024));
  assert.equal(ws.events[0].type, '_unparseable');
  assert.equal(ws.events[1].type, 'NoSuchEvent');
  await sim.faults.burst(500);
  await ws.next(() => ws.count('ChannelVarset') >= 500);
  const sizes = ws.raw.slice(3).map((r) => r.length);
  assert.ok(
    sizes.every((n) => n > 500 && n < 900),
    'events are ~700 bytes pretty-printed like Asterisk',
  );
  await ws.close();
});

test('setPassword: the old password is refused', async () => {
  sim.faults.setPassword('new-secret');
  assert.equal((await call(sim.url, 'GET', '/asterisk/ping')).status, 401);
  assert.equal((await call(sim.url, 'GET', '/asterisk/ping', { auth: 'Basic ' + Buffer.from('test:new-secret').toString('base64') })).status, 200);
  sim.faults.setPassword('test_password');
});
