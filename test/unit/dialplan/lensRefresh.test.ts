import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AriStateModel } from '../../../src/extension/state/model';
import type { Channel } from '../../../src/extension/ari/models.generated';
import type { AriEvent } from '../../../src/extension/ari/events.generated';
import { Emitter } from '../../../src/extension/util/emitter';
import { LensRefresh, type Timers } from '../../../src/extension/dialplan/core/lensRefresh';
import { stasisLenses } from '../../../src/extension/dialplan/core/lenses';
import { parseDialplan } from '../../../src/extension/dialplan/core/parser';
import type { DialplanServer, DialplanSession, DialplanSessionSource } from '../../../src/extension/dialplan/sessionView';
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
    onEvents: new Emitter<readonly { event: AriEvent }[]>().event,
  };
  return { session, modelChanged };
}

/** Connections as the manager keeps them: the focused one (the last connected) and the list. */
class FakeSource implements DialplanSessionSource {
  active: DialplanSession | undefined;
  servers: DialplanServer[] = [];
  readonly changed = new Emitter<DialplanSession | undefined>();
  readonly serversChanged = new Emitter<readonly DialplanServer[]>();
  onDidChangeActive(l: (s: DialplanSession | undefined) => unknown) {
    return this.changed.event(l);
  }
  onDidChangeServers(l: (s: readonly DialplanServer[]) => unknown) {
    return this.serversChanged.event(l);
  }
  /** The only server: connected, or (undefined) disconnected. */
  set(s: DialplanSession | undefined): void {
    this.setServers(s ? [{ profileId: 'one', profileName: 'one', session: s }] : []);
  }
  setServers(servers: DialplanServer[]): void {
    this.servers = servers;
    this.active = servers.at(-1)?.session;
    this.serversChanged.fire(servers);
    this.changed.fire(this.active);
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

test('several servers: the Stasis lens sums their channels and says how many each has', () => {
  const file = parseDialplan(fixture('extensions.conf'));
  const empty = { bridges: [], endpoints: [], applications: [], deviceStates: [] };
  const prod = new AriStateModel();
  const lab = new AriStateModel();
  // Two servers number their channels alike: the same id on both is two channels.
  prod.reset({ channels: [channel('1733.1', 'hello-world')], ...empty });
  lab.reset({ channels: [channel('1733.1', 'hello-world'), channel('1733.3', 'other-app', '1777')], ...empty });
  const titles = (labStale = false, prodStale = false) =>
    stasisLenses(file, [
      { name: 'prod', model: prod, stale: prodStale },
      { name: 'lab', model: lab, stale: labStale },
    ]).map((l) => l.title);
  assert.deepEqual(titles(), ['2 live channels in hello-world (prod 1, lab 1)', '1 live channel in other-app (lab 1)']);
  assert.deepEqual(
    titles(true),
    ['2 live channels in hello-world (prod 1, lab 1 before the drop)', '1 channel in other-app before the connection dropped (lab 1)'],
    "one server's drop marks only its share",
  );
  assert.deepEqual(titles(true, true), [
    '2 channels in hello-world before the connection dropped (prod 1, lab 1)',
    '1 channel in other-app before the connection dropped (lab 1)',
  ]);
  lab.reset({ channels: [], ...empty });
  prod.reset({ channels: [], ...empty });
  assert.deepEqual(titles(), ['0 live channels in hello-world', '0 live channels in other-app'], 'no share to name');
});

test('lens refresh follows every connected server: a change on one that is not focused, servers coming and going', () => {
  const source = new FakeSource();
  const timers = new ManualTimers();
  const refresh = new LensRefresh(source, 500, timers);
  let fired = 0;
  refresh.onDidChange(() => fired++);
  const prod = fakeSession(new AriStateModel());
  const lab = fakeSession(new AriStateModel());
  source.setServers([
    { profileId: 'prod', profileName: 'prod', session: prod.session },
    { profileId: 'lab', profileName: 'lab', session: lab.session },
  ]);
  assert.equal(fired, 1);
  assert.equal(source.active, lab.session, 'lab connected last: the focused one');
  prod.modelChanged.fire({});
  assert.equal(timers.queue.length, 1, "prod's change asks for the lenses again");
  timers.runAll();
  assert.equal(fired, 2);
  lab.modelChanged.fire({});
  timers.runAll();
  assert.equal(fired, 3);

  source.setServers([{ profileId: 'prod', profileName: 'prod', session: prod.session }]);
  assert.equal(fired, 4, 'a server leaving refreshes at once');
  lab.modelChanged.fire({});
  assert.equal(timers.queue.length, 0, 'the server that left is no longer watched');
  prod.modelChanged.fire({});
  assert.equal(timers.queue.length, 1);
  refresh.dispose();
  assert.equal(timers.queue.length, 0);
});
