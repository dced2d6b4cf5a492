// The explorer tree as pure logic: roots and children, cached node objects, and which nodes
// to refresh for a model change. What passes the filter is filter.ts; what a node shows is
// render.ts. The vscode TreeDataProvider (provider.ts) only converts. No vscode import, so
// tests drive it with plain Maps.
import type { Module } from '../../ari/models.generated';
import {
  AriNode,
  CATEGORIES,
  KIND_CATEGORY,
  NodeCache,
  categoryKind,
  keys,
  type CategoryId,
  type TopCategory,
} from './nodes';
import { serverRows, type ChannelLabelMode, type NodeView } from './labels';
import { APP_DEPENDENT, appNames, describeFilter, isFiltered, normalizeFilter, visibleMembers, type TreeFilter } from './filter';
import { nodeEntity, nodeTooltip, nodeView, type RenderContext } from './render';
import type { TreeChange, TreeEntityKind, TreeSource } from './source';

export type { TreeFilter } from './filter';

export interface TreeRefresh {
  /** Refresh everything (session or filter changed). */
  root: boolean;
  /** Node objects (from the cache) whose item or children changed. */
  nodes: AriNode[];
}

export class AriTree {
  readonly nodes: NodeCache;
  private source: TreeSource | undefined;
  private filterValue: TreeFilter = {};
  private channelLabelMode: ChannelLabelMode = 'name';
  /** Visible member keys per category (entity ids; recordings prefixed live:/stored:). */
  private readonly visible = new Map<TopCategory, Set<string>>();
  /** Sorted child nodes per category, rebuilt only when membership changed. */
  private readonly sorted = new Map<TopCategory, AriNode[]>();
  /** Member-channel nodes under bridges, by channel id, to refresh them with the channel. */
  private readonly memberNodes = new Map<string, Set<AriNode>>();
  private readonly bridgeChildren = new Map<string, AriNode[]>();
  private modules: Promise<Module[]> | undefined;
  private modulesLoaded: Module[] | undefined;
  private modulesError: string | undefined;
  /** What the user opened or closed, by node key: kept across reconnects, when VS Code has
   *  forgotten the nodes (the tree was empty while disconnected). */
  private readonly expansion = new Map<string, boolean>();

  /** `profileId`: the server this tree shows; its nodes carry it (forest.ts). */
  constructor(
    private readonly now: () => number = Date.now,
    readonly profileId?: string,
  ) {
    this.nodes = new NodeCache(profileId);
  }

  // ---- inputs ----

  setSource(source: TreeSource | undefined): void {
    this.source = source;
    this.clearCaches();
  }

  get filter(): Readonly<TreeFilter> {
    return this.filterValue;
  }

  setFilter(filter: TreeFilter): void {
    this.filterValue = normalizeFilter(filter);
    this.visible.clear();
    this.sorted.clear();
    this.bridgeChildren.clear();
  }

  get channelLabel(): ChannelLabelMode {
    return this.channelLabelMode;
  }

  /** `ariExplorer.tree.channelLabel` changed: the caller refreshes everything (a text filter may match differently). */
  setChannelLabel(mode: ChannelLabelMode): void {
    if (mode === this.channelLabelMode) return;
    this.channelLabelMode = mode;
    if (this.filterValue.text) {
      this.visible.clear();
      this.sorted.clear();
      this.bridgeChildren.clear();
    }
  }

  get isFiltered(): boolean {
    return isFiltered(this.filterValue);
  }

  /** Shown as the view's description. */
  filterDescription(): string | undefined {
    return describeFilter(this.filterValue);
  }

  /** After a reconnect the server info changed: refresh the Server node, reload modules on demand. */
  serverChanged(): AriNode {
    this.modules = undefined;
    this.modulesLoaded = undefined;
    this.modulesError = undefined;
    return this.nodes.get('server', 'server', keys.server());
  }

  /** The user expanded or collapsed a node (TreeView.onDidExpandElement/onDidCollapseElement). */
  setExpanded(node: AriNode, open: boolean): void {
    this.expansion.set(node.key, open);
  }

  /** Whether the user closed the node (false if never touched). */
  isCollapsed(node: AriNode): boolean {
    return this.expansion.get(node.key) === false;
  }

  /** Loads the module list, so the Modules row shows its count before it is opened. */
  preloadModules(): Promise<AriNode | undefined> {
    if (!this.source) return Promise.resolve(undefined);
    const server = this.nodes.get('server', 'server', keys.server());
    const node = this.nodes.get('category', 'modules', keys.category('modules'), server);
    return Promise.resolve(this.moduleChildren(node)).then(() => (this.source ? node : undefined));
  }

  private clearCaches(): void {
    this.nodes.clear();
    this.visible.clear();
    this.sorted.clear();
    this.memberNodes.clear();
    this.bridgeChildren.clear();
    this.modules = undefined;
    this.modulesLoaded = undefined;
    this.modulesError = undefined;
  }

  // ---- structure ----

  roots(): AriNode[] {
    if (!this.source) return [];
    return [...CATEGORIES.map((c) => this.categoryNode(c)), this.nodes.get('server', 'server', keys.server())];
  }

  categoryNode(c: CategoryId): AriNode {
    return this.nodes.get('category', c, keys.category(c));
  }

  children(node?: AriNode): AriNode[] | Promise<AriNode[]> {
    if (!node) return this.roots();
    if (!this.source) return [];
    if (node.kind === 'category') {
      if (node.id === 'modules') return this.moduleChildren(node);
      return this.categoryChildren(node.id as TopCategory);
    }
    if (node.kind === 'bridge' && !node.parent?.parent) return this.memberChildren(node);
    if (node.kind === 'server' && node.id === 'server') {
      const rows = serverRows(this.source.info, this.now()).map((r) => this.nodes.get('server', r.id, keys.serverInfo(r.id), node));
      return [...rows, this.nodes.get('category', 'modules', keys.category('modules'), node)];
    }
    return [];
  }

  private categoryChildren(c: TopCategory): AriNode[] {
    const cached = this.sorted.get(c);
    if (cached) return cached;
    const ids = this.visibleIds(c);
    const parent = this.categoryNode(c);
    const m = this.source!.model;
    let out: AriNode[];
    switch (c) {
      case 'channels':
        out = sortBy(ids, (id) => m.channels.get(id)?.creationtime ?? '').map((id) => this.nodes.get('channel', id, keys.channel(id), parent));
        break;
      case 'bridges':
        out = sortBy(ids, (id) => m.bridges.get(id)?.creationtime ?? '').map((id) => this.nodes.get('bridge', id, keys.bridge(id), parent));
        break;
      case 'playbacks':
        // Insertion order of the model: the order plays were started.
        out = [...ids].map((id) => this.nodes.get('playback', id, keys.playback(id), parent));
        break;
      case 'recordings': {
        const live: AriNode[] = [];
        const stored: AriNode[] = [];
        for (const k of sortBy(ids, (k) => k)) {
          if (k.startsWith('live:')) live.push(this.nodes.get('recording', k.slice(5), keys.recording(k.slice(5)), parent));
          else stored.push(this.nodes.get('storedRecording', k.slice(7), keys.storedRecording(k.slice(7)), parent));
        }
        out = [...live, ...stored];
        break;
      }
      case 'endpoints':
        out = sortBy(ids, (id) => id).map((id) => this.nodes.get('endpoint', id, keys.endpoint(id), parent));
        break;
      case 'applications':
        out = sortBy(ids, (id) => id).map((id) => this.nodes.get('application', id, keys.application(id), parent));
        break;
      case 'deviceStates':
        out = sortBy(ids, (id) => id).map((id) => this.nodes.get('deviceState', id, keys.deviceState(id), parent));
        break;
    }
    if (!out.length) out = [this.nodes.get('hint', c, keys.hint(c), parent)];
    this.sorted.set(c, out);
    return out;
  }

  private memberChildren(bridgeNode: AriNode): AriNode[] {
    const cached = this.bridgeChildren.get(bridgeNode.id);
    if (cached) return cached;
    const b = this.source!.model.bridges.get(bridgeNode.id);
    const next = (b?.channels ?? []).map((cid) => {
      const n = this.nodes.get('channel', cid, keys.member(bridgeNode.id, cid), bridgeNode);
      let set = this.memberNodes.get(cid);
      if (!set) this.memberNodes.set(cid, (set = new Set()));
      set.add(n);
      return n;
    });
    this.bridgeChildren.set(bridgeNode.id, next);
    return next;
  }

  private dropMembers(bridgeId: string, keep: ReadonlySet<string> = new Set()): void {
    for (const n of this.bridgeChildren.get(bridgeId) ?? []) {
      if (keep.has(n.id)) continue;
      this.nodes.delete(n.key);
      const set = this.memberNodes.get(n.id);
      set?.delete(n);
      if (set && !set.size) this.memberNodes.delete(n.id);
    }
    this.bridgeChildren.delete(bridgeId);
  }

  private moduleChildren(parent: AriNode): Promise<AriNode[]> | AriNode[] {
    const toNodes = (list: Module[]) => list.map((m) => this.nodes.get('module', m.name, keys.module(m.name), parent));
    if (this.modulesLoaded) return toNodes(this.modulesLoaded);
    if (!this.modules) {
      const source = this.source!;
      this.modules = source.loadModules().then(
        (list) => {
          if (this.source !== source) return [];
          this.modulesLoaded = [...list].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
          this.modulesError = undefined;
          return this.modulesLoaded;
        },
        (err: unknown) => {
          this.modules = undefined; // try again on the next expand
          this.modulesError = err instanceof Error ? err.message : String(err);
          return [];
        },
      );
    }
    return this.modules.then((list) =>
      this.modulesError ? [this.nodes.get('server', 'modulesError', keys.serverInfo('modulesError'), parent)] : toNodes(list),
    );
  }

  // ---- membership & filter ----

  private visibleIds(c: TopCategory): Set<string> {
    let ids = this.visible.get(c);
    if (!ids) {
      ids = this.computeVisible(c);
      this.visible.set(c, ids);
    }
    return ids;
  }

  private computeVisible(c: TopCategory): Set<string> {
    return visibleMembers(c, this.source!, this.filterValue, this.channelLabelMode);
  }

  // ---- changes ----

  /**
   * Which cached nodes to refresh for a (batched) model change: a category whose membership
   * changed (its children are rebuilt once), otherwise just the nodes of changed ids.
   */
  applyChange(change: TreeChange): TreeRefresh {
    const fire = new Set<AriNode>();
    if (!this.source) return { root: false, nodes: [] };
    const refreshed = new Set<TopCategory>();
    const check = new Set<TopCategory>();
    /** Categories refreshed even if their membership looks the same (a reset re-used ids). */
    const force = new Set<TopCategory>();
    if (change.structural) {
      if (change.structuralKinds) {
        for (const kind of change.structuralKinds) {
          if (!(kind in KIND_CATEGORY)) continue;
          check.add(KIND_CATEGORY[kind]);
          if (!change.changed[kind]?.size) force.add(KIND_CATEGORY[kind]);
        }
        // A channel moving between apps changes what an app filter shows everywhere.
        if (change.structuralKinds.has('channel') && this.filterValue.app) APP_DEPENDENT.forEach((c) => check.add(c));
      } else {
        CATEGORIES.forEach((c) => check.add(c));
      }
    }
    if (this.isFiltered) {
      // A field change can move an entity in or out of a filter (its app or its text).
      for (const kind of Object.keys(change.changed) as TreeEntityKind[]) {
        if (!change.changed[kind]?.size || !(kind in KIND_CATEGORY)) continue;
        if (this.filterValue.app && kind === 'channel') APP_DEPENDENT.forEach((c) => check.add(c));
        else check.add(KIND_CATEGORY[kind]);
      }
    }
    for (const c of check) {
      const prev = this.visible.get(c);
      if (!prev) continue; // never shown: nothing to refresh
      const next = this.computeVisible(c);
      if (sameSet(prev, next) && !force.has(c)) continue;
      this.visible.set(c, next);
      this.sorted.delete(c);
      this.prune(c, prev, next);
      refreshed.add(c);
      fire.add(this.categoryNode(c));
    }
    if (refreshed.has('bridges')) {
      // Expanded bridges are re-read with their category: their member lists must be too.
      for (const id of [...this.bridgeChildren.keys()]) this.dropMembers(id, new Set(this.source.model.bridges.get(id)?.channels ?? []));
    }
    for (const kind of Object.keys(change.changed) as TreeEntityKind[]) {
      const ids = change.changed[kind];
      if (!ids?.size || !(kind in KIND_CATEGORY)) continue;
      const c = KIND_CATEGORY[kind];
      for (const id of ids) {
        if (kind === 'bridge') {
          // Membership may have changed: rebuild the member list when VS Code asks again.
          const b = this.source.model.bridges.get(id);
          this.dropMembers(id, new Set(b?.channels ?? []));
        }
        if (kind === 'channel') {
          if (!refreshed.has('bridges')) for (const member of this.memberNodes.get(id) ?? []) fire.add(member);
        }
        if (refreshed.has(c)) continue; // the category refresh re-renders its children
        const node = this.nodes.peek(entityKey(kind, id));
        if (node) fire.add(node);
      }
    }
    // Application nodes count the channels in their app: re-render them when channels come,
    // go or change app (a handful of nodes, only those VS Code has asked for).
    const channelsMoved = change.structural && (!change.structuralKinds || change.structuralKinds.has('channel') || change.structuralKinds.has('bridge'));
    if (channelsMoved && !refreshed.has('applications')) {
      for (const n of this.sorted.get('applications') ?? []) fire.add(n);
    }
    // Drop nodes of a bridge that was fired itself (VS Code re-reads its children).
    for (const n of [...fire]) if (n.parent && fire.has(n.parent)) fire.delete(n);
    return { root: false, nodes: [...fire] };
  }

  /** Forget nodes of removed entities so the cache does not grow forever. */
  private prune(c: TopCategory, prev: ReadonlySet<string>, next: ReadonlySet<string>): void {
    for (const k of prev) {
      if (next.has(k)) continue;
      switch (c) {
        case 'recordings':
          this.nodes.delete(k.startsWith('live:') ? keys.recording(k.slice(5)) : keys.storedRecording(k.slice(7)));
          break;
        case 'bridges':
          this.dropMembers(k);
          this.nodes.delete(keys.bridge(k));
          break;
        default:
          this.nodes.delete(entityKey(categoryKind(c), k));
      }
    }
  }

  // ---- rendering ----

  view(node: AriNode): NodeView | undefined {
    const ctx = this.renderContext();
    if (!ctx) return undefined;
    const v = nodeView(node, ctx);
    const open = this.expansion.get(node.key);
    if (open !== undefined && v.collapsible !== 'none') v.collapsible = open ? 'expanded' : 'collapsed';
    return v;
  }

  /** Markdown for the hover; built lazily (resolveTreeItem), never per refresh. */
  tooltip(node: AriNode): string | undefined {
    const ctx = this.renderContext();
    return ctx && nodeTooltip(node, ctx);
  }

  /** The ARI object behind a node (Copy as JSON, Open as JSON). */
  entity(node: { kind: string; id: string }): unknown {
    return this.source ? nodeEntity(node, this.source, this.modulesLoaded) : undefined;
  }

  /** App names for the filter QuickPick: registered apps plus apps channels are in. */
  appNames(): string[] {
    return this.source ? appNames(this.source) : [];
  }

  private renderContext(): RenderContext | undefined {
    const source = this.source;
    if (!source) return undefined;
    return {
      source,
      now: this.now,
      modules: this.modulesLoaded,
      modulesError: this.modulesError,
      filtered: this.isFiltered,
      visibleCount: (c) => this.visibleIds(c).size,
      channelLabel: this.channelLabelMode,
    };
  }
}

function entityKey(kind: TreeEntityKind, id: string): string {
  return keys[kind](id);
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** One sort per rebuild, on precomputed string keys (no per-compare lookups). */
function sortBy(ids: Iterable<string>, keyOf: (id: string) => string): string[] {
  const rows: [string, string][] = [];
  for (const id of ids) rows.push([keyOf(id), id]);
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return rows.map((r) => r[1]);
}
