// The ingest path's cadence under a sustained stream, end to end without VS Code: socket ->
// AriSession batches -> LiveFeed -> EventStore -> EventViewController posts. Every event
// arrives in order, within one batch interval, and each batch costs one timer wake-up: the
// panel posts in the session's flush instead of arming its own timer.
import { afterEach, beforeEach, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { AriSession } from '../../../src/extension/connection/session';
import { EventStore } from '../../../src/extension/webviews/eventStore';
import { EventViewController, type EventViewHost, type WebviewPort } from '../../../src/extension/webviews/eventViewController';
import { LiveFeed } from '../../../src/extension/webviews/liveFeed';
import { Emitter } from '../../../src/extension/util/emitter';
import { nullLogger } from '../../../src/extension/util/logger';
import type { ExtensionToWebview } from '../../../src/shared/protocol';
import { channel, ev, inStasis } from '../state/fixtures';
import { FakeRest, FakeSocket } from './fakes';

const BATCH_MS = 100;

beforeEach(() => mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 0 }));
afterEach(() => mock.timers.reset());

async function pipeline(): Promise<{
  sock: FakeSocket;
  store: EventStore;
  posts: { at: number; total: number }[];
  timersArmed: () => number;
  dispose: () => void;
}> {
  const sock = new FakeSocket();
  const rest = new FakeRest();
  rest.server.channels = [inStasis('A')];
  const session = new AriSession(
    { connection: { url: 'http://127.0.0.1:1', username: 'u', password: 'p' }, apps: ['app'], subscribeAll: true, batchMs: BATCH_MS },
    { socket: sock.asSocket(), rest: rest.asRest(), now: () => Date.now() },
  );
  const p = session.start();
  sock.open();
  await p;
  const store = new EventStore(10_000);
  const host: EventViewHost = {
    liveStore: store,
    log: nullLogger,
    liveSource: () => ({ kind: 'live', label: 'live: test' }),
    eventTypes: () => [],
    exportEvents: async () => undefined,
    openLog: async () => undefined,
    liveStoreChanged: () => undefined,
  };
  const incoming = new Emitter<unknown>();
  const posts: { at: number; total: number }[] = [];
  const port: WebviewPort = {
    postMessage: (m: ExtensionToWebview) => {
      if (m.kind === 'update' && m.tail) posts.push({ at: Date.now(), total: m.total });
      return Promise.resolve(true);
    },
    onDidReceiveMessage: (l) => incoming.event(l),
  };
  let armed = 0;
  const timers = {
    setTimeout: (fn: () => void, ms: number) => {
      armed++;
      return setTimeout(fn, ms);
    },
    clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout),
  };
  const controller = new EventViewController(port, host, undefined, timers);
  await controller.handle({ kind: 'ready' });
  const feed = new LiveFeed({ active: session, onDidChangeActive: () => ({ dispose: () => undefined }) }, store, () => controller.storeBatched());
  return {
    sock,
    store,
    posts,
    timersArmed: () => armed,
    dispose: () => {
      feed.dispose();
      controller.dispose();
      session.dispose();
    },
  };
}

test('a sustained stream: every event reaches the panel in order, each within one batch interval, at most one post per interval', async () => {
  const { sock, store, posts, timersArmed, dispose } = await pipeline();
  // 3 events every 2 ms for 1 s: 1,500 events/s, like a busy server.
  const EVENTS = 1500;
  const sentAt: number[] = [];
  for (let i = 0; i < EVENTS; i++) {
    sentAt.push(Date.now());
    sock.emit(ev.created(channel(`c${i}`)));
    if (i % 3 === 2) mock.timers.tick(2);
  }
  mock.timers.tick(BATCH_MS);
  assert.equal(store.size, EVENTS, 'every event is in the store');
  for (let n = 0; n < EVENTS; n++) assert.match(store.get(n)?.json ?? '', new RegExp(`"c${n}"`), `event ${n} in order`);
  // Each event was posted by the first post at or after it arrived, at most BATCH_MS later.
  for (let i = 0; i < EVENTS; i += 37) {
    const first = posts.find((p) => p.total > i);
    assert.ok(first, `event ${i} was posted`);
    assert.ok(first.at - sentAt[i] <= BATCH_MS, `event ${i} posted ${first.at - sentAt[i]} ms after it arrived`);
  }
  assert.equal(posts[posts.length - 1].total, EVENTS);
  const spanMs = posts[posts.length - 1].at - posts[0].at;
  assert.ok(posts.length <= Math.floor(spanMs / BATCH_MS) + 1, `${posts.length} posts in ${spanMs} ms`);
  assert.equal(timersArmed(), 0, 'the panel armed no timer of its own');
  dispose();
});

test('a lone event is flushed within one interval, not before', async () => {
  const { sock, store, posts, dispose } = await pipeline();
  mock.timers.tick(1000);
  assert.equal(posts.length, 0);
  sock.emit(ev.created(channel('X')));
  mock.timers.tick(BATCH_MS - 1);
  assert.equal(posts.length, 0, 'not before the interval');
  mock.timers.tick(1);
  assert.equal(posts.length, 1);
  assert.equal(store.size, 1);
  dispose();
});
