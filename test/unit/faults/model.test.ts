// The state model, the tree and the panel's store fed every ARI event type in broken shapes
// (fields missing, null, wrong types): apply() never throws, counts what it skipped, never
// keys an entity by a non-string, and the tree and store still render everything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ARI_EVENT_TYPES, type AriEvent } from '../../../src/extension/ari/events.generated';
import { AriStateModel } from '../../../src/extension/state/model';
import { AriTree } from '../../../src/extension/views/tree/ariTree';
import type { AriNode } from '../../../src/extension/views/tree/nodes';
import { EventStore } from '../../../src/extension/webviews/eventStore';
import { channelJson } from './helpers';

const ENTITY_FIELDS = [
  'channel',
  'bridge',
  'playback',
  'recording',
  'device_state',
  'endpoint',
  'peer',
  'caller',
  'forwarded',
  'bridge_from',
  'replace_channel',
  'application',
];
const BROKEN: unknown[] = [
  undefined,
  null,
  0,
  'x',
  [],
  {},
  { id: 1 },
  { id: '' },
  { id: 'ok-id' },
  { name: 5 },
  { id: 'b1', channels: 'c1' },
  { technology: 1, resource: null },
  // Nearly valid: the id and name are fine, the rest is not.
  { id: 'odd.1', name: 'odd-1' },
  { ...channelJson('odd.2'), caller: null, connected: 7, dialplan: null, state: 5, creationtime: 'yesterday' },
  { ...channelJson('odd.3'), dialplan: { app_name: 'Stasis', app_data: null } },
  { id: 'br.1', channels: [null, 5, 'odd.1'], bridge_type: null, technology: {} },
  { id: 'pb.1', target_uri: 'channel:odd.1', state: 9, media_uri: null },
];

function brokenEvents(): unknown[] {
  const out: unknown[] = [];
  for (const type of ARI_EVENT_TYPES) {
    out.push({ type });
    for (const field of ENTITY_FIELDS) for (const value of BROKEN) out.push({ type, timestamp: 'not a time', application: 'a', [field]: value });
  }
  return out;
}

function walk(tree: AriTree, node?: AriNode, depth = 0): number {
  if (depth > 4) return 0;
  const kids = tree.children(node);
  if (!Array.isArray(kids)) return 0; // the module list is async: not model data
  let n = kids.length;
  for (const k of kids) {
    const v = tree.view(k);
    assert.ok(v === undefined || typeof v.label === 'string', `label of ${k.kind}:${String(k.id)}`);
    tree.tooltip(k);
    n += walk(tree, k, depth + 1);
  }
  return n;
}

test('every event type in broken shapes: apply() never throws, keys stay strings, the tree and store still render', () => {
  const model = new AriStateModel();
  model.reset({ channels: [channelJson('1.1') as never], bridges: [], endpoints: [], applications: [], deviceStates: [] });
  const store = new EventStore(100_000);
  const events = brokenEvents();
  for (const e of events) {
    assert.doesNotThrow(() => model.apply(e as AriEvent), JSON.stringify(e));
    assert.doesNotThrow(() => store.push(e as object, 0), JSON.stringify(e));
  }
  assert.ok(model.malformedEvents > 100, `${model.malformedEvents} skipped`);
  const maps: [string, Map<unknown, unknown>][] = [
    ['channels', model.channels],
    ['bridges', model.bridges],
    ['playbacks', model.playbacks],
    ['recordings', model.recordings],
    ['storedRecordings', model.storedRecordings],
    ['endpoints', model.endpoints],
    ['applications', model.applications],
    ['deviceStates', model.deviceStates],
  ];
  for (const [name, map] of maps) {
    for (const key of map.keys()) assert.ok(typeof key === 'string' && key !== '' && !key.includes('undefined'), `${name} key ${String(key)}`);
  }
  for (const c of model.channels.values()) assert.equal(typeof c.name, 'string');
  for (const b of model.bridges.values()) assert.ok(Array.isArray(b.channels));
  assert.ok(model.channels.has('1.1'), 'the good channel is still there');
  const change = model.takeChanges();
  const tree = new AriTree();
  tree.setSource({ model, ownApp: 'a', loadModules: async () => [] });
  assert.doesNotThrow(() => tree.applyChange(change));
  assert.ok(walk(tree) > 0);
  assert.equal(store.size, events.length);
});
