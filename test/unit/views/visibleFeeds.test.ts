// A hidden tree listens to nothing (#16): reads while hidden see the model as it is, and
// showing the view again subscribes, catches up and refreshes everything once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AriTree } from '../../../src/extension/views/tree/ariTree';
import type { AriNode } from '../../../src/extension/views/tree/nodes';
import { VisibleFeeds } from '../../../src/extension/views/tree/visibleFeeds';
import type { TreeChange } from '../../../src/extension/views/tree/source';
import { Emitter } from '../../../src/extension/util/emitter';
import { bridge, channel, emptyModel, source } from './fixtures';

function kids(tree: AriTree, node?: AriNode): AriNode[] {
  const r = tree.children(node);
  assert.ok(Array.isArray(r));
  return r;
}

function setup() {
  const model = emptyModel();
  model.channels.set('1', channel('1'));
  model.channels.set('2', channel('2'));
  model.bridges.set('b', bridge('b', ['1']));
  const tree = new AriTree(() => 0);
  tree.setSource(source(model));
  const [channels, bridges] = kids(tree);
  return { model, tree, channels, bridges };
}

test('a tree that is not live reads the model afresh, and going live prunes what went away', () => {
  const { model, tree, channels, bridges } = setup();
  const [b] = kids(tree, bridges);
  assert.deepEqual(
    kids(tree, b).map((n) => n.id),
    ['1'],
  );
  const two = kids(tree, channels)[1];
  tree.setLive(false);

  // No applyChange: nothing tells the tree.
  model.channels.delete('2');
  model.channels.set('3', channel('3'));
  model.bridges.set('b', bridge('b', ['1', '3']));
  assert.deepEqual(
    kids(tree, channels).map((n) => n.id),
    ['1', '3'],
  );
  assert.deepEqual(
    kids(tree, b).map((n) => n.id),
    ['1', '3'],
    'member lists too',
  );
  assert.equal(tree.nodes.peek(two.key), undefined, 'the row of a channel that went leaves the cache');

  model.channels.delete('3');
  model.bridges.set('b', bridge('b', ['1']));
  tree.setLive(true);
  assert.equal(tree.nodes.peek('channel:3'), undefined, 'going live catches up');
  assert.equal(tree.nodes.peek(`${b.key}/channel:3`), undefined);
  assert.deepEqual(
    kids(tree, channels).map((n) => n.id),
    ['1'],
  );
  assert.deepEqual(
    kids(tree, b).map((n) => n.id),
    ['1'],
  );
  assert.equal(kids(tree, channels)[0], kids(tree, channels)[0], 'live again: the cached lists serve');
});

test('the tree subscribes to its session only while the view is shown, and catches up when shown', () => {
  const { model, tree, channels } = setup();
  kids(tree, channels);
  const changes = new Emitter<TreeChange>();
  const refreshed: AriNode[][] = [];
  let refreshAll = 0;
  const feeds = new VisibleFeeds(false, () => refreshAll++);
  const feed = feeds.add('sim', {
    pause: () => tree.setLive(false),
    resume: () => {
      tree.setLive(true);
      return changes.event((c) => refreshed.push(tree.applyChange(c).nodes));
    },
  });
  assert.equal(changes.hasListeners, false, 'hidden from the start: no listener');

  feeds.setVisible(true);
  assert.equal(changes.hasListeners, true);
  assert.equal(refreshAll, 1, 'shown: one refresh of everything');
  model.channels.set('3', channel('3'));
  changes.fire({ structural: true, structuralKinds: new Set(['channel']), changed: { channel: new Set(['3']) } });
  assert.deepEqual(
    refreshed.at(-1)?.map((n) => n.key),
    ['cat:channels'],
    'while shown, changes arrive',
  );

  feeds.setVisible(false);
  assert.equal(changes.hasListeners, false, 'hidden: the listener is gone');
  model.channels.delete('1');
  feeds.setVisible(true);
  assert.equal(refreshAll, 2);
  assert.deepEqual(
    kids(tree, channels).map((n) => n.id),
    ['2', '3'],
    'caught up with what happened while hidden',
  );
  assert.equal(tree.nodes.peek('channel:1'), undefined);

  feed.dispose();
  assert.equal(changes.hasListeners, false, 'a server that goes takes its listener');
  feeds.setVisible(false);
  feeds.setVisible(true);
  assert.equal(refreshAll, 2, 'no servers: nothing to refresh');
  feeds.dispose();
});
