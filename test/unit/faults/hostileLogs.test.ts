// Issue 14, finding 6: opening an event log streams it. A large crafted NDJSON file (a 20 MB
// line, bad lines, more events than the buffer) is read in chunks from disk into the event store:
// the event loop keeps turning, only the newest bufferSize events stay, memory stays bounded.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readNdjson } from '../../../src/extension/webviews/ndjson';
import { EventStore } from '../../../src/extension/webviews/eventStore';
import { enableGc, gc } from './helpers';

enableGc();
const MB = 1024 * 1024;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ari-hostile-logs-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function event(i: number): string {
  return JSON.stringify({
    type: 'ChannelVarset',
    application: 'a',
    timestamp: '2026-01-01T00:00:00.000+0000',
    variable: 'X',
    value: `n${i}`,
    channel: { id: `c.${i}`, name: `PJSIP/${i}` },
  });
}

test('a 60 MB log with a 20 MB line and bad lines: streamed, the loop keeps turning, newest kept, bounded, cancellable', async () => {
  const file = path.join(dir, 'big.ndjson');
  const out = fs.openSync(file, 'w');
  const total = 200_000;
  for (let i = 0; i < total; i++) {
    fs.writeSync(out, `${event(i)}\n`);
    if (i === 1000) {
      fs.writeSync(out, `{"type":"Huge","value":"${'x'.repeat(20 * MB)}"}\n`); // line 1002
      fs.writeSync(out, 'not json [x](command:evil)\n'); // line 1003
    }
  }
  fs.closeSync(out);
  const size = fs.statSync(file).size;
  assert.ok(size > 50 * MB, `${size} bytes`);

  let ticks = 0;
  let ticking = true;
  const tick = (): void => {
    ticks++;
    if (ticking) setImmediate(tick);
  };
  setImmediate(tick);

  gc();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakBuffers = before.arrayBuffers;
  const store = new EventStore(1000);
  const progress: number[] = [];
  const r = await readNdjson(fs.createReadStream(file, { highWaterMark: MB }), (p) => store.push(p.event, 0, p.json), {
    onProgress: (b) => {
      progress.push(b);
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakBuffers = Math.max(peakBuffers, m.arrayBuffers);
    },
  });
  ticking = false;

  assert.equal(r.events, total);
  assert.equal(r.errorCount, 2);
  assert.deepEqual(
    r.errors.map((e) => e.line),
    [1002, 1003],
  );
  assert.match(r.errors[0].message, /longer than/);
  assert.ok(!r.errors.some((e) => e.message.includes('command:')), 'no line text in messages');
  assert.equal(store.size, 1000, 'only the newest bufferSize events');
  assert.match(store.jsonAt(store.nextN - 1), /"n199999"/);
  assert.equal(progress.at(-1), size);
  assert.ok(ticks > progress.length, `the event loop turned ${ticks} times during the read`);
  // The whole file would be > 60 MB of buffer plus ~120 MB as a string.
  assert.ok(peakBuffers - before.arrayBuffers < 24 * MB, `arrayBuffers peaked +${Math.round((peakBuffers - before.arrayBuffers) / MB)} MB`);
  assert.ok(peakRss - before.rss < 150 * MB, `RSS peaked +${Math.round((peakRss - before.rss) / MB)} MB`);

  // Cancelled after the first chunk: stops, says so.
  let chunks = 0;
  const c = await readNdjson(fs.createReadStream(file, { highWaterMark: MB }), () => undefined, { onProgress: () => chunks++, isCancelled: () => chunks >= 1 });
  assert.ok(c.cancelled);
  assert.ok(c.events < total);
});
