// Several apps on one socket: Asterisk sends one copy of each event per app, the apps' copies
// interleaved in no fixed order (transcripts' surprise 16). One event stays one row, and it
// belongs to every app that got a copy, whichever came first and however late the others are.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AriEventSocket, type EventCopy } from '../../../src/extension/ari/events';
import type { AriEvent } from '../../../src/extension/ari/events.generated';
import { AriSession } from '../../../src/extension/connection/session';
import { compileFilter } from '../../../src/extension/webviews/eventFilter';
import { EventStore } from '../../../src/extension/webviews/eventStore';
import { EventView } from '../../../src/extension/webviews/eventView';
import { LiveFeed } from '../../../src/extension/webviews/liveFeed';
import { EMPTY_FILTER } from '../../../src/shared/protocol';
import { Emitter } from '../../../src/extension/util/emitter';
import { FakeRest, FakeSocket } from '../connection/fakes';

const frame = (i: number, app: string): string =>
  JSON.stringify(
    {
      type: i % 2 ? 'ChannelVarset' : 'ChannelDialplan',
      timestamp: `2026-12-04T10:00:00.${String(i).padStart(3, '0')}+0000`,
      n: i,
      asterisk_id: 'x',
      application: app,
    },
    null,
    2,
  );

/** 21 events; `observer`'s copies run 8 events ahead of hello-world's, as seen on the real server. */
function laggingCopies(): string[] {
  const out: string[] = [];
  const n = 21;
  for (let i = 0; i < n + 8; i++) {
    if (i < n) out.push(frame(i, 'observer'));
    if (i - 8 >= 0) out.push(frame(i - 8, 'hello-world'));
  }
  return out;
}

function socket(apps: string[]): AriEventSocket {
  return new AriEventSocket({ url: 'http://127.0.0.1:1/ari', username: 'u', password: 'p', apps });
}

test('a lagging app copy is reported as that app joining the first copy’s event, not a new event', () => {
  const s = socket(['observer', 'hello-world']);
  const events: AriEvent[] = [];
  const copies: EventCopy[] = [];
  s.onEvent((e) => events.push(e));
  s.onCopy((c) => copies.push(c));
  for (const f of laggingCopies()) s.ingest(f);
  assert.equal(events.length, 21);
  assert.equal(copies.length, 21);
  assert.deepEqual(
    copies.map((c) => c.original),
    Array.from({ length: 21 }, (_, i) => i + 1),
  );
  assert.ok(copies.every((c) => c.application === 'hello-world'));
  s.dispose();
});

test('copies in reverse order across a long gap still belong to one event', () => {
  const s = socket(['a', 'b']);
  const events: AriEvent[] = [];
  const copies: EventCopy[] = [];
  s.onEvent((e) => events.push(e));
  s.onCopy((c) => copies.push(c));
  for (let i = 0; i < 500; i++) s.ingest(frame(i, 'b'));
  for (let i = 0; i < 500; i++) s.ingest(frame(i, 'a'));
  assert.equal(events.length, 500);
  assert.equal(copies.length, 500);
  assert.equal(copies[499].original, 500);
  s.dispose();
});

test('an app getting the same text twice is a real repeat; the other app’s copies pair up with them in order', () => {
  const s = socket(['a', 'b']);
  let n = 0;
  const copies: EventCopy[] = [];
  s.onEvent(() => n++);
  s.onCopy((c) => copies.push(c));
  s.ingest(frame(1, 'a'));
  s.ingest(frame(1, 'a'));
  s.ingest(frame(1, 'b'));
  s.ingest(frame(1, 'b'));
  s.ingest(frame(1, 'b'));
  assert.equal(n, 3, 'two instances for a, and b’s third copy is one more');
  assert.deepEqual(copies, [
    { original: 1, application: 'b' },
    { original: 2, application: 'b' },
  ]);
  s.dispose();
});

/** A socket stand-in that feeds frames through a real AriEventSocket's ingest path. */
class IngestingSocket extends FakeSocket {
  readonly real = socket(['observer', 'hello-world']);
  constructor() {
    super();
    this.real.onEvent((e) => this.emit(e));
    this.real.onCopy((c) => this.copy(c.original, c.application));
  }
}

/** A started session on an IngestingSocket, feeding a panel's store; `redraw` is the panel's redraw. */
async function panelOnSession(batchMs: number, redraw: () => void) {
  const sock = new IngestingSocket();
  const rest = new FakeRest();
  const session = new AriSession(
    { connection: { url: 'http://127.0.0.1:1/ari', username: 'u', password: 'p' }, apps: ['observer', 'hello-world'], subscribeAll: true, batchMs },
    { socket: sock.asSocket(), rest: rest.asRest() },
  );
  const store = new EventStore(1000);
  const active = new Emitter<AriSession | undefined>();
  const feed = new LiveFeed({ active: session, onDidChangeActive: active.event }, store, redraw);
  const started = session.start();
  sock.open();
  await started;
  return {
    sock,
    session,
    store,
    dispose: () => {
      feed.dispose();
      session.dispose();
      sock.real.dispose();
    },
  };
}

test('session + panel: the app filter shows all of an app’s events however late its copies come, counted once', async () => {
  let batches = 0;
  const { sock, session, store, dispose } = await panelOnSession(1, () => batches++);
  const frames = laggingCopies();
  // Half now, the rest after a flush: some copies reach records already handed out.
  const half = Math.floor(frames.length / 2);
  for (const f of frames.slice(0, half)) sock.real.ingest(f);
  const flushed = new Promise<void>((r) => {
    const d = session.onEvents(() => {
      d.dispose();
      r();
    });
  });
  await flushed;
  const helloView = new EventView(store, { ...EMPTY_FILTER, app: 'hello-world' });
  const before = helloView.total;
  const late = new Promise<void>((r) => {
    const d = session.onEventApps(() => {
      d.dispose();
      r();
    });
  });
  for (const f of frames.slice(half)) sock.real.ingest(f);
  await late;
  await new Promise<void>((r) => setTimeout(r, 5));
  helloView.sync();
  assert.ok(before < 21, 'some of hello-world’s copies came after their events were in the panel');
  assert.equal(store.size, 21, 'one row per event');
  assert.equal(new EventView(store, EMPTY_FILTER).total, 21);
  assert.equal(helloView.total, 21, `hello-world sees all its events (had ${before} before its late copies)`);
  assert.equal(new EventView(store, { ...EMPTY_FILTER, app: 'observer' }).total, 21);
  assert.equal(new EventView(store, { ...EMPTY_FILTER, app: 'other' }).total, 0);
  assert.equal(store.get(store.firstN)?.app, 'hello-world,observer');
  assert.ok(compileFilter({ ...EMPTY_FILTER, app: 'HELLO-WORLD' })(store, store.firstN));
  assert.ok(batches > 0);
  dispose();
});

test('session + panel: a flush with late copies and new events redraws the panel once; late copies alone redraw it too', async () => {
  let redraws = 0;
  const { sock, session, store, dispose } = await panelOnSession(5, () => redraws++);
  /** Resolves after the session's next flush and whatever that wake-up queued. */
  const nextFlush = (): Promise<void> =>
    new Promise<void>((r) => {
      const done = (): void => {
        a.dispose();
        e.dispose();
        setImmediate(r);
      };
      const a = session.onEventApps(done);
      const e = session.onEvents(done);
    });
  const hello = (): number => new EventView(store, { ...EMPTY_FILTER, app: 'hello-world' }).total;

  let flushed = nextFlush();
  for (let i = 0; i < 10; i++) sock.real.ingest(frame(i, 'observer'));
  await flushed;
  redraws = 0;
  // hello-world's copies of those 10 (their records are out) and 10 new events, in one batch.
  flushed = nextFlush();
  for (let i = 0; i < 10; i++) sock.real.ingest(frame(i, 'hello-world'));
  for (let i = 10; i < 20; i++) sock.real.ingest(frame(i, 'observer'));
  await flushed;
  assert.equal(redraws, 1, 'one redraw for the late copies and the new events together');
  assert.equal(store.size, 20);
  assert.equal(hello(), 10);

  redraws = 0;
  flushed = nextFlush();
  for (let i = 10; i < 20; i++) sock.real.ingest(frame(i, 'hello-world'));
  await flushed;
  assert.equal(redraws, 1, 'late copies alone still redraw');
  assert.equal(hello(), 20);
  dispose();
});
