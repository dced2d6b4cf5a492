// Walks EVERY client method with an intercepted fetch and checks verb, path and parameter
// names against the Swagger 1.2 documents in ../shared/ari-api-docs; asserts that every
// documented REST operation (and every one of its parameters) is reachable from the client.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AriRestClient } from '../../../src/extension/ari/rest';
import type { FetchInitLike, FetchLike } from '../../../src/extension/ari/options';
import { fixtureDir } from './helpers';

type C = AriRestClient;
const V = { K: 'v' };
/** [resource file, nickname, call]. Every parameter of each operation appears in some row. */
const calls: [string, string, (c: C) => Promise<unknown>][] = [
  // asterisk
  ['asterisk', 'getObject', (c) => c.asterisk.getObject('res_pjsip', 'endpoint', 'alice')],
  ['asterisk', 'updateObject', (c) => c.asterisk.updateObject('res_pjsip', 'endpoint', 'alice', [{ attribute: 'allow', value: 'ulaw' }])],
  ['asterisk', 'deleteObject', (c) => c.asterisk.deleteObject('res_pjsip', 'endpoint', 'alice')],
  ['asterisk', 'getInfo', (c) => c.asterisk.info(['build', 'status'])],
  ['asterisk', 'ping', (c) => c.asterisk.ping()],
  ['asterisk', 'listModules', (c) => c.asterisk.listModules()],
  ['asterisk', 'getModule', (c) => c.asterisk.getModule('pbx_config.so')],
  ['asterisk', 'loadModule', (c) => c.asterisk.loadModule('pbx_config.so')],
  ['asterisk', 'unloadModule', (c) => c.asterisk.unloadModule('pbx_config.so')],
  ['asterisk', 'reloadModule', (c) => c.asterisk.reloadModule('pbx_config.so')],
  ['asterisk', 'listLogChannels', (c) => c.asterisk.listLogChannels()],
  ['asterisk', 'addLog', (c) => c.asterisk.addLog('ari-log', 'notice,warning')],
  ['asterisk', 'deleteLog', (c) => c.asterisk.deleteLog('ari-log')],
  ['asterisk', 'rotateLog', (c) => c.asterisk.rotateLog('ari-log')],
  ['asterisk', 'getGlobalVar', (c) => c.asterisk.getGlobalVar('G')],
  ['asterisk', 'setGlobalVar', (c) => c.asterisk.setGlobalVar('G', '1')],
  // channels
  ['channels', 'list', (c) => c.channels.list()],
  [
    'channels',
    'originate',
    (c) =>
      c.channels.originate({
        endpoint: 'Local/100@default',
        extension: '100',
        context: 'default',
        priority: 1,
        label: 'l',
        app: 'a',
        appArgs: 'x,y',
        callerId: '"A" <1>',
        timeout: 30,
        variables: V,
        channelId: 'c1',
        otherChannelId: 'c2',
        originator: 'o',
        formats: ['ulaw', 'alaw'],
      }),
  ],
  [
    'channels',
    'create',
    (c) =>
      c.channels.create({
        endpoint: 'Local/100@default',
        app: 'a',
        appArgs: 'x',
        channelId: 'c1',
        otherChannelId: 'c2',
        originator: 'o',
        formats: 'ulaw',
        variables: V,
      }),
  ],
  ['channels', 'get', (c) => c.channels.get('c1')],
  [
    'channels',
    'originateWithId',
    (c) =>
      c.channels.originateWithId('c1', {
        endpoint: 'Local/100@default',
        extension: '100',
        context: 'default',
        priority: 1,
        label: 'l',
        app: 'a',
        appArgs: 'x',
        callerId: '1',
        timeout: 5,
        variables: V,
        otherChannelId: 'c2',
        originator: 'o',
        formats: 'ulaw',
      }),
  ],
  ['channels', 'hangup', (c) => c.channels.hangup('c1', { reason: 'busy' })],
  ['channels', 'hangup', (c) => c.channels.hangup('c1', { reason_code: 17 })],
  ['channels', 'continueInDialplan', (c) => c.channels.continueInDialplan('c1', { context: 'default', extension: '200', priority: 1, label: 'x' })],
  ['channels', 'move', (c) => c.channels.move('c1', 'other-app', 'a,b')],
  ['channels', 'redirect', (c) => c.channels.redirect('c1', 'PJSIP/bob')],
  ['channels', 'answer', (c) => c.channels.answer('c1')],
  ['channels', 'ring', (c) => c.channels.ring('c1')],
  ['channels', 'ringStop', (c) => c.channels.ringStop('c1')],
  ['channels', 'progress', (c) => c.channels.progress('c1')],
  ['channels', 'sendDTMF', (c) => c.channels.sendDtmf('c1', { dtmf: '12#', before: 0, between: 100, duration: 100, after: 0 })],
  ['channels', 'mute', (c) => c.channels.mute('c1', 'in')],
  ['channels', 'unmute', (c) => c.channels.unmute('c1', 'out')],
  ['channels', 'hold', (c) => c.channels.hold('c1')],
  ['channels', 'unhold', (c) => c.channels.unhold('c1')],
  ['channels', 'startMoh', (c) => c.channels.startMoh('c1', 'default')],
  ['channels', 'stopMoh', (c) => c.channels.stopMoh('c1')],
  ['channels', 'startSilence', (c) => c.channels.startSilence('c1')],
  ['channels', 'stopSilence', (c) => c.channels.stopSilence('c1')],
  ['channels', 'play', (c) => c.channels.play('c1', { media: ['sound:a', 'digits:12'], lang: 'en', offsetms: 0, skipms: 3000, playbackId: 'p1' })],
  ['channels', 'playWithId', (c) => c.channels.playWithId('c1', 'p1', { media: 'sound:a', lang: 'en', offsetms: 0, skipms: 3000 })],
  [
    'channels',
    'record',
    (c) =>
      c.channels.record('c1', { name: 'r', format: 'wav', maxDurationSeconds: 1, maxSilenceSeconds: 1, ifExists: 'overwrite', beep: true, terminateOn: '#' }),
  ],
  ['channels', 'getChannelVar', (c) => c.channels.getVariable('c1', 'X')],
  ['channels', 'setChannelVar', (c) => c.channels.setVariable('c1', 'X', '1', true)],
  ['channels', 'getChannelVars', (c) => c.channels.getVariables('c1', ['X', 'Y'])],
  ['channels', 'setChannelVars', (c) => c.channels.setVariables('c1', V)],
  ['channels', 'snoopChannel', (c) => c.channels.snoop('c1', { app: 'a', spy: 'both', whisper: 'none', appArgs: 'x', snoopId: 's1' })],
  ['channels', 'snoopChannelWithId', (c) => c.channels.snoopWithId('c1', 's1', { app: 'a', spy: 'in', whisper: 'out', appArgs: 'x' })],
  ['channels', 'dial', (c) => c.channels.dial('c1', { caller: 'c0', timeout: 10 })],
  ['channels', 'rtpstatistics', (c) => c.channels.rtpStatistics('c1')],
  [
    'channels',
    'externalMedia',
    (c) =>
      c.channels.externalMedia({
        channelId: 'e1',
        app: 'a',
        variables: V,
        external_host: '127.0.0.1:9999',
        encapsulation: 'rtp',
        transport: 'udp',
        connection_type: 'client',
        format: 'ulaw',
        direction: 'both',
        data: 'd',
        transport_data: 't',
      }),
  ],
  ['channels', 'transfer_progress', (c) => c.channels.transferProgress('c1', 'channel_answered')],
  // bridges
  ['bridges', 'list', (c) => c.bridges.list()],
  ['bridges', 'create', (c) => c.bridges.create({ type: ['mixing', 'dtmf_events'], bridgeId: 'b1', name: 'n', variables: V })],
  ['bridges', 'createWithId', (c) => c.bridges.createWithId('b1', { type: 'holding', name: 'n', variables: V })],
  ['bridges', 'get', (c) => c.bridges.get('b1')],
  ['bridges', 'destroy', (c) => c.bridges.destroy('b1')],
  ['bridges', 'getBridgeVar', (c) => c.bridges.getVariable('b1', 'X')],
  ['bridges', 'setBridgeVar', (c) => c.bridges.setVariable('b1', 'X', '1', false)],
  ['bridges', 'getBridgeVars', (c) => c.bridges.getVariables('b1', ['X'])],
  ['bridges', 'setBridgeVars', (c) => c.bridges.setVariables('b1', V)],
  [
    'bridges',
    'addChannel',
    (c) => c.bridges.addChannel('b1', { channel: ['A', 'B'], role: 'participant', absorbDTMF: false, mute: true, inhibitConnectedLineUpdates: true }),
  ],
  ['bridges', 'removeChannel', (c) => c.bridges.removeChannel('b1', ['A', 'B'])],
  ['bridges', 'setVideoSource', (c) => c.bridges.setVideoSource('b1', 'c1')],
  ['bridges', 'clearVideoSource', (c) => c.bridges.clearVideoSource('b1')],
  ['bridges', 'startMoh', (c) => c.bridges.startMoh('b1', 'default')],
  ['bridges', 'stopMoh', (c) => c.bridges.stopMoh('b1')],
  ['bridges', 'play', (c) => c.bridges.play('b1', { media: 'sound:a', announcer_format: 'ulaw', lang: 'en', offsetms: 0, skipms: 3000, playbackId: 'p1' })],
  ['bridges', 'playWithId', (c) => c.bridges.playWithId('b1', 'p1', { media: ['sound:a'], announcer_format: 'ulaw', lang: 'en', offsetms: 1, skipms: 2 })],
  [
    'bridges',
    'record',
    (c) =>
      c.bridges.record('b1', {
        name: 'r',
        format: 'wav',
        recorder_format: 'ulaw',
        maxDurationSeconds: 1,
        maxSilenceSeconds: 1,
        ifExists: 'fail',
        beep: false,
        terminateOn: 'none',
      }),
  ],
  // playbacks
  ['playbacks', 'get', (c) => c.playbacks.get('p1')],
  ['playbacks', 'stop', (c) => c.playbacks.stop('p1')],
  ['playbacks', 'control', (c) => c.playbacks.control('p1', 'pause')],
  // recordings
  ['recordings', 'listStored', (c) => c.recordings.listStored()],
  ['recordings', 'getStored', (c) => c.recordings.getStored('r')],
  ['recordings', 'deleteStored', (c) => c.recordings.deleteStored('r')],
  ['recordings', 'getStoredFile', (c) => c.recordings.getStoredFile('r')],
  ['recordings', 'copyStored', (c) => c.recordings.copyStored('r', 'r2')],
  ['recordings', 'getLive', (c) => c.recordings.getLive('r')],
  ['recordings', 'cancel', (c) => c.recordings.cancel('r')],
  ['recordings', 'stop', (c) => c.recordings.stop('r')],
  ['recordings', 'pause', (c) => c.recordings.pause('r')],
  ['recordings', 'unpause', (c) => c.recordings.unpause('r')],
  ['recordings', 'mute', (c) => c.recordings.mute('r')],
  ['recordings', 'unmute', (c) => c.recordings.unmute('r')],
  // endpoints
  ['endpoints', 'list', (c) => c.endpoints.list()],
  ['endpoints', 'sendMessage', (c) => c.endpoints.sendMessage({ to: 'pjsip:alice', from: 'ari', body: 'hi', variables: V })],
  ['endpoints', 'refer', (c) => c.endpoints.refer({ to: 'pjsip:alice', from: 'ari', refer_to: 'sip:bob@x', to_self: true, variables: V })],
  ['endpoints', 'listByTech', (c) => c.endpoints.listByTech('PJSIP')],
  ['endpoints', 'get', (c) => c.endpoints.get('PJSIP', 'alice')],
  ['endpoints', 'sendMessageToEndpoint', (c) => c.endpoints.sendMessageToEndpoint('PJSIP', 'alice', { from: 'ari', body: 'hi', variables: V })],
  ['endpoints', 'referToEndpoint', (c) => c.endpoints.referToEndpoint('PJSIP', 'alice', { from: 'ari', refer_to: 'sip:bob@x', to_self: false, variables: V })],
  // applications
  ['applications', 'list', (c) => c.applications.list()],
  ['applications', 'get', (c) => c.applications.get('hello-world')],
  ['applications', 'subscribe', (c) => c.applications.subscribe('hello-world', ['channel:c1', 'bridge:b1'])],
  ['applications', 'unsubscribe', (c) => c.applications.unsubscribe('hello-world', 'channel:c1')],
  ['applications', 'filter', (c) => c.applications.setEventFilter('hello-world', { allowed: [{ type: 'StasisStart' }], disallowed: [] })],
  // deviceStates
  ['deviceStates', 'list', (c) => c.deviceStates.list()],
  ['deviceStates', 'get', (c) => c.deviceStates.get('Stasis:demo')],
  ['deviceStates', 'update', (c) => c.deviceStates.update('Stasis:demo', 'INUSE')],
  ['deviceStates', 'delete', (c) => c.deviceStates.delete('Stasis:demo')],
  // sounds
  ['sounds', 'list', (c) => c.sounds.list({ lang: 'en', format: 'gsm' })],
  ['sounds', 'get', (c) => c.sounds.get('hello-world')],
  // mailboxes
  ['mailboxes', 'list', (c) => c.mailboxes.list()],
  ['mailboxes', 'get', (c) => c.mailboxes.get('1000@default')],
  ['mailboxes', 'update', (c) => c.mailboxes.update('1000@default', 1, 2)],
  ['mailboxes', 'delete', (c) => c.mailboxes.delete('1000@default')],
  // events (REST side)
  ['events', 'userEvent', (c) => c.events.userEvent('my-event', { application: 'hello-world', source: ['channel:c1', 'bridge:b1'], variables: V })],
  ['events', 'claimChannel', (c) => c.events.claimChannel('c1', 'hello-world')],
];

interface Param {
  name: string;
  paramType: string;
  dataType: string;
  required?: boolean;
  allowMultiple?: boolean;
}
interface Op {
  file: string;
  nickname: string;
  method: string;
  template: string;
  regex: RegExp;
  literals: number;
  params: Param[];
}

function loadOps(dir: string): Op[] {
  const ops: Op[] = [];
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.json') && x !== 'resources.json')) {
    const doc = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as {
      apis?: { path: string; operations: { httpMethod: string; nickname: string; parameters?: Param[]; upgrade?: string }[] }[];
    };
    for (const api of doc.apis ?? []) {
      for (const op of api.operations) {
        const parts = api.path.split('/').filter(Boolean);
        ops.push({
          file: f.replace(/\.json$/, ''),
          nickname: op.nickname,
          method: op.httpMethod,
          template: api.path,
          regex: new RegExp(`^/ari/${parts.map((p) => (p.startsWith('{') ? '[^/]+' : p)).join('/')}$`),
          literals: parts.filter((p) => !p.startsWith('{')).length,
          params: op.parameters ?? [],
        });
      }
    }
  }
  return ops;
}

test('conformance: every client method matches the ARI docs, and every documented operation is covered', async () => {
  const dir = fixtureDir('ari-api-docs');
  const ops = loadOps(dir);
  const restOps = ops.filter((o) => !(o.file === 'events' && o.nickname === 'eventWebsocket'));
  assert.ok(
    ops.some((o) => o.nickname === 'eventWebsocket'),
    'the WebSocket operation is covered by AriEventSocket',
  );

  let captured: { url: string; init: FetchInitLike } | undefined;
  const fetch: FetchLike = async (url, init) => {
    captured = { url, init };
    const ok = { forEach: () => undefined, get: () => null };
    return { status: 204, headers: ok, text: async () => '', arrayBuffer: async () => new ArrayBuffer(0) };
  };
  const client = new AriRestClient({ url: 'http://127.0.0.1:1', username: 'test', password: 'test_password' }, { fetch });
  const covered = new Map<Op, Set<string>>();
  try {
    for (const [file, nickname, call] of calls) {
      const op = restOps.find((o) => o.file === file && o.nickname === nickname);
      assert.ok(op, `no documented operation ${file}.${nickname}`);
      captured = undefined;
      await call(client);
      // (a cast: TypeScript cannot see that the call above assigned it)
      const got = captured as { url: string; init: FetchInitLike } | undefined;
      assert.ok(got, `${file}.${nickname} sent nothing`);
      const { url, init } = got;
      const u = new URL(url);
      const where = `${file}.${nickname} (${init.method} ${u.pathname})`;
      assert.equal(init.method, op.method, where);
      assert.match(u.pathname, op.regex, where);
      // The most specific documented path for this URL must be this operation (e.g.
      // /channels/create is not /channels/{channelId}).
      const best = restOps.filter((o) => o.method === init.method && o.regex.test(u.pathname)).sort((a, b) => b.literals - a.literals)[0];
      assert.equal(`${best.file}.${best.nickname}`, `${file}.${nickname}`, where);
      assert.match(init.headers.Authorization, /^Basic /, where);
      assert.ok(!url.includes('api_key'), where);

      const sent = covered.get(op) ?? new Set<string>();
      covered.set(op, sent);
      const queryParams = new Map(op.params.filter((p) => p.paramType === 'query').map((p) => [p.name, p]));
      for (const [name, value] of u.searchParams) {
        const p = queryParams.get(name);
        assert.ok(p, `${where}: query parameter '${name}' is not documented`);
        if (p.dataType === 'boolean') assert.match(value, /^(true|false)$/, `${where}: ${name}`);
        if (p.dataType === 'int' || p.dataType === 'long') assert.match(value, /^-?\d+$/, `${where}: ${name}`);
        if (value.includes(',') && !p.allowMultiple)
          assert.ok(['appArgs', 'configuration', 'formats', 'type', 'callerId'].includes(name), `${where}: ${name} is not a list`);
        sent.add(name);
      }
      for (const p of queryParams.values()) {
        if (p.required) assert.ok(u.searchParams.has(p.name), `${where}: required '${p.name}' missing`);
      }
      const bodyParam = op.params.find((p) => p.paramType === 'body');
      if (init.body !== undefined) {
        assert.ok(bodyParam, `${where}: sends a body the docs do not take`);
        assert.equal(init.headers['Content-Type'], 'application/json', where);
        const body = JSON.parse(init.body) as Record<string, unknown>;
        if (bodyParam.name === 'filter') {
          for (const k of Object.keys(body)) assert.ok(['allowed', 'disallowed'].includes(k), `${where}: filter key ${k}`);
        } else {
          assert.deepEqual(Object.keys(body), [bodyParam.name], where);
        }
        sent.add(bodyParam.name);
      } else if (bodyParam?.required) {
        assert.fail(`${where}: required body '${bodyParam.name}' missing`);
      }
    }
  } finally {
    client.dispose();
  }
  const missing = restOps.filter((o) => !covered.has(o)).map((o) => `${o.file}.${o.nickname}`);
  assert.deepEqual(missing, [], 'documented operations without a client method');
  for (const [op, sent] of covered) {
    const unsent = op.params.filter((p) => p.paramType !== 'path' && !sent.has(p.name)).map((p) => p.name);
    assert.deepEqual(unsent, [], `${op.file}.${op.nickname}: documented parameters the client cannot send`);
  }
  assert.equal(covered.size, restOps.length);
  console.log(`# ${restOps.length} REST operations (+ the events WebSocket) covered by ${calls.length} client calls`);
});
