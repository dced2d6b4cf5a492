// Tree node objects. A node is what VS Code holds and what commands receive: `{kind, id}`
// plus a stable `key` (also the TreeItem id). Nodes are cached by key so a refresh fires the
// very object VS Code knows.
import type { EntityKind } from '../../state/model';
import { t } from '../../util/l10n';

export type CategoryId =
  | 'channels'
  | 'bridges'
  | 'playbacks'
  | 'recordings'
  | 'endpoints'
  | 'applications'
  | 'deviceStates'
  | 'modules';

export type NodeKind =
  | 'channel'
  | 'bridge'
  | 'playback'
  | 'recording'
  | 'endpoint'
  | 'application'
  | 'deviceState'
  | 'storedRecording'
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

/** A top-level category ('modules' lives under Server). */
export type TopCategory = Exclude<CategoryId, 'modules'>;

/** Top-level categories in display order. */
export const CATEGORIES: readonly TopCategory[] = [
  'channels',
  'bridges',
  'playbacks',
  'recordings',
  'endpoints',
  'applications',
  'deviceStates',
];

export function categoryLabel(c: CategoryId): string {
  switch (c) {
    case 'channels':
      return t('Channels');
    case 'bridges':
      return t('Bridges');
    case 'playbacks':
      return t('Playbacks');
    case 'recordings':
      return t('Recordings');
    case 'endpoints':
      return t('Endpoints');
    case 'applications':
      return t('Applications');
    case 'deviceStates':
      return t('Device States');
    case 'modules':
      return t('Modules');
  }
}

/** The category each model entity kind is listed under. */
export const KIND_CATEGORY: Record<EntityKind, TopCategory> = {
  channel: 'channels',
  bridge: 'bridges',
  playback: 'playbacks',
  recording: 'recordings',
  endpoint: 'endpoints',
  application: 'applications',
  deviceState: 'deviceStates',
};

export function categoryKind(c: TopCategory): EntityKind {
  return (Object.keys(KIND_CATEGORY) as EntityKind[]).find((k) => KIND_CATEGORY[k] === c)!;
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

export const keys = {
  category: (c: CategoryId) => `cat:${c}`,
  server: () => 'server',
  serverInfo: (row: string) => `server:${row}`,
  module: (name: string) => `module:${name}`,
  channel: (id: string) => `channel:${id}`,
  member: (bridgeId: string, channelId: string) => `bridge:${bridgeId}/channel:${channelId}`,
  bridge: (id: string) => `bridge:${id}`,
  playback: (id: string) => `playback:${id}`,
  recording: (name: string) => `recording:${name}`,
  storedRecording: (name: string) => `stored:${name}`,
  endpoint: (id: string) => `endpoint:${id}`,
  application: (name: string) => `application:${name}`,
  deviceState: (name: string) => `deviceState:${name}`,
  hint: (c: CategoryId) => `hint:${c}`,
};
