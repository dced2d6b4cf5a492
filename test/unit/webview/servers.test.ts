// Several servers in one event stream (issue 16): every event keeps the server that sent it,
// the panel filters by it, late app copies land on the right server's event, and an export
// names each event's server so that reopening it shows the same column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportedLine, SERVER_FIELD } from '../../../src/extension/webviews/eventLines';
import { EventStore } from '../../../src/extension/webviews/eventStore';
import { EventView } from '../../../src/extension/webviews/eventView';
import { LiveFeed, type EventSessionLike, type LiveEventRecord } from '../../../src/extension/webviews/liveFeed';
import { filterFromArgument } from '../../../src/extension/webviews/showArgument';
import { readNdjson, toNdjson } from '../../../src/extension/webviews/ndjson';
import { Emitter } from '../../../src/extension/util/emitter';
import { EMPTY_FILTER } from '../../../src/shared/protocol';
import { channel, channelCreated, ev, stasisStart } from './fixtures';

/** A session stand-in: batches of records and late app copies, fired by the test. */
class FakeSession implements EventSessionLike {
  readonly events = new Emitter<LiveEventRecord[]>();
  readonly apps = new Emitter<readonly { seq: number; application: string }[]>();
  private seq = 0;
  onEvents = this.events.event;
  onEventApps = this.apps.event;
  send(...events: Record<string, unknown>[]): number[] {
    const seqs = events.map(() => ++this.seq);
    this.events.fire(events.map((event, i) => ({ seq: seqs[i], receivedAt: seqs[i], event, application: String(event.application ?? '') })));
    return seqs;
  }
}

function twoServers() {
  const lab = new FakeSession();
  const prod = new FakeSession();
  const changed = new Emitter<void>();
  const source = {
    servers: [
      { profileName: 'Lab', session: lab as EventSessionLike },
      { profileName: 'Prod', session: prod as EventSessionLike },
    ],
    onDidChangeServers: changed.event,
  };
  const store = new EventStore(100);
  let labels = 0;
  const feed = new LiveFeed(
    source,
    store,
    () => undefined,
    () => labels++,
  );
  return { lab, prod, store, feed, source, changed, labelChanges: () => labels };
}

test('the merged stream keeps which server sent each event, and filters by it', () => {
  const { lab, prod, store, feed } = twoServers();
  lab.send(channelCreated('1.1'));
  prod.send(channelCreated('9.1'), stasisStart('9.1'));
  lab.send(stasisStart('1.1'));
  assert.equal(store.size, 4);
  assert.deepEqual(
    [0, 1, 2, 3].map((n) => store.serverAt(n)),
    ['Lab', 'Prod', 'Prod', 'Lab'],
  );
  assert.deepEqual(store.serverCounts(), { Lab: 2, Prod: 2 });
  const rows = new EventView(store, EMPTY_FILTER).rows(0, 4);
  assert.deepEqual(
    rows.map((r) => r.server),
    ['Lab', 'Prod', 'Prod', 'Lab'],
    'each row names its server',
  );
  const prodOnly = new EventView(store, { ...EMPTY_FILTER, server: 'Prod' });
  assert.equal(prodOnly.total, 2);
  assert.ok([...prodOnly.events()].every((e) => e.server === 'Prod'));
  assert.equal(new EventView(store, { ...EMPTY_FILTER, server: 'Other' }).total, 0);
  assert.equal(new EventView(store, { ...EMPTY_FILTER, server: 'Prod', types: ['StasisStart'] }).total, 1);
  feed.dispose();
});

test('a late app copy marks its own server’s event, whatever the other server sent in between', () => {
  const { lab, prod, store, feed } = twoServers();
  const [labSeq] = lab.send(channelCreated('1.1'));
  prod.send(channelCreated('9.1'), channelCreated('9.2'));
  const [prodSeq] = prod.send(stasisStart('9.2'));
  lab.send(stasisStart('1.1'));
  // The same seq numbers exist on both sessions: only the session tells the events apart.
  lab.apps.fire([{ seq: labSeq, application: 'late-app' }]);
  prod.apps.fire([{ seq: prodSeq, application: 'other-app' }]);
  const late = new EventView(store, { ...EMPTY_FILTER, app: 'late-app' });
  assert.deepEqual(
    [...late.events()].map((e) => [e.server, e.type]),
    [['Lab', 'ChannelCreated']],
  );
  const other = new EventView(store, { ...EMPTY_FILTER, app: 'other-app' });
  assert.deepEqual(
    [...other.events()].map((e) => [e.server, e.type]),
    [['Prod', 'StasisStart']],
  );
  feed.dispose();
});

test('a server that disconnects is no longer followed; its events stay, the source label updates', () => {
  const { lab, prod, store, feed, source, changed, labelChanges } = twoServers();
  lab.send(channelCreated('1.1'));
  source.servers.splice(0, 1);
  changed.fire(undefined);
  assert.equal(labelChanges(), 1);
  lab.send(channelCreated('1.2'));
  prod.send(channelCreated('9.1'));
  assert.deepEqual(store.serverCounts(), { Lab: 1, Prod: 1 });
  feed.dispose();
  prod.send(channelCreated('9.2'));
  assert.equal(store.size, 2);
});

test('server counts follow eviction, resize and clear', () => {
  const store = new EventStore(3);
  store.push(channelCreated('1'), 1, undefined, undefined, 'Lab');
  store.push(channelCreated('2'), 2, undefined, undefined, 'Prod');
  store.push(channelCreated('3'), 3, undefined, undefined, 'Prod');
  store.push(channelCreated('4'), 4, undefined, undefined, 'Prod');
  assert.deepEqual(store.serverCounts(), { Prod: 3 }, 'the evicted Lab event is no longer counted');
  store.resize(2);
  assert.deepEqual(store.serverCounts(), { Prod: 2 });
  store.clear();
  assert.deepEqual(store.serverCounts(), {});
});

test('an export names each event’s server, and opening it brings the server column back', async () => {
  const store = new EventStore(10);
  const frame = JSON.stringify(channelCreated('1.1'));
  store.pushFacts('ChannelCreated', 'hello-world', '1.1', '', 1, frame, 'Lab');
  store.push(stasisStart('9.1'), 2, undefined, undefined, 'Prod "eu"');
  store.push(stasisStart('5.1'), 3);
  const lines = [...new EventView(store, EMPTY_FILTER).events()].map(exportedLine);
  const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.deepEqual(
    parsed.map((p) => p[SERVER_FIELD]),
    ['Lab', 'Prod "eu"', undefined],
  );
  assert.deepEqual(
    { ...parsed[0], [SERVER_FIELD]: undefined },
    { ...(JSON.parse(frame) as object), [SERVER_FIELD]: undefined },
    'the event itself is unchanged',
  );
  const reopened = new EventStore(10);
  const result = await readNdjson(
    (async function* () {
      yield Buffer.from(toNdjson(lines), 'utf8');
    })(),
    (p) => reopened.push(p.event, 0, p.json),
  );
  assert.equal(result.events, 3);
  assert.deepEqual(
    [0, 1, 2].map((n) => reopened.serverAt(n)),
    ['Lab', 'Prod "eu"', ''],
  );
  assert.deepEqual([...new EventView(reopened, EMPTY_FILTER).events()].map(exportedLine), lines, 'exporting the reopened log again writes the same lines');
  assert.equal(exportedLine({ json: '{}', server: 'Lab' }), `{"${SERVER_FIELD}":"Lab"}`);
  assert.equal(exportedLine({ json: '{ "type": "X" }', server: '' }), '{ "type": "X" }');
});

test('Show Events for a node of one of several servers narrows the panel to that server', () => {
  const names: Record<string, string> = { p1: 'Lab', p2: 'Prod' };
  const byId = (id: string): string | undefined => names[id];
  assert.deepEqual(filterFromArgument({ kind: 'application', id: 'hello-world', profileId: 'p2' }, 'application', byId), {
    ...EMPTY_FILTER,
    app: 'hello-world',
    server: 'Prod',
  });
  assert.equal(filterFromArgument({ kind: 'channel', id: '1.1', profileId: 'p1' }, 'channel', byId)?.server, 'Lab');
  assert.equal(filterFromArgument({ kind: 'channel', id: '1.1', profileId: 'p1' }, 'channel')?.server, undefined, 'one server: no server filter');
  assert.equal(filterFromArgument({ kind: 'bridge', id: 'b', profileId: 'p1' }, 'channel', byId), undefined);
});

test('a channel destroyed on one server does not make the same id’s events on another late', () => {
  const store = new EventStore(10);
  const destroyed = ev('ChannelDestroyed', { cause: 16, cause_txt: 'Normal Clearing', channel: channel('1.1') });
  store.push(destroyed, 1, undefined, undefined, 'Beta');
  store.push(stasisStart('1.1'), 2, undefined, undefined, 'Alpha');
  store.push(stasisStart('1.1'), 3, undefined, undefined, 'Beta');
  const rows = new EventView(store, EMPTY_FILTER).rows(0, 3);
  assert.deepEqual(
    rows.map((r) => [r.server, r.type, r.afterDestroy === true]),
    [
      ['Beta', 'ChannelDestroyed', false],
      ['Alpha', 'StasisStart', false],
      ['Beta', 'StasisStart', true],
    ],
  );
});
