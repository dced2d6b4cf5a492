// 5k events/s: no crash, no lost event, memory bounded by the ring size, listeners batched.
//
// The issue asks for 5k events/s for 60 s (300k events). The default run is compressed so the
// suite stays fast on a shared 2-core box:
// - "sustained": 5k events/s paced over a real WebSocket through session -> live feed -> ring
//   buffer -> panel controller, for FAULTS_SOAK_SECONDS (default 3 s = 15k events; set
//   FAULTS_SOAK_SECONDS=60 for the full 300k soak);
// - "volume": the same 300k events at full speed through the socket's per-frame ingest path
//   (what a frame from the wire goes through), with the heap measured after a forced GC.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WebSocket } from 'ws';
import { AriSession } from '../../../src/extension/connection/session';
import type { EventRecord } from '../../../src/extension/connection/session';
import { Emitter } from '../../../src/extension/util/emitter';
import { MemoryLogger } from '../../../src/extension/util/logger';
import { EventStore } from '../../../src/extension/webviews/eventStore';
import { EventViewController, type EventViewHost, type WebviewPort } from '../../../src/extension/webviews/eventViewController';
import { LiveFeed } from '../../../src/extension/webviews/liveFeed';
import type { ExtensionToWebview } from '../../../src/shared/protocol';
import { PASSWORD, USER, channelJson, enableGc, fastSession, gc, startLocalAri, withDeadline } from './helpers';

const RATE = 5000;
const SOAK_SECONDS = Math.max(1, Number(process.env.FAULTS_SOAK_SECONDS ?? 3) || 3);
const VOLUME_EVENTS = 300_000;
const CHANNELS = 200;

const STEPS = ['ChannelCreated', 'ChannelStateChange', 'ChannelVarset', 'ChannelDialplan', 'ChannelStateChange', 'ChannelDestroyed'] as const;

/** Event i of a realistic churn: CHANNELS channels, each created, changed and destroyed in turn. */
function eventText(i: number): string {
  const step = Math.floor(i / CHANNELS) % STEPS.length;
  const round = Math.floor(i / (CHANNELS * STEPS.length));
  const id = `1796000000.${(i % CHANNELS) + round * CHANNELS}`;
  const type = STEPS[step];
  const ch = channelJson(id, { state: step < 4 ? 'Ring' : 'Up', creationtime: `2026-11-30T22:00:${String(round % 60).padStart(2, '0')}.000+0000` });
  const ev: Record<string, unknown> = {
    type,
    timestamp: '2026-11-30T22:33:09.144+0000',
    channel: ch,
    asterisk_id: '02:fc:00:00:00:01',
    application: 'fault-observer',
  };
  if (type === 'ChannelVarset') Object.assign(ev, { variable: 'LOAD_SEQ', value: String(i) });
  if (type === 'ChannelDestroyed') Object.assign(ev, { cause: 16, cause_txt: 'Normal Clearing' });
  if (type === 'ChannelDialplan') Object.assign(ev, { dialplan_app: 'Wait', dialplan_app_data: '60' });
  return JSON.stringify(ev);
}

class CountingPort implements WebviewPort {
  updates = 0;
  states = 0;
  private readonly incoming = new Emitter<unknown>();
  postMessage(m: ExtensionToWebview): boolean {
    if (m.kind === 'update') this.updates++;
    if (m.kind === 'state') this.states++;
    return true;
  }
  onDidReceiveMessage(l: (m: unknown) => void) {
    return this.incoming.event(l);
  }
}

/** The host side of the panel around a session: live feed -> ring buffer -> controller. */
function panelFor(session: AriSession, capacity: number) {
  const store = new EventStore(capacity);
  const port = new CountingPort();
  const ref: { controller?: EventViewController } = {};
  const host: EventViewHost = {
    liveStore: store,
    log: new MemoryLogger(),
    liveSource: () => ({ kind: 'live', label: 'live: soak' }),
    eventTypes: () => [],
    exportEvents: async () => undefined,
    openLog: async () => undefined,
    liveStoreChanged: () => ref.controller?.storeChanged(),
  };
  const controller = new EventViewController(port, host, undefined, undefined, 50);
  ref.controller = controller;
  void controller.handle({ kind: 'ready' });
  const active = new Emitter<AriSession | undefined>();
  const feed = new LiveFeed({ active: session, onDidChangeActive: active.event }, store, () => controller.storeChanged());
  return {
    store,
    port,
    controller,
    dispose: () => {
      feed.dispose();
      controller.dispose();
    },
  };
}

function counters(session: AriSession) {
  const c = { eventFires: 0, records: 0, modelFires: 0, maxBatch: 0 };
  session.onEvents((r: EventRecord[]) => {
    c.eventFires++;
    c.records += r.length;
    c.maxBatch = Math.max(c.maxBatch, r.length);
  });
  session.onModelChange(() => c.modelFires++);
  return c;
}

test(`sustained ${RATE} events/s over a real socket for ${SOAK_SECONDS} s: nothing lost, bounded, batched`, async () => {
  const total = RATE * SOAK_SECONDS;
  let sender: NodeJS.Timeout | undefined;
  let sent = 0;
  const ari = await startLocalAri({
    onSocket: (ws: WebSocket) => {
      // 100 events every 20 ms = 5k/s, paced by the clock the way a busy Asterisk sends them.
      const t0 = Date.now();
      sender = setInterval(() => {
        const due = Math.min(total, Math.floor(((Date.now() - t0) / 1000) * RATE));
        while (sent < due) ws.send(eventText(sent++));
        if (sent >= total) clearInterval(sender);
      }, 20);
    },
  });
  const { session } = fastSession(ari.url, { batchMs: 100, socket: { pingIntervalMs: 1000, pongTimeoutMs: 5000 } });
  const c = counters(session);
  const states: string[] = [];
  session.onState((s) => states.push(s.kind));
  const capacity = 5000;
  const panel = panelFor(session, capacity);
  try {
    await session.start();
    await withDeadline(
      new Promise<void>((resolve) => {
        const check = setInterval(() => {
          if (panel.store.nextN >= total) {
            clearInterval(check);
            resolve();
          }
        }, 50);
      }),
      SOAK_SECONDS * 1000 * 4 + 10_000,
      'every event in the store',
    );
    console.log(
      `# sustained: ${total} events in ${SOAK_SECONDS} s; onEvents ${c.eventFires}x (largest batch ${c.maxBatch}), onModelChange ${c.modelFires}x, panel updates ${panel.port.updates}; model ${session.model.channels.size} channels; heap ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB`,
    );
    assert.equal(session.socket.stats.events, total, 'every frame parsed');
    assert.equal(session.socket.stats.malformed, 0);
    assert.equal(c.records, total, 'every event reached onEvents');
    assert.equal(panel.store.nextN, total, 'every event reached the ring buffer');
    assert.equal(panel.store.size, Math.min(total, capacity), 'the ring buffer holds at most its capacity');
    assert.deepEqual(
      states.filter((s) => s !== 'connecting' && s !== 'open'),
      [],
      'the socket never dropped',
    );
    // Batched: listeners run per window, not per event.
    assert.ok(c.eventFires * 20 <= total + 40, `onEvents fired ${c.eventFires} times for ${total} events`);
    assert.ok(c.modelFires <= c.eventFires + 2, `onModelChange fired ${c.modelFires} times, onEvents ${c.eventFires}`);
    assert.ok(panel.port.updates <= c.eventFires + 2, `the panel got ${panel.port.updates} updates for ${c.eventFires} batches`);
    // The model follows the churn: at most CHANNELS live channels, never one per event.
    assert.ok(session.model.channels.size <= CHANNELS, `${session.model.channels.size} channels in the model`);
  } finally {
    if (sender) clearInterval(sender);
    panel.dispose();
    session.dispose();
    await ari.close();
  }
});

test(`volume: ${VOLUME_EVENTS} events at full speed through the ingest path: heap bounded by the ring, listeners batched`, async (t) => {
  if (!enableGc()) return t.skip('cannot force a GC here');
  const capacity = 10_000;
  // Never started: frames go straight into the socket's ingest path (parse, dedupe, emit).
  const session = new AriSession({
    connection: { url: 'http://127.0.0.1:9', username: USER, password: PASSWORD },
    apps: ['fault-observer'],
    subscribeAll: true,
    batchMs: 100,
  });
  const c = counters(session);
  const panel = panelFor(session, capacity);
  // Warm-up fills the ring once, so "before" already holds a full buffer's worth of shapes.
  const CHUNK = 3000;
  let i = 0;
  const feed = async (until: number): Promise<void> => {
    while (i < until) {
      const end = Math.min(until, i + CHUNK);
      for (; i < end; i++) session.socket.ingest(eventText(i));
      await new Promise((r) => setImmediate(r));
    }
  };
  const settle = async (): Promise<void> => {
    // Let the last batch flush (its timer), then the panel's.
    await new Promise((r) => setTimeout(r, 250));
  };
  try {
    await feed(capacity * 2);
    await settle();
    gc();
    const before = process.memoryUsage().heapUsed;
    await feed(VOLUME_EVENTS);
    await settle();
    gc();
    const after = process.memoryUsage().heapUsed;
    const growth = after - before;
    const bound = capacity * 2048 + 16 * 1024 * 1024;
    const avgJson = eventText(12345).length;
    console.log(
      `# heap before ${(before / 1048576).toFixed(1)} MB, after ${(after / 1048576).toFixed(1)} MB, growth ${(growth / 1048576).toFixed(1)} MB (bound ${(bound / 1048576).toFixed(0)} MB; keeping all ${VOLUME_EVENTS} events would be > ${((VOLUME_EVENTS * avgJson) / 1048576).toFixed(0)} MB)`,
    );
    console.log(`# volume: onEvents ${c.eventFires}x (largest batch ${c.maxBatch}), onModelChange ${c.modelFires}x, panel updates ${panel.port.updates}`);
    assert.ok(growth < bound, `heap grew ${growth} bytes, bound ${bound}`);
    assert.equal(panel.store.nextN, VOLUME_EVENTS);
    assert.equal(panel.store.size, capacity);
    assert.equal(c.records, VOLUME_EVENTS);
    // A batch window can only close between chunks, so each holds at least one chunk.
    assert.ok(c.eventFires <= Math.ceil(VOLUME_EVENTS / CHUNK) + 1, `onEvents fired ${c.eventFires} times`);
    assert.ok(c.modelFires <= c.eventFires + 1, `onModelChange fired ${c.modelFires} times`);
    assert.ok(panel.port.updates <= c.eventFires + 1, `panel updates ${panel.port.updates}`);
    assert.ok(session.model.channels.size <= CHANNELS);
    assert.equal(session.model.malformedEvents, 0);
  } finally {
    panel.dispose();
    session.dispose();
  }
});
