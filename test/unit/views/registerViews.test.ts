// The vscode glue of the views area, run on the fake vscode module against the simulator:
// status bar text per phase, tree refreshes fired with cached nodes, filters and their view
// description, Copy as JSON, and a live `ari-json` document.
import '../fakes/registerVscode';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { fake, InMemoryMemento, InMemorySecretStorage, MemoryLogOutputChannel, ThemeIcon } from '../fakes/vscode';
import { ConnectionManager } from '../../../src/extension/connection/manager';
import { registerViews } from '../../../src/extension/views';
import type { Services } from '../../../src/extension/services';
import type { AriNode } from '../../../src/extension/views/tree/nodes';
import { startSimulator } from '../../../tools/ari-sim/index';
import { registerProfileCommands } from '../../../src/extension/profiles/commands';
import { sessionOf } from '../../../src/extension/commands/prompts';

type Fired = AriNode | AriNode[] | undefined;

function whenFired(provider: vscode.TreeDataProvider<AriNode>, ok: (e: Fired) => boolean | Promise<boolean>): Promise<void> {
  return new Promise((resolve) => {
    const sub = provider.onDidChangeTreeData!(async (e) => {
      if (await ok(e as Fired)) {
        sub.dispose();
        resolve();
      }
    });
  });
}

test('views: status bar, tree refreshes, filters, JSON documents', async () => {
  fake.reset();
  const sim = await startSimulator({ port: 0 });
  const context = { globalState: new InMemoryMemento(), secrets: new InMemorySecretStorage() } as unknown as vscode.ExtensionContext;
  const log = new MemoryLogOutputChannel() as unknown as vscode.LogOutputChannel;
  const connections = new ConnectionManager(context, log);
  const services: Services = { context, log, connections, probes: {} };
  const views = registerViews(services);
  try {
    const item = fake.statusBarItems.get('ariExplorer.status')!;
    assert.equal(item.text, '$(plug) ARI');
    assert.equal(item.command, 'ariExplorer.connection.statusMenu');
    const view = fake.treeViews.get('ariExplorer.explorer')!;
    const provider = view.provider as vscode.TreeDataProvider<AriNode>;
    assert.deepEqual(await provider.getChildren(), []);

    const profile = await connections.profiles.add({ name: 'sim', url: sim.url, username: 'test', apps: [] }, 'test_password');
    assert.equal(item.text, '$(debug-disconnect) ARI');
    await connections.connect(profile.id);
    assert.match(item.text, /^\$\(pass-filled\) ARI: sim \(.+\)$/);

    const roots = (await provider.getChildren())!;
    const channels = roots[0];
    assert.equal((provider.getTreeItem(channels) as vscode.TreeItem).description, '0');

    const empty = (await provider.getChildren(channels))!;
    assert.deepEqual(
      empty.map((n) => n.kind),
      ['hint'],
      'an empty category says so',
    );
    assert.equal((provider.getTreeItem(empty[0]) as vscode.TreeItem).command?.command, 'ariExplorer.channel.originate');
    const appeared = whenFired(provider, async (e) => Array.isArray(e) && e.includes(channels) && (await provider.getChildren(channels))!.length === 2);
    const id = await sim.originateFromCli('Local/100@default', { context: 'default', exten: '100' });
    await appeared;
    const [first] = (await provider.getChildren(channels))!;
    const probed = await services.probes!.tree!();
    assert.equal(probed[0].children.length, 2, 'the probe walks what the provider serves');
    assert.ok(
      probed[0].children.every((c) => /^[0-9a-f]{8};[12] · Local\/100@default$/.test(c.label) && /^channel\./.test(c.contextValue ?? '')),
      JSON.stringify(probed[0].children),
    );
    const treeItem = provider.getTreeItem(first) as vscode.TreeItem;
    assert.ok(treeItem.iconPath instanceof ThemeIcon);
    assert.match(treeItem.contextValue ?? '', /^channel\./);
    assert.equal(treeItem.id, first.key);
    assert.ok(!treeItem.tooltip, 'tooltips wait for resolveTreeItem');
    const resolved = (await provider.resolveTreeItem!(treeItem, first, { isCancellationRequested: false } as vscode.CancellationToken)) as vscode.TreeItem;
    assert.match(String((resolved.tooltip as vscode.MarkdownString).value), /Local\/100@default/);

    await fake.commands.get('ariExplorer.tree.copyJson')!(first);
    assert.equal(JSON.parse(fake.clipboard).id, first.id);
    await fake.commands.get('ariExplorer.tree.openJson')!({ kind: 'channel', id });
    const doc = fake.workspace.textDocuments[0];
    assert.equal(doc.uri.scheme, 'ari-json');
    assert.equal(doc.languageId, 'json');
    assert.equal(JSON.parse(doc.getText()).id, id);

    await fake.commands.get('ariExplorer.tree.filterByApp')!('no-such-app');
    assert.equal(view.description, 'filtered by app: no-such-app');
    assert.equal(fake.contextKeys.get('ariExplorer.treeFiltered'), true);
    const filteredOut = (await provider.getChildren(channels))!;
    assert.deepEqual(
      filteredOut.map((n) => n.kind),
      ['hint'],
    );
    assert.equal((provider.getTreeItem(filteredOut[0]) as vscode.TreeItem).command?.command, 'ariExplorer.tree.clearFilter', 'the hint clears the filter');
    assert.equal(fake.contextKeys.get('ariExplorer.hasStasisChannels'), false, 'a Local/100@default channel is in no app');
    assert.equal(fake.contextKeys.get('ariExplorer.hasChannels'), true);
    await fake.commands.get('ariExplorer.tree.filterByApp')!(undefined);
    assert.equal(view.description, undefined);
    assert.equal((await provider.getChildren(channels))!.length, 2);

    // ariExplorer.tree.channelLabel: "caller" moves the name to the description, at once.
    const relabelled = whenFired(provider, (e) => e === undefined);
    fake.configuration.set('ariExplorer.tree.channelLabel', 'caller');
    fake.changeConfiguration('ariExplorer.tree.channelLabel');
    await relabelled;
    const byCaller = provider.getTreeItem(first) as vscode.TreeItem;
    assert.doesNotMatch(String(byCaller.label), /^Local\//);
    assert.match(String(byCaller.description), /^Local\/100@default-/);
    fake.configuration.delete('ariExplorer.tree.channelLabel');
    fake.changeConfiguration('ariExplorer.tree.channelLabel');
    assert.match(String((provider.getTreeItem(first) as vscode.TreeItem).label), /^[0-9a-f]{8};[12] · Local\/100@default$/);

    const docs = fake.contentProviders.get('ari-json')!;
    const docChanged = new Promise<void>((resolve) => {
      const sub = docs.onDidChange!((uri) => {
        if (uri.toString() === doc.uri.toString() && /is gone/.test(doc.getText())) {
          sub.dispose();
          resolve();
        }
      });
    });
    const gone = whenFired(provider, async () => (await provider.getChildren(channels))!.every((n) => n.kind === 'hint'));
    await connections.active!.rest.channels.hangup(id);
    await gone;
    await docChanged;

    await connections.disconnect();
    assert.equal(item.text, '$(debug-disconnect) ARI');
    assert.deepEqual(await provider.getChildren(), []);
  } finally {
    views.dispose();
    connections.dispose();
    await sim.close();
  }
});

test('views: two servers at once (one behind /asterisk) — a root per server, nodes that name their server, the status item for both', async () => {
  fake.reset();
  const simA = await startSimulator({ port: 0 });
  const simB = await startSimulator({ port: 0, prefix: '/asterisk' });
  const context = { globalState: new InMemoryMemento(), secrets: new InMemorySecretStorage() } as unknown as vscode.ExtensionContext;
  const log = new MemoryLogOutputChannel() as unknown as vscode.LogOutputChannel;
  const connections = new ConnectionManager(context, log);
  const services: Services = { context, log, connections, probes: {} };
  const views = registerViews(services);
  const profileCommands = registerProfileCommands(services);
  try {
    const item = fake.statusBarItems.get('ariExplorer.status')!;
    const view = fake.treeViews.get('ariExplorer.explorer')!;
    const provider = view.provider as vscode.TreeDataProvider<AriNode>;
    const a = await connections.profiles.add({ name: 'alpha', url: simA.url, username: 'test', apps: [] }, 'test_password');
    const b = await connections.profiles.add({ name: 'beta', url: simB.url, username: 'test', apps: [] }, 'test_password');
    await connections.connect(a.id);
    // One server: today's flat layout, with its nodes naming their server.
    const flat = (await provider.getChildren())!;
    assert.equal(flat[0].kind, 'category');
    assert.equal(flat[0].profileId, a.id);
    assert.equal((provider.getTreeItem(flat[0]) as vscode.TreeItem).id, flat[0].key);

    await connections.connect(b.id);
    assert.match(item.text, /^\$\(pass-filled\) ARI: 2 connected$/);
    const roots = (await provider.getChildren())!;
    assert.deepEqual(
      roots.map((n) => [n.kind, n.profileId]),
      [
        ['serverRoot', a.id],
        ['serverRoot', b.id],
      ],
    );
    const rootItem = provider.getTreeItem(roots[1]) as vscode.TreeItem;
    assert.equal(rootItem.label, 'beta');
    assert.equal(rootItem.contextValue, 'serverRoot');
    assert.match(String(rootItem.description), /^Asterisk /);

    // A call on beta shows under beta's root only; its node names beta.
    const [alphaCats, betaCats] = await Promise.all(roots.map(async (r) => (await provider.getChildren(r))!));
    const betaChannels = betaCats[0];
    const alphaChannels = alphaCats[0];
    assert.equal(betaChannels.profileId, b.id);
    assert.equal(provider.getParent!(betaChannels), roots[1]);
    assert.notEqual(
      (provider.getTreeItem(betaChannels) as vscode.TreeItem).id,
      (provider.getTreeItem(alphaChannels) as vscode.TreeItem).id,
      'item ids unique across servers',
    );
    const appeared = whenFired(provider, async () => (await provider.getChildren(betaChannels))!.length === 2);
    await simB.originateFromCli('Local/100@default', { context: 'default', exten: '100' });
    await appeared;
    const [channel] = (await provider.getChildren(betaChannels))!;
    assert.equal(channel.kind, 'channel');
    assert.equal(channel.profileId, b.id);
    assert.deepEqual(
      (await provider.getChildren(alphaChannels))!.map((n) => n.kind),
      ['hint'],
    );
    // What a command started from that node acts on: beta's session, though alpha is asked about.
    assert.equal(await sessionOf(services, channel), connections.sessionOf(b.id));
    assert.ok(connections.sessionOf(b.id)!.model.channels.has(channel.id));
    assert.ok(!connections.sessionOf(a.id)!.model.channels.has(channel.id));
    const probed = await services.probes!.tree!();
    assert.deepEqual(
      probed.map((p) => p.label),
      ['alpha', 'beta'],
    );

    // Disconnect from beta's root: alpha is left, flat again.
    await fake.commands.get('ariExplorer.profiles.disconnect')!(roots[1]);
    assert.deepEqual(
      connections.servers.map((s) => s.profileId),
      [a.id],
    );
    const after = (await provider.getChildren())!;
    assert.equal(after[0].kind, 'category');
    assert.equal(after[0].profileId, a.id);
    assert.match(item.text, /^\$\(pass-filled\) ARI: alpha \(.+\)$/);

    // ariExplorer.tree.serverRoots "always": a root even for one.
    fake.configuration.set('ariExplorer.tree.serverRoots', 'always');
    fake.changeConfiguration('ariExplorer.tree.serverRoots');
    assert.deepEqual(
      (await provider.getChildren())!.map((n) => n.kind),
      ['serverRoot'],
    );
    fake.configuration.delete('ariExplorer.tree.serverRoots');
    fake.changeConfiguration('ariExplorer.tree.serverRoots');
    assert.equal((await provider.getChildren())![0].kind, 'category');
  } finally {
    for (const d of profileCommands) d.dispose();
    views.dispose();
    connections.dispose();
    await simA.close();
    await simB.close();
  }
});
