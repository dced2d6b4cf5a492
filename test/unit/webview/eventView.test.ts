import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventStore } from '../../../src/extension/webviews/eventStore';
import { EventView } from '../../../src/extension/webviews/eventView';
import { EMPTY_FILTER, type EventFilter } from '../../../src/shared/protocol';
import { bridgeCreated, channelCreated, deviceState, enteredBridge, playbackStarted, stasisStart, varset } from './fixtures';

function storeWith(events: object[], capacity = 100): EventStore {
  const s = new EventStore(capacity);
  events.forEach((e, i) => s.push(e, 1000 + i));
  return s;
}
const f = (patch: Partial<EventFilter>): EventFilter => ({ ...EMPTY_FILTER, ...patch });
const types = (v: EventView): string[] => v.rows(0, v.total).map((r) => r.type);

const sample = (): object[] => [
  channelCreated('1.1'),
  stasisStart('1.1'),
  varset('1.1', 'SECRET_HINT', 'Needle in JSON'),
  bridgeCreated('br-1', 'conference'),
  enteredBridge('1.1', 'br-1'),
  channelCreated('1.10'),
  playbackStarted('pb-7', '1.10'),
  deviceState('Stasis:demo', 'INUSE'),
];

test('store counts events per type and describes each row', () => {
  const s = storeWith(sample());
  assert.deepEqual(s.typeCounts(), {
    ChannelCreated: 2,
    StasisStart: 1,
    ChannelVarset: 1,
    BridgeCreated: 1,
    ChannelEnteredBridge: 1,
    PlaybackStarted: 1,
    DeviceStateChanged: 1,
  });
  const v = new EventView(s);
  const rows = v.rows(0, v.total);
  assert.equal(rows.length, 8);
  assert.equal(rows[0].object, 'Local/1776@from-test-1.1;1');
  assert.equal(rows[1].family, 'stasis');
  assert.equal(rows[2].summary, 'SECRET_HINT=Needle in JSON');
  assert.equal(rows[3].object, 'br-1');
  assert.equal(rows[6].object, 'pb-7');
  assert.equal(rows[7].summary, 'INUSE');
  assert.equal(rows[0].deltaMs, undefined);
  assert.equal(rows[1].deltaMs, 10, 'time since the previous row, from the event timestamps');
});

test('filters by type, text, channel (id exact or name), bridge and app', () => {
  const s = storeWith(sample());
  const v = new EventView(s);
  v.setFilter(f({ types: ['ChannelCreated', 'DeviceStateChanged'] }));
  assert.deepEqual(types(v), ['ChannelCreated', 'ChannelCreated', 'DeviceStateChanged']);
  v.setFilter(f({ text: 'needle IN json' }));
  assert.deepEqual(types(v), ['ChannelVarset']);
  v.setFilter(f({ channel: '1.1' }));
  assert.deepEqual(types(v), ['ChannelCreated', 'StasisStart', 'ChannelVarset', 'ChannelEnteredBridge'], '1.1 does not match 1.10');
  v.setFilter(f({ channel: '1.10' }));
  assert.deepEqual(types(v), ['ChannelCreated', 'PlaybackStarted'], 'a playback on the channel counts');
  v.setFilter(f({ channel: 'from-test-1.10' }));
  assert.deepEqual(types(v), ['ChannelCreated', 'PlaybackStarted'], 'part of a name, and the playback on that channel (issue 17)');
  v.setFilter(f({ channel: 'LOCAL/1776' }));
  assert.equal(v.total, 6, 'names match ignoring case (the playback on a Local/1776 channel too)');
  v.setFilter(f({ bridge: 'br-1' }));
  assert.deepEqual(types(v), ['BridgeCreated', 'ChannelEnteredBridge']);
  v.setFilter(f({ bridge: 'confer' }));
  assert.deepEqual(types(v), ['BridgeCreated']);
  v.setFilter(f({ app: 'HELLO-world' }));
  assert.deepEqual(types(v), ['StasisStart']);
  v.setFilter(f({ app: 'firehose-app', types: ['ChannelCreated'], channel: '1.10' }));
  assert.equal(v.total, 1);
  const epoch = v.epoch;
  v.setFilter(EMPTY_FILTER);
  assert.equal(v.total, 8);
  assert.ok(v.epoch > epoch, 'a new filter is a new epoch');
});

test('eviction drops rows from the front and advances base; counts follow the buffer', () => {
  const s = new EventStore(5);
  const v = new EventView(s, f({ types: ['ChannelCreated'] }));
  for (let i = 0; i < 5; i++) s.push(channelCreated(`c.${i}`), i);
  assert.deepEqual(v.sync(), { appended: 5, dropped: 0, rebuilt: false });
  for (let i = 5; i < 8; i++) s.push(varset(`c.${i}`, 'X', 'y'), i);
  assert.deepEqual(v.sync(), { appended: 0, dropped: 3, rebuilt: false });
  assert.equal(v.total, 2);
  assert.equal(v.base, 3);
  assert.deepEqual(s.typeCounts(), { ChannelCreated: 2, ChannelVarset: 3 });
  assert.equal(v.rows(0, 1)[0].object, 'Local/1776@from-test-c.3;1');
  // Many more than the capacity between two syncs.
  for (let i = 0; i < 23; i++) s.push(channelCreated(`d.${i}`), i);
  v.sync();
  assert.equal(v.total, 5);
  assert.deepEqual(
    v.rows(0, 5).map((r) => r.object),
    [18, 19, 20, 21, 22].map((i) => `Local/1776@from-test-d.${i};1`),
  );
});

test('pause holds new events (counted) and resume shows them', () => {
  const s = new EventStore(100);
  const v = new EventView(s);
  s.push(channelCreated('a'), 1);
  v.sync();
  v.setPaused(true);
  for (let i = 0; i < 4; i++) s.push(varset('a', 'V', String(i)), 2 + i);
  v.sync();
  assert.equal(v.total, 1);
  assert.equal(v.held, 4);
  v.setFilter(f({ types: ['ChannelVarset'] }));
  assert.equal(v.total, 0, 'a filter change while paused does not release held events');
  assert.equal(v.held, 4);
  const r = v.setPaused(false);
  assert.equal(r.appended, 4);
  assert.equal(v.held, 0);
  assert.equal(v.total, 4);
});

test('clearing the store rebuilds every view', () => {
  const s = storeWith(sample());
  const v = new EventView(s);
  const epoch = v.epoch;
  s.clear();
  assert.equal(v.sync().rebuilt, true);
  assert.equal(v.total, 0);
  assert.ok(v.epoch > epoch);
  assert.deepEqual(s.typeCounts(), {});
  s.push(channelCreated('z'), 1);
  v.sync();
  assert.equal(v.total, 1);
});

test('a text filter over a full, wrapped buffer finds exactly the matching events', () => {
  const s = new EventStore(10_000);
  for (let i = 0; i < 12_000; i++) s.push(i % 1000 === 0 ? varset(`x.${i}`, 'MARK', 'findme') : channelCreated(`x.${i}`), i);
  const v = new EventView(s, f({ text: 'FINDME' }));
  assert.equal(v.total, 10);
  assert.equal(s.size, 10_000);
});
