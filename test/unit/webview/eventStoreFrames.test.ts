// Frames handed over as (read buffer, offset, length), as the session's records give them:
// held without a view per event, read back exactly, kept through resize, mixed with text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventStore } from '../../../src/extension/webviews/eventStore';
import { describeText } from '../../../src/extension/webviews/storedEvent';
import { channel, ev } from './fixtures';

test('frames given as buffer ranges read back exactly through wraps and resize, mixed with text and bytes', () => {
  const s = new EventStore(7);
  const held: string[] = [];
  const read = Buffer.from('x'.repeat(10));
  for (let i = 0; i < 60; i++) {
    const text = JSON.stringify({ type: 'ChannelVarset', n: i, value: 'é'.repeat(i % 5) });
    const bytes = Buffer.from(text, 'utf8');
    if (i % 3 === 0) {
      const chunk = Buffer.concat([read, bytes, read]);
      s.pushFrame('ChannelVarset', 'app', '', '', i, chunk.buffer, chunk.byteOffset + read.length, bytes.length);
    } else if (i % 3 === 1) s.pushFacts('ChannelVarset', 'app', '', '', i, bytes);
    else s.pushFacts('ChannelVarset', 'app', '', '', i, text);
    held.push(text);
    if (held.length > s.capacity) held.shift();
    if (i === 30 || i === 45) {
      s.resize(i === 30 ? 3 : 9);
      held.splice(0, Math.max(0, held.length - s.capacity));
    }
    assert.equal(s.size, held.length);
    for (let n = s.firstN; n < s.nextN; n++) assert.equal(s.jsonAt(n), held[n - s.firstN]);
  }
  const last = s.get(s.nextN - 1);
  assert.equal(last?.json, held[held.length - 1]);
  assert.equal(last?.summary !== undefined, true);
  assert.deepEqual(s.typeCounts(), { ChannelVarset: held.length });
});

test('the newest events describe themselves from the parsed object the session gave, the same rows as from their frames', () => {
  const withParsed = new EventStore(500);
  const plain = new EventStore(500);
  const given: object[] = [];
  for (let i = 0; i < 300; i++) {
    const event = ev('ChannelStateChange', { channel: channel(`c${i}`, `PJSIP/alice-${i}`) }, 'hello-world') as { type: string };
    const bytes = Buffer.from(JSON.stringify(event));
    withParsed.pushFrame(event.type, 'hello-world', `c${i}`, '', i, bytes.buffer, bytes.byteOffset, bytes.length, '', event);
    plain.pushFrame(event.type, 'hello-world', `c${i}`, '', i, bytes.buffer, bytes.byteOffset, bytes.length);
    given.push(event);
  }
  for (let n = 0; n < 300; n++) {
    const a = withParsed.get(n);
    const b = plain.get(n);
    assert.deepEqual([a?.object, a?.summary, a?.time, a?.channelIds, a?.channelNames], [b?.object, b?.summary, b?.time, b?.channelIds, b?.channelNames]);
    assert.deepEqual(withParsed.factsAt(n), describeText(plain.jsonAt(n)));
  }
  // The object given is what the newest rows are described from (no second parse of the frame).
  (given[299] as { channel: { name: string } }).channel.name = 'PJSIP/described-from-the-object';
  assert.deepEqual(withParsed.get(299)?.channelNames, ['PJSIP/described-from-the-object']);
  assert.deepEqual(withParsed.get(0)?.channelNames, ['PJSIP/alice-0'], 'older events: from their frames');
  assert.deepEqual(plain.get(299)?.channelNames, ['PJSIP/alice-299']);
  withParsed.clear();
  assert.equal(withParsed.get(299), undefined);
});

test('an event kept truncated is described from its stand-in, not from the parsed object', () => {
  const s = new EventStore(10, { maxEventBytes: 200 });
  const event = ev('ChannelVarset', { variable: 'BIG', value: 'v'.repeat(1000), channel: channel('c1', 'PJSIP/1') }, 'hello-world') as { type: string };
  const bytes = Buffer.from(JSON.stringify(event));
  const n = s.pushFrame(event.type, 'hello-world', 'c1', '', 0, bytes.buffer, bytes.byteOffset, bytes.length, '', event);
  const e = s.get(n);
  assert.match(e?.json ?? '', /"truncated"/);
  assert.deepEqual(e?.channelNames, []);
  assert.equal(s.truncatedEvents, 1);
});
