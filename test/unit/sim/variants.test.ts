// Held-out variants: other ids, names, sounds and bad parameters in other positions than the
// transcripts. Each expectation follows the order of checks in Asterisk 22.10.1's source (the
// function named in the comment), not a recorded value.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSimulator, type Simulator } from '../../../tools/ari-sim/index';
import { call, channelOf, EventSocket, obj, type CallResult, type JsonValue } from './helpers';

let sim: Simulator;
before(async () => {
  // time scale 1: playbacks must still be playing when the control requests arrive
  sim = await startSimulator({ port: 0, timeScale: 1 });
});
after(async () => {
  await sim.close();
});

type Query = Record<string, string | number>;
const req = (method: string, path: string, query: Query = {}, body?: JsonValue): Promise<CallResult> =>
  call(sim.url, method, path, { query, body });

async function expectError(res: Promise<CallResult>, status: number, message: string): Promise<void> {
  const r = await res;
  assert.equal(r.status, status, `${r.status} ${r.text}`);
  assert.deepEqual(r.body, { message });
}

let seq = 0;
/** A socket for a fresh app and a channel of it in Stasis, answered (state Up). */
async function upChannel(prefix: string): Promise<{ app: string; ws: EventSocket; id: string }> {
  const app = `${prefix}-${++seq}`;
  const ws = await EventSocket.open(sim.url, app);
  const ch = obj((await req('POST', '/channels', { endpoint: 'Local/100@default', app })).body);
  const id = String(ch.id);
  await ws.type('StasisStart', (e) => channelOf(e).id === id);
  if (obj((await req('GET', `/channels/${id}`)).body).state !== 'Up') {
    await ws.type('ChannelStateChange', (e) => channelOf(e).id === id && channelOf(e).state === 'Up');
  }
  return { app, ws, id };
}

// ---------------------------------------------------------------- playbacks

test('playback control: the operation is checked before the playback is looked up', async () => {
  // ast_ari_playbacks_control: "Missing operation" / "Invalid operation %s" before stasis_app_playback_find_by_id
  await expectError(req('POST', '/playbacks/never-was-7/control', { operation: 'rewind' }), 400, 'Invalid operation rewind');
  await expectError(req('POST', '/playbacks/never-was-7/control'), 400, 'Missing operation');
  await expectError(req('POST', '/playbacks/never-was-7/control', { operation: 'PAUSE' }), 400, 'Invalid operation PAUSE');
  // ast_ari_playbacks_control: a valid operation on an unknown id is the lookup's 404
  await expectError(req('POST', '/playbacks/never-was-7/control', { operation: 'restart' }), 404, 'Playback not found');
});

test('playback control by state: queued, paused, playing (res_stasis_playback.c operations table)', async () => {
  const { ws, id } = await upChannel('pbstate');
  const first = await req('POST', `/channels/${id}/play/var-pb-first`, { media: 'tone:ring' });
  assert.equal(first.status, 201);
  await ws.type('PlaybackStarted', (e) => obj(e.playback).id === 'var-pb-first');
  const queued = await req('POST', `/channels/${id}/play/var-pb-queued`, { media: 'sound:tt-weasels' });
  assert.equal(obj(queued.body).state, 'queued');
  // operations[QUEUED]: only stop and restart (a no-op) have entries; the rest is OPER_NOT_PLAYING
  await expectError(req('POST', '/playbacks/var-pb-queued/control', { operation: 'pause' }), 409, 'Can only pause while media is playing');
  await expectError(req('POST', '/playbacks/var-pb-queued/control', { operation: 'forward' }), 409, 'Can only forward while media is playing');
  assert.equal((await req('POST', '/playbacks/var-pb-queued/control', { operation: 'restart' })).status, 204);
  // operations[PLAYING][UNPAUSE] = playback_noop
  assert.equal((await req('POST', '/playbacks/var-pb-first/control', { operation: 'unpause' })).status, 204);
  assert.equal((await req('POST', '/playbacks/var-pb-first/control', { operation: 'pause' })).status, 204);
  assert.equal(obj((await req('GET', '/playbacks/var-pb-first')).body).state, 'paused');
  // operations[PAUSED]: pause is a no-op, restart/reverse/forward have no entry
  assert.equal((await req('POST', '/playbacks/var-pb-first/control', { operation: 'pause' })).status, 204);
  await expectError(req('POST', '/playbacks/var-pb-first/control', { operation: 'restart' }), 409, 'Can only restart while media is playing');
  await expectError(req('POST', '/playbacks/var-pb-first/control', { operation: 'reverse' }), 409, 'Can only reverse while media is playing');
  assert.equal((await req('POST', '/playbacks/var-pb-first/control', { operation: 'unpause' })).status, 204);
  // playback_cancel: a queued playback DELETEd stays listed as "done" until its turn
  assert.equal((await req('DELETE', '/playbacks/var-pb-queued')).status, 204);
  assert.equal(obj((await req('GET', '/playbacks/var-pb-queued')).body).state, 'done');
  assert.equal((await req('DELETE', '/playbacks/var-pb-first')).status, 204);
  // playback_first_update publishes the canceled state: PlaybackFinished, never PlaybackStarted
  const fin = await ws.type('PlaybackFinished', (e) => obj(e.playback).id === 'var-pb-queued');
  assert.equal(obj(fin.playback).state, 'done');
  assert.equal(ws.events.filter((e) => e.type === 'PlaybackStarted' && obj(e.playback).id === 'var-pb-queued').length, 0);
  await expectError(req('GET', '/playbacks/var-pb-queued'), 404, 'Playback not found');
  await req('DELETE', `/channels/${id}`);
  await ws.close();
});

test('digits:/number:/characters: are not controllable: control and stop are 500', async () => {
  const { ws, id } = await upChannel('pbdigits');
  assert.equal((await req('POST', `/channels/${id}/play/var-pb-digits`, { media: 'digits:8675309' })).status, 201);
  await ws.type('PlaybackStarted', (e) => obj(e.playback).id === 'var-pb-digits');
  // playback_pause/playback_stop return -1 when !controllable -> STASIS_PLAYBACK_OPER_FAILED
  await expectError(req('POST', '/playbacks/var-pb-digits/control', { operation: 'pause' }), 500, 'Could not pause playback');
  await expectError(req('POST', '/playbacks/var-pb-digits/control', { operation: 'forward' }), 500, 'Could not forward playback');
  await expectError(req('DELETE', '/playbacks/var-pb-digits'), 500, 'Could not stop playback');
  // operations[PLAYING][UNPAUSE] is playback_noop, which does not look at controllable
  assert.equal((await req('POST', '/playbacks/var-pb-digits/control', { operation: 'unpause' })).status, 204);
  await req('DELETE', `/channels/${id}`);
  await ws.close();
});

test('multi-media: an unsupported scheme in the middle is skipped, a missing sound continues', async () => {
  const { ws, id } = await upChannel('pbmulti');
  const r = await req('POST', `/channels/${id}/play/var-pb-multi`, { media: 'sound:no-such-sound-9,bogus:x,sound:beep' });
  assert.equal(obj(r.body).next_media_uri, 'bogus:x');
  const fin = await ws.type('PlaybackFinished', (e) => obj(e.playback).id === 'var-pb-multi');
  assert.equal(obj(fin.playback).media_uri, 'sound:beep');
  assert.equal(obj(fin.playback).state, 'done');
  const seen = ws.events
    .filter((e) => String(e.type).startsWith('Playback') && obj(e.playback).id === 'var-pb-multi')
    .map((e) => `${String(e.type)} ${String(obj(e.playback).media_uri)}`);
  // play_on_channel: the failed sound gets a "continuing" final update; bogus: `continue`s with none
  assert.deepEqual(seen, [
    'PlaybackStarted sound:no-such-sound-9',
    'PlaybackContinuing sound:no-such-sound-9',
    'PlaybackStarted bogus:x',
    'PlaybackStarted sound:beep',
    'PlaybackFinished sound:beep',
  ]);
  await req('DELETE', `/channels/${id}`);
  await ws.close();
});

// ---------------------------------------------------------------- modules

test('modules: lookups match the base name, GET needs the exact name (main/loader.c)', async () => {
  // ast_ari_asterisk_get_module: ast_module_check fails -> 404
  await expectError(req('GET', '/asterisk/modules/res_no_such_thing.so'), 404, 'Module could not be found in running modules');
  // ast_module_check matches without ".so"; identify_module's strcmp does not -> 409
  await expectError(req('GET', '/asterisk/modules/app_dial'), 409, 'Module information could not be retrieved');
  assert.equal(obj((await req('GET', '/asterisk/modules/app_dial.so')).body).name, 'app_dial.so');
  // ast_ari_asterisk_load_module: ast_module_check (any spelling) -> "already loaded"
  await expectError(req('POST', '/asterisk/modules/APP_ECHO'), 409, 'Module is already loaded');
  // ast_load_resource -> load_dynamic_module finds no file -> AST_MODULE_LOAD_DECLINE
  await expectError(req('POST', '/asterisk/modules/res_no_such_thing.so'), 409, 'Module load declined');
  // ast_ari_asterisk_unload_module: unknown -> 404; soft unload of a module in use -> 409
  await expectError(req('DELETE', '/asterisk/modules/res_no_such_thing.so'), 404, 'Module not found in running modules');
  await expectError(req('DELETE', '/asterisk/modules/res_stasis.so'), 409, 'Module could not be unloaded');
  // ast_module_reload: no .reload callback -> AST_MODULE_RELOAD_NOT_IMPLEMENTED
  await expectError(req('PUT', '/asterisk/modules/app_dial.so'), 409, 'Module does not support reloading');
  await expectError(req('PUT', '/asterisk/modules/res_no_such_thing.so'), 404, 'Module not found in running modules');
  assert.equal((await req('PUT', '/asterisk/modules/res_musiconhold')).status, 204);
});

test('modules: an unused module unloads, is gone, and loads again', async () => {
  assert.equal((await req('DELETE', '/asterisk/modules/codec_gsm.so')).status, 204);
  await expectError(req('GET', '/asterisk/modules/codec_gsm.so'), 404, 'Module could not be found in running modules');
  const list = (await req('GET', '/asterisk/modules')).body as JsonValue[];
  assert.ok(!list.some((m) => obj(m).name === 'codec_gsm.so'));
  assert.equal((await req('POST', '/asterisk/modules/codec_gsm.so')).status, 204);
  assert.equal(obj((await req('GET', '/asterisk/modules/codec_gsm.so')).body).status, 'Running');
});
