// A Call Flow panel's host side in plain Node: the model grows with the buffer, details,
// dialplan steps, lane commands and exports go to the host, malformed messages are ignored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventStore } from '../../../src/extension/webviews/eventStore';
import type { TimerApi } from '../../../src/extension/webviews/batcher';
import { Emitter } from '../../../src/extension/util/emitter';
import { MemoryLogger } from '../../../src/extension/util/logger';
import { FlowController, type FlowHost, type FlowPort } from '../../../src/extension/callflow/controller';
import { FlowSource } from '../../../src/extension/callflow/source';
import type { FlowHostMessage, FlowModelMessage } from '../../../src/shared/callflowProtocol';
import { isFlowWebviewMessage } from '../../../src/shared/callflowProtocol';
import type { DialplanStep } from '../../../src/extension/callflow/core/ladder';
import { channelId, transcriptEvents } from './transcript';

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
  runAll(): void {
    const fns = [...this.queue.values()];
    this.queue.clear();
    fns.forEach((f) => f());
  }
}

class FakePort implements FlowPort {
  readonly posted: FlowHostMessage[] = [];
  readonly incoming = new Emitter<unknown>();
  postMessage(m: FlowHostMessage): boolean {
    this.posted.push(structuredClone(m));
    return true;
  }
  onDidReceiveMessage(l: (m: unknown) => void) {
    return this.incoming.event(l);
  }
  models(): FlowModelMessage[] {
    return this.posted.filter((m): m is FlowModelMessage => m.kind === 'model');
  }
}

const demo = transcriptEvents('22-demo-traffic.json');

function setup(upTo = demo.length) {
  const store = new EventStore(10_000);
  for (const { event } of demo.slice(0, upTo)) store.push(event, 0);
  const source = new FlowSource(store, 'live');
  source.sync();
  const calls: { dialplan: [DialplanStep, string][]; commands: string[]; exports: string[]; titles: string[] } = {
    dialplan: [],
    commands: [],
    exports: [],
    titles: [],
  };
  const live = new Set<string>();
  const log = new MemoryLogger();
  const host: FlowHost = {
    log,
    isLiveChannel: (id) => live.has(id),
    goToDialplan: async (step, channel) => {
      calls.dialplan.push([step, channel]);
    },
    channelCommands: async (c) => {
      calls.commands.push(c.name);
    },
    exportLadder: async (format, ladder, title) => {
      calls.exports.push(`${format}:${ladder.elements.length}:${title}`);
    },
    titleChanged: (title) => calls.titles.push(title),
  };
  const port = new FakePort();
  const timers = new ManualTimers();
  const node = `c:${channelId(demo, '0000001e;2')}`;
  const controller = new FlowController(port, source, node, host, timers, 10);
  return { store, source, port, timers, controller, calls, live, log };
}

test('ready sends the model of the call; its title names the first Local pair and the caller', async () => {
  const { port, controller, calls } = setup();
  await controller.handle({ kind: 'ready' });
  const [m] = port.models();
  assert.equal(m.lanes.length, 6);
  assert.equal(m.inProgress, false);
  assert.equal(m.title, 'Local/1776@from-test-0000001e +2 ("Alice" <1001>)');
  assert.deepEqual(calls.titles, [m.title]);
  assert.ok(m.elements.every((e) => e.time > 0));
  assert.equal(m.strings.exportMermaid, 'Copy as Mermaid');
});

test('the flow grows live: new events of the call produce one model per batch', async () => {
  const cut = demo.findIndex((e) => e.event.type === 'ChannelEnteredBridge');
  const { store, source, port, timers, controller } = setup(cut);
  await controller.handle({ kind: 'ready' });
  const before = port.models()[0];
  assert.equal(before.lanes.filter((l) => l.kind === 'bridge').length, 0);
  for (const { event } of demo.slice(cut)) store.push(event, 0);
  assert.equal(source.sync(), true);
  controller.sourceChanged();
  controller.sourceChanged();
  timers.runAll();
  const models = port.models();
  assert.equal(models.length, 2, 'one model for the batch');
  const after = models[1];
  assert.ok(after.elements.length > before.elements.length);
  assert.equal(after.lanes.filter((l) => l.kind === 'bridge').length, 1, 'the other call joined through the bridge');
});

test('an element asks for its event JSON; a dialplan step opens the dialplan; a live lane offers its commands', async () => {
  const { port, controller, calls, live } = setup();
  await controller.handle({ kind: 'ready' });
  const m = port.models()[0];
  const row = m.elements.findIndex((e) => e.label === 'Stasis(hello-world)');
  assert.ok(m.elements[row].dialplan);
  await controller.handle({ kind: 'requestDetail', row });
  const detail = port.posted[port.posted.length - 1];
  assert.equal(detail.kind, 'detail');
  assert.match((detail as { json?: string }).json ?? '', /"dialplan_app": "Stasis"/);
  await controller.handle({ kind: 'goToDialplan', row });
  assert.deepEqual(calls.dialplan, [[{ context: 'from-test', exten: '1776', priority: 3 }, 'Local/1776@from-test-0000001e;2']]);
  await controller.handle({ kind: 'goToDialplan', row: 0 });
  assert.equal(calls.dialplan.length, 1, 'not a dialplan step');
  await controller.handle({ kind: 'laneCommands', lane: 1 });
  assert.deepEqual(calls.commands, [], 'an ended channel offers no commands');
  live.add(channelId(demo, '0000001e;2'));
  await controller.handle({ kind: 'laneCommands', lane: 1 });
  assert.deepEqual(calls.commands, ['Local/1776@from-test-0000001e;2']);
});

test('exports go to the host with the ladder and the title', async () => {
  const { controller, calls, port } = setup();
  await controller.handle({ kind: 'ready' });
  const n = port.models()[0].elements.length;
  await controller.handle({ kind: 'export', format: 'mermaid' });
  await controller.handle({ kind: 'export', format: 'svg' });
  assert.deepEqual(calls.exports, [
    `mermaid:${n}:Local/1776@from-test-0000001e +2 ("Alice" <1001>)`,
    `svg:${n}:Local/1776@from-test-0000001e +2 ("Alice" <1001>)`,
  ]);
});

test('malformed messages from the webview are logged and ignored', async () => {
  const { controller, port, log } = setup();
  for (const bad of [null, { kind: 'export', format: 'pdf' }, { kind: 'requestDetail', row: -1 }, { kind: 'laneCommands', lane: 'x' }, { kind: 'eval' }]) {
    assert.equal(isFlowWebviewMessage(bad), false);
    await controller.handle(bad);
  }
  assert.equal(port.posted.length, 0);
  assert.ok(log.lines.some((l) => l.includes('malformed')));
});

test('a cleared buffer starts the index over', () => {
  const { store, source } = setup();
  const before = source.epoch;
  store.clear();
  source.sync();
  assert.equal(source.epoch, before + 1);
  assert.deepEqual(source.calls.calls(), []);
});
