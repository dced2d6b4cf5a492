// The batch hands its newest events out still parsed (the panel's rows describe them without
// a second parse) and every other event as its frame only, parsed again on first read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PendingBatch, RECENT_PARSED } from '../../../src/extension/connection/eventBatch';
import type { AriEvent } from '../../../src/extension/ari/events.generated';

function frame(i: number): { ev: AriEvent; raw: Buffer } {
  const text = JSON.stringify({
    type: 'ChannelVarset',
    application: 'hello-world',
    variable: 'N',
    value: String(i),
    channel: { id: `c${i}`, name: `PJSIP/${i}` },
  });
  // A frame inside a larger read, as the WebSocket hands them over.
  const read = Buffer.concat([Buffer.from('xx'), Buffer.from(text), Buffer.from('yy')]);
  return { ev: JSON.parse(text) as AriEvent, raw: read.subarray(2, 2 + Buffer.byteLength(text)) };
}

test('a batch keeps the parsed object of its newest events only, and forgets them once handed out', () => {
  const batch = new PendingBatch();
  const total = RECENT_PARSED + 50;
  const added = Array.from({ length: total }, (_, i) => frame(i));
  for (const f of added) batch.add(f.ev, 1000, f.raw, undefined, new Map());
  const records = batch.take(total);
  assert.equal(records.length, total);
  for (let i = 0; i < total; i++) {
    const r = records[i];
    if (i >= total - RECENT_PARSED) assert.equal(r.parsed, added[i].ev, `record ${i}: the batch's own parsed object`);
    else assert.equal(r.parsed, undefined, `record ${i}: only its frame`);
  }
  // An older record reads back an equal event from its frame.
  assert.deepEqual(records[0].event, added[0].ev);
  assert.equal(records[0].json, added[0].raw.toString('utf8'));

  // The next batch's records carry their own events, none left over from the last batch.
  const small = [frame(900), frame(901)];
  for (const f of small) batch.add(f.ev, 1000, f.raw, undefined, new Map());
  const next = batch.take(total + 2);
  assert.deepEqual(
    next.map((r) => r.parsed),
    small.map((f) => f.ev),
  );
});
