// Explorer tree at scale: 10,000 channels and 1,000 bridges in the live model, read through
// the pure tree logic (AriTree) the VS Code provider wraps. VS Code calls getChildren on the
// expanded categories and getTreeItem on each child; tree.view() is that getTreeItem minus
// the TreeItem object.
import type { Bridge, Channel } from '../src/extension/ari/models.generated';
import type { AriEvent } from '../src/extension/ari/events.generated';
import { AriStateModel } from '../src/extension/state/model';
import { AriTree } from '../src/extension/views/tree/ariTree';
import type { AriNode } from '../src/extension/views/tree/nodes';
import { median, timeMs } from './util/stats';

export interface TreeReport {
  channels: number;
  bridges: number;
  /** Cold: roots + children(Channels), the node cache empty. */
  buildChannelsMs: number;
  /** Cold: children(Bridges). */
  buildBridgesMs: number;
  /** tree.view() of all 10k channel children (what the TreeItems cost). */
  viewAllChannelsMs: number;
  /** One ChannelStateChange -> apply -> takeChanges -> applyChange -> view of fired nodes. */
  oneChangeMs: number;
  oneChangeNodes: number;
  /** The same for a bridged channel while its bridge is expanded (member node too). */
  bridgedChangeNodes: number;
  /** A 100 ms batch touching 100 different channels (no structure change). */
  batch100Ms: number;
  batch100Nodes: number;
  /** One new channel among 10k: Channels category fired, its 10,001 children re-read. */
  structuralMs: number;
  structuralNodes: number;
}

const APP = 'bench-observer';
const ts = (i: number): string => new Date(Date.UTC(2026, 10, 30, 20, 0, 0) + i * 10).toISOString().replace('Z', '+0000');

function makeChannel(i: number): Channel {
  const pair = i >> 1;
  return {
    id: `1796077989.${i}`,
    name: `Local/1776@from-test-${pair.toString(16).padStart(8, '0')};${(i & 1) + 1}`,
    state: i % 3 === 0 ? 'Ring' : 'Up',
    protocol_id: '',
    caller: { name: 'Alice', number: '1001' },
    connected: { name: '', number: '' },
    accountcode: '',
    dialplan: { context: 'from-test', exten: '1776', priority: 3, app_name: 'Stasis', app_data: APP },
    creationtime: ts(i),
    language: 'en',
  };
}

function makeBridge(i: number, channelIds: string[]): Bridge {
  return {
    id: `b0a1c2d3-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
    technology: 'simple_bridge',
    bridge_type: 'mixing',
    bridge_class: 'stasis',
    creator: 'Stasis',
    name: `bench-${i}`,
    channels: channelIds,
    creationtime: ts(i),
    video_mode: 'none',
  };
}

function buildModel(nChannels: number, nBridges: number): AriStateModel {
  const channels = Array.from({ length: nChannels }, (_, i) => makeChannel(i));
  // The first 2 * nBridges channels sit in bridges, two per bridge.
  const bridges = Array.from({ length: nBridges }, (_, i) => makeBridge(i, [channels[2 * i].id, channels[2 * i + 1].id]));
  const model = new AriStateModel();
  model.reset({ channels, bridges, endpoints: [], applications: [], deviceStates: [] });
  model.takeChanges();
  return model;
}

function newTree(model: AriStateModel): AriTree {
  const tree = new AriTree();
  tree.setSource({ model, info: undefined, loadModules: async () => [] });
  return tree;
}

const stateChange = (ch: Channel, state: string): AriEvent =>
  ({ type: 'ChannelStateChange', timestamp: ts(0), channel: { ...ch, state }, asterisk_id: '02:fc:00:00:00:01', application: APP }) as AriEvent;

/** What a batched refresh costs: the change, then VS Code re-reading what was fired. */
function refresh(tree: AriTree, model: AriStateModel): number {
  const r = tree.applyChange(model.takeChanges());
  for (const n of r.nodes) {
    tree.view(n);
    if (n.kind === 'category') for (const c of tree.children(n) as AriNode[]) tree.view(c);
  }
  return r.nodes.length;
}

export function runTreeBench(reps = 9): TreeReport {
  const nChannels = 10_000;
  const nBridges = 1_000;
  const model = buildModel(nChannels, nBridges);
  const channelsCat = (t: AriTree): AriNode => t.categoryNode('channels');

  const build: number[] = [];
  const buildBridges: number[] = [];
  const viewAll: number[] = [];
  for (let i = 0; i < reps; i++) {
    const tree = newTree(model);
    let kids: AriNode[] = [];
    build.push(
      timeMs(() => {
        tree.roots();
        kids = tree.children(channelsCat(tree)) as AriNode[];
      }),
    );
    buildBridges.push(timeMs(() => tree.children(tree.categoryNode('bridges'))));
    viewAll.push(timeMs(() => kids.forEach((k) => tree.view(k))));
  }

  // A tree as VS Code leaves it: roots, both expanded categories and one bridge read.
  const tree = newTree(model);
  tree.roots();
  tree.children(channelsCat(tree));
  const bridgeNodes = tree.children(tree.categoryNode('bridges')) as AriNode[];
  tree.children(bridgeNodes[0]);

  const one: number[] = [];
  let oneNodes = 0;
  for (let i = 0; i < 200; i++) {
    const ch = model.channels.get(`1796077989.${5000 + i}`)!;
    const t0 = performance.now();
    model.apply(stateChange(ch, i % 2 ? 'Up' : 'Ringing'));
    oneNodes = Math.max(oneNodes, refresh(tree, model));
    one.push(performance.now() - t0);
  }
  // Channel 0 is in bridge 0, whose members were read above.
  model.apply(stateChange(model.channels.get('1796077989.0')!, 'Ringing'));
  const bridgedNodes = refresh(tree, model);

  const batch: number[] = [];
  let batchNodes = 0;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    for (let i = 0; i < 100; i++) model.apply(stateChange(model.channels.get(`1796077989.${3000 + i}`)!, r % 2 ? 'Up' : 'Ringing'));
    batchNodes = refresh(tree, model);
    batch.push(performance.now() - t0);
  }

  const structural: number[] = [];
  let structuralNodes = 0;
  for (let r = 0; r < reps; r++) {
    const ch = makeChannel(nChannels + r);
    const t0 = performance.now();
    model.apply({ type: 'ChannelCreated', timestamp: ts(0), channel: ch, asterisk_id: '02:fc:00:00:00:01', application: APP } as AriEvent);
    structuralNodes = refresh(tree, model);
    structural.push(performance.now() - t0);
    // Take it out again so every repetition starts from 10k (not timed).
    model.apply({
      type: 'ChannelDestroyed',
      timestamp: ts(0),
      cause: 16,
      cause_txt: 'Normal Clearing',
      channel: ch,
      asterisk_id: '02:fc:00:00:00:01',
      application: APP,
    } as AriEvent);
    refresh(tree, model);
  }

  return {
    channels: nChannels,
    bridges: nBridges,
    buildChannelsMs: median(build),
    buildBridgesMs: median(buildBridges),
    viewAllChannelsMs: median(viewAll),
    oneChangeMs: median(one),
    oneChangeNodes: oneNodes,
    bridgedChangeNodes: bridgedNodes,
    batch100Ms: median(batch),
    batch100Nodes: batchNodes,
    structuralMs: median(structural),
    structuralNodes,
  };
}
