import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AriTree } from '../../../src/extension/views/tree/ariTree';
import type { AriNode } from '../../../src/extension/views/tree/nodes';
import { bridge, channel, emptyModel, source } from './fixtures';

const NOW = Date.parse('2026-11-30T12:00:00Z');

function setup() {
  const model = emptyModel();
  const tree = new AriTree(() => NOW);
  tree.setSource(source(model, { ownApp: 'ari-explorer-abc' }));
  return { model, tree };
}

function category(tree: AriTree, id: string): AriNode {
  return tree.roots().find((n) => n.kind === 'category' && n.id === id)!;
}

function kids(tree: AriTree, node?: AriNode): AriNode[] {
  const r = tree.children(node);
  assert.ok(Array.isArray(r));
  return r;
}

test('roots list the categories then Server, and nothing without a session', () => {
  const { tree } = setup();
  assert.deepEqual(
    tree.roots().map((n) => `${n.kind}:${n.id}`),
    [
      'category:channels',
      'category:bridges',
      'category:playbacks',
      'category:recordings',
      'category:endpoints',
      'category:applications',
      'category:deviceStates',
      'server:server',
    ],
  );
  const empty = new AriTree();
  assert.deepEqual(empty.roots(), []);
});

test('channel label, description, icon, colour and contextValue', () => {
  const { model, tree } = setup();
  model.channels.set('1', channel('1'));
  model.channels.set('2', channel('2', { state: 'Ringing', dialplan: { context: 'default', exten: '100', priority: 2, app_name: 'Wait', app_data: '600' } }));
  model.channels.set('3', channel('3', { hangupCause: 16 }));
  const [a, b, c] = kids(tree, category(tree, 'channels'));
  const va = tree.view(a)!;
  assert.equal(va.label, 'PJSIP/alice-1', 'a name without a sequence number stays as it is');
  assert.equal(va.description, 'Up · Stasis(hello-world) · 1001 · from-test,1776,3');
  assert.equal(va.contextValue, 'channel.Up.stasis');
  assert.equal(va.color, 'charts.green');
  const vb = tree.view(b)!;
  assert.equal(vb.contextValue, 'channel.Ringing');
  assert.equal(vb.color, 'charts.yellow');
  assert.equal(vb.description, 'Ringing · Wait · 1001 · default,100,2');
  assert.equal(tree.view(c)!.color, 'errorForeground');
  assert.deepEqual({ kind: a.kind, id: a.id }, { kind: 'channel', id: '1' });
  assert.match(tree.tooltip(a)!, /from-test,1776,3/);
});

test('a channel node keeps the name it last showed, for commands run just after the channel went', () => {
  const { model, tree } = setup();
  model.channels.set('1', channel('1'));
  const [n] = kids(tree, category(tree, 'channels'));
  tree.view(n);
  model.channels.delete('1');
  assert.equal(tree.view(n)!.contextValue, 'gone');
  assert.equal(n.name, 'PJSIP/alice-1');
});

test('tooltips leave out empty values: an endpoint without channels has no channel_ids row', () => {
  const { model, tree } = setup();
  model.endpoints.set('PJSIP/bob', { technology: 'PJSIP', resource: 'bob', state: 'offline', channel_ids: [] });
  const [e] = kids(tree, category(tree, 'endpoints'));
  const md = tree.tooltip(e)!;
  assert.match(md, /offline/);
  assert.doesNotMatch(md, /channel\\?_ids/);
  assert.doesNotMatch(md, /\[\]/);
  model.endpoints.set('PJSIP/bob', { technology: 'PJSIP', resource: 'bob', state: 'online', channel_ids: ['1'] });
  assert.match(tree.tooltip(e)!, /channel\\_ids \| `\["1"\]`/);
});

test('channelLabel "caller": caller and state lead, the name moves to the description; the text filter still finds the name', () => {
  const { model, tree } = setup();
  model.channels.set('1', channel('1', { name: 'Local/1776@from-test-0000000f;2', caller: { name: 'Alice', number: '1001' } }));
  model.channels.set(
    '2',
    channel('2', { caller: { name: '', number: '' }, dialplan: { context: 'default', exten: '100', priority: 1, app_name: 'Wait', app_data: '' } }),
  );
  const [a, b] = kids(tree, category(tree, 'channels'));
  assert.equal(tree.view(a)!.label, '0000000f;2 · Local/1776@from-test', 'the default leads with what tells the row apart');
  tree.setChannelLabel('caller');
  const va = tree.view(a)!;
  assert.equal(va.label, '"Alice" 1001 · Up');
  assert.equal(va.description, 'Local/1776@from-test-0000000f;2 · from-test,1776,3 · Stasis(hello-world)');
  assert.equal(va.contextValue, 'channel.Up.stasis');
  assert.deepEqual(
    { label: tree.view(b)!.label, description: tree.view(b)!.description },
    { label: 'Up', description: 'PJSIP/alice-2 · default,100,1 · Wait' },
  );
  for (const mode of ['caller', 'name'] as const) {
    tree.setChannelLabel(mode);
    tree.setFilter({ text: 'from-test-0000000f' });
    assert.deepEqual(
      kids(tree, category(tree, 'channels')).map((n) => n.id),
      ['1'],
      mode,
    );
    tree.setFilter({ text: 'alice-2' });
    assert.deepEqual(
      kids(tree, category(tree, 'channels')).map((n) => n.id),
      ['2'],
      mode,
    );
  }
  // Switching the mode under a text filter recomputes what it matches.
  tree.setChannelLabel('caller');
  tree.setFilter({ text: 'Alice' });
  assert.deepEqual(
    kids(tree, category(tree, 'channels')).map((n) => n.id),
    ['1', '2'],
    'the caller name "Alice", the name PJSIP/alice-2',
  );
  tree.setChannelLabel('name');
  assert.deepEqual(
    kids(tree, category(tree, 'channels')).map((n) => n.id),
    ['2'],
    'name mode does not show the caller name',
  );
});

test('bridges nest their member channels; labels show type, technology and count', () => {
  const { model, tree } = setup();
  model.channels.set('1', channel('1'));
  model.channels.set('2', channel('2'));
  model.bridges.set('b1', bridge('b1', ['1', '2']));
  const [b] = kids(tree, category(tree, 'bridges'));
  const v = tree.view(b)!;
  assert.equal(v.description, '2 channels · mixing · simple_bridge');
  assert.equal(v.contextValue, 'bridge.mixing');
  assert.equal(v.collapsible, 'collapsed');
  const members = kids(tree, b);
  assert.deepEqual(
    members.map((m) => [m.kind, m.id]),
    [
      ['channel', '1'],
      ['channel', '2'],
    ],
  );
  assert.notEqual(members[0].key, kids(tree, category(tree, 'channels'))[0].key);
});

test('other kinds: playback, recordings, endpoint, application, device state, server, modules', async () => {
  const { model, tree } = setup();
  model.channels.set('1', channel('1'));
  model.playbacks.set('p1', { id: 'p1', media_uri: 'sound:hello-world', target_uri: 'channel:1', state: 'playing' });
  model.recordings.set('r1', { name: 'r1', format: 'wav', target_uri: 'channel:1', state: 'recording' });
  model.storedRecordings.set('old', { name: 'old', format: 'wav' });
  model.endpoints.set('PJSIP/alice', { technology: 'PJSIP', resource: 'alice', state: 'online', channel_ids: ['1'] });
  model.applications.set('hello-world', {
    name: 'hello-world',
    channel_ids: ['1'],
    bridge_ids: [],
    endpoint_ids: [],
    device_names: [],
    events_allowed: [],
    events_disallowed: [],
  });
  model.deviceStates.set('Stasis:demo', { name: 'Stasis:demo', state: 'BUSY' });
  const [p] = kids(tree, category(tree, 'playbacks'));
  assert.deepEqual(tree.view(p), {
    label: 'sound:hello-world',
    description: 'playing → PJSIP/alice-1',
    icon: 'play-circle',
    color: 'charts.green',
    contextValue: 'playback.playing',
    collapsible: 'none',
  });
  const recs = kids(tree, category(tree, 'recordings'));
  assert.deepEqual(
    recs.map((r) => tree.view(r)!.contextValue),
    ['recording.recording', 'storedRecording'],
  );
  assert.equal(tree.view(kids(tree, category(tree, 'endpoints'))[0])!.contextValue, 'endpoint.online');
  assert.equal(tree.view(kids(tree, category(tree, 'applications'))[0])!.contextValue, 'application');
  const [d] = kids(tree, category(tree, 'deviceStates'));
  assert.equal(tree.view(d)!.color, 'charts.red');
  assert.equal(tree.view(d)!.contextValue, 'deviceState');
  const server = tree.roots().at(-1)!;
  assert.equal(tree.view(server)!.description, 'Asterisk 22.10.1');
  const rows = kids(tree, server);
  assert.equal(tree.view(rows.find((r) => r.id === 'uptime')!)!.description, '2h 0m 0s');
  const modulesNode = rows.at(-1)!;
  const mods = await tree.children(modulesNode);
  assert.equal(tree.view(mods[0])!.label, 'res_ari.so');
  assert.equal(tree.view(mods[0])!.contextValue, 'module');
});

test('a field change fires only that node object (and its copies under bridges)', () => {
  const { model, tree } = setup();
  model.channels.set('1', channel('1'));
  model.channels.set('2', channel('2'));
  model.bridges.set('b1', bridge('b1', ['1']));
  const chans = kids(tree, category(tree, 'channels'));
  tree.view(category(tree, 'bridges'));
  const [b] = kids(tree, category(tree, 'bridges'));
  const [member] = kids(tree, b);
  model.channels.get('1')!.state = 'Ring';
  const r = tree.applyChange({ structural: false, changed: { channel: new Set(['1']) } });
  assert.equal(r.root, false);
  assert.deepEqual(new Set(r.nodes), new Set([chans[0], member]));
  assert.equal(r.nodes.includes(chans[0]), true, 'the same cached object is fired');
});

test('an added channel fires its category, not the root; unchanged categories stay quiet', () => {
  const { model, tree } = setup();
  model.channels.set('1', channel('1'));
  for (const n of tree.roots()) tree.view(n);
  kids(tree, category(tree, 'channels'));
  model.channels.set('2', channel('2'));
  const r = tree.applyChange({ structural: true, changed: { channel: new Set(['2']) } });
  assert.deepEqual(r.nodes, [category(tree, 'channels')]);
  assert.equal(kids(tree, category(tree, 'channels')).length, 2);
  model.channels.delete('1');
  const r2 = tree.applyChange({ structural: true, changed: { channel: new Set(['1']) } });
  assert.deepEqual(r2.nodes, [category(tree, 'channels')]);
  assert.equal(tree.nodes.peek('channel:1'), undefined, 'removed nodes leave the cache');
});

test('bridge membership change fires the bridge and rebuilds its members', () => {
  const { model, tree } = setup();
  model.channels.set('1', channel('1'));
  model.channels.set('2', channel('2'));
  model.bridges.set('b1', bridge('b1', ['1']));
  const [b] = kids(tree, category(tree, 'bridges'));
  assert.equal(kids(tree, b).length, 1);
  model.bridges.get('b1')!.channels = ['1', '2'];
  const r = tree.applyChange({ structural: false, changed: { bridge: new Set(['b1']), channel: new Set(['2']) } });
  assert.ok(r.nodes.includes(b));
  assert.equal(kids(tree, b).length, 2);
});

test('filter by app and by text; the description says so; counts show n of total', () => {
  const { model, tree } = setup();
  model.channels.set('1', channel('1'));
  model.channels.set(
    '2',
    channel('2', { dialplan: { context: 'default', exten: '100', priority: 1, app_name: 'Wait', app_data: '' }, caller: { name: '', number: '2002' } }),
  );
  tree.setFilter({ app: 'hello-world' });
  assert.deepEqual(
    kids(tree, category(tree, 'channels')).map((n) => n.id),
    ['1'],
  );
  assert.equal(tree.view(category(tree, 'channels'))!.description, '1 of 2');
  assert.equal(tree.filterDescription(), 'filtered by app: hello-world');
  // channel 2 enters the app: the filtered category refreshes
  model.channels.get('2')!.app = 'hello-world';
  const r = tree.applyChange({ structural: false, changed: { channel: new Set(['2']) } });
  assert.ok(r.nodes.includes(category(tree, 'channels')));
  tree.setFilter({ text: '2002' });
  assert.deepEqual(
    kids(tree, category(tree, 'channels')).map((n) => n.id),
    ['2'],
  );
  tree.setFilter({});
  assert.equal(tree.filterDescription(), undefined);
  assert.deepEqual(tree.appNames(), ['hello-world']);
});

test('10k channels: the Channels children build fast and use cached nodes', () => {
  const { model, tree } = setup();
  for (let i = 0; i < 10_000; i++)
    model.channels.set(String(i), channel(String(i), { creationtime: `2026-11-30T12:${String(i % 60).padStart(2, '0')}:00.000+0000` }));
  const cat = category(tree, 'channels');
  tree.view(cat);
  const t0 = performance.now();
  const list = kids(tree, cat);
  const ms = performance.now() - t0;
  assert.equal(list.length, 10_000);
  // Timing is reported, not asserted (shared CI cores); the budget is 20 ms.
  console.log(`10k channel children built in ${ms.toFixed(1)} ms`);
  assert.strictEqual(kids(tree, cat), list, 'a second call is served from the cache');
  model.channels.get('5')!.state = 'Ring';
  const r = tree.applyChange({ structural: false, changed: { channel: new Set(['5']) } });
  assert.equal(r.nodes.length, 1);
  assert.strictEqual(kids(tree, cat), list, 'a field change does not rebuild the list');
});

test('after a reset (every kind structural, nothing in changed) shown categories refresh even with the same ids', () => {
  const { model, tree } = setup();
  model.channels.set('1', channel('1'));
  for (const n of tree.roots()) tree.view(n);
  kids(tree, category(tree, 'channels'));
  model.channels.set('1', channel('1', { state: 'Down' }));
  const r = tree.applyChange({ structural: true, structuralKinds: new Set(['channel', 'bridge']), changed: {} });
  assert.deepEqual(new Set(r.nodes), new Set([category(tree, 'channels'), category(tree, 'bridges')]));
});

test('a reset that moves channels between bridges rebuilds the member lists', () => {
  const { model, tree } = setup();
  model.channels.set('1', channel('1'));
  model.channels.set('2', channel('2'));
  model.bridges.set('b1', bridge('b1', ['1']));
  tree.view(category(tree, 'bridges'));
  const [b] = kids(tree, category(tree, 'bridges'));
  assert.deepEqual(
    kids(tree, b).map((n) => n.id),
    ['1'],
  );
  model.bridges.set('b1', bridge('b1', ['2']));
  const r = tree.applyChange({ structural: true, structuralKinds: new Set(['bridge', 'channel', 'unknownKind' as never]), changed: {} });
  assert.ok(r.nodes.includes(category(tree, 'bridges')));
  assert.deepEqual(
    kids(tree, b).map((n) => n.id),
    ['2'],
  );
});

test('application counts are live: channels entering and leaving the app re-render the app node', () => {
  const { model, tree } = setup();
  // The snapshot's Application object lists one channel and a bridge that is gone since.
  model.applications.set('hello-world', {
    name: 'hello-world',
    channel_ids: ['1'],
    bridge_ids: ['b1', 'gone'],
    endpoint_ids: [],
    device_names: [],
    events_allowed: [],
    events_disallowed: [],
  });
  model.bridges.set('b1', bridge('b1', []));
  model.channels.set('1', channel('1'));
  for (const n of tree.roots()) tree.view(n);
  const [app] = kids(tree, category(tree, 'applications'));
  assert.equal(tree.view(app)!.description, '1 channel · 1 bridge');
  model.channels.set('2', channel('2'));
  model.channels.set('3', channel('3'));
  model.channels.set('4', channel('4', { app: undefined, dialplan: { context: 'default', exten: '100', priority: 2, app_name: 'Wait', app_data: '600' } }));
  const r = tree.applyChange({ structural: true, structuralKinds: new Set(['channel']), changed: { channel: new Set(['2', '3', '4']) } });
  assert.ok(r.nodes.includes(app), 'the application node is refreshed');
  assert.equal(tree.view(app)!.description, '3 channels · 1 bridge');
  // A bridge the app made after the snapshot counts by its members.
  model.bridges.set('b2', bridge('b2', ['2', '3']));
  tree.applyChange({ structural: true, structuralKinds: new Set(['bridge']), changed: { bridge: new Set(['b2']) } });
  assert.equal(tree.view(app)!.description, '3 channels · 2 bridges');
  model.bridges.delete('b2');
  tree.applyChange({ structural: true, structuralKinds: new Set(['bridge']), changed: { bridge: new Set(['b2']) } });
  model.channels.delete('1');
  model.channels.delete('2');
  tree.applyChange({ structural: true, structuralKinds: new Set(['channel']), changed: { channel: new Set(['1', '2']) } });
  assert.equal(tree.view(app)!.description, '1 channel · 1 bridge');
  // A field change (state, caller) leaves the app node alone.
  const f = tree.applyChange({ structural: false, changed: { channel: new Set(['3']) } });
  assert.ok(!f.nodes.includes(app));
});
