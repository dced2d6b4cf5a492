// The explorer with several servers: one AriTree per connected profile and, when grouped, one
// root per server (its name, state and version) with that server's categories beneath. With
// one server (and the default setting) the layout is today's flat one. Every node carries the
// profile id of its server, so a command started from it acts on that server. No vscode.
import { AriTree } from './ariTree';
import { AriNode } from './nodes';
import type { NodeView } from './labels';
import { t } from '../../util/l10n';

/** `ariExplorer.tree.serverRoots`: a root per server only with several, or always. */
export type ServerRootsMode = 'whenSeveral' | 'always';

export function isServerRootsMode(v: unknown): v is ServerRootsMode {
  return v === 'whenSeveral' || v === 'always';
}

interface ForestServer {
  readonly profileId: string;
  name: string;
  /** State and version, shown after the name. */
  description?: string;
  readonly tree: AriTree;
  readonly root: AriNode;
}

export class ServerForest {
  private readonly servers = new Map<string, ForestServer>();
  /** Trees of servers that went away, kept for their next connect (what was open stays open). */
  private readonly parked = new Map<string, AriTree>();
  private mode: ServerRootsMode = 'whenSeveral';

  constructor(private readonly makeTree: (profileId: string) => AriTree) {}

  /** Whether the roots are servers (else the only server's categories). */
  get grouped(): boolean {
    return this.mode === 'always' ? this.servers.size > 0 : this.servers.size > 1;
  }

  /** Returns whether the layout changed (the caller refreshes everything). */
  setMode(mode: ServerRootsMode): boolean {
    const before = this.grouped;
    this.mode = mode;
    return before !== this.grouped;
  }

  /** The server's tree, made when it is new. */
  add(profileId: string, name: string): AriTree {
    const known = this.servers.get(profileId);
    if (known) {
      known.name = name;
      return known.tree;
    }
    const root = new AriNode('serverRoot', profileId, `root:${profileId}`);
    root.profileId = profileId;
    const tree = this.parked.get(profileId) ?? this.makeTree(profileId);
    this.parked.delete(profileId);
    const server: ForestServer = { profileId, name, tree, root };
    this.servers.set(profileId, server);
    return server.tree;
  }

  remove(profileId: string): void {
    const s = this.servers.get(profileId);
    if (!s) return;
    s.tree.setSource(undefined);
    this.servers.delete(profileId);
    this.parked.set(profileId, s.tree);
  }

  /** Settings and filters reach parked trees too. */
  get allTrees(): AriTree[] {
    return [...this.trees, ...this.parked.values()];
  }

  has(profileId: string): boolean {
    return this.servers.has(profileId);
  }

  /** Profile ids in the order the servers were added. */
  get profileIds(): string[] {
    return [...this.servers.keys()];
  }

  get trees(): AriTree[] {
    return [...this.servers.values()].map((s) => s.tree);
  }

  tree(profileId: string | undefined): AriTree | undefined {
    return profileId ? this.servers.get(profileId)?.tree : undefined;
  }

  /** The server root node (only shown when grouped). */
  rootOf(profileId: string): AriNode | undefined {
    return this.servers.get(profileId)?.root;
  }

  /** Sets what a server's root shows; returns the root to refresh when grouped. */
  describe(profileId: string, name: string, description: string | undefined): AriNode | undefined {
    const s = this.servers.get(profileId);
    if (!s) return undefined;
    s.name = name;
    s.description = description;
    return this.grouped ? s.root : undefined;
  }

  /** The tree a node belongs to. */
  treeOf(node: { profileId?: string } | undefined): AriTree | undefined {
    return this.tree(node?.profileId);
  }

  // ---- what the provider reads ----

  roots(): AriNode[] {
    if (this.grouped) return [...this.servers.values()].map((s) => s.root);
    const only = [...this.servers.values()][0];
    return only ? only.tree.roots() : [];
  }

  children(node?: AriNode): AriNode[] | Promise<AriNode[]> {
    if (!node) return this.roots();
    if (node.kind === 'serverRoot') return this.servers.get(node.id)?.tree.roots() ?? [];
    return this.treeOf(node)?.children(node) ?? [];
  }

  parent(node: AriNode): AriNode | undefined {
    if (node.parent || node.kind === 'serverRoot' || !this.grouped) return node.parent;
    return node.profileId ? this.rootOf(node.profileId) : undefined;
  }

  view(node: AriNode): NodeView | undefined {
    if (node.kind === 'serverRoot') {
      const s = this.servers.get(node.id);
      if (!s) return undefined;
      return {
        label: s.name,
        description: s.description,
        icon: 'server-environment',
        contextValue: 'serverRoot',
        collapsible: 'expanded',
        ariaLabel: t('ARI server {0}', s.name),
      };
    }
    return this.treeOf(node)?.view(node);
  }

  tooltip(node: AriNode): string | undefined {
    if (node.kind === 'serverRoot') {
      const s = this.servers.get(node.id);
      return s ? `**${s.name}**${s.description ? ` — ${s.description}` : ''}` : undefined;
    }
    return this.treeOf(node)?.tooltip(node);
  }

  /** The TreeItem id: unique across servers when grouped; today's key when flat. */
  itemId(node: AriNode): string {
    return this.grouped && node.kind !== 'serverRoot' && node.profileId ? `${node.profileId}/${node.key}` : node.key;
  }
}
