// Issue 14, finding 3: memory bounded by bytes, not only by count. A hostile server sends big
// frames over a real WebSocket; they go the real path (socket -> session -> live feed -> event
// store) and what the store keeps is measured as arrayBuffers and RSS, not only the heap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WebSocket } from 'ws';
import { EventStore } from '../../../src/extension/webviews/eventStore';
import { LiveFeed } from '../../../src/extension/webviews/liveFeed';
import { Emitter } from '../../../src/extension/util/emitter';
import type { AriSession } from '../../../src/extension/connection/session';
import { MemoryLogger } from '../../../src/extension/util/logger';
import { PASSWORD, USER, channelJson, enableGc, fastSession as fast, gc, startLocalAri, withDeadline, failOnUnhandledRejections } from './helpers';

failOnUnhandledRejections();
enableGc();

const MB = 1024 * 1024;

/** fastSession with a handshake deadline a loaded 2-core machine meets while big frames are built. */
function fastSession(url: string, over: Parameters<typeof fast>[1] = {}): ReturnType<typeof fast> {
  const log = new MemoryLogger();
  return fast(
    url,
    {
      connection: { url, username: USER, password: PASSWORD, log, timeoutMs: 30_000 },
      ...over,
      socket: { pingIntervalMs: 30_000, pongTimeoutMs: 30_000, ...over.socket },
    },
    log,
  );
}

/** Sends the frames one per event-loop turn, after the handshake has completed. */
function sendAll(ws: WebSocket, frames: () => Iterable<string>): void {
  const it = frames()[Symbol.iterator]();
  const step = (): void => {
    const r = it.next();
    if (r.done || ws.readyState !== ws.OPEN) return;
    ws.send(r.value, () => setImmediate(step));
  };
  setImmediate(step);
}

function varset(i: number, valueBytes: number): string {
  return JSON.stringify({
    type: 'ChannelVarset',
    application: 'fault-observer',
    timestamp: '2026-01-01T00:00:00.000+0000',
    variable: 'CALLERID(name)',
    value: 'v'.repeat(valueBytes),
    channel: channelJson(`big.${i}`),
  });
}

function feed(session: AriSession, store: EventStore): { dispose(): void; until(n: number): Promise<void> } {
  let seen = 0;
  const waiters: { n: number; resolve: () => void }[] = [];
  const active = new Emitter<AriSession | undefined>();
  const f = new LiveFeed({ active: session, onDidChangeActive: active.event }, store, () => {
    seen = store.nextN;
    for (const w of waiters.filter((x) => seen >= x.n)) w.resolve();
  });
  return {
    dispose: () => f.dispose(),
    until: (n) =>
      seen >= n ? Promise.resolve() : withDeadline(new Promise<void>((resolve) => waiters.push({ n, resolve })), 60_000, `${n} events in the store`),
  };
}

test('35 frames of 3 MiB through the real socket: each kept truncated with its size; arrayBuffers and RSS do not grow with them', async () => {
  const frames = 35;
  const ari = await startLocalAri({
    onSocket: (ws: WebSocket) =>
      sendAll(ws, function* () {
        for (let i = 0; i < frames; i++) yield varset(i, 3 * MB);
      }),
  });
  const { session } = fastSession(ari.url);
  const store = new EventStore(1000); // default budgets: 32 MiB, 1 MiB per event
  const f = feed(session, store);
  try {
    gc();
    const before = process.memoryUsage();
    await session.start();
    await f.until(frames);
    gc();
    const after = process.memoryUsage();
    assert.equal(store.size, frames);
    assert.equal(store.truncatedEvents, frames);
    const last = JSON.parse(store.jsonAt(store.nextN - 1)) as { type: string; truncated: { bytes: number }; head: string };
    assert.equal(last.type, 'ChannelVarset');
    assert.ok(last.truncated.bytes > 3 * MB, 'the marker gives the real size');
    assert.ok(store.bytes < frames * 8 * 1024, `the store holds ${store.bytes} bytes`);
    // Keeping them whole (the old behaviour) held 35 x 3 MiB = 105 MiB of arrayBuffers.
    const buffers = after.arrayBuffers - before.arrayBuffers;
    assert.ok(buffers < 16 * MB, `arrayBuffers grew ${Math.round(buffers / MB)} MB`);
    const rss = after.rss - before.rss;
    assert.ok(rss < 80 * MB, `RSS grew ${Math.round(rss / MB)} MB`);
  } finally {
    f.dispose();
    session.dispose();
    await ari.close();
  }
});

test('the store keeps at most its byte budget: oldest dropped first, counted; the newest always kept', async () => {
  const frames = 40;
  const ari = await startLocalAri({
    onSocket: (ws: WebSocket) =>
      sendAll(ws, function* () {
        for (let i = 0; i < frames; i++) yield varset(i, 500 * 1024);
      }),
  });
  const { session } = fastSession(ari.url);
  const store = new EventStore(10_000, { maxBytes: 4 * MB });
  const f = feed(session, store);
  try {
    await session.start();
    await f.until(frames);
    assert.ok(store.bytes <= 4 * MB, `${store.bytes} bytes held`);
    assert.ok(store.size >= 7 && store.size < frames, `${store.size} events held`);
    assert.equal(store.droppedForBytes, frames - store.size);
    assert.equal(store.firstN, frames - store.size, 'the oldest went first');
    assert.match(store.jsonAt(store.nextN - 1), /big\.39/);
    store.setLimits({ maxBytes: 1 });
    assert.equal(store.size, 1, 'a smaller budget applies at once, keeping the newest');
  } finally {
    f.dispose();
    session.dispose();
    await ari.close();
  }
});

test('a 40 MB frame is refused while it arrives (maxPayload matches the frame limit), never buffered whole', async () => {
  let closeCode = 0;
  let closed!: () => void;
  const serverSawClose = new Promise<void>((r) => (closed = r));
  let n = 0;
  const ari = await startLocalAri({
    onSocket: (ws: WebSocket) => {
      if (++n > 1) return;
      ws.on('close', (code) => {
        closeCode = code;
        closed();
      });
      sendAll(ws, () => [varset(0, 40 * MB)]);
    },
  });
  const { session, log } = fastSession(ari.url, { socket: { maxFrameBytes: 1 * MB } as never });
  try {
    gc();
    const before = process.memoryUsage().arrayBuffers;
    await session.start();
    await withDeadline(serverSawClose, 30_000, 'the client to refuse the frame');
    gc();
    const grew = process.memoryUsage().arrayBuffers - before;
    assert.equal(closeCode, 1009, 'closed as "message too big"');
    assert.ok(grew < 8 * MB, `arrayBuffers grew ${Math.round(grew / MB)} MB`);
    assert.ok(log.lines.join('\n').length < 100_000);
  } finally {
    session.dispose();
    await ari.close();
  }
});
