// Tree node objects. A node is what VS Code holds and what commands receive: `{kind, id}`
// plus a stable `key` (also the TreeItem id). Nodes are cached by key so a refresh fires the
// very object VS Code knows.
import { t } from '../../util/l10n';
import { categorySpec, type RowKind, type TopCategory } from './kinds';

export { CATEGORIES, type TopCategory } from './kinds';

/** A category row: the top-level ones (kinds/index.ts) and Modules under Server. */
export type CategoryId = TopCategory | 'modules';

export type NodeKind =
  /** An entity's row: channel, bridge… (kinds/*.ts). */
  | RowKind
  | 'category'
  | 'server'
  | 'module'
  /** The one row of an empty category: what would fill it, and a command to do it. */
  | 'hint'
  /** One connected server, above its categories, when the tree shows several (forest.ts). */
  | 'serverRoot';

export class AriNode {
  /** A channel node: the channel's name when last rendered, so a command run on it just after
   *  the channel went can still name it (`{ kind, id, name? }`). */
  name?: string;
  /** The profile of the server the node belongs to (ServerScoped): commands act on that server. */
  profileId?: string;

  constructor(
    readonly kind: NodeKind,
    readonly id: string,
    /** Unique in the tree: a channel under a bridge differs from the same channel under Channels. */
    readonly key: string,
    readonly parent?: AriNode,
  ) {}
}

export function categoryLabel(c: CategoryId): string {
  return c === 'modules' ? t('Modules') : categorySpec(c).label();
}

export class NodeCache {
  private readonly nodes = new Map<string, AriNode>();

  /** `profileId`: the server every node of this cache belongs to. */
  constructor(private readonly profileId?: string) {}

  get(kind: NodeKind, id: string, key: string, parent?: AriNode): AriNode {
    let n = this.nodes.get(key);
    if (!n) {
      n = new AriNode(kind, id, key, parent);
      if (this.profileId) n.profileId = this.profileId;
      this.nodes.set(key, n);
    }
    return n;
  }

  peek(key: string): AriNode | undefined {
    return this.nodes.get(key);
  }

  delete(key: string): void {
    this.nodes.delete(key);
  }

  clear(): void {
    this.nodes.clear();
  }

  get size(): number {
    return this.nodes.size;
  }
}

/** Keys of the tree's own nodes; an entity row's key is its RowSpec's (kinds/*.ts). */
export const keys = {
  category: (c: CategoryId) => `cat:${c}`,
  server: () => 'server',
  serverInfo: (row: string) => `server:${row}`,
  module: (name: string) => `module:${name}`,
  /** A row under another (a channel in a bridge): unique per parent. */
  member: (parentKey: string, memberKey: string) => `${parentKey}/${memberKey}`,
  hint: (c: CategoryId) => `hint:${c}`,
};
