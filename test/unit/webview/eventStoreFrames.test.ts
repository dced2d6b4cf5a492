// Frames handed over as (read buffer, offset, length), as the session's records give them:
// held without a view per event, read back exactly, kept through resize, mixed with text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventStore } from '../../../src/extension/webviews/eventStore';

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
