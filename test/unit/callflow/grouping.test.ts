// Grouping a call from the event buffer, on the real server's transcripts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CallIndex } from '../../../src/extension/callflow/core/grouping';
import { channelId, indexOf, transcriptEvents } from './transcript';

const demo = transcriptEvents('22-demo-traffic.json');

test('demo traffic: 12 calls, the 4 bridged pairs each one call with their bridge', () => {
  const calls = indexOf(demo).calls();
  assert.equal(calls.length, 8);
  const bridged = calls.filter((c) => c.bridges.length > 0);
  assert.equal(bridged.length, 4);
  for (const c of bridged) {
    assert.equal(c.channels.length, 4, 'two Local pairs');
    assert.equal(c.bridges.length, 1);
    assert.match(c.bridges[0].name, /^demo-/);
  }
  for (const c of calls.filter((c) => c.bridges.length === 0)) {
    assert.equal(c.channels.length, 2, 'both halves of one Local pair');
    assert.equal(localPrefix(c.channels[0].name), localPrefix(c.channels[1].name));
  }
  assert.ok(
    calls.every((c) => !c.live),
    'every demo call ended',
  );
  assert.ok(calls[0].lastTime >= calls[calls.length - 1].lastTime, 'newest first');
});

function localPrefix(name: string): string {
  return name.replace(/;[12]$/, '');
}

test('a call keeps to its own channels: Carol alone is not joined to the bridged calls', () => {
  const index = indexOf(demo);
  const carol = index.callOfChannel(channelId(demo, '00000020;2'));
  assert.ok(carol);
  assert.equal(index.callOfChannel(channelId(demo, '00000020;1')), carol);
  assert.notEqual(index.callOfChannel(channelId(demo, '0000001e;2')), carol);
  const s = index.summary(carol);
  assert.equal(s?.caller, '"Carol" <1003>');
});

test('grouping grows live: two calls become one when a bridge joins them', () => {
  const index = new CallIndex();
  const alice = channelId(demo, '0000001e;2');
  const bob = channelId(demo, '0000001f;2');
  let joinedAt = -1;
  for (const { n, event } of demo) {
    index.ingest(n, event);
    const a = index.callOfChannel(alice);
    if (joinedAt < 0 && a !== undefined && a === index.callOfChannel(bob)) joinedAt = n;
  }
  assert.ok(joinedAt >= 0);
  assert.equal(demo[joinedAt].event.type, 'ChannelEnteredBridge');
});

test('the copy another app subscription delivers is dropped; a repeat from the same app is kept', () => {
  const index = new CallIndex();
  const e = { type: 'ChannelHangupRequest', timestamp: '2026-11-30T22:33:20.240+0000', cause: 16, channel: { id: '1.1', name: 'Local/1@x-1;1', state: 'Up' } };
  assert.equal(index.ingest(0, { ...e, application: 'firehose-app' }), true);
  assert.equal(index.ingest(1, { ...e, application: 'hello-world' }), false);
  assert.equal(index.ingest(2, { ...e, application: 'firehose-app' }), true);
  assert.deepEqual(index.eventsOf(index.callOfChannel('1.1') ?? ''), [0, 2]);
});

test('dial: the Local/100 halves are one call; failed dials are calls of their own', () => {
  const dial = transcriptEvents('16-dial.json');
  const index = indexOf(dial);
  const answered = index.callOfChannel(channelId(dial, '0000000e;1'));
  assert.equal(index.callOfChannel(channelId(dial, '0000000e;2')), answered);
  const noAnswer = index.callOfChannel(channelId(dial, '00000010;1'));
  assert.notEqual(noAnswer, answered);
  assert.equal(index.summary(noAnswer ?? '')?.channels.length, 2);
});

test('a Dial with caller and peer, and a shared linkedid, join channels into one call', () => {
  const index = new CallIndex();
  const ch = (id: string, name: string, linkedid = ''): Record<string, unknown> => ({ id, name, state: 'Up', linkedid });
  index.ingest(0, { type: 'ChannelCreated', channel: ch('a', 'PJSIP/alice-1') });
  index.ingest(1, { type: 'ChannelCreated', channel: ch('b', 'PJSIP/bob-2') });
  assert.notEqual(index.callOfChannel('a'), index.callOfChannel('b'));
  index.ingest(2, { type: 'Dial', dialstatus: '', caller: ch('a', 'PJSIP/alice-1'), peer: ch('b', 'PJSIP/bob-2') });
  assert.equal(index.callOfChannel('a'), index.callOfChannel('b'));
  index.ingest(3, { type: 'ChannelCreated', channel: ch('c', 'PJSIP/carol-3', 'a') });
  index.ingest(4, { type: 'ChannelCreated', channel: ch('d', 'PJSIP/dave-4', 'a') });
  assert.equal(index.callOfChannel('c'), index.callOfChannel('d'));
});

test('events about no channel or bridge are not part of any call', () => {
  const index = new CallIndex();
  assert.equal(index.ingest(0, { type: 'DeviceStateChanged', device_state: { name: 'x', state: 'INUSE' } }), false);
  assert.equal(index.ingest(1, { type: 'ChannelCreated', channel: { id: 7, name: 'bad' } }), false, 'a non-string id is not a channel');
  assert.deepEqual(index.calls(), []);
});
