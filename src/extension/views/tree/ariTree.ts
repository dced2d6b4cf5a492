// The explorer tree as pure logic: roots and children, cached node objects, and which nodes
// to refresh for a model change. What each kind lists and shows is its spec (kinds/*.ts);
// what passes the filter is filter.ts; what a node shows is render.ts. The vscode
// TreeDataProvider (provider.ts) only converts. No vscode import, so tests drive it with
// plain Maps.
import type { Module } from '../../ari/models.generated';
import { AriNode, CATEGORIES, NodeCache, keys, type CategoryId, type NodeKind, type TopCategory } from './nodes';
import { CATEGORY_SPECS, categoryOf, categorySpec, rowSpec, type RowSpec } from './kinds';
import { serverRows, type ChannelLabelMode, type NodeView } from './labels';
import { APP_DEPENDENT, APP_MEMBER_KIND, appNames, describeFilter, isFiltered, normalizeFilter, visibleMembers, type TreeFilter } from './filter';
import { nodeEntity, nodeTooltip, nodeView, type RenderContext } from './render';
import type { TreeChange, TreeEntityKind, TreeSource } from './source';

type Members = NonNullable<RowSpec['members']>;

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
  /** Member rows (channels under bridges), by the key of the entity's own row, to refresh
   *  them with it. */
  private readonly memberNodes = new Map<string, Set<AriNode>>();
  /** The member rows of each opened row with members (a bridge), by that row's key. */
  private readonly memberLists = new Map<string, { parent: AriNode; rows: AriNode[] }>();
  private modules: Promise<Module[]> | undefined;
  private modulesLoaded: Module[] | undefined;
  private modulesError: string | undefined;
  /** What the user opened or closed, by node key: kept across reconnects, when VS Code has
   *  forgotten the nodes (the tree was empty while disconnected). */
  private readonly expansion = new Map<string, boolean>();
  /** Whether applyChange hears of every model change (the view is shown; explorer.ts). */
  private live = true;

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
    this.memberLists.clear();
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
      this.memberLists.clear();
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

  /**
   * While not live nothing reports model changes, so each read first brings the cached lists
   * up to date (reads are rare then: a probe, a reveal); going live again does the same once,
   * and the caller refreshes everything.
   */
  setLive(live: boolean): void {
    if (live === this.live) return;
    this.live = live;
    if (live) this.catchUp();
  }

  /** Re-reads every list VS Code has seen, as a full structural change would; rows of entities
   *  that went away leave the cache. */
  private catchUp(): void {
    if (!this.source) return;
    this.applyChange({ structural: true, changed: {} });
    for (const { parent } of [...this.memberLists.values()]) this.refreshMembers(parent);
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
    this.memberLists.clear();
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
    if (!this.live) this.catchUp();
    if (!node) return this.roots();
    if (!this.source) return [];
    if (node.kind === 'category') {
      if (node.id === 'modules') return this.moduleChildren(node);
      return this.categoryChildren(node.id as TopCategory);
    }
    if (node.kind === 'server' && node.id === 'server') {
      const rows = serverRows(this.source.info, this.now()).map((r) => this.nodes.get('server', r.id, keys.serverInfo(r.id), node));
      return [...rows, this.nodes.get('category', 'modules', keys.category('modules'), node)];
    }
    // Members are listed under a category's row only, not under a member row.
    const members = rowSpec(node.kind)?.members;
    if (members && !node.parent?.parent) return this.memberChildren(node, members);
    return [];
  }

  private categoryChildren(c: TopCategory): AriNode[] {
    const cached = this.sorted.get(c);
    if (cached) return cached;
    const spec = categorySpec(c);
    const parent = this.categoryNode(c);
    let out = spec.order(this.visibleIds(c), this.source!.model).map((k) => {
      const { kind, id } = spec.row(k);
      return this.nodes.get(kind as NodeKind, id, rowSpec(kind)!.key(id), parent);
    });
    if (!out.length) out = [this.nodes.get('hint', c, keys.hint(c), parent)];
    this.sorted.set(c, out);
    return out;
  }

  private memberChildren(parent: AriNode, members: Members): AriNode[] {
    const cached = this.memberLists.get(parent.key);
    if (cached) return cached.rows;
    const memberRow = rowSpec(members.kind)!;
    const rows = members.ids(parent.id, this.source!.model).map((id) => {
      const own = memberRow.key(id);
      const n = this.nodes.get(members.kind as NodeKind, id, keys.member(parent.key, own), parent);
      let set = this.memberNodes.get(own);
      if (!set) this.memberNodes.set(own, (set = new Set()));
      set.add(n);
      return n;
    });
    this.memberLists.set(parent.key, { parent, rows });
    return rows;
  }

  /** Forgets a row's member list (VS Code asks again), and the member rows not in `keep`. */
  private dropMembers(parentKey: string, keep: ReadonlySet<string> = new Set()): void {
    for (const n of this.memberLists.get(parentKey)?.rows ?? []) {
      if (keep.has(n.id)) continue;
      this.nodes.delete(n.key);
      const own = rowSpec(n.kind)!.key(n.id);
      const set = this.memberNodes.get(own);
      set?.delete(n);
      if (set && !set.size) this.memberNodes.delete(own);
    }
    this.memberLists.delete(parentKey);
  }

  /** Re-reads the member list of a row with members, keeping the rows still in it. */
  private refreshMembers(parent: { kind: string; id: string; key: string }): void {
    const members = rowSpec(parent.kind)?.members;
    if (members) this.dropMembers(parent.key, new Set(members.ids(parent.id, this.source!.model)));
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
          const c = categoryOf(kind);
          if (!c) continue;
          check.add(c);
          if (!change.changed[kind]?.size) force.add(c);
        }
        // A channel moving between apps changes what an app filter shows everywhere.
        if (change.structuralKinds.has(APP_MEMBER_KIND) && this.filterValue.app) APP_DEPENDENT.forEach((c) => check.add(c));
      } else {
        CATEGORIES.forEach((c) => check.add(c));
      }
    }
    if (this.isFiltered) {
      // A field change can move an entity in or out of a filter (its app or its text).
      for (const kind of Object.keys(change.changed) as TreeEntityKind[]) {
        const c = categoryOf(kind);
        if (!change.changed[kind]?.size || !c) continue;
        if (this.filterValue.app && kind === APP_MEMBER_KIND) APP_DEPENDENT.forEach((a) => check.add(a));
        else check.add(c);
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
    // Opened rows are re-read with their category: their member lists must be too.
    for (const { parent } of [...this.memberLists.values()]) {
      if (parent.parent && refreshed.has(parent.parent.id as TopCategory)) this.refreshMembers(parent);
    }
    for (const kind of Object.keys(change.changed) as TreeEntityKind[]) {
      const ids = change.changed[kind];
      const c = categoryOf(kind);
      const row = rowSpec(kind);
      if (!ids?.size || !c || !row) continue;
      for (const id of ids) {
        const key = row.key(id);
        // Membership may have changed: rebuild the member list when VS Code asks again.
        this.refreshMembers({ kind, id, key });
        // The same entity shown as a member elsewhere (a channel under its bridge).
        for (const member of this.memberNodes.get(key) ?? []) fire.add(member);
        if (refreshed.has(c)) continue; // the category refresh re-renders its children
        const node = this.nodes.peek(key);
        if (node) fire.add(node);
      }
    }
    // Rows whose text counts other entities (an application's channels and bridges): re-render
    // them when those come, go or move (a handful of nodes, only those VS Code has asked for).
    for (const spec of CATEGORY_SPECS) {
      const counted = spec.countsOf;
      if (!counted || refreshed.has(spec.id) || !change.structural) continue;
      if (change.structuralKinds && !counted.some((k) => change.structuralKinds!.has(k))) continue;
      for (const n of this.sorted.get(spec.id) ?? []) fire.add(n);
    }
    // Drop nodes under one that is fired itself (VS Code re-reads its children).
    for (const n of [...fire]) if (hasAncestorIn(n, fire)) fire.delete(n);
    return { root: false, nodes: [...fire] };
  }

  /** Forget nodes of removed entities so the cache does not grow forever. */
  private prune(c: TopCategory, prev: ReadonlySet<string>, next: ReadonlySet<string>): void {
    const spec = categorySpec(c);
    for (const k of prev) {
      if (next.has(k)) continue;
      const { kind, id } = spec.row(k);
      const key = rowSpec(kind)!.key(id);
      this.dropMembers(key);
      this.nodes.delete(key);
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

function hasAncestorIn(n: AriNode, set: ReadonlySet<AriNode>): boolean {
  for (let p = n.parent; p; p = p.parent) if (set.has(p)) return true;
  return false;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}
