// Real-server behaviours from the transcripts' README, checked with fresh ids and values.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSimulator, type Simulator } from '../../../tools/ari-sim/index';
import { call, channelOf, EventSocket, obj } from './helpers';

let sim: Simulator;
before(async () => {
  sim = await startSimulator({ port: 0, timeScale: 0.05 });
});
after(async () => {
  await sim.close();
});

const originate = async (query: Record<string, string>): Promise<Record<string, unknown>> => obj((await call(sim.url, 'POST', '/channels', { query })).body);

test('Local pair: ;2 enters Stasis from the dialplan; the firehose gets no StasisStart for it', async () => {
  const fire = await EventSocket.open(sim.url, 'watch-1', '&subscribeAll=true');
  const app = await EventSocket.open(sim.url, 'hello-world');
  const one = await originate({ endpoint: 'Local/1776@from-test', extension: '100', context: 'default', callerId: '"Zed" <777>' });
  assert.match(String(one.name), /;1$/);
  const start = await app.type('StasisStart');
  assert.match(String(channelOf(start).name), /;2$/);
  await fire.type('ChannelVarset', (e) => e.variable === 'STASISSTATUS' && e.value === '');
  // hangup reason goes to the other half's hard request and both ChannelDestroyed
  assert.equal((await call(sim.url, 'DELETE', `/channels/${channelOf(start).id}`, { query: { reason: 'congestion' } })).status, 204);
  const hard = await fire.type('ChannelHangupRequest', (e) => channelOf(e).id === one.id && !('soft' in e));
  assert.equal(hard.cause, 34);
  const destroyed = await fire.type('ChannelDestroyed', (e) => channelOf(e).id === one.id);
  assert.equal(destroyed.cause_txt, 'Circuit/channel congestion');
  const soft = await app.type('ChannelHangupRequest');
  assert.deepEqual([soft.cause, soft.soft], [32, true]);
  assert.equal(fire.count('StasisStart'), 0);
  await app.close();
  await fire.close();
});

test('a channel only enters an app that has a socket: Stasis(other-app) fails and hangs up', async () => {
  const fire = await EventSocket.open(sim.url, 'watch-2', '&subscribeAll=true');
  const one = await originate({ endpoint: 'Local/1777@from-test', extension: '100', context: 'default' });
  await fire.type('ChannelVarset', (e) => e.variable === 'STASISSTATUS' && e.value === 'FAILED');
  await fire.type('ChannelDestroyed', (e) => channelOf(e).id === one.id);
  await fire.close();
});

test('originate to a missing extension: 200, then both halves destroyed with cause 0', async () => {
  const app = await EventSocket.open(sim.url, 'app-3');
  const one = await originate({ endpoint: 'Local/4242@nowhere', app: 'app-3' });
  const d = await app.type('ChannelDestroyed', (e) => channelOf(e).id === one.id);
  assert.deepEqual([d.cause, d.cause_txt], [0, 'Unknown']);
  assert.equal(app.count('ChannelHangupRequest'), 0);
  assert.equal(app.count('StasisStart'), 0);
  await app.close();
});

test('DELETE reason validation: both -> 400, bogus -> 400, unknown channel -> 404 first', async () => {
  const app = await EventSocket.open(sim.url, 'app-4');
  const ch = await originate({ endpoint: 'Local/100@default', app: 'app-4' });
  await app.type('StasisStart');
  assert.equal((await call(sim.url, 'DELETE', `/channels/${ch.id}`, { query: { reason: 'busy', reason_code: '17' } })).status, 400);
  assert.equal((await call(sim.url, 'DELETE', `/channels/${ch.id}`, { query: { reason: 'bogus' } })).status, 400);
  assert.equal((await call(sim.url, 'DELETE', '/channels/nope', { query: { reason: 'bogus' } })).status, 404);
  assert.equal((await call(sim.url, 'DELETE', `/channels/${ch.id}`, { query: { reason_code: '21' } })).status, 204);
  const d = await app.type('ChannelDestroyed', (e) => channelOf(e).id === ch.id);
  assert.equal(d.cause, 21);
  await app.close();
});

test('a second socket for the same app replaces the first (ApplicationReplaced)', async () => {
  const first = await EventSocket.open(sim.url, 'dup-x');
  const second = await EventSocket.open(sim.url, 'dup-x');
  const ev = await first.type('ApplicationReplaced');
  assert.equal(ev.application, 'dup-x');
  await second.close();
  await first.close();
});

test('playback: queued response, Started/Finished, missing sound fails, several media continue', async () => {
  const app = await EventSocket.open(sim.url, 'app-6');
  const ch = await originate({ endpoint: 'Local/100@default', app: 'app-6' });
  await app.type('StasisStart');
  const play = await call(sim.url, 'POST', `/channels/${ch.id}/play`, { query: { media: 'sound:tt-monkeys,sound:beep' } });
  assert.equal(obj(play.body).state, 'queued');
  await app.type('PlaybackContinuing');
  const fin = await app.type('PlaybackFinished', (e) => obj(e.playback).id === obj(play.body).id);
  assert.equal(obj(fin.playback).media_uri, 'sound:beep');
  const miss = await call(sim.url, 'POST', `/channels/${ch.id}/play`, { query: { media: 'sound:not-there' } });
  const failed = await app.type('PlaybackFinished', (e) => obj(e.playback).id === obj(miss.body).id);
  assert.equal(obj(failed.playback).state, 'failed');
  assert.equal((await call(sim.url, 'POST', `/channels/${ch.id}/play`)).status, 500);
  await call(sim.url, 'DELETE', `/channels/${ch.id}`);
  await app.close();
});

test('device states: re-PUT of the same state and DELETE emit nothing; invalid state is 500', async () => {
  const app = await EventSocket.open(sim.url, 'app-7');
  await call(sim.url, 'POST', '/applications/app-7/subscription', { query: { eventSource: 'deviceState:Stasis:lamp' } });
  await call(sim.url, 'PUT', '/deviceStates/Stasis:lamp', { query: { deviceState: 'inuse' } });
  await app.type('DeviceStateChanged');
  await call(sim.url, 'PUT', '/deviceStates/Stasis:lamp', { query: { deviceState: 'INUSE' } });
  assert.equal((await call(sim.url, 'PUT', '/deviceStates/Stasis:lamp', { query: { deviceState: 'NOPE' } })).status, 500);
  assert.equal((await call(sim.url, 'DELETE', '/deviceStates/Stasis:lamp')).status, 204);
  assert.equal((await call(sim.url, 'DELETE', '/deviceStates/Stasis:lamp')).status, 204);
  await call(sim.url, 'PUT', '/deviceStates/Stasis:lamp', { query: { deviceState: 'BUSY' } });
  const busy = await app.type('DeviceStateChanged', (e) => obj(e.device_state).state === 'BUSY');
  assert.ok(busy);
  assert.equal(app.count('DeviceStateChanged'), 2);
  assert.equal((await call(sim.url, 'PUT', '/deviceStates/PJSIP:x', { query: { deviceState: 'BUSY' } })).status, 409);
  await app.close();
});

test('event filter: disallowed list keeps allowed; {} resets; user events are ChannelUserevent', async () => {
  const app = await EventSocket.open(sim.url, 'app-8');
  await call(sim.url, 'PUT', '/applications/app-8/eventFilter', { body: { allowed: [{ type: 'ChannelUserevent' }] } });
  const f = obj((await call(sim.url, 'PUT', '/applications/app-8/eventFilter', { body: { disallowed: [{ type: 'StasisStart' }] } })).body);
  assert.equal((f.events_allowed as unknown[]).length, 1);
  const ch = await originate({ endpoint: 'Local/100@default', app: 'app-8' });
  assert.equal(
    (await call(sim.url, 'POST', '/events/user/ping-me', { query: { application: 'app-8', source: `channel:${ch.id}` }, body: { variables: { k: 'v' } } }))
      .status,
    204,
  );
  const ue = await app.type('ChannelUserevent');
  assert.deepEqual(ue.userevent, { k: 'v', eventname: 'ping-me' });
  assert.equal(
    app.events.some((e) => e.type !== 'ChannelUserevent'),
    false,
  );
  const reset = obj((await call(sim.url, 'PUT', '/applications/app-8/eventFilter', { body: {} })).body);
  assert.deepEqual([reset.events_allowed, reset.events_disallowed], [[], []]);
  await call(sim.url, 'DELETE', `/channels/${ch.id}`);
  await app.type('ChannelDestroyed');
  await app.close();
});

test('bridges: the app learns of an ARI bridge from ChannelEnteredBridge; BridgeDestroyed only when empty', async () => {
  const fire = await EventSocket.open(sim.url, 'watch-9', '&subscribeAll=true');
  const app = await EventSocket.open(sim.url, 'app-9');
  const a = await originate({ endpoint: 'Local/100@default', app: 'app-9' });
  const b = await originate({ endpoint: 'Local/100@default', app: 'app-9' });
  await app.next(() => app.count('StasisStart') >= 2);
  const br = obj((await call(sim.url, 'POST', '/bridges', { query: { type: 'mixing' } })).body);
  await call(sim.url, 'POST', `/bridges/${br.id}/addChannel`, { query: { channel: `${a.id},${b.id}` } });
  await app.next(() => app.count('ChannelEnteredBridge') >= 2);
  assert.equal(app.count('BridgeCreated'), 0);
  await fire.type('BridgeCreated');
  await call(sim.url, 'DELETE', `/bridges/${br.id}`);
  await app.next(() => app.count('ChannelLeftBridge') >= 2);
  await fire.type('BridgeDestroyed');
  assert.equal(app.count('BridgeDestroyed'), 0);
  await call(sim.url, 'DELETE', `/channels/${a.id}`);
  await call(sim.url, 'DELETE', `/channels/${b.id}`);
  await app.next(() => app.count('StasisEnd') >= 2);
  await app.close();
  await fire.close();
});
