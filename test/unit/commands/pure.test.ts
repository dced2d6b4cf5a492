import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Channel } from '../../../src/extension/ari/models.generated';
import type { AriEvent } from '../../../src/extension/ari/events.generated';
import { channelEntry, stasisAppOf, targetIds } from '../../../src/extension/commands/describe';
import { CommandError, describeFailure, forEachId } from '../../../src/extension/commands/failures';
import { describeOutcome, outcomeFromEvent, type OriginateOutcome } from '../../../src/extension/commands/actions/originate';
import { HISTORY_KEY, InvokeHistory, historyLabel, type HistoryEntry, type KeyValueStore } from '../../../src/extension/commands/invoker/history';
import { suggestionSource } from '../../../src/extension/commands/invoker/suggest';
import { soundLanguages } from '../../../src/extension/commands/actions/server';
import type { AriSession } from '../../../src/extension/connection/session';
import type { CommandSession } from '../../../src/extension/commands/session';
import { ariChannel } from '../shared/ari';
import { transcriptDir } from '../shared/fixtures';

// The command implementations take a structural CommandSession; the real session must fit it.
export const _sessionFits = (s: AriSession): CommandSession => s;

const transcripts = transcriptDir;

function channel(over: Partial<Channel> = {}): Channel & { app?: string } {
  const ch: Channel & { app?: string } = ariChannel('1.1', {
    name: 'Local/100@default-00000001;1',
    dialplan: { context: 'default', exten: '100', priority: 2, app_name: 'Stasis', app_data: 'hello-world,a1' },
    creationtime: '',
    ...over,
  });
  // As the state model does: a channel at a Stasis() dialplan step is in that app.
  if (ch.dialplan?.app_name === 'Stasis') ch.app = ch.dialplan.app_data.split(',')[0];
  return ch;
}

test('targetIds: clicked node, multi-selection, palette', () => {
  const a = { kind: 'channel', id: 'a' };
  const b = { kind: 'channel', id: 'b' };
  const br = { kind: 'bridge', id: 'x' };
  assert.equal(targetIds(['channel'], undefined, undefined), undefined, 'palette');
  assert.equal(targetIds(['channel'], br, undefined), undefined, 'wrong kind');
  assert.deepEqual(targetIds(['channel'], a, undefined), ['a']);
  assert.deepEqual(targetIds(['channel'], a, [a, b, br]), ['a', 'b'], 'selection, other kinds dropped');
  assert.deepEqual(targetIds(['channel'], a, [b, br]), ['a'], 'clicked outside the selection');
  assert.deepEqual(targetIds(['channel'], a, [a]), ['a']);
});

test('channel QuickPick entry: state, caller, Stasis app, dialplan location', () => {
  const ch = channel();
  assert.equal(stasisAppOf(ch), 'hello-world');
  const e = channelEntry({ ...ch, bridgeId: 'br1' });
  assert.equal(e.label, ch.name);
  assert.equal(e.description, 'Up · "Alice" 1001 · Stasis(hello-world)');
  assert.match(e.detail ?? '', /at default,100,2 · in bridge br1 · id 1\.1/);
  const plain = channel({ dialplan: { context: 'default', exten: '100', priority: 2, app_name: 'Wait', app_data: '600' }, caller: { name: '', number: '' } });
  assert.equal(stasisAppOf(plain), undefined);
  assert.equal(channelEntry(plain).description, 'Up · Wait');
});

test('describeFailure: status, server message and hint', () => {
  const err = Object.assign(new Error('DELETE /ari/channels/x failed: 404 Channel not found'), {
    status: 404,
    serverMessage: 'Channel not found',
    hint: 'The object does not exist (any more).',
  });
  const f = describeFailure('hang up channel x', err);
  assert.equal(f.message, 'Could not hang up channel x: 404 Channel not found. The object does not exist (any more).');
  assert.equal(f.status, 404);
  assert.equal(describeFailure('x', new Error('boom')).message, 'Could not x: boom');
  assert.strictEqual(describeFailure('y', f), f, 'not wrapped twice');
});

test('forEachId runs every call and names each failure', async () => {
  const r = await forEachId(
    ['a', 'b'],
    (id) => `do ${id}`,
    async () => undefined,
  );
  assert.deepEqual(r.succeeded, ['a', 'b']);
  await assert.rejects(
    forEachId(
      ['a', 'b', 'c'],
      (id) => `do ${id}`,
      async (id) => {
        if (id !== 'b') throw new Error(`no ${id}`);
      },
    ),
    (err: CommandError) => err.message === '2 of 3 failed: Could not do a: no a | Could not do c: no c',
  );
});

test('originate outcome from events: Up, Stasis, destroyed; others ignored', () => {
  const ch = channel({ id: 'o1', state: 'Ring' });
  const ev = (type: string, extra: object = {}): AriEvent => ({ type, application: 'x', timestamp: '', channel: ch, ...extra }) as unknown as AriEvent;
  const o1 = { id: 'o1', name: ch.name };
  assert.equal(outcomeFromEvent(o1, ev('ChannelDialplan')), undefined);
  assert.equal(outcomeFromEvent({ id: 'other', name: 'PJSIP/x-1' }, ev('ChannelDestroyed', { cause: 0 })), undefined);
  assert.equal(outcomeFromEvent(o1, { ...ev('ChannelStateChange'), channel: { ...ch, state: 'Up' } } as AriEvent)?.kind, 'up');
  assert.equal(outcomeFromEvent(o1, ev('StasisStart'))?.kind, 'stasis');
  const d = outcomeFromEvent(o1, ev('ChannelDestroyed', { cause: 19, cause_txt: 'User alerting, no answer' }));
  assert.deepEqual(d && d.kind === 'destroyed' && [d.cause, d.causeText], [19, 'User alerting, no answer']);
  assert.match(describeOutcome('Local/103@default', d as OriginateOutcome), /ended: .* cause 19 "User alerting, no answer"\.$/);
});

test('originate outcome of a Local call: the ;2 half entering Stasis is the one named', () => {
  const half1 = channel({ id: 'l1', name: 'Local/1776@from-test-0000002a;1', state: 'Up' });
  const half2 = channel({ id: 'l2', name: 'Local/1776@from-test-0000002a;2', state: 'Up' });
  const ev = (type: string, c: Channel): AriEvent => ({ type, application: 'hello-world', timestamp: '', channel: c }) as unknown as AriEvent;
  const o = outcomeFromEvent(half1, ev('StasisStart', half2));
  assert.equal(o?.kind, 'stasis');
  assert.equal(
    describeOutcome('Local/1776@from-test', o as OriginateOutcome),
    'Called Local/1776@from-test: Local/1776@from-test-0000002a;2 entered Stasis(hello-world).',
  );
  assert.equal(outcomeFromEvent(half1, ev('ChannelDestroyed', half2)), undefined, "the other half's end is not the call's");
  assert.equal(outcomeFromEvent({ id: 'p1', name: 'PJSIP/alice-00000001' }, ev('StasisStart', { ...half2, name: 'PJSIP/alice-00000002' })), undefined);
});

test('originate outcome in transcript 18: 200, then destroyed with cause 0', () => {
  const entries = JSON.parse(readFileSync(path.join(transcripts, '18-dialplan-reload.json'), 'utf8')) as {
    kind: string;
    status?: number;
    body?: unknown;
    ws?: string;
  }[];
  const firstResponse = entries.find((e) => e.kind === 'response' && e.status === 200);
  const originated = firstResponse?.body as Channel;
  const outcomes = entries
    .filter((e) => e.kind === 'event' && e.ws === 'firehose')
    .map((e) => outcomeFromEvent(originated, e.body as AriEvent))
    .filter((o) => o !== undefined);
  assert.equal(outcomes[0]?.kind, 'destroyed');
  assert.match(
    describeOutcome('Local/1778@from-test', outcomes[0] as OriginateOutcome),
    /failed: .*;1 was destroyed at once \(cause 0\)\. Usually the extension or context does not exist/,
  );
});

test('history keeps the newest 50 first and ignores junk', async () => {
  const data = new Map<string, unknown>();
  const store: KeyValueStore = {
    get: <T>(key: string, def: T): T => (data.has(key) ? (data.get(key) as T) : def),
    update: async (key, value) => void data.set(key, value),
  };
  const h = new InvokeHistory(store, 50);
  const entry = (n: number): HistoryEntry => ({
    at: n,
    resource: 'channels',
    nickname: 'list',
    operationPath: '/channels',
    request: { method: 'GET', path: '/channels', query: { n: String(n) } },
    values: {},
    baseUrl: 'http://h/ari',
    username: 'test',
    status: 200,
  });
  for (let i = 0; i < 55; i++) await h.add(entry(i));
  const list = h.list();
  assert.equal(list.length, 50);
  assert.equal(list[0].at, 54);
  assert.equal(list[49].at, 5);
  assert.ok(!JSON.stringify(data.get(HISTORY_KEY)).includes('password'));
  data.set(HISTORY_KEY, [{ junk: true }, entry(1)]);
  assert.equal(h.list().length, 1);
  assert.match(historyLabel(entry(3)).label, /^GET \/channels$/);
  assert.match(historyLabel(entry(3)).description, /^200 · channels\.list · /);
});

test('parameter suggestions: live ids where they exist, none for new ids', () => {
  const op = (path: string, nickname = 'x') => ({ path, nickname });
  assert.equal(suggestionSource(op('/channels/{channelId}'), { name: 'channelId', paramType: 'path' }), 'channels');
  assert.equal(suggestionSource(op('/channels'), { name: 'channelId', paramType: 'query' }), undefined);
  assert.equal(suggestionSource(op('/channels/{channelId}', 'originateWithId'), { name: 'channelId', paramType: 'path' }), undefined);
  assert.equal(suggestionSource(op('/bridges/{bridgeId}/addChannel'), { name: 'channel', paramType: 'query' }), 'channels');
  assert.equal(suggestionSource(op('/recordings/live/{recordingName}/stop'), { name: 'recordingName', paramType: 'path' }), 'liveRecordings');
  assert.equal(suggestionSource(op('/recordings/stored/{recordingName}'), { name: 'recordingName', paramType: 'path' }), 'storedRecordings');
  assert.equal(suggestionSource(op('/applications/{applicationName}'), { name: 'applicationName', paramType: 'path' }), 'applications');
  assert.equal(suggestionSource(op('/deviceStates/{deviceName}'), { name: 'deviceName', paramType: 'path' }), 'deviceStates');
  assert.equal(suggestionSource(op('/asterisk/modules/{moduleName}'), { name: 'moduleName', paramType: 'path' }), 'modules');
});

test('sound languages are de-duplicated', () => {
  assert.deepEqual(
    soundLanguages({
      id: 'hello-world',
      formats: [
        { language: 'en', format: 'gsm' },
        { language: 'en', format: 'ulaw' },
        { language: 'ru', format: 'gsm' },
      ],
    }),
    ['en', 'ru'],
  );
});
