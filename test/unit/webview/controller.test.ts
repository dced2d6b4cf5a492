import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventStore } from '../../../src/extension/webviews/eventStore';
import { EventViewController, type EventViewHost, type WebviewPort } from '../../../src/extension/webviews/eventViewController';
import type { TimerApi } from '../../../src/extension/webviews/batcher';
import { Batcher } from '../../../src/extension/webviews/batcher';
import { LiveFeed, type EventSessionLike, type LiveEventRecord } from '../../../src/extension/webviews/liveFeed';
import { Emitter } from '../../../src/extension/util/emitter';
import { MemoryLogger } from '../../../src/extension/util/logger';
import { EMPTY_FILTER, type ExtensionToWebview, type RowsMessage, type StateMessage } from '../../../src/shared/protocol';
import { channelCreated, stasisStart, varset } from './fixtures';

/** Timers run only when the test says so: no sleeping, no wall clock. */
class ManualTimers implements TimerApi {
  private queue = new Map<number, () => void>();
  private next = 1;
  setTimeout(fn: () => void): unknown {
    const id = this.next++;
    this.queue.set(id, fn);
    return id;
  }
  clearTimeout(h: unknown): void {
    this.queue.delete(h as number);
  }
  get pending(): number {
    return this.queue.size;
  }
  runAll(): void {
    const fns = [...this.queue.values()];
    this.queue.clear();
    fns.forEach((f) => f());
  }
}

class FakePort implements WebviewPort {
  readonly posted: ExtensionToWebview[] = [];
  private readonly incoming = new Emitter<unknown>();
  postMessage(m: ExtensionToWebview): Promise<boolean> {
    this.posted.push(structuredClone(m));
    return Promise.resolve(true);
  }
  onDidReceiveMessage(l: (m: unknown) => void) {
    return this.incoming.event(l);
  }
  take(): ExtensionToWebview[] {
    return this.posted.splice(0);
  }
}

function setup(initial?: typeof EMPTY_FILTER, capacity = 1000) {
  const store = new EventStore(capacity);
  const log = new MemoryLogger();
  const host: EventViewHost = {
    liveStore: store,
    log,
    liveSource: () => ({ kind: 'live', label: 'live: test' }),
    eventTypes: () => ['ChannelCreated', 'StasisStart'],
    exportEvents: async (view) => `Exported ${view.total} events`,
    openLog: async () => {
      const s = new EventStore(2);
      s.push(stasisStart('log.1'), 0);
      return { store: s, label: 'log: x.ndjson', notice: 'skipped line 3' };
    },
    liveStoreChanged: () => undefined,
  };
  const port = new FakePort();
  const timers = new ManualTimers();
  const controller = new EventViewController(port, host, initial, timers);
  return { store, log, port, timers, controller };
}

test('nothing is posted before ready; ready gets the full state', async () => {
  const { store, port, controller } = setup();
  store.push(channelCreated('1'), 1);
  controller.storeChanged();
  assert.equal(port.posted.length, 0);
  await controller.handle({ kind: 'ready', filter: { ...EMPTY_FILTER, types: ['ChannelCreated'] } });
  const [state] = port.take() as StateMessage[];
  assert.equal(state.kind, 'state');
  assert.equal(state.total, 1);
  assert.deepEqual(state.filter.types, ['ChannelCreated'], "the webview's saved filter is used");
  assert.equal(state.source.label, 'live: test');
});

test('a filter from a command wins over the webview’s saved one', async () => {
  const { port, controller } = setup({ ...EMPTY_FILTER, channel: '1.5' });
  await controller.handle({ kind: 'ready', filter: { ...EMPTY_FILTER, text: 'old' } });
  const [state] = port.take() as StateMessage[];
  assert.equal(state.filter.channel, '1.5');
  assert.equal(state.filter.text, '');
});

test('batching: many store changes make one update per interval', async () => {
  const { store, port, timers, controller } = setup();
  await controller.handle({ kind: 'ready' });
  port.take();
  for (let batch = 0; batch < 5; batch++) {
    for (let i = 0; i < 40; i++) store.push(varset(`c${i}`, 'V', String(i)), i);
    controller.storeChanged();
  }
  assert.equal(port.posted.length, 0, 'nothing until the timer fires');
  assert.equal(timers.pending, 1, 'one timer for all the signals');
  timers.runAll();
  const posted = port.take();
  assert.equal(posted.length, 1);
  assert.equal(posted[0].kind, 'update');
  assert.equal(posted[0].kind === 'update' && posted[0].total, 200);
  const tail = posted[0].kind === 'update' ? posted[0].tail : undefined;
  assert.equal(tail?.rows.length, 100, 'the newest rows ride along (at most 100)');
  assert.equal(tail?.from, 100);
  assert.equal(tail?.rows[99].summary, 'V=39');
});

test('a session batch is posted at once, in the same wake-up, with no timer of its own', async () => {
  const { store, port, timers, controller } = setup();
  await controller.handle({ kind: 'ready' });
  port.take();
  for (let i = 0; i < 3; i++) store.push(varset(`c${i}`, 'V', String(i)), i);
  controller.storeChanged(); // e.g. a resize: a timer is armed
  for (let i = 3; i < 5; i++) store.push(varset(`c${i}`, 'V', String(i)), i);
  controller.storeBatched();
  const posted = port.take();
  assert.equal(posted.length, 1, 'one update for everything stored so far');
  assert.ok(posted[0].kind === 'update' && posted[0].total === 5);
  assert.deepEqual(posted[0].kind === 'update' ? posted[0].tail?.rows.map((r) => r.summary) : [], ['V=0', 'V=1', 'V=2', 'V=3', 'V=4']);
  assert.equal(timers.pending, 0, 'the pending timer was folded into this update');
  controller.storeBatched();
  assert.ok(
    port.take().every((m) => m.kind !== 'update' || m.tail === undefined),
    'nothing new: no rows resent',
  );
});

test('Batcher flushes once per schedule window', () => {
  const timers = new ManualTimers();
  let flushes = 0;
  const b = new Batcher(() => flushes++, 50, timers);
  for (let i = 0; i < 100; i++) b.schedule();
  timers.runAll();
  assert.equal(flushes, 1);
  b.schedule();
  b.flushNow();
  assert.equal(flushes, 2);
  assert.equal(timers.pending, 0);
});

test('rows are served by window with absolute positions; stale epochs get an empty reply', async () => {
  const { store, port, controller } = setup();
  for (let i = 0; i < 30; i++) store.push(channelCreated(`r.${i}`), i);
  await controller.handle({ kind: 'ready' });
  const state = port.take()[0] as StateMessage;
  await controller.handle({ kind: 'requestRows', requestId: 9, epoch: state.epoch, from: 10, to: 15 });
  const rows = port.take()[0] as RowsMessage;
  assert.equal(rows.requestId, 9);
  assert.equal(rows.from, 10);
  assert.deepEqual(
    rows.rows.map((r) => r.object),
    [10, 11, 12, 13, 14].map((i) => `Local/1776@from-test-r.${i};1`),
  );
  await controller.handle({ kind: 'requestRows', requestId: 10, epoch: state.epoch + 5, from: 0, to: 5 });
  const stale = port.take()[0] as RowsMessage;
  assert.deepEqual(stale.rows, []);
  assert.equal(stale.epoch, state.epoch + 5);
});

test('row requests use absolute positions: rows evicted since the request are skipped', async () => {
  const { store, port, timers, controller } = setup(undefined, 10);
  for (let i = 0; i < 10; i++) store.push(channelCreated(`e.${i}`), i);
  await controller.handle({ kind: 'ready' });
  const { epoch } = port.take()[0] as StateMessage;
  for (let i = 10; i < 15; i++) store.push(channelCreated(`e.${i}`), i);
  controller.storeChanged();
  timers.runAll();
  const upd = port.take()[0];
  assert.ok(upd.kind === 'update' && upd.base === 5 && upd.total === 10);
  await controller.handle({ kind: 'requestRows', requestId: 1, epoch, from: 3, to: 8 });
  const reply = port.take()[0] as RowsMessage;
  assert.equal(reply.from, 5);
  assert.deepEqual(
    reply.rows.map((r) => r.object),
    [5, 6, 7].map((i) => `Local/1776@from-test-e.${i};1`),
  );
});

test('malformed messages are logged and ignored', async () => {
  const { port, log, controller } = setup();
  await controller.handle({ kind: 'ready' });
  port.take();
  await controller.handle({ kind: 'requestRows', from: 'x' });
  await controller.handle({ kind: 'deleteEverything' });
  await controller.handle('ready');
  assert.equal(port.posted.length, 0);
  assert.equal(log.lines.filter((l) => l.includes('malformed')).length, 3);
});

test('pause, detail, clear, export and open log', async () => {
  const { store, port, timers, controller } = setup();
  store.push(channelCreated('p.1'), 1);
  await controller.handle({ kind: 'ready' });
  port.take();
  await controller.handle({ kind: 'setPaused', paused: true });
  assert.equal((port.take()[0] as StateMessage).paused, true);
  store.push(varset('p.1', 'A', 'b'), 2);
  store.push(varset('p.1', 'A', 'c'), 3);
  controller.storeChanged();
  timers.runAll();
  const upd = port.take()[0];
  assert.ok(upd.kind === 'update' && upd.held === 2 && upd.total === 1);
  await controller.handle({ kind: 'requestDetail', id: 0 });
  const detail = port.take()[0];
  assert.ok(detail.kind === 'detail' && JSON.parse(detail.json ?? '').type === 'ChannelCreated');
  assert.deepEqual(detail.kind === 'detail' && detail.channelIds, ['p.1']);
  await controller.handle({ kind: 'export' });
  assert.deepEqual(port.take()[0], { kind: 'notice', level: 'info', text: 'Exported 1 events' });
  await controller.handle({ kind: 'clear' });
  const cleared = port.take()[0] as StateMessage;
  assert.equal(cleared.total, 0);
  assert.equal(store.size, 0);
  await controller.handle({ kind: 'openLog' });
  const [logState, notice] = port.take();
  assert.ok(logState.kind === 'state' && logState.source.kind === 'log' && logState.total === 1);
  assert.ok(notice.kind === 'notice' && notice.level === 'warning');
  await controller.handle({ kind: 'showLive' });
  assert.ok((port.take()[0] as StateMessage).source.kind === 'live');
});

test('the live feed follows the active session and fires once per batch', () => {
  const store = new EventStore(100);
  const sessionA = new Emitter<LiveEventRecord[]>();
  const sessionB = new Emitter<LiveEventRecord[]>();
  const a: EventSessionLike = { onEvents: sessionA.event };
  const b: EventSessionLike = { onEvents: sessionB.event };
  const changed = new Emitter<EventSessionLike | undefined>();
  const source = { active: a as EventSessionLike | undefined, onDidChangeActive: changed.event };
  let batches = 0;
  const feed = new LiveFeed(source, store, () => batches++);
  sessionA.fire([
    { receivedAt: 1, event: channelCreated('f.1') },
    { receivedAt: 2, event: stasisStart('f.1') },
  ]);
  assert.equal(store.size, 2);
  assert.equal(batches, 1);
  changed.fire(b);
  sessionA.fire([{ receivedAt: 3, event: channelCreated('f.2') }]);
  assert.equal(store.size, 2, 'the old session is no longer followed');
  sessionB.fire([{ receivedAt: 4, event: channelCreated('f.3') }]);
  assert.equal(store.size, 3);
  feed.dispose();
  sessionB.fire([{ receivedAt: 5, event: channelCreated('f.4') }]);
  assert.equal(store.size, 3);
});
