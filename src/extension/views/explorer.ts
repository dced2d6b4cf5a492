// Wires the explorer tree to the live sessions (one tree per connected server, grouped under a
// root per server when there are several): model changes -> node refreshes, filters,
// Copy ID / Copy as JSON / Open as JSON.
import * as vscode from 'vscode';
import type { ProbeNode, Services } from '../services';
import type { AriSession } from '../connection/session';
import { registerCommand } from '../util/commands';
import { DisposableStore } from '../util/emitter';
import { AriTree } from './tree/ariTree';
import type { AriNode } from './tree/nodes';
import { AriTreeProvider } from './tree/provider';
import { AriJsonDocuments } from './jsonDocuments';
import { JSON_SCHEME, type EntityRef } from './tree/jsonRefs';
import type { TreeSource } from './tree/source';
import { explorerMessage } from './statusModel';
import { isChannelLabelMode, type ChannelLabelMode } from './tree/labels';
import { controlsOf } from './tree/controls';
import { changedKeys, noPaletteContext, paletteContext, type PaletteKey } from './tree/paletteContext';
import { t } from '../util/l10n';
import { ServerForest, isServerRootsMode, type ServerRootsMode } from './tree/forest';
import type { LiveServer } from '../connection/servers';
import { profileIdOf } from '../connection/servers';
import type { ConnectionPhase } from '../connection/phase';
import type { TreeFilter } from './tree/ariTree';
import { VisibleFeeds } from './tree/visibleFeeds';

export const EXPLORER_VIEW = 'ariExplorer.explorer';
export const CHANNEL_LABEL_SETTING = 'ariExplorer.tree.channelLabel';
export const SERVER_ROOTS_SETTING = 'ariExplorer.tree.serverRoots';

function serverRootsSetting(): ServerRootsMode {
  const v = vscode.workspace.getConfiguration('ariExplorer.tree').get<string>('serverRoots', 'whenSeveral');
  return isServerRootsMode(v) ? v : 'whenSeveral';
}

/** A server root's description: its state, and the Asterisk version once connected. */
function rootDescription(phase: ConnectionPhase): string | undefined {
  switch (phase.kind) {
    case 'connected':
      return phase.version ? t('Asterisk {0}', phase.version) : t('connected');
    case 'connecting':
      return t('connecting…');
    case 'reconnecting':
      return t('reconnecting…');
    case 'error':
      return t('failed: {0}', phase.error);
    default:
      return undefined;
  }
}

function channelLabelSetting(): ChannelLabelMode {
  const v = vscode.workspace.getConfiguration('ariExplorer.tree').get<string>('channelLabel', 'name');
  return isChannelLabelMode(v) ? v : 'name';
}

function sourceOf(session: AriSession, ownApp: string): TreeSource {
  return {
    model: session.model,
    get info() {
      return session.info;
    },
    ownApp,
    loadModules: () => session.rest.asterisk.listModules(),
    controls: controlsOf(session),
  };
}

/** Node commands get a tree node; anything with string kind and id will do. */
function refOf(arg: unknown): EntityRef {
  const a = arg as Partial<EntityRef> | undefined;
  if (!a || typeof a.kind !== 'string' || typeof a.id !== 'string') throw new Error(t('Run this command from an item of the ARI Live view.'));
  return { kind: a.kind, id: a.id };
}

/** Walks the provider as VS Code does; the Server node is left closed (its modules are a REST call). */
async function probeTree(provider: AriTreeProvider, parent?: AriNode): Promise<ProbeNode[]> {
  const kids = (await provider.getChildren(parent)) ?? [];
  return Promise.all(
    kids.map(async (node) => {
      const item = await provider.getTreeItem(node);
      const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
      const open = item.collapsibleState !== vscode.TreeItemCollapsibleState.None && node.kind !== 'server';
      return {
        label,
        description: typeof item.description === 'string' ? item.description : undefined,
        contextValue: item.contextValue,
        children: open ? await probeTree(provider, node) : [],
      };
    }),
  );
}

export function registerExplorer(services: Services): vscode.Disposable {
  const manager = services.connections;
  // Settings and the filter apply to every server's tree.
  let filter: TreeFilter = {};
  let channelLabel = channelLabelSetting();
  const forest = new ServerForest((profileId) => {
    const tree = new AriTree(Date.now, profileId);
    tree.setChannelLabel(channelLabel);
    tree.setFilter(filter);
    return tree;
  });
  forest.setMode(serverRootsSetting());
  const provider = new AriTreeProvider(forest);
  const focusedTree = () => forest.tree(manager.activeProfile?.id) ?? forest.trees[0];
  // Open as JSON looks in the focused server first, then the others.
  const docs = new AriJsonDocuments({
    entity: (ref) => {
      for (const tree of [focusedTree(), ...forest.trees]) {
        const e = tree?.entity(ref);
        if (e !== undefined) return e;
      }
      return undefined;
    },
  });
  const view = vscode.window.createTreeView(EXPLORER_VIEW, { treeDataProvider: provider, showCollapseAll: true, canSelectMany: true });
  /** Per server: the session its tree shows, and the listeners on it. */
  const attached = new Map<string, { session: AriSession; subs: DisposableStore }>();
  const feeds = new VisibleFeeds(view.visible, () => provider.refreshAll());
  if (services.probes) services.probes.tree = () => probeTree(provider);

  // Palette entries with nothing to act on stay hidden (contrib/40-commands.json `when`s).
  let palette: Partial<Record<PaletteKey, boolean>> = {};
  const updatePalette = (next: Record<PaletteKey, boolean>) => {
    for (const k of changedKeys(palette, next)) void vscode.commands.executeCommand('setContext', k, next[k]);
    palette = next;
  };
  /** The palette follows the focused server. */
  const paletteFromFocus = () => {
    const session = manager.active;
    updatePalette(session ? paletteContext(session.model, controlsOf(session)) : noPaletteContext());
  };

  // The Server node is live while shown: its uptime row ticks each second. VS Code may restore
  // the node open without an expand event, so only an explicit collapse stops the clock; a tick
  // refreshes the row only once VS Code has asked for it.
  let uptimeTimer: NodeJS.Timeout | undefined;
  const tickUptime = () => {
    const live =
      view.visible &&
      forest.trees.some((tree) => {
        const server = tree.nodes.peek('server');
        return !(server && tree.isCollapsed(server));
      });
    if (live && !uptimeTimer) {
      uptimeTimer = setInterval(() => {
        const rows = forest.trees.map((tree) => tree.nodes.peek('server:uptime')).filter((n): n is AriNode => !!n);
        if (rows.length) provider.refresh({ root: false, nodes: rows });
      }, 1000);
      uptimeTimer.unref?.();
    } else if (!live && uptimeTimer) {
      clearInterval(uptimeTimer);
      uptimeTimer = undefined;
    }
  };
  const expansion = (open: boolean) => (e: vscode.TreeViewExpansionEvent<AriNode>) => {
    const tree = forest.treeOf(e.element);
    if (!tree) return;
    tree.setExpanded(e.element, open);
    if (e.element.kind !== 'server' || e.element.id !== 'server') return;
    tickUptime();
    // The Modules row shows its count without being opened.
    if (open)
      void tree.preloadModules().then(
        (n) => n && provider.refresh({ root: false, nodes: [n] }),
        () => undefined,
      );
  };

  const filterChanged = () => {
    view.description = focusedTree()?.filterDescription() ?? undefined;
    void vscode.commands.executeCommand('setContext', 'ariExplorer.treeFiltered', focusedTree()?.isFiltered ?? false);
    provider.refreshAll();
  };
  const setFilter = (next: TreeFilter) => {
    filter = next;
    for (const tree of forest.allTrees) tree.setFilter(next);
    filterChanged();
  };

  const attach = (profileId: string, session: AriSession) => {
    const tree = forest.tree(profileId)!;
    const subs = new DisposableStore();
    attached.set(profileId, { session, subs });
    tree.setSource(sourceOf(session, manager.observerApp));
    const controls = controlsOf(session);
    // The palette and open JSON documents follow the session whether the tree shows or not.
    subs.add(
      controls.onDidChange(() => {
        if (session === manager.active) updatePalette(paletteContext(session.model, controls));
      }),
    );
    subs.add(
      session.onModelChange((change) => {
        docs.modelChanged(change);
        if (change.structural) controls.retain((id) => session.model.channels.has(id));
        if (session === manager.active) updatePalette(paletteContext(session.model, controls));
      }),
    );
    // Server info is re-read at each (re)connect; refresh its node with the first change after.
    let serverStale = false;
    subs.add(
      session.onState((s) => {
        if (s.kind === 'open') {
          serverStale = true;
          provider.refresh({ root: false, nodes: [tree.serverChanged()] });
        }
      }),
    );
    subs.add(
      feeds.add(profileId, {
        pause: () => tree.setLive(false),
        resume: () => {
          tree.setLive(true);
          const live = new DisposableStore();
          live.add(controls.onDidChange((ids) => provider.refresh(tree.applyChange({ structural: false, changed: { channel: new Set(ids) } }))));
          live.add(
            session.onModelChange((change) => {
              // Already batched by the session (<= 1 per 100 ms): one pass, only changed nodes.
              const r = tree.applyChange(change);
              if (serverStale) {
                serverStale = false;
                r.nodes.push(tree.serverChanged());
              }
              provider.refresh(r);
            }),
          );
          return live;
        },
      }),
    );
  };
  const detach = (profileId: string) => {
    attached.get(profileId)?.subs.dispose();
    attached.delete(profileId);
  };

  /** One tree per live server; a server whose session changed (a new connect) starts over. */
  const syncServers = (servers: readonly LiveServer[]) => {
    const live = new Set(servers.map((s) => s.profileId));
    for (const id of forest.profileIds) {
      if (live.has(id)) continue;
      detach(id);
      forest.remove(id);
    }
    for (const s of servers) {
      forest.add(s.profileId, s.profileName);
      forest.describe(s.profileId, s.profileName, rootDescription(manager.phaseOf(s.profileId)));
      if (attached.get(s.profileId)?.session === s.session) continue;
      detach(s.profileId);
      attach(s.profileId, s.session);
    }
    provider.refreshAll();
    docs.refreshAll();
    tickUptime();
    paletteFromFocus();
  };
  syncServers(manager.servers);
  const phaseChanged = () => {
    view.message = explorerMessage(manager.phase);
    // Each server root shows its own state.
    const roots: AriNode[] = [];
    for (const id of forest.profileIds) {
      const profile = manager.profiles.get(id);
      const root = forest.describe(id, profile?.name ?? id, rootDescription(manager.phaseOf(id)));
      if (root) roots.push(root);
    }
    if (roots.length) provider.refresh({ root: false, nodes: roots });
  };
  phaseChanged();
  const phaseSub = manager.onDidChangePhase(phaseChanged);

  const copy = async (text: string, what: string) => {
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(t('$(clippy) Copied {0}', what), 2000);
  };

  return vscode.Disposable.from(
    view,
    provider,
    docs,
    new vscode.Disposable(() => {
      for (const id of [...attached.keys()]) detach(id);
    }),
    new vscode.Disposable(() => uptimeTimer && clearInterval(uptimeTimer)),
    view.onDidExpandElement(expansion(true)),
    view.onDidCollapseElement(expansion(false)),
    feeds,
    view.onDidChangeVisibility((e) => {
      feeds.setVisible(e.visible);
      tickUptime();
    }),
    manager.onDidChangeServers(syncServers),
    manager.onDidChangeActive(() => {
      paletteFromFocus();
      filterChanged();
    }),
    phaseSub,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SERVER_ROOTS_SETTING) && forest.setMode(serverRootsSetting())) provider.refreshAll();
      if (!e.affectsConfiguration(CHANNEL_LABEL_SETTING)) return;
      channelLabel = channelLabelSetting();
      for (const tree of forest.allTrees) tree.setChannelLabel(channelLabel);
      provider.refreshAll();
    }),
    vscode.workspace.registerTextDocumentContentProvider(JSON_SCHEME, docs),

    // Being the app (src/extension/walkthrough): a channel that entered the user's app is
    // revealed, and the badge counts the channels waiting there. Internal, not in the palette.
    // `profileId`: the channel's server (ids repeat across servers); without one, the focused server.
    registerCommand(services, 'ariExplorer.tree.revealChannel', async (id: unknown, profileId?: unknown) => {
      if (typeof id !== 'string') return;
      const server = typeof profileId === 'string' && profileId ? profileId : undefined;
      const find = async () => {
        const tree = server ? forest.tree(server) : focusedTree();
        return tree ? (await tree.children(tree.categoryNode('channels'))).find((n) => n.id === id) : undefined;
      };
      // The model may take one batch longer than the event that announced the channel.
      let node = await find();
      if (!node) {
        await new Promise<void>((resolve) => {
          const sub = (server ? manager.sessionOf(server) : manager.active)?.onModelChange(() => {
            sub?.dispose();
            resolve();
          });
          if (!sub) resolve();
          setTimeout(() => {
            sub?.dispose();
            resolve();
          }, 2000);
        });
        node = await find();
      }
      if (node) await view.reveal(node, { select: true, focus: false, expand: false });
    }),
    registerCommand(services, 'ariExplorer.tree.setWaitingBadge', (badge: unknown) => {
      const b = badge as { value?: unknown; tooltip?: unknown } | undefined;
      view.badge = b && typeof b.value === 'number' && typeof b.tooltip === 'string' ? { value: b.value, tooltip: b.tooltip } : undefined;
    }),
    registerCommand(services, 'ariExplorer.tree.filterByApp', async (...args: unknown[]) => {
      // From the palette there is no argument: ask. An explicit undefined clears the filter.
      let app: string | undefined;
      if (args.length === 0) {
        const names = [...new Set(forest.trees.flatMap((tree) => tree.appNames()))].sort();
        const items = [...names.map((n) => ({ label: n, app: n as string | undefined })), { label: t('$(clear-all) Show all apps'), app: undefined }];
        const pick = await vscode.window.showQuickPick(items, {
          placeHolder: names.length ? t('Show only what belongs to the app…') : t('No Stasis app is known yet'),
        });
        if (!pick) return;
        app = pick.app;
      } else {
        const a = args[0];
        app = typeof a === 'string' ? a : a && typeof a === 'object' && (a as EntityRef).kind === 'application' ? (a as EntityRef).id : undefined;
      }
      setFilter({ ...filter, app });
    }),
    registerCommand(services, 'ariExplorer.tree.filter', async (...args: unknown[]) => {
      const text =
        typeof args[0] === 'string'
          ? args[0]
          : await vscode.window.showInputBox({
              title: t('Filter the ARI Live view'),
              prompt: t('Text in a name, state, caller number, dialplan location or app (empty clears)'),
              value: filter.text ?? '',
            });
      if (text === undefined) return;
      setFilter({ ...filter, text });
    }),
    registerCommand(services, 'ariExplorer.tree.channelLabelCaller', () =>
      vscode.workspace.getConfiguration('ariExplorer.tree').update('channelLabel', 'caller', vscode.ConfigurationTarget.Global),
    ),
    registerCommand(services, 'ariExplorer.tree.channelLabelName', () =>
      vscode.workspace.getConfiguration('ariExplorer.tree').update('channelLabel', 'name', vscode.ConfigurationTarget.Global),
    ),
    registerCommand(services, 'ariExplorer.tree.clearFilter', () => setFilter({})),
    registerCommand(services, 'ariExplorer.tree.refresh', async (arg) => {
      // From a server's root: that server; from the title bar: every server.
      const named = profileIdOf(arg);
      const sessions = named ? [manager.sessionOf(named)].filter((s): s is AriSession => !!s) : manager.servers.map((s) => s.session);
      if (sessions.length) await Promise.all(sessions.map((s) => s.resync()));
      else provider.refreshAll();
    }),
    registerCommand(services, 'ariExplorer.tree.copyId', async (arg) => {
      const ref = refOf(arg);
      await copy(ref.id, t('{0} id', ref.kind));
    }),
    registerCommand(services, 'ariExplorer.tree.copyJson', async (arg) => {
      const ref = refOf(arg);
      const entity = (forest.treeOf(arg as AriNode) ?? focusedTree())?.entity(ref);
      if (entity === undefined) throw new Error(t('The {0} {1} is gone.', ref.kind, ref.id));
      await copy(JSON.stringify(entity, null, 2), t('{0} as JSON', ref.kind));
    }),
    registerCommand(services, 'ariExplorer.tree.openJson', async (arg) => {
      const doc = await vscode.workspace.openTextDocument(AriJsonDocuments.uri(refOf(arg)));
      await vscode.languages.setTextDocumentLanguage(doc, 'json');
      await vscode.window.showTextDocument(doc, { preview: true });
    }),
  );
}
