// Each typed command's ARI effect, against the simulator: the command implementations are
// called with a session connected to it, and the server's state or events are checked.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Bridge, Channel, LiveRecording, Playback, StoredRecording } from '../../../src/extension/ari/models.generated';
import {
  channelOp,
  getChannelVar,
  hangupChannels,
  muteChannels,
  playMedia,
  recordTarget,
  sendDtmf,
  setChannelVar,
  startMoh,
} from '../../../src/extension/commands/actions/channel';
import { addChannelsToBridge, createBridge, destroyBridges, removeChannelsFromBridge } from '../../../src/extension/commands/actions/bridge';
import { controlPlaybacks, stopPlaybacks } from '../../../src/extension/commands/actions/playback';
import { copyStoredRecording, deleteStoredRecordings, listStoredRecordings, liveRecordingOp } from '../../../src/extension/commands/actions/recording';
import {
  deleteDeviceState,
  getGlobalVar,
  listModules,
  listSounds,
  reloadModule,
  serverInfo,
  setGlobalVar,
  updateDeviceState,
} from '../../../src/extension/commands/actions/server';
import { describeOutcome, originateAndWatch } from '../../../src/extension/commands/actions/originate';
import { CommandError } from '../../../src/extension/commands/failures';
import { loadOperations } from '../../../src/extension/commands/invoker/catalog';
import { buildRequest } from '../../../src/extension/commands/invoker/request';
import { isInvokable } from '../../../src/extension/commands/invoker/swagger';
import { sendPrepared } from '../../../src/extension/commands/invoker/send';
import { channelIdOf, startSimSession, type SimSession } from './simHarness';

describe('typed commands against the simulator', () => {
  let s: SimSession;
  before(async () => {
    s = await startSimSession();
  });
  after(async () => {
    await s?.close();
  });

  test('play sound:hello-world on a Stasis channel: playback tracked, PlaybackStarted', async () => {
    const id = await s.stasisChannel();
    const pb = await playMedia(s, { kind: 'channel', id }, { media: ['sound:hello-world'] });
    assert.equal(pb.media_uri, 'sound:hello-world');
    assert.equal(pb.target_uri, `channel:${id}`);
    assert.ok(s.model.playbacks.has(pb.id), 'the model learns the playback from the response');
    await s.waitFor((e) => e.type === 'PlaybackStarted' && e.playback.id === pb.id, 'PlaybackStarted');
  });

  test('hang up with a reason: channel destroyed, then 404', async () => {
    const id = await s.stasisChannel();
    const r = await hangupChannels(s, [id], 'busy');
    assert.deepEqual(r.succeeded, [id]);
    await s.waitFor((e) => e.type === 'ChannelDestroyed' && channelIdOf(e) === id, 'ChannelDestroyed');
    await assert.rejects(s.rest.request('GET', `/channels/${id}`), (err: { status?: number }) => err.status === 404);
  });

  test('hang up several: all go; a missing one is named in a specific error', async () => {
    const a = await s.stasisChannel();
    const b = await s.stasisChannel();
    await hangupChannels(s, [a, b]);
    await s.waitFor((e) => e.type === 'ChannelDestroyed' && channelIdOf(e) === b, 'ChannelDestroyed b');
    await assert.rejects(hangupChannels(s, ['no-such-channel']), (err: Error) => {
      assert.ok(err instanceof CommandError);
      assert.match(err.message, /^Could not hang up channel no-such-channel: 404/);
      assert.equal(err.status, 404);
      return true;
    });
  });

  test('hold, mute, DTMF, MOH, silence, ring, answer answer 2xx', async () => {
    const id = await s.stasisChannel();
    for (const op of ['hold', 'unhold', 'ring', 'ringStop', 'answer', 'startSilence', 'stopSilence', 'stopMoh'] as const) {
      await channelOp(s, op, [id]);
    }
    await muteChannels(s, [id], 'in', true);
    await muteChannels(s, [id], 'in', false);
    await startMoh(s, [id]);
    await sendDtmf(s, id, '12#', { duration: 100 });
    await hangupChannels(s, [id]);
  });

  test('set then get a channel variable', async () => {
    const id = await s.stasisChannel();
    await setChannelVar(s, id, 'CMD_TEST', 'hello there');
    assert.equal(await getChannelVar(s, id, 'CMD_TEST'), 'hello there');
    await hangupChannels(s, [id]);
  });

  test('bridge create, add two, remove one, destroy', async () => {
    const a = await s.stasisChannel();
    const b = await s.stasisChannel();
    const bridge = await createBridge(s, { types: ['mixing'], name: 'cmd-test' });
    assert.equal(bridge.name, 'cmd-test');
    await addChannelsToBridge(s, bridge.id, [a, b]);
    const full = (await s.rest.request<Bridge>('GET', `/bridges/${bridge.id}`)).body;
    assert.deepEqual([...full.channels].sort(), [a, b].sort());
    await removeChannelsFromBridge(s, bridge.id, [a]);
    const one = (await s.rest.request<Bridge>('GET', `/bridges/${bridge.id}`)).body;
    assert.deepEqual(one.channels, [b]);
    await destroyBridges(s, [bridge.id]);
    await assert.rejects(s.rest.request('GET', `/bridges/${bridge.id}`), (err: { status?: number }) => err.status === 404);
    await hangupChannels(s, [a, b]);
  });

  test('playback pause and stop', async () => {
    const id = await s.stasisChannel();
    const pb = await playMedia(s, { kind: 'channel', id }, { media: ['tone:ring'] });
    await s.waitFor((e) => e.type === 'PlaybackStarted' && e.playback.id === pb.id, 'PlaybackStarted');
    await controlPlaybacks(s, [pb.id], 'pause');
    const paused = (await s.rest.request<Playback>('GET', `/playbacks/${pb.id}`)).body;
    assert.equal(paused.state, 'paused');
    await stopPlaybacks(s, [pb.id]);
    await s.waitFor((e) => e.type === 'PlaybackFinished' && e.playback.id === pb.id, 'PlaybackFinished');
    await hangupChannels(s, [id]);
  });

  test('record a channel, stop, copy and delete the stored recording', async () => {
    const id = await s.stasisChannel();
    const name = `cmd-test-${id.replace(/\W/g, '')}`;
    const rec = await recordTarget(s, { kind: 'channel', id }, { name, format: 'wav', ifExists: 'overwrite' });
    assert.equal(rec.name, name);
    await s.waitFor((e) => e.type === 'RecordingStarted' && e.recording.name === name, 'RecordingStarted');
    await liveRecordingOp(s, 'stop', [name]);
    await s.waitFor((e) => e.type === 'RecordingFinished' && e.recording.name === name, 'RecordingFinished');
    const stored: StoredRecording[] = await listStoredRecordings(s);
    assert.ok(stored.some((r) => r.name === name));
    const copy = await copyStoredRecording(s, name, `${name}-copy`);
    assert.equal(copy.name, `${name}-copy`);
    await deleteStoredRecordings(s, [name, `${name}-copy`]);
    const after = await listStoredRecordings(s);
    assert.ok(!after.some((r) => r.name === name || r.name === `${name}-copy`));
    await hangupChannels(s, [id]);
    const _typed: LiveRecording = rec;
    void _typed;
  });

  test('server info, modules, module reload, global variables, sounds', async () => {
    const info = await serverInfo(s);
    assert.ok(info.system?.version);
    const modules = await listModules(s);
    assert.ok(modules.some((m) => m.name === 'pbx_config.so'));
    await reloadModule(s, 'pbx_config.so');
    await setGlobalVar(s, 'CMD_GLOBAL', '42');
    assert.equal(await getGlobalVar(s, 'CMD_GLOBAL'), '42');
    const sounds = await listSounds(s);
    assert.ok(sounds.some((x) => x.id === 'hello-world'));
  });

  test('device state update and delete (Stasis devices only)', async () => {
    await updateDeviceState(s, 'Stasis:cmd-demo', 'INUSE');
    const got = (await s.rest.request<{ state: string }>('GET', '/deviceStates/Stasis:cmd-demo')).body;
    assert.equal(got.state, 'INUSE');
    await deleteDeviceState(s, 'Stasis:cmd-demo');
    await assert.rejects(updateDeviceState(s, 'PJSIP/alice', 'BUSY'), (err: CommandError) => err.status === 409);
  });

  test('originate into an app: the outcome comes from the events', async () => {
    const { channel, outcome } = await originateAndWatch(s, {
      endpoint: 'Local/100@default',
      app: 'hello-world',
      callerId: '"Cmd" <1001>',
      variables: { CMD_ORIG: 'yes' },
    });
    assert.ok(outcome.kind === 'up' || outcome.kind === 'stasis', describeOutcome('Local/100@default', outcome));
    assert.equal(await getChannelVar(s, channel.id, 'CMD_ORIG'), 'yes');
    await hangupChannels(s, [channel.id]);
  });

  test('originate Local/1776@from-test parked on a wait extension: the toast names the ;2 half that entered Stasis', async () => {
    const { channel, outcome } = await originateAndWatch(s, { endpoint: 'Local/1776@from-test', extension: '100', context: 'default', priority: 1 });
    assert.match(channel.name, /;1$/);
    assert.equal(outcome.kind, 'stasis', describeOutcome('Local/1776@from-test', outcome));
    assert.ok(outcome.kind === 'stasis');
    assert.equal(outcome.channel.name, channel.name.replace(/;1$/, ';2'));
    assert.equal(describeOutcome('Local/1776@from-test', outcome), `Called Local/1776@from-test: ${outcome.channel.name} entered Stasis(hello-world).`);
    await hangupChannels(s, [channel.id]);
  });

  test('originate to a missing extension: 200, then destroyed with cause 0, said plainly', async () => {
    const { outcome } = await originateAndWatch(s, { endpoint: 'Local/9999@from-test', extension: '100', context: 'default', priority: 1 });
    assert.equal(outcome.kind, 'destroyed');
    assert.ok(outcome.kind === 'destroyed' && outcome.cause === 0);
    assert.match(describeOutcome('Local/9999@from-test', outcome), /failed.*cause 0.*extension or context does not exist/);
  });

  test("invoker: the server's own API description, and a call built from it", async () => {
    const ops = await loadOperations(s);
    assert.ok(ops.length >= 106 && ops.length <= 109, `${ops.length} operations`);
    assert.deepEqual([...new Set(ops.map((o) => o.resource))].slice(0, 3), ['asterisk', 'endpoints', 'channels']);
    assert.equal(
      ops
        .filter((o) => !isInvokable(o))
        .map((o) => o.path)
        .join(),
      '/events',
      'only the WebSocket is not invokable',
    );
    assert.strictEqual(await loadOperations(s), ops, 'cached per session');
    const getChannel = ops.find((o) => o.resource === 'channels' && o.nickname === 'get');
    assert.ok(getChannel && isInvokable(getChannel));
    const id = await s.stasisChannel();
    const built = buildRequest(getChannel, { channelId: id });
    assert.ok(built.ok);
    const r = await s.rest.request<Channel>(built.request.method, built.request.path, { query: built.request.query });
    assert.equal(r.status, 200);
    assert.equal(r.body.id, id);
    await hangupChannels(s, [id]);
  });

  test('invoker send: the answer as a document, and an error answer with its hint', async () => {
    const ok = await sendPrepared(s, { method: 'GET', path: '/asterisk/info', query: { only: 'system' } });
    assert.equal(ok.status, 200);
    assert.match(ok.document.request.url, /\/ari\/asterisk\/info\?only=system$/);
    assert.match(ok.document.headers?.['content-type'] ?? '', /json/);
    assert.ok((ok.document.body as { system?: unknown }).system);
    const bad = await sendPrepared(s, { method: 'DELETE', path: '/channels/nope', query: { reason: 'busy' } });
    assert.equal(bad.status, 404);
    assert.match(String(bad.document.error), /not found/i);
    assert.ok(bad.document.hint);
    assert.ok(!JSON.stringify(bad.document).includes('test_password'));
  });
});
