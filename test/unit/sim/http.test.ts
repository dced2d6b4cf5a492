// REST surface: auth (Basic, api_key, 401 with WWW-Authenticate), prefix, routing errors,
// stored recording bytes, the PJSIP endpoints, device states never 404.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSimulator, type Simulator } from '../../../tools/ari-sim/index';
import { call, EventSocket, obj } from './helpers';

let sim: Simulator;
before(async () => {
  sim = await startSimulator({ port: 0, timeScale: 0.05, endpoints: true });
});
after(async () => {
  await sim.close();
});

test('auth: Basic and api_key pass; wrong credentials get 401 JSON with WWW-Authenticate', async () => {
  assert.equal((await call(sim.url, 'GET', '/asterisk/ping')).status, 200);
  assert.equal((await call(sim.url, 'GET', '/asterisk/ping', { auth: null, query: { api_key: 'test:test_password' } })).status, 200);
  const bad = await call(sim.url, 'GET', '/asterisk/info', { auth: 'Basic ' + Buffer.from('test:nope').toString('base64') });
  assert.equal(bad.status, 401);
  assert.deepEqual(bad.body, { message: 'Authentication required' });
  assert.match(bad.headers.get('www-authenticate') ?? '', /^Basic realm=/);
});

test('routing errors: 404 Resource not found, 405 Invalid method, HTML 404 outside /ari', async () => {
  assert.deepEqual((await call(sim.url, 'GET', '/nope')).body, { message: 'Resource not found' });
  assert.equal((await call(sim.url, 'DELETE', '/asterisk/info')).status, 405);
  const res = await fetch(`${sim.url}/nope`);
  assert.equal(res.status, 404);
  assert.match(res.headers.get('content-type') ?? '', /text\/html/);
});

test('prefix: /asterisk/ari works, /ari is an HTML 404, Location stays unprefixed', async () => {
  const p = await startSimulator({ port: 0, prefix: '/asterisk', timeScale: 0.05 });
  try {
    assert.ok(p.url.endsWith('/asterisk'));
    assert.equal((await call(p.url, 'GET', '/asterisk/ping')).status, 200);
    const root = p.url.replace(/\/asterisk$/, '');
    assert.equal((await call(root, 'GET', '/asterisk/ping')).status, 404);
    const ws = await EventSocket.open(p.url, 'hello-world');
    const ch = obj((await call(p.url, 'POST', '/channels', { query: { endpoint: 'Local/100@default', app: 'hello-world' } })).body);
    await ws.type('StasisStart');
    const play = await call(p.url, 'POST', `/channels/${ch.id}/play`, { query: { media: 'sound:beep' } });
    assert.equal(play.status, 201);
    assert.match(play.headers.get('location') ?? '', /^\/ari\/playbacks\//);
    await ws.close();
  } finally {
    await p.close();
  }
});

test('stored recording file is WAV audio bytes', async () => {
  const ws = await EventSocket.open(sim.url, 'rec-app');
  const ch = obj((await call(sim.url, 'POST', '/channels', { query: { endpoint: 'Local/102@default', app: 'rec-app' } })).body);
  await ws.type('StasisStart');
  const rec = await call(sim.url, 'POST', `/channels/${ch.id}/record`, { query: { name: 'unit-rec', format: 'wav', ifExists: 'overwrite' } });
  assert.equal(rec.status, 201);
  await ws.type('RecordingStarted');
  assert.equal((await call(sim.url, 'POST', '/recordings/live/unit-rec/stop')).status, 204);
  await ws.type('RecordingFinished');
  const file = await fetch(`${sim.url}/ari/recordings/stored/unit-rec/file`, {
    headers: { Authorization: 'Basic ' + Buffer.from('test:test_password').toString('base64') },
  });
  assert.equal(file.status, 200);
  assert.equal(file.headers.get('content-type'), 'audio/wav');
  const bytes = Buffer.from(await file.arrayBuffer());
  assert.equal(bytes.subarray(0, 4).toString(), 'RIFF');
  assert.equal((await call(sim.url, 'POST', `/channels/${ch.id}/record`, { query: { name: 'x' } })).status, 422);
  await call(sim.url, 'DELETE', `/channels/${ch.id}`);
  await ws.close();
});

test('endpoints: PJSIP alice/bob online, carol offline; device state GET never 404', async () => {
  const list = (await call(sim.url, 'GET', '/endpoints')).body as { resource: string; state: string }[];
  assert.deepEqual(
    list.map((e) => `${e.resource}:${e.state}`),
    ['alice:online', 'bob:online', 'carol:offline'],
  );
  assert.equal((await call(sim.url, 'GET', '/endpoints/PJSIP/carol')).status, 200);
  assert.equal((await call(sim.url, 'GET', '/endpoints/Local')).status, 404);
  assert.deepEqual((await call(sim.url, 'GET', '/deviceStates/Stasis:never-set')).body, { name: 'Stasis:never-set', state: 'UNKNOWN' });
  assert.equal(obj((await call(sim.url, 'GET', '/deviceStates/Local:100@default')).body).state, 'INVALID');
});

test('originate to PJSIP/carol (offline) fails; to alice rings then answers into Stasis', async () => {
  const ws = await EventSocket.open(sim.url, 'pjsip-app');
  const carol = obj((await call(sim.url, 'POST', '/channels', { query: { endpoint: 'PJSIP/carol', app: 'pjsip-app' } })).body);
  const gone = await ws.type('ChannelDestroyed', (e) => obj(e.channel).id === carol.id);
  assert.equal(gone.cause, 20);
  const alice = obj((await call(sim.url, 'POST', '/channels', { query: { endpoint: 'PJSIP/alice', app: 'pjsip-app' } })).body);
  assert.match(String(alice.name), /^PJSIP\/alice-[0-9a-f]{8}$/);
  await ws.type('StasisStart', (e) => obj(e.channel).id === alice.id);
  await call(sim.url, 'DELETE', `/channels/${alice.id}`);
  await ws.close();
});
