// Held-out variants: other ids, names, sounds and bad parameters in other positions than the
// transcripts. Each expectation follows the order of checks in Asterisk 22.10.1's source (the
// function named in the comment), not a recorded value.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSimulator, type Simulator } from '../../../tools/ari-sim/index';
import { parseCallerId } from '../../../tools/ari-sim/channel';
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
const req = (method: string, path: string, query: Query = {}, body?: JsonValue): Promise<CallResult> => call(sim.url, method, path, { query, body });

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

// ---------------------------------------------------------------- channels

test('channels: media operations on a channel that is not up are 412 (channel_state_invalid)', async () => {
  const app = `down-${++seq}`;
  const ws = await EventSocket.open(sim.url, app);
  const created = obj((await req('POST', '/channels/create', { endpoint: 'Local/100@default', app, channelId: 'var-down-1' })).body);
  assert.equal(created.state, 'Down');
  await ws.type('StasisStart', (e) => channelOf(e).id === 'var-down-1');
  // find_control first: an unknown id is 404 whatever else is wrong
  await expectError(req('POST', '/channels/var-nobody-1/hold'), 404, 'Channel not found');
  await expectError(req('POST', '/channels/var-nobody-1/mute', { direction: 'sideways' }), 404, 'Channel not found');
  // ast_ari_channels_hold/answer/ring/moh/play/dtmf/mute: channel_state_invalid after find_control
  for (const [method, path] of [
    ['POST', 'hold'],
    ['DELETE', 'hold'],
    ['POST', 'answer'],
    ['POST', 'ring'],
    ['POST', 'moh'],
    ['POST', 'silence'],
    ['POST', 'progress'],
  ]) {
    await expectError(req(method, `/channels/var-down-1/${path}`), 412, 'Channel in invalid state');
  }
  await expectError(req('POST', '/channels/var-down-1/play', { media: 'sound:beep' }), 412, 'Channel in invalid state');
  await expectError(req('POST', '/channels/var-down-1/dtmf'), 412, 'Channel in invalid state');
  await expectError(req('POST', '/channels/var-down-1/mute', { direction: 'sideways' }), 412, 'Channel in invalid state');
  // ast_ari_channels_get_channel_var / set_channel_var do not look at the state
  assert.equal((await req('POST', '/channels/var-down-1/variable', { variable: 'KEPT', value: 'x1' })).status, 204);
  assert.deepEqual((await req('GET', '/channels/var-down-1/variable', { variable: 'KEPT' })).body, { value: 'x1' });
  await req('DELETE', '/channels/var-down-1');
  await ws.close();
});

test('channels: parameter checks after find_control and the state (mute, play, dtmf, redirect, dial)', async () => {
  const { ws, id } = await upChannel('chparams');
  // ast_ari_channels_mute: the glue applies no default direction
  await expectError(req('POST', `/channels/${id}/mute`), 400, 'Direction is required');
  await expectError(req('DELETE', `/channels/${id}/mute`, { direction: 'IN' }), 400, 'Invalid direction specified');
  // ari_channels_handle_play: skipms, then offsetms, before the media list
  await expectError(req('POST', `/channels/${id}/play`, { skipms: -1 }), 400, 'skipms cannot be negative');
  await expectError(req('POST', `/channels/${id}/play`, { offsetms: -5 }), 400, 'offsetms cannot be negative');
  // stasis_app_control_play_uri: an empty URI in the list
  await expectError(req('POST', `/channels/${id}/play`, { media: 'sound:beep,' }), 500, 'Failed to queue media for playback');
  // ast_ari_channels_redirect: endpoint checks in order, then the technology match
  await expectError(req('POST', `/channels/${id}/redirect`), 400, "Required parameter 'endpoint' not provided.");
  await expectError(req('POST', `/channels/${id}/redirect`, { endpoint: 'PJSIP' }), 422, "Endpoint parameter 'PJSIP' does not contain tech/resource");
  await expectError(req('POST', `/channels/${id}/redirect`, { endpoint: 'PJSIP/' }), 422, "No resource provided in endpoint parameter 'PJSIP/'");
  await expectError(
    req('POST', `/channels/${id}/redirect`, { endpoint: 'PJSIP/bob' }),
    422,
    "Endpoint technology 'PJSIP' does not match channel technology 'Local'",
  );
  // ast_ari_channels_dial: an answered channel
  await expectError(req('POST', `/channels/${id}/dial`), 409, "Channel is not in the 'Down' state");
  // ast_ari_channels_rtpstatistics: no RTP glue for Local
  await expectError(req('GET', `/channels/${id}/rtp_statistics`), 403, 'Unsupported channel type');
  // ast_ari_channels_continue_in_dialplan: a numeric label 0
  await expectError(req('POST', `/channels/${id}/continue`, { context: 'default', extension: '200', label: '0' }), 400, 'Requested priority is illegal');
  await expectError(
    req('POST', `/channels/${id}/continue`, { context: 'default', extension: '200', label: 'nowhere' }),
    404,
    'Requested label can not be found',
  );
  // ast_ari_channels_transfer_progress
  await expectError(req('POST', `/channels/${id}/transfer_progress`), 400, 'states must not be empty');
  await expectError(req('POST', `/channels/${id}/transfer_progress`, { states: 'channel_lost' }), 400, 'Invalid states value');
  await req('DELETE', `/channels/${id}`);
  await ws.close();
});

test('channels: record checks limits before the lookup and options before the format', async () => {
  // ast_ari_channels_record: negative limits before find_control
  await expectError(
    req('POST', '/channels/var-nobody-2/record', { name: 'r1', format: 'wav', maxDurationSeconds: -1 }),
    400,
    'max_duration_seconds cannot be negative',
  );
  await expectError(
    req('POST', '/channels/var-nobody-2/record', { name: 'r1', format: 'wav', maxSilenceSeconds: -3 }),
    400,
    'max_silence_seconds cannot be negative',
  );
  await expectError(req('POST', '/channels/var-nobody-2/record', { name: 'r1', format: 'nosuch', terminateOn: 'x' }), 404, 'Channel not found');
  const { ws, id } = await upChannel('chrec');
  // terminateOn, then ifExists, then the format
  await expectError(req('POST', `/channels/${id}/record`, { name: 'var-r1', format: 'nosuch', terminateOn: 'x' }), 400, 'terminateOn invalid');
  await expectError(req('POST', `/channels/${id}/record`, { name: 'var-r1', format: 'nosuch', ifExists: 'sometimes' }), 400, 'ifExists invalid');
  await expectError(req('POST', `/channels/${id}/record`, { name: 'var-r1', format: 'mp3' }), 422, 'specified format is unknown on this system');
  // stasis_app_control_record: no name is EINVAL; a name leaving the directory is EPERM
  await expectError(req('POST', `/channels/${id}/record`, { format: 'wav' }), 500, 'Error parsing request');
  await expectError(req('POST', `/channels/${id}/record`, { name: '../var-escape', format: 'wav' }), 400, 'Recording name invalid');
  const ok = await req('POST', `/channels/${id}/record`, { name: 'var-r2', format: 'gsm', terminateOn: '#', ifExists: 'Overwrite' });
  assert.equal(ok.status, 201);
  // a live recording of that name is EEXIST whatever ifExists says
  await expectError(
    req('POST', `/channels/${id}/record`, { name: 'var-r2', format: 'gsm', ifExists: 'overwrite' }),
    409,
    "Recording 'var-r2' already exists and can not be overwritten",
  );
  await req('DELETE', `/channels/${id}`);
  await ws.close();
});

test('channels: snoop checks its parameters first and works on any channel', async () => {
  // ari_channels_handle_snoop_channel: spy, whisper, "at least one", app, then the channel
  await expectError(req('POST', '/channels/var-nobody-3/snoop', { spy: 'sideways', app: 'x' }), 400, 'Invalid direction specified for spy');
  await expectError(req('POST', '/channels/var-nobody-3/snoop', { spy: 'in', whisper: 'up', app: 'x' }), 400, 'Invalid direction specified for whisper');
  await expectError(req('POST', '/channels/var-nobody-3/snoop', { app: 'x' }), 400, 'Direction must be specified for at least spy or whisper');
  await expectError(req('POST', '/channels/var-nobody-3/snoop', { whisper: 'out' }), 400, 'Application name is required');
  await expectError(req('POST', '/channels/var-nobody-3/snoop/var-snoop-0', { spy: 'both', app: 'x' }), 404, 'Provided channel was not found');
  const app = `snoopy-${++seq}`;
  const ws = await EventSocket.open(sim.url, app);
  await req('POST', '/channels', { endpoint: 'Local/100@default', app, channelId: 'var-snoop-a', otherChannelId: 'var-snoop-b' });
  await ws.type('StasisStart', (e) => channelOf(e).id === 'var-snoop-a');
  // ast_channel_get_by_name, no find_control: the ;2 half outside Stasis can be snooped on
  const s = await req('POST', '/channels/var-snoop-b/snoop/var-snoop-1', { spy: 'in', app });
  assert.equal(s.status, 200);
  assert.equal(obj(s.body).id, 'var-snoop-1');
  await ws.type('StasisStart', (e) => channelOf(e).id === 'var-snoop-1');
  await req('DELETE', '/channels/var-snoop-1');
  await req('DELETE', '/channels/var-snoop-a');
  await ws.close();
});

test('channels: variables use ast_channel_get_by_name and their own wording', async () => {
  // ast_ari_channels_get_channel_var: the variable name before the channel
  await expectError(req('GET', '/channels/var-nobody-4/variable'), 400, 'Variable name is required');
  await expectError(req('GET', '/channels/var-nobody-4/variable', { variable: 'X' }), 404, 'Provided channel was not found');
  // ast_ari_channels_set_channel_var: the name, then find_control
  await expectError(req('POST', '/channels/var-nobody-4/variable', { value: '1' }), 400, 'Variable name is required');
  await expectError(req('POST', '/channels/var-nobody-4/variable', { variable: 'X' }), 404, 'Channel not found');
  // ast_ari_channels_get_channel_vars: count, channel, then each name
  await expectError(req('GET', '/channels/var-nobody-4/variables'), 400, 'At least one variable name is required');
  await expectError(req('GET', '/channels/var-nobody-4/variables', { variables: 'A' }), 404, 'Provided channel was not found');
  // ast_ari_channels_set_channel_vars: no body, then the channel
  await expectError(req('POST', '/channels/var-nobody-4/variables'), 400, "The 'variables' field is required");
  await expectError(req('POST', '/channels/var-nobody-4/variables', {}, { variables: { A: '1' } }), 404, 'Provided channel was not found');
  const { ws, id } = await upChannel('chvars');
  assert.equal((await req('POST', `/channels/${id}/variables`, {}, { variables: { VAR_ONE: '1', VAR_TWO: { value: '2', report_events: true } } })).status, 204);
  assert.deepEqual((await req('GET', `/channels/${id}/variables`, { variables: 'VAR_ONE,VAR_TWO,CHANNEL(state)' })).body, {
    variables: { VAR_ONE: '1', VAR_TWO: '2', 'CHANNEL(state)': 'Up' },
  });
  await expectError(req('GET', `/channels/${id}/variables`, { variables: 'VAR_ONE,VAR_NONE' }), 404, 'Provided variable was not found');
  // json_to_ast_variables
  await expectError(
    req('POST', `/channels/${id}/variables`, {}, { variables: { A: 3 } }),
    400,
    "Each value in 'variables' must be a string or an object with 'value' and optional 'report_events'",
  );
  await expectError(
    req('POST', `/channels/${id}/variables`, {}, { variables: { A: { report_events: true } } }),
    400,
    "Each object value in 'variables' must include string field 'value'",
  );
  await expectError(req('POST', `/channels/${id}/variables`, {}, { variables: 'A=1' }), 400, "The 'variables' field must be a JSON object");
  // ast_func_read2 fails for an unknown function (a name ending in ")")
  await expectError(req('GET', `/channels/${id}/variable`, { variable: 'NO_SUCH_FUNC(x)' }), 500, 'Unable to read provided function');
  await req('DELETE', `/channels/${id}`);
  await ws.close();
});

test('originate/create: the order of ari_channels_handle_originate_with_id and ast_ari_channels_create', async () => {
  // the endpoint's tech/resource is checked before "application or extension"
  await expectError(req('POST', '/channels', { endpoint: 'nonsense' }), 400, 'Invalid endpoint specified');
  await expectError(
    req('POST', '/channels', { endpoint: 'Local/100@default', app: 'a', originator: 'x', formats: 'ulaw' }),
    400,
    "Originator and formats can't both be specified",
  );
  await expectError(
    req('POST', '/channels', { endpoint: 'Local/100@default', channelId: 'x'.repeat(150), app: 'a' }),
    400,
    'Uniqueid length exceeds maximum of 149',
  );
  await expectError(req('POST', '/channels', { endpoint: 'Local/100@default', extension: '100', label: '0' }), 400, 'Requested priority is illegal');
  await expectError(req('POST', '/channels', { endpoint: 'Local/100@default', extension: '100', label: 'start' }), 404, 'Requested label can not be found');
  await expectError(
    req('POST', '/channels', { endpoint: 'Local/100@default', app: 'a', originator: 'var-nobody-5' }),
    400,
    'Provided originator channel was not found',
  );
  // the body's variables are parsed first of all
  await expectError(
    req('POST', '/channels', {}, { variables: { A: 1 } }),
    400,
    "Each value in 'variables' must be a string or an object with 'value' and optional 'report_events'",
  );
  // ast_ari_channels_create: originator+formats before the endpoint
  await expectError(req('POST', '/channels/create', { originator: 'x', formats: 'ulaw' }), 400, "Originator and formats can't both be specified");
  await expectError(req('POST', '/channels/create', { app: 'a' }), 400, 'Endpoint must be specified');
});

// ---------------------------------------------------------------- device states

test('device states: prefix, name, value in the order of stasis_app_device_state_update', async () => {
  // not "Stasis:" (case-insensitive strncasecmp) -> 409 even with a bad value
  await expectError(req('PUT', '/deviceStates/Custom:var-a', { deviceState: 'NOPE' }), 409, 'Uncontrolled device specified');
  await expectError(req('DELETE', '/deviceStates/Local:var-a'), 409, 'Uncontrolled device specified');
  // "Stasis:" with nothing after it -> STASIS_DEVICE_STATE_MISSING, before the value
  await expectError(req('PUT', '/deviceStates/Stasis:', { deviceState: 'NOPE' }), 404, 'Device name is missing');
  await expectError(req('DELETE', '/deviceStates/Stasis:'), 404, 'Device name is missing');
  // ast_devstate_val has no "UNKNOWN": it is the failure value
  await expectError(req('PUT', '/deviceStates/Stasis:var-a', { deviceState: 'UNKNOWN' }), 500, 'Unknown device');
  await expectError(req('PUT', '/deviceStates/Stasis:var-a', { deviceState: 'RING_INUSE' }), 500, 'Unknown device');
  // a lower-case prefix is the same controlled device, published as "Stasis:<name>"
  const fire = await EventSocket.open(sim.url, `dev-fire-${++seq}`, '&subscribeAll=true');
  assert.equal((await req('PUT', '/deviceStates/stasis:var-lower', { deviceState: 'RingInUse' })).status, 204);
  const ev = await fire.type('DeviceStateChanged', (e) => obj(e.device_state).name === 'Stasis:var-lower');
  assert.equal(obj(ev.device_state).state, 'RINGINUSE');
  assert.deepEqual((await req('GET', '/deviceStates/stasis:var-lower')).body, { name: 'stasis:var-lower', state: 'RINGINUSE' });
  const list = (await req('GET', '/deviceStates')).body as JsonValue[];
  assert.ok(list.some((d) => obj(d).name === 'Stasis:var-lower'));
  assert.equal((await req('DELETE', '/deviceStates/STASIS:var-lower')).status, 204);
  assert.deepEqual((await req('GET', '/deviceStates/Stasis:var-lower')).body, { name: 'Stasis:var-lower', state: 'UNKNOWN' });
  await fire.close();
});

test('DeviceStateChanged: one per subscription per app, none on DELETE or an unchanged state', async () => {
  const dev = 'Stasis:var-lamp';
  const appA = `dev-a-${++seq}`;
  const appB = `dev-b-${seq}`;
  const a = await EventSocket.open(sim.url, appA);
  const b = await EventSocket.open(sim.url, appB);
  const fire = await EventSocket.open(sim.url, `dev-all-${seq}`, '&subscribeAll=true');
  assert.equal((await req('POST', `/applications/${appA}/subscription`, { eventSource: `deviceState:${dev}` })).status, 200);
  // res_stasis_device_state.c: the specific subscription, then the all-devices one: two subscriptions
  assert.equal((await req('POST', `/applications/${appB}/subscription`, { eventSource: `deviceState:${dev}` })).status, 200);
  const both = obj((await req('POST', `/applications/${appB}/subscription`, { eventSource: 'deviceState:' })).body);
  assert.deepEqual(both.device_names, [dev, '__AST_DEVICE_STATE_ALL_TOPIC']);
  const states = (s: EventSocket): string[] =>
    s.events.filter((e) => e.type === 'DeviceStateChanged' && obj(e.device_state).name === dev).map((e) => String(obj(e.device_state).state));
  await req('PUT', `/deviceStates/${dev}`, { deviceState: 'BUSY' });
  // devstate_cached: the same state again is not published
  await req('PUT', `/deviceStates/${dev}`, { deviceState: 'busy' });
  // stasis_app_device_state_delete clears the cache; the UNKNOWN after it equals the empty cache
  await req('DELETE', `/deviceStates/${dev}`);
  // after the clear, BUSY is a change again
  await req('PUT', `/deviceStates/${dev}`, { deviceState: 'BUSY' });
  await req('PUT', `/deviceStates/${dev}`, { deviceState: 'ONHOLD' });
  await a.type('DeviceStateChanged', (e) => obj(e.device_state).state === 'ONHOLD');
  await fire.type('DeviceStateChanged', (e) => obj(e.device_state).name === dev && obj(e.device_state).state === 'ONHOLD');
  await b.next(() => b.events.filter((e) => e.type === 'DeviceStateChanged' && obj(e.device_state).state === 'ONHOLD').length === 2);
  assert.deepEqual(states(a), ['BUSY', 'BUSY', 'ONHOLD']);
  assert.deepEqual(states(fire), ['BUSY', 'BUSY', 'ONHOLD']);
  assert.deepEqual(states(b), ['BUSY', 'BUSY', 'BUSY', 'BUSY', 'ONHOLD', 'ONHOLD']);
  assert.ok(a.events.every((e) => e.application === appA));
  // unsubscribe_device_state: "deviceState:" removes the all-devices subscription
  const after = obj((await req('DELETE', `/applications/${appB}/subscription`, { eventSource: 'deviceState:' })).body);
  assert.deepEqual(after.device_names, [dev]);
  await req('DELETE', `/deviceStates/${dev}`);
  await Promise.all([a.close(), b.close(), fire.close()]);
});

// ---------------------------------------------------------------- applications, user events

test('subscriptions: checked URI by URI (app_handle_subscriptions), all-topics for empty ids', async () => {
  const app = `subs-${++seq}`;
  const ws = await EventSocket.open(sim.url, app);
  // ast_ari_applications_subscribe: eventSource before the application
  await expectError(req('POST', '/applications/var-no-app/subscription'), 400, 'Missing parameter eventSource');
  await expectError(req('DELETE', '/applications/var-no-app/subscription'), 400, 'Missing parameter eventSource');
  // app_event_source_find: ast_begins_with(uri, "channel:") - the colon belongs to the scheme
  await expectError(req('POST', `/applications/${app}/subscription`, { eventSource: 'channel' }), 400, 'Invalid event source URI scheme');
  const bridge = obj((await req('POST', '/bridges', { type: 'mixing' })).body);
  // the bridge before the bad channel stays subscribed
  await expectError(
    req('POST', `/applications/${app}/subscription`, { eventSource: `bridge:${String(bridge.id)},channel:var-nobody-9` }),
    422,
    'Event source does not exist',
  );
  assert.deepEqual(obj((await req('GET', `/applications/${app}`)).body).bridge_ids, [bridge.id]);
  // an empty id skips find and subscribes to the kind's all-topic
  const all = obj((await req('POST', `/applications/${app}/subscription`, { eventSource: 'bridge:,endpoint:' })).body);
  assert.deepEqual(all.bridge_ids, [bridge.id, '__AST_BRIDGE_ALL_TOPIC']);
  assert.deepEqual(all.endpoint_ids, ['__AST_ENDPOINT_ALL_TOPIC']);
  // app_unsubscribe: is_subscribed passes for "", unsubscribe("") fails, no response code -> 501
  await expectError(req('DELETE', `/applications/${app}/subscription`, { eventSource: 'endpoint:' }), 501, 'Method not implemented');
  await expectError(req('DELETE', `/applications/${app}/subscription`, { eventSource: 'deviceState:' }), 422, 'Event source was not subscribed to');
  await req('DELETE', `/bridges/${String(bridge.id)}`);
  await ws.close();
});

test('user events: stasis_app_user_event knows channel:, bridge: and endpoint: only', async () => {
  const app = `uev-${++seq}`;
  const ws = await EventSocket.open(sim.url, app);
  await expectError(req('POST', '/events/user/var-ev', { application: app, source: 'deviceState:Stasis:x' }), 400, 'Invalid event source URI scheme');
  await expectError(req('POST', '/events/user/var-ev', { application: app, source: 'channel' }), 400, 'Invalid event source URI scheme');
  await expectError(req('POST', '/events/user/var-ev', { application: app, source: 'channel:' }), 422, 'Event source was not found');
  // the application is looked up before the sources
  await expectError(req('POST', '/events/user/var-ev', { application: 'var-no-app', source: 'bogus:1' }), 404, 'Application not found');
  await ws.close();
});

// ---------------------------------------------------------------- bridges

test('bridges: create checks the id first, ignores unknown type words, needs a capability', async () => {
  assert.equal((await req('POST', '/bridges/var-br-1', { type: 'holding,nonsense' })).status, 200);
  // ast_ari_bridges_create_with_id / _create: ast_bridge_topic_exists -> 409
  await expectError(req('POST', '/bridges/var-br-1', { type: 'mixing' }), 409, "Bridge with id 'var-br-1' already exists");
  await expectError(req('POST', '/bridges', { bridgeId: 'var-br-1' }), 409, "Bridge with id 'var-br-1' already exists");
  // bridge_create_common: dtmf_events alone adds no capability
  await expectError(req('POST', '/bridges/var-br-2', { type: 'dtmf_events' }), 500, 'Unable to create bridge');
  await expectError(
    req('POST', '/bridges', { type: 'proxy_media', bridgeId: 'var-br-3' }),
    500,
    "Unable to create bridge. Possible duplicate bridge id 'var-br-3'",
  );
  assert.equal(obj((await req('POST', '/bridges', { type: 'mixing,bogus', name: 'var' })).body).bridge_type, 'mixing');
  // stasis_app_bridge_moh_stop with no MOH channel
  await expectError(req('DELETE', '/bridges/var-br-1/moh'), 409, "Bridge isn't playing music");
  await req('DELETE', '/bridges/var-br-1');
});

test('bridges: channel lists are checked channel by channel (control_list_create)', async () => {
  const { ws, id } = await upChannel('brlist');
  const outside = obj((await req('POST', '/channels', { endpoint: 'Local/100@default', extension: '100', context: 'default' })).body);
  await req('POST', '/bridges/var-br-4');
  // find_bridge before the list: an unknown bridge is 404 even with no channel
  await expectError(req('POST', '/bridges/var-nobridge/addChannel'), 404, 'Bridge not found');
  await expectError(req('POST', '/bridges/var-br-4/addChannel', { channel: ',' }), 400, 'Missing parameter channel');
  // find_channel_control in list order: the non-Stasis channel first -> 422, the unknown one first -> 400
  await expectError(req('POST', '/bridges/var-br-4/addChannel', { channel: `${String(outside.id)},var-nobody-6` }), 422, 'Channel not in Stasis application');
  await expectError(req('POST', '/bridges/var-br-4/addChannel', { channel: `var-nobody-6,${String(outside.id)}` }), 400, 'Channel not found');
  // ast_ari_bridges_set_video_source: find_channel_control, then membership
  await expectError(req('POST', `/bridges/var-br-4/videoSource/${id}`), 422, 'Channel not in this bridge');
  await expectError(req('POST', '/bridges/var-br-4/videoSource/var-nobody-6'), 400, 'Channel not found');
  // a channel with a live recording: its add rule refuses (check_add_remove_channel)
  assert.equal((await req('POST', `/channels/${id}/record`, { name: `var-busy-${seq}`, format: 'wav' })).status, 201);
  await expectError(req('POST', '/bridges/var-br-4/addChannel', { channel: id }), 409, `Channel ${id} currently recording`);
  // ari_bridges_handle_play: announcer_format, then the media list
  await expectError(
    req('POST', '/bridges/var-br-4/play', { media: 'sound:beep', announcer_format: 'nosuch' }),
    422,
    'specified announcer_format is unknown on this system',
  );
  await expectError(req('POST', '/bridges/var-br-4/play', { media: 'sound:beep', skipms: -2 }), 500, 'Failed to queue media for playback');
  // ast_ari_bridges_record: format before terminateOn; negative limits only fail in stasis_app_control_record
  await expectError(
    req('POST', '/bridges/var-br-4/record', { name: 'var-brec', format: 'nosuch', terminateOn: 'x' }),
    422,
    'specified format is unknown on this system',
  );
  await expectError(req('POST', '/bridges/var-br-4/record', { name: 'var-brec', format: 'wav', terminateOn: 'x' }), 400, 'terminateOn invalid');
  await expectError(req('POST', '/bridges/var-br-4/record', { name: 'var-brec', format: 'wav', maxDurationSeconds: -1 }), 500, 'Error parsing request');
  await req('DELETE', `/channels/${String(outside.id)}`);
  await req('DELETE', `/channels/${id}`);
  await req('DELETE', '/bridges/var-br-4');
  await ws.close();
});

test('bridges: variables (ast_ari_bridges_*_bridge_var[s])', async () => {
  await expectError(req('GET', '/bridges/var-nobridge/variable'), 400, 'Variable name is required');
  await expectError(req('GET', '/bridges/var-nobridge/variable', { variable: 'A' }), 404, 'Bridge not found');
  await expectError(req('GET', '/bridges/var-nobridge/variables'), 400, 'At least one variable name is required');
  await expectError(req('GET', '/bridges/var-nobridge/variables', { variables: 'A' }), 404, 'Provided bridge was not found');
  await expectError(req('POST', '/bridges/var-nobridge/variables'), 400, "The 'variables' field is required");
  await req('POST', '/bridges/var-br-5', {}, { variables: { TOPIC: 'sales' } });
  assert.deepEqual((await req('GET', '/bridges/var-br-5/variable', { variable: 'TOPIC' })).body, { value: 'sales' });
  assert.equal((await req('POST', '/bridges/var-br-5/variable', { variable: 'ROOM', value: '7' })).status, 204);
  assert.deepEqual((await req('GET', '/bridges/var-br-5/variables', { variables: 'TOPIC,ROOM' })).body, { variables: { TOPIC: 'sales', ROOM: '7' } });
  await expectError(req('GET', '/bridges/var-br-5/variables', { variables: 'TOPIC,NOPE' }), 404, 'Provided variable was not found');
  await req('DELETE', '/bridges/var-br-5');
});

// ---------------------------------------------------------------- recordings

test('live recordings: stasis_app_recording_operation by state; a bridged channel fails to record', async () => {
  await expectError(req('POST', '/recordings/live/var-no-rec/pause'), 404, 'Recording not found');
  const { ws, id } = await upChannel('recstate');
  const name = `var-live-${seq}`;
  assert.equal((await req('POST', `/channels/${id}/record`, { name, format: 'wav' })).status, 201);
  await ws.type('RecordingStarted', (e) => obj(e.recording).name === name);
  // operations[PAUSED][PAUSE] = recording_noop; mute/unmute are valid while paused
  assert.equal((await req('POST', `/recordings/live/${name}/pause`)).status, 204);
  assert.equal((await req('POST', `/recordings/live/${name}/pause`)).status, 204);
  assert.equal((await req('POST', `/recordings/live/${name}/mute`)).status, 204);
  assert.equal((await req('DELETE', `/recordings/live/${name}/pause`)).status, 204);
  assert.equal((await req('POST', `/recordings/live/${name}/stop`)).status, 204);
  await ws.type('RecordingFinished', (e) => obj(e.recording).name === name);
  await expectError(req('POST', `/recordings/live/${name}/stop`), 404, 'Recording not found');
  // record_file: a channel in a bridge -> recording_fail -> RecordingFailed with the cause
  await req('POST', '/bridges/var-br-6');
  await req('POST', '/bridges/var-br-6/addChannel', { channel: id });
  await ws.type('ChannelEnteredBridge', (e) => channelOf(e).id === id);
  assert.equal((await req('POST', `/channels/${id}/record`, { name: `${name}-b`, format: 'wav' })).status, 201);
  const failed = await ws.type('RecordingFailed', (e) => obj(e.recording).name === `${name}-b`);
  assert.equal(obj(failed.recording).state, 'failed');
  assert.equal(obj(failed.recording).cause, 'Cannot record channel while in bridge');
  await req('DELETE', `/channels/${id}`);
  await req('DELETE', '/bridges/var-br-6');
  await ws.close();
});

// ---------------------------------------------------------------- caller id

test('originate callerId: ast_callerid_parse, then ast_shrink_phone_number when shrinkable', () => {
  assert.deepEqual(parseCallerId('"Alice" <1001>'), { name: 'Alice', number: '1001' });
  assert.deepEqual(parseCallerId('Carol <555-0100>'), { name: 'Carol', number: '5550100' });
  assert.deepEqual(parseCallerId('Dan <2002'), { name: 'Dan', number: '2002' });
  // no brackets: a (shrunk) phone number is a number, anything else a name
  assert.deepEqual(parseCallerId('(555) 123-4567'), { name: '', number: '5551234567' });
  assert.deepEqual(parseCallerId('Bob'), { name: 'Bob', number: '' });
  // quotes stripped from the whole string make it a name even when it looks like a number
  assert.deepEqual(parseCallerId('"12345"'), { name: '12345', number: '' });
  assert.deepEqual(parseCallerId('"Eve \\"E\\"" <7>'), { name: 'Eve "E"', number: '7' });
});

test('originate with a name-only callerId: the caller name without a number', async () => {
  const app = `cid-${++seq}`;
  const ws = await EventSocket.open(sim.url, app);
  await req('POST', '/channels', { endpoint: 'Local/100@default', app, callerId: 'Frank', channelId: 'var-cid-1' });
  await ws.type('StasisStart', (e) => channelOf(e).id === 'var-cid-1');
  const cid = await ws.type('ChannelCallerId');
  assert.deepEqual(obj(channelOf(cid).caller), { name: 'Frank', number: '' });
  await req('DELETE', '/channels/var-cid-1');
  await ws.close();
});

// ---------------------------------------------------------------- sounds, endpoints

test('sounds and endpoint messages: empty results and missing "to"', async () => {
  // ast_ari_sounds_list: nothing matched the lang/format filter -> 404
  await expectError(req('GET', '/sounds', { lang: 'xx' }), 404, 'No sounds found that matched the query');
  await expectError(req('GET', '/sounds', { format: 'mp3' }), 404, 'No sounds found that matched the query');
  assert.ok(((await req('GET', '/sounds', { lang: 'ru', format: 'gsm' })).body as JsonValue[]).length > 0);
  await expectError(req('GET', '/sounds/tt-nothing'), 404, 'Sound not found');
  // ast_ari_endpoints_send_message: variables, then "to", then the message route
  await expectError(req('PUT', '/endpoints/sendMessage', { from: 'a' }, { variables: { X: 1 } }), 400, "Only string values in the 'variables' object allowed");
  await expectError(req('PUT', '/endpoints/sendMessage', { from: 'a' }), 400, 'To must be specified');
  await expectError(req('PUT', '/endpoints/sendMessage', { to: 'pjsip:nobody', from: 'a' }), 404, 'Endpoint not found');
  // ast_ari_endpoints_refer: parse_refer_json, then send_refer's "to"
  await expectError(
    req('POST', '/endpoints/refer', { from: 'a', refer_to: 'b' }, { variables: { display_name: false } }),
    400,
    "Only string values in the 'variables' object allowed",
  );
  await expectError(req('POST', '/endpoints/refer', { from: 'a', refer_to: 'b' }), 400, 'To must be specified');
});

test('log channels: ast_logger_create/remove/rotate_channel', async () => {
  await expectError(req('POST', '/asterisk/logging/var-ari.log'), 400, 'Configuration levels are required');
  assert.equal((await req('POST', '/asterisk/logging/var-ari.log', { configuration: 'warning,Error,bogus' })).status, 204);
  const first = obj(((await req('GET', '/asterisk/logging')).body as JsonValue[])[0]);
  assert.deepEqual(first, { channel: '/var/log/asterisk/var-ari.log', type: 'File', status: 'Enabled', configuration: 'WARNING ERROR ' });
  await expectError(req('POST', '/asterisk/logging/var-ari.log', { configuration: 'notice' }), 409, 'Log channel already exists');
  assert.equal((await req('PUT', '/asterisk/logging/var-ari.log/rotate')).status, 204);
  assert.equal((await req('DELETE', '/asterisk/logging/var-ari.log')).status, 204);
  await expectError(req('DELETE', '/asterisk/logging/var-ari.log'), 404, 'Log channel does not exist');
  // only dynamic channels can be removed; logger.conf's file can still be rotated
  await expectError(req('DELETE', '/asterisk/logging/messages.log'), 404, 'Log channel does not exist');
  assert.equal((await req('PUT', '/asterisk/logging/messages.log/rotate')).status, 204);
  await expectError(req('PUT', '/asterisk/logging/var-none.log/rotate'), 404, 'Log channel does not exist');
});

// ---------------------------------------------------------------- variables and caller id changes

test('channel variables: pbx_builtin_setvar_helper and ast_str_retrieve_variable', async () => {
  const { ws, id } = await upChannel('vars2');
  const set = (query: Query): Promise<CallResult> => req('POST', `/channels/${id}/variable`, query);
  assert.equal((await set({ variable: 'VAR_X', value: '1' })).status, 204);
  // no value unsets: ChannelVarset "" only because the old value was not empty
  assert.equal((await set({ variable: 'VAR_X' })).status, 204);
  await expectError(req('GET', `/channels/${id}/variable`, { variable: 'VAR_X' }), 404, 'Provided variable was not found');
  assert.equal((await set({ variable: 'VAR_X' })).status, 204);
  // leading underscores: published under the given name, read without them
  assert.equal((await set({ variable: '_VAR_INHERIT', value: 'i' })).status, 204);
  assert.deepEqual((await req('GET', `/channels/${id}/variable`, { variable: 'VAR_INHERIT' })).body, { value: 'i' });
  await expectError(req('GET', `/channels/${id}/variable`, { variable: '_VAR_INHERIT' }), 404, 'Provided variable was not found');
  // a function write: CALLERID(name) changes the caller (ChannelCallerId), no ChannelVarset;
  // writing the same name again publishes nothing; an unknown function is only logged
  assert.equal((await set({ variable: 'CALLERID(name)', value: 'Zoe' })).status, 204);
  assert.equal((await set({ variable: 'CALLERID(name)', value: 'Zoe' })).status, 204);
  assert.equal((await set({ variable: 'NO_SUCH_FUNC(x)', value: '1' })).status, 204);
  assert.equal((await set({ variable: 'VAR_END', value: 'e' })).status, 204);
  await ws.type('ChannelVarset', (e) => e.variable === 'VAR_END');
  const seen = ws.events
    .filter((e) => (e.type === 'ChannelVarset' || e.type === 'ChannelCallerId') && channelOf(e).id === id && e.variable !== 'STASISSTATUS')
    .map((e) => (e.type === 'ChannelCallerId' ? `callerid ${String(obj(channelOf(e).caller).name)}` : `${String(e.variable)}=${String(e.value)}`));
  assert.deepEqual(seen, ['VAR_X=1', 'VAR_X=', '_VAR_INHERIT=i', 'callerid Zoe', 'VAR_END=e']);
  // predefined names, then the channel's variables, then the globals
  assert.deepEqual((await req('GET', `/channels/${id}/variable`, { variable: 'UNIQUEID' })).body, { value: id });
  assert.deepEqual((await req('GET', `/channels/${id}/variable`, { variable: 'CONTEXT' })).body, {
    value: obj(obj((await req('GET', `/channels/${id}`)).body).dialplan).context,
  });
  assert.equal((await req('POST', '/asterisk/variable', { variable: 'VAR_GLOBAL_7', value: 'g' })).status, 204);
  assert.deepEqual((await req('GET', `/channels/${id}/variable`, { variable: 'VAR_GLOBAL_7' })).body, { value: 'g' });
  assert.equal((await req('POST', '/asterisk/variable', { variable: 'VAR_GLOBAL_7' })).status, 204);
  assert.deepEqual((await req('GET', '/asterisk/variable', { variable: 'VAR_GLOBAL_7' })).body, { value: '' });
  await req('DELETE', `/channels/${id}`);
  await ws.close();
});

// ---------------------------------------------------------------- JSON bodies

test('JSON body parameters: the body overrides the query and is read by type (*_parse_body)', async () => {
  const { ws, id } = await upChannel('body');
  // ast_json_string_get on a number is NULL: "DTMF is required" although the query has one
  await expectError(req('POST', `/channels/${id}/dtmf`, { dtmf: '1' }, { dtmf: 5 }), 400, 'DTMF is required');
  // ast_json_integer_get on a string is 0, so "-1" in the body is not negative
  await expectError(req('POST', `/channels/${id}/play`, { skipms: 0 }, { skipms: -1, media: 'sound:beep' }), 400, 'skipms cannot be negative');
  const pb = await req('POST', `/channels/${id}/play/var-body-pb`, {}, { media: ['sound:beep', 'sound:beep'], skipms: '-1' });
  assert.equal(pb.status, 201);
  assert.equal(obj(pb.body).next_media_uri, 'sound:beep');
  // a single body value for a list is taken whole, not split at commas
  const whole = await req('POST', `/channels/${id}/play/var-body-pb2`, {}, { media: 'sound:beep,sound:beep' });
  assert.equal(obj(whole.body).media_uri, 'sound:beep,sound:beep');
  assert.equal('next_media_uri' in obj(whole.body), false);
  // a non-string array element reads as an empty URI
  await expectError(req('POST', `/channels/${id}/play`, {}, { media: ['sound:beep', 7] }), 500, 'Failed to queue media for playback');
  await req('DELETE', `/channels/${id}`);
  await ws.close();
});

test('playback forward past the end completes the media; offsetms past the end too', async () => {
  const { ws, id } = await upChannel('pbskip');
  // tt-monkeys is ~10 s long: forward by skipms 20000 runs past its end (ast_stream_fastforward)
  assert.equal((await req('POST', `/channels/${id}/play/var-pb-skip`, { media: 'sound:tt-monkeys', skipms: 20000 })).status, 201);
  await ws.type('PlaybackStarted', (e) => obj(e.playback).id === 'var-pb-skip');
  assert.equal((await req('POST', '/playbacks/var-pb-skip/control', { operation: 'forward' })).status, 204);
  const fin = await ws.type('PlaybackFinished', (e) => obj(e.playback).id === 'var-pb-skip');
  assert.equal(obj(fin.playback).state, 'done');
  // offsetms beyond the first media's length: it starts and completes at once
  assert.equal((await req('POST', `/channels/${id}/play/var-pb-offset`, { media: 'sound:tt-weasels', offsetms: 600000 })).status, 201);
  await ws.type('PlaybackFinished', (e) => obj(e.playback).id === 'var-pb-offset');
  await req('DELETE', `/channels/${id}`);
  await ws.close();
});

test('move: an unregistered app leaves the channel where it is (ApplicationMoveFailed)', async () => {
  const { app, ws, id } = await upChannel('mover');
  // stasis_app_exec: next_app not registered -> ApplicationMoveFailed to the current app
  assert.equal((await req('POST', `/channels/${id}/move`, { app: 'var-nowhere', appArgs: 'a,b' })).status, 204);
  const failed = await ws.type('ApplicationMoveFailed');
  assert.deepEqual([failed.destination, failed.args, failed.application, channelOf(failed).id], ['var-nowhere', ['a', 'b'], app, id]);
  assert.equal(ws.count('StasisEnd'), 0);
  // still in Stasis: a media operation works
  assert.equal((await req('POST', `/channels/${id}/hold`)).status, 204);
  // a registered app: StasisEnd here, StasisStart there
  const other = await EventSocket.open(sim.url, `${app}-b`);
  assert.equal((await req('POST', `/channels/${id}/move`, { app: `${app}-b` })).status, 204);
  await ws.type('StasisEnd', (e) => channelOf(e).id === id);
  await other.type('StasisStart', (e) => channelOf(e).id === id);
  await req('DELETE', `/channels/${id}`);
  await Promise.all([ws.close(), other.close()]);
});

test('number: that sscanf cannot read is skipped; continue into a context starts at "s"', async () => {
  const { ws, id } = await upChannel('numcont');
  // play_on_channel: sscanf("%30d") fails -> `continue`, no final update, the playback is gone
  assert.equal((await req('POST', `/channels/${id}/play/var-pb-nan`, { media: 'number:many' })).status, 201);
  await ws.type('PlaybackStarted', (e) => obj(e.playback).id === 'var-pb-nan');
  await expectError(req('GET', '/playbacks/var-pb-nan'), 404, 'Playback not found');
  assert.equal((await req('POST', `/channels/${id}/play/var-pb-num`, { media: 'number:12abc' })).status, 201);
  await ws.type('PlaybackFinished', (e) => obj(e.playback).id === 'var-pb-num');
  assert.equal(ws.events.filter((e) => e.type === 'PlaybackFinished' && obj(e.playback).id === 'var-pb-nan').length, 0);
  // ast_ari_channels_continue_in_dialplan: a context without an extension means exten "s"
  // (default has no "s": the channel leaves Stasis and is hung up)
  assert.equal((await req('POST', `/channels/${id}/continue`, { context: 'default' })).status, 204);
  await ws.type('StasisEnd', (e) => channelOf(e).id === id);
  await ws.type('ChannelDestroyed', (e) => channelOf(e).id === id);
  await ws.close();
});

test('hangup: empty reason values count as absent; reason_code is read like sscanf("%30d")', async () => {
  const app = `hang-${++seq}`;
  const ws = await EventSocket.open(sim.url, app);
  const one = obj((await req('POST', '/channels', { endpoint: 'Local/100@default', app })).body);
  await ws.type('StasisStart');
  await expectError(req('DELETE', `/channels/${String(one.id)}`, { reason: 'constructor' }), 400, 'Invalid reason for hangup reason provided');
  await expectError(req('DELETE', `/channels/${String(one.id)}`, { reason_code: 'x17' }), 400, 'Invalid reason for hangup reason code provided');
  // ast_strlen_zero(reason): an empty reason does not conflict with reason_code; "21abc" reads 21
  assert.equal((await req('DELETE', `/channels/${String(one.id)}`, { reason: '', reason_code: '21abc' })).status, 204);
  const d = await ws.type('ChannelDestroyed', (e) => channelOf(e).id === one.id);
  assert.equal(d.cause, 21);
  await ws.close();
});

test('eventFilter: disallowed is set before allowed is checked; only "type" is compared', async () => {
  const app = `filt-${++seq}`;
  const ws = await EventSocket.open(sim.url, app);
  const path = `/applications/${app}/eventFilter`;
  // stasis_app_event_filter_set: app_events_disallowed_set, then app_events_allowed_set
  await expectError(req('PUT', path, {}, { disallowed: [{ type: 'ChannelDtmfReceived' }], allowed: 'StasisStart' }), 400, 'Invalid format definition');
  const after = obj((await req('GET', `/applications/${app}`)).body);
  assert.deepEqual([after.events_disallowed, after.events_allowed], [[{ type: 'ChannelDtmfReceived' }], []]);
  await expectError(req('PUT', path, {}, { allowed: [{ type: '' }] }), 400, 'Invalid format definition');
  // a body that is an array is the list for both types
  const both = obj((await req('PUT', path, {}, [{ type: 'PlaybackStarted' }])).body);
  assert.deepEqual([both.events_allowed, both.events_disallowed], [[{ type: 'PlaybackStarted' }], [{ type: 'PlaybackStarted' }]]);
  // app_event_filter_matched compares the type only: the extra key does not narrow it
  await req('PUT', path, {}, {});
  await req('PUT', path, {}, { allowed: [{ type: 'ChannelVarset', variable: 'ONLY_THIS' }] });
  const ch = obj((await req('POST', '/channels', { endpoint: 'Local/100@default', app })).body);
  const varset = await ws.type('ChannelVarset');
  assert.equal(varset.variable, 'STASISSTATUS');
  assert.equal(ws.count('StasisStart'), 0);
  await req('DELETE', `/channels/${String(ch.id)}`);
  await ws.close();
});

test('a hangup during a playback: PlaybackFinished "failed" before StasisEnd (playback_final_update)', async () => {
  const { ws, id } = await upChannel('pbhang');
  await req('POST', `/channels/${id}/play/var-pb-hang`, { media: 'sound:tt-monkeys' });
  await req('POST', `/channels/${id}/play/var-pb-hang-q`, { media: 'sound:beep' });
  await ws.type('PlaybackStarted', (e) => obj(e.playback).id === 'var-pb-hang');
  assert.equal((await req('DELETE', `/channels/${id}`)).status, 204);
  await ws.type('StasisEnd', (e) => channelOf(e).id === id);
  const ends = ws.events
    .filter((e) => e.type === 'PlaybackFinished' || e.type === 'StasisEnd')
    .map((e) => (e.type === 'StasisEnd' ? 'StasisEnd' : `${String(obj(e.playback).id)} ${String(obj(e.playback).state)}`));
  // the queued one never ran: its command is dropped without an event
  assert.deepEqual(ends, ['var-pb-hang failed', 'StasisEnd']);
  await ws.close();
});

test('originate with a callerId that parses to nothing sets no caller (no ChannelCallerId)', async () => {
  const app = `cid0-${++seq}`;
  const ws = await EventSocket.open(sim.url, app, '&subscribeAll=true');
  await req('POST', '/channels', { endpoint: 'Local/100@default', app, callerId: '""', channelId: 'var-cid-0' });
  await ws.type('StasisStart', (e) => channelOf(e).id === 'var-cid-0');
  assert.equal(ws.count('ChannelCallerId'), 0);
  await req('DELETE', '/channels/var-cid-0');
  await ws.close();
});

test('originate with a taken otherChannelId: 409 and no half left behind', async () => {
  const app = `ids-${++seq}`;
  const ws = await EventSocket.open(sim.url, app);
  await req('POST', '/channels', { endpoint: 'Local/100@default', app, channelId: 'var-id-a', otherChannelId: 'var-id-b' });
  await ws.type('StasisStart', (e) => channelOf(e).id === 'var-id-a');
  // ast_dial_prerun -> AST_CHANNEL_ERROR_ID_EXISTS
  await expectError(
    req('POST', '/channels', { endpoint: 'Local/100@default', app, channelId: 'var-id-c', otherChannelId: 'var-id-b' }),
    409,
    'Channel with given unique ID already exists',
  );
  await expectError(
    req('POST', '/channels', { endpoint: 'Local/100@default', app, channelId: 'var-id-d', otherChannelId: 'var-id-d' }),
    409,
    'Channel with given unique ID already exists',
  );
  await expectError(req('GET', '/channels/var-id-c'), 404, 'Channel not found');
  await expectError(req('GET', '/channels/var-id-d'), 404, 'Channel not found');
  await req('DELETE', '/channels/var-id-a');
  await ws.close();
});

test('stored recordings: copy checks the destination after the source', async () => {
  const { ws, id } = await upChannel('copy');
  const name = `var-copy-src-${seq}`;
  await req('POST', `/channels/${id}/record`, { name, format: 'wav', maxDurationSeconds: 1 });
  await ws.type('RecordingFinished', (e) => obj(e.recording).name === name);
  // ast_ari_recordings_copy_stored: source 404 first, then the destination lookup's errno
  await expectError(req('POST', '/recordings/stored/var-no-src/copy', {}), 404, 'Recording not found');
  await expectError(req('POST', `/recordings/stored/${name}/copy`), 400, 'Invalid destination recording name');
  await expectError(req('POST', `/recordings/stored/${name}/copy`, { destinationRecordingName: '../outside' }), 403, 'Destination file path is forbidden');
  await expectError(
    req('POST', `/recordings/stored/${name}/copy`, { destinationRecordingName: name }),
    409,
    'A recording with the same name already exists on the system',
  );
  assert.equal(obj((await req('POST', `/recordings/stored/${name}/copy`, { destinationRecordingName: `${name}-2` })).body).name, `${name}-2`);
  await req('DELETE', `/channels/${id}`);
  await ws.close();
});

test('user events: the variables object is used before the sources are read', async () => {
  const app = `uev2-${++seq}`;
  const ws = await EventSocket.open(sim.url, app);
  // stasis_app_user_event: ast_json_object_set on a non-object fails first -> 500
  await expectError(req('POST', '/events/user/var-ev2', { application: app, source: 'bogus:1' }, { variables: [1] }), 500, 'Error processing request');
  assert.equal((await req('POST', '/events/user/var-ev2', { application: app }, { variables: { eventname: 'ignored', k: 'v' } })).status, 204);
  const ev = await ws.type('ChannelUserevent');
  assert.deepEqual(ev.userevent, { eventname: 'var-ev2', k: 'v' });
  await ws.close();
});
