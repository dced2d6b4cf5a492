import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AriStateModel } from '../../../src/extension/state/model';
import type { Channel } from '../../../src/extension/ari/models.generated';
import { Emitter } from '../../../src/extension/util/emitter';
import { LensRefresh, type Timers } from '../../../src/extension/dialplan/core/lensRefresh';
import { stasisLenses } from '../../../src/extension/dialplan/core/lenses';
import { parseDialplan } from '../../../src/extension/dialplan/core/parser';
import type { DialplanSession, DialplanSessionSource } from '../../../src/extension/dialplan/sessionView';
import { fixture } from './fixtures';

function channel(id: string, app: string, exten = '1776'): Channel {
  const caller = { name: '', number: '' };
  return {
    id,
    protocol_id: '',
    name: `Local/${exten}@from-test-00000000;2`,
    state: 'Up',
    caller,
    connected: caller,
    accountcode: '',
    dialplan: { context: 'from-test', exten, priority: 3, app_name: 'Stasis', app_data: app },
    creationtime: '2026-11-30T00:00:00.000+0000',
    language: 'en',
  };
}

function fakeSession(model: AriStateModel): { session: DialplanSession; modelChanged: Emitter<unknown> } {
  const modelChanged = new Emitter<unknown>();
  const session: DialplanSession = {
    model,
    rest: { asterisk: { reloadModule: async () => undefined }, channels: { originate: async () => channel('x', 'y') } },
    onModelChange: modelChanged.event,
  };
  return { session, modelChanged };
}

class FakeSource implements DialplanSessionSource {
  active: DialplanSession | undefined;
  readonly changed = new Emitter<DialplanSession | undefined>();
  onDidChangeActive(l: (s: DialplanSession | undefined) => unknown) {
    return this.changed.event(l);
  }
  set(s: DialplanSession | undefined): void {
    this.active = s;
    this.changed.fire(s);
  }
}

/** Timers run by hand: no wall clock in the test. */
class ManualTimers implements Timers {
  queue: (() => void)[] = [];
  set(fn: () => void): unknown {
    this.queue.push(fn);
    return fn;
  }
  clear(h: unknown): void {
    this.queue = this.queue.filter((f) => f !== h);
  }
  runAll(): void {
    const q = this.queue;
    this.queue = [];
    for (const f of q) f();
  }
}

test('Stasis lens counts follow a hand-built state model', () => {
  const model = new AriStateModel();
  const file = parseDialplan(fixture('extensions.conf'));
  model.reset({ channels: [], bridges: [], endpoints: [], applications: [], deviceStates: [] });
  assert.equal(stasisLenses(file, model)[0].title, '0 live channels in hello-world');
  model.reset({
    channels: [channel('a', 'hello-world'), channel('b', 'hello-world'), channel('c', 'other-app', '1777')],
    bridges: [],
    endpoints: [],
    applications: [],
    deviceStates: [],
  });
  assert.deepEqual(
    stasisLenses(file, model).map((l) => l.title),
    ['2 live channels in hello-world', '1 live channel in other-app'],
  );
});

test('lens refresh: at once on (dis)connect, one throttled refresh for a burst of model changes', () => {
  const source = new FakeSource();
  const timers = new ManualTimers();
  const refresh = new LensRefresh(source, 500, timers);
  let fired = 0;
  refresh.onDidChange(() => fired++);
  const { session, modelChanged } = fakeSession(new AriStateModel());
  source.set(session);
  assert.equal(fired, 1);
  for (let i = 0; i < 50; i++) modelChanged.fire({});
  assert.equal(fired, 1, 'nothing before the interval');
  assert.equal(timers.queue.length, 1, 'one pending refresh for the burst');
  timers.runAll();
  assert.equal(fired, 2);
  modelChanged.fire({});
  source.set(undefined);
  assert.equal(fired, 3);
  assert.equal(timers.queue.length, 0, 'disconnect cancels the pending refresh');
  modelChanged.fire({});
  assert.equal(timers.queue.length, 0, 'the old session is no longer watched');
  refresh.dispose();
});

test('while the socket is down the Stasis lenses say their counts are from before the drop', () => {
  const model = new AriStateModel();
  const file = parseDialplan(fixture('extensions.conf'));
  model.reset({ channels: [channel('a', 'hello-world')], bridges: [], endpoints: [], applications: [], deviceStates: [] });
  assert.equal(stasisLenses(file, model, true)[0].title, '1 channel in hello-world before the connection dropped');
  assert.equal(stasisLenses(file, model, false)[0].title, '1 live channel in hello-world');

  // The socket's state changes (drop, reconnect) ask for the lenses again.
  const source = new FakeSource();
  const timers = new ManualTimers();
  const refresh = new LensRefresh(source, 500, timers);
  let fired = 0;
  refresh.onDidChange(() => fired++);
  const state = new Emitter<{ kind: string }>();
  source.set({ ...fakeSession(model).session, state: { kind: 'reconnecting' }, onState: state.event });
  assert.equal(fired, 1);
  state.fire({ kind: 'reconnecting' });
  timers.runAll();
  assert.equal(fired, 2);
  source.set(undefined);
  state.fire({ kind: 'open' });
  assert.equal(timers.queue.length, 0, 'the old session is no longer watched');
  refresh.dispose();
});
