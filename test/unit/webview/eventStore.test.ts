// The store keeps each event's frame as given (pretty text or bytes) and works out rows lazily;
// export compacts the pretty text to one line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventStore } from '../../../src/extension/webviews/eventStore';
import { EventView } from '../../../src/extension/webviews/eventView';
import { compactJson, parseNdjson, toNdjson } from '../../../src/extension/webviews/ndjson';
import { EMPTY_FILTER } from '../../../src/shared/protocol';
import { channelCreated, varset } from './fixtures';

test('frames handed over as pretty text or bytes are kept as given and described when shown', () => {
  const s = new EventStore(10);
  const a = channelCreated('9.1');
  const b = varset('9.1', 'NOTE', 'two  spaces\tand a tab');
  const prettyA = JSON.stringify(a, null, 2);
  s.pushFacts('ChannelCreated', String((a as { application?: string }).application ?? ''), '9.1', '', 5, Buffer.from(prettyA, 'utf8'));
  s.push(b, 6, JSON.stringify(b, null, 2));
  assert.equal(s.get(0)?.json, prettyA);
  const v = new EventView(s);
  const rows = v.rows(0, 2);
  assert.equal(rows[0].object, 'Local/1776@from-test-9.1;1');
  assert.equal(rows[1].summary, 'NOTE=two spaces and a tab');
  v.setFilter({ ...EMPTY_FILTER, channel: '9.1' });
  assert.equal(v.total, 2);
  v.setFilter({ ...EMPTY_FILTER, text: 'TWO  SPACES' });
  assert.equal(v.total, 1);
  assert.deepEqual(s.typeCounts(), { ChannelCreated: 1, ChannelVarset: 1 });
});

test('export compacts pretty-printed events to one line each, strings untouched', () => {
  const e = varset('9.2', 'V', 'a  b\n"c"');
  const pretty = JSON.stringify(e, null, 2);
  assert.equal(compactJson(pretty), JSON.stringify(e));
  const text = toNdjson([pretty, pretty]);
  assert.equal(text.split('\n').length, 3);
  assert.deepEqual(
    parseNdjson(text).events.map((p) => p.event),
    [e, e],
  );
});

test('counts per type follow evictions and resizes', () => {
  const s = new EventStore(3);
  for (let i = 0; i < 5; i++) s.push(i % 2 ? varset(`c${i}`, 'X', 'y') : channelCreated(`c${i}`), i);
  assert.deepEqual(s.typeCounts(), { ChannelCreated: 2, ChannelVarset: 1 });
  s.resize(2);
  assert.deepEqual(s.typeCounts(), { ChannelVarset: 1, ChannelCreated: 1 });
  assert.equal(s.firstN, 3);
  assert.equal(s.get(3)?.type, 'ChannelVarset');
  assert.equal(s.get(2), undefined);
});

test('a server that sends endless new event types: counts and every held type stay right as the dictionary starts over', () => {
  const s = new EventStore(10);
  // Far past the dictionary's slack (4,096 types beyond the held events): it starts over more than once.
  for (let i = 0; i < 10_000; i++) s.pushFacts(i % 3 === 0 ? 'ChannelVarset' : `Custom${i}`, 'app', '', '', i, '{}');
  const held = Array.from({ length: s.size }, (_, k) => s.firstN + k);
  const expected = held.map((n) => (n % 3 === 0 ? 'ChannelVarset' : `Custom${n}`));
  assert.deepEqual(
    held.map((n) => s.typeAt(n)),
    expected,
  );
  assert.deepEqual(s.typeCounts(), Object.fromEntries([...new Set(expected)].map((t) => [t, expected.filter((x) => x === t).length])));
  s.resize(4);
  assert.deepEqual(s.seenTypes().sort(), [...new Set(expected.slice(-4))].sort());
  assert.equal(s.typeAt(s.nextN - 2), 'Custom9998');
});
