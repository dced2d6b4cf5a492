// The store's byte ring: frames handed over as bytes are copied into one ring that reuses the
// oldest events' bytes and grows when needed; mixed with text, resized and cleared, every held
// event reads back exactly as pushed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventStore } from '../../../src/extension/webviews/event-store';

function frame(i: number, size: number): string {
  return JSON.stringify({ type: 'ChannelVarset', n: i, pad: 'é'.repeat(size) });
}

test('frames as bytes, text and byte ranges read back exactly through wraps, growth, resize and clear', () => {
  let seed = 7;
  const rnd = (k: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % k;
  };
  const s = new EventStore(37);
  const pushed: string[] = [];
  for (let i = 0; i < 6000; i++) {
    // Mostly small frames, now and then a large one (forces the ring to grow).
    const size = rnd(50) === 0 ? 20_000 + rnd(300_000) : rnd(900);
    const text = frame(i, size);
    const kind = rnd(10);
    if (kind < 6) {
      const pre = Buffer.from(`xx${text}yyy`, 'utf8');
      s.pushFacts('ChannelVarset', 'app', '', '', i, pre, 2, pre.length - 5);
    } else if (kind < 8) s.pushFacts('ChannelVarset', 'app', '', '', i, new Uint8Array(Buffer.from(text, 'utf8')));
    else s.pushFacts('ChannelVarset', 'app', '', '', i, text);
    pushed.push(text);
    if (pushed.length > s.capacity) pushed.shift();
    if (i === 2000 || i === 3000) {
      s.resize(i === 2000 ? 11 : 80);
      pushed.splice(0, Math.max(0, pushed.length - s.capacity));
    }
    if (i === 4000) {
      s.clear();
      pushed.length = 0;
    }
    assert.equal(s.size, pushed.length);
    if (i % 7 === 0 || i > 5900) {
      for (let n = s.firstN; n < s.nextN; n++) assert.equal(s.jsonAt(n), pushed[n - s.firstN], `event ${n} after push ${i}`);
    }
  }
  assert.equal(s.get(s.nextN - 1)?.json, pushed[pushed.length - 1]);
});
