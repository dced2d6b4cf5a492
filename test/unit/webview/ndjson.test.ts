import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeBadLines, parseNdjson, toNdjson } from '../../../src/extension/webviews/ndjson';
import { EventStore } from '../../../src/extension/webviews/eventStore';
import { EventView } from '../../../src/extension/webviews/eventView';
import { channelCreated, stasisStart, varset } from './fixtures';

test('export writes one event JSON per line and reads back the same events', () => {
  const events = [channelCreated('1.1'), stasisStart('1.1'), varset('1.1', 'X', 'multi\nline')];
  const store = new EventStore(10);
  events.forEach((e, i) => store.push(e, i));
  const text = toNdjson([...new EventView(store).events()].map((e) => e.json));
  const lines = text.split('\n');
  assert.equal(lines.length, 4, 'three lines and the final newline');
  assert.equal(lines[3], '');
  const back = parseNdjson(text);
  assert.deepEqual(back.errors, []);
  assert.deepEqual(
    back.events.map((e) => e.event),
    events,
  );
});

test('import keeps good lines and reports bad ones by line number', () => {
  const good = JSON.stringify(stasisStart('2.1'));
  const text = [good, '{not json', '', '[1,2]', '{"no":"type"}', '  ', JSON.stringify(channelCreated('2.2')), '"str"'].join('\r\n');
  const r = parseNdjson(text);
  assert.deepEqual(
    r.events.map((e) => [e.line, e.event.type]),
    [
      [1, 'StasisStart'],
      [7, 'ChannelCreated'],
    ],
  );
  assert.deepEqual(
    r.errors.map((e) => e.line),
    [2, 4, 5, 8],
  );
  assert.match(describeBadLines(r.errors), /^lines 2 \(not JSON.*4 \(not a JSON object\), 5 \(no "type" field\), 8/);
  assert.match(describeBadLines(r.errors, 2), /and 2 more$/);
});

test('nothing secret leaves in an export', () => {
  const e = varset('3.1', 'URL', 'http://asterisk:s3cret@pbx/ari/events?api_key=asterisk:s3cret');
  const text = toNdjson([JSON.stringify(e)]);
  assert.ok(!text.includes('s3cret'));
  assert.equal(parseNdjson(text).errors.length, 0, 'still valid JSON');
});
