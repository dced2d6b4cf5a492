// What a tree node shows (label, icon, contextValue…), its hover, and the ARI object behind
// it, read from the model. No vscode.
import type { Module } from '../../ari/models.generated';
import { CATEGORY_LABELS, type AriNode, type NodeKind, type TopCategory } from './nodes';
import {
  applicationView,
  bridgeView,
  channelTooltip,
  channelView,
  deviceStateView,
  endpointView,
  fieldsTooltip,
  moduleView,
  playbackView,
  recordingView,
  serverRows,
  type ChannelLabelMode,
  type NodeView,
} from './labels';
import type { TreeSource } from './source';

/** What the tree knows beyond the model when it renders a node. */
export interface RenderContext {
  readonly source: TreeSource;
  now(): number;
  /** The module list, once loaded. */
  readonly modules?: Module[];
  readonly modulesError?: string;
  readonly filtered: boolean;
  /** How many members of `c` the filter shows. */
  visibleCount(c: TopCategory): number;
  /** `ariExplorer.tree.channelLabel` (default 'name'). */
  readonly channelLabel?: ChannelLabelMode;
}

const CATEGORY_ICONS: Record<TopCategory, string> = {
  channels: 'call-outgoing',
  bridges: 'link',
  playbacks: 'play',
  recordings: 'record',
  endpoints: 'vm',
  applications: 'rocket',
  deviceStates: 'pulse',
};

export function nodeView(node: AriNode, ctx: RenderContext): NodeView {
  const s = ctx.source;
  const m = s.model;
  switch (node.kind) {
    case 'category': {
      if (node.id === 'modules') {
        return { label: 'Modules', description: ctx.modules ? String(ctx.modules.length) : undefined, icon: 'package', contextValue: 'category.modules', collapsible: 'collapsed' };
      }
      const c = node.id as TopCategory;
      const n = ctx.visibleCount(c);
      const total = totalOf(c, s);
      return {
        label: CATEGORY_LABELS[c],
        description: ctx.filtered ? `${n} of ${total}` : String(total),
        icon: CATEGORY_ICONS[c],
        contextValue: `category.${c}`,
        collapsible: c === 'channels' || c === 'bridges' ? 'expanded' : 'collapsed',
      };
    }
    case 'channel': {
      const ch = m.channels.get(node.id);
      if (!ch) return gone(node);
      node.name = ch.name;
      return channelView(ch, ctx.channelLabel);
    }
    case 'bridge': {
      const b = m.bridges.get(node.id);
      return b ? bridgeView(b) : gone(node);
    }
    case 'playback': {
      const p = m.playbacks.get(node.id);
      return p ? playbackView(p, m) : gone(node);
    }
    case 'recording': {
      const r = m.recordings.get(node.id);
      return r ? recordingView(r, m) : gone(node);
    }
    case 'storedRecording': {
      const r = m.storedRecordings.get(node.id);
      return { label: node.id, description: r ? `stored · ${r.format}` : 'gone', icon: 'file-media', contextValue: 'storedRecording', collapsible: 'none' };
    }
    case 'endpoint': {
      const e = m.endpoints.get(node.id);
      return e ? endpointView(e) : gone(node);
    }
    case 'application':
      return applicationView(node.id, m, s.ownApp);
    case 'deviceState': {
      const d = m.deviceStates.get(node.id);
      return deviceStateView(node.id, d?.state ?? 'gone');
    }
    case 'module': {
      const mod = ctx.modules?.find((x) => x.name === node.id);
      return mod ? moduleView(mod) : { label: node.id, icon: 'package', contextValue: 'module', collapsible: 'none' };
    }
    case 'server': {
      if (node.id === 'server') {
        return { label: 'Server', description: s.info?.system?.version ? `Asterisk ${s.info.system.version}` : undefined, icon: 'server', contextValue: 'server', collapsible: 'collapsed' };
      }
      if (node.id === 'modulesError') {
        return { label: 'Cannot list modules', description: ctx.modulesError, icon: 'error', color: 'errorForeground', contextValue: 'serverInfo', collapsible: 'none' };
      }
      const row = serverRows(s.info, ctx.now()).find((r) => r.id === node.id);
      return { label: row?.label ?? node.id, description: row?.value, icon: 'info', contextValue: 'serverInfo', collapsible: 'none' };
    }
  }
}

/** Markdown for the hover. */
export function nodeTooltip(node: AriNode, ctx: RenderContext): string | undefined {
  const m = ctx.source.model;
  const e = nodeEntity(node, ctx.source, ctx.modules);
  if (node.kind === 'channel') {
    const ch = m.channels.get(node.id);
    return ch ? channelTooltip(ch) : undefined;
  }
  if (e && typeof e === 'object' && node.kind !== 'category') {
    const v = nodeView(node, ctx);
    return fieldsTooltip(v.label, Object.entries(e as Record<string, unknown>));
  }
  return undefined;
}

/** The ARI object behind a node (Copy as JSON, Open as JSON). */
export function nodeEntity(node: { kind: string; id: string }, s: TreeSource, modules: Module[] | undefined): unknown {
  const m = s.model;
  switch (node.kind as NodeKind) {
    case 'channel':
      return m.channels.get(node.id);
    case 'bridge':
      return m.bridges.get(node.id);
    case 'playback':
      return m.playbacks.get(node.id);
    case 'recording':
      return m.recordings.get(node.id);
    case 'storedRecording':
      return m.storedRecordings.get(node.id);
    case 'endpoint':
      return m.endpoints.get(node.id);
    case 'application':
      return m.applications.get(node.id);
    case 'deviceState':
      return m.deviceStates.get(node.id);
    case 'module':
      return modules?.find((x) => x.name === node.id);
    case 'server':
      return s.info;
    default:
      return undefined;
  }
}

function totalOf(c: TopCategory, s: TreeSource): number {
  const m = s.model;
  switch (c) {
    case 'channels':
      return m.channels.size;
    case 'bridges':
      return m.bridges.size;
    case 'playbacks':
      return m.playbacks.size;
    case 'recordings':
      return m.recordings.size + m.storedRecordings.size;
    case 'endpoints':
      return m.endpoints.size;
    case 'applications':
      return m.applications.size;
    case 'deviceStates':
      return m.deviceStates.size;
  }
}

function gone(node: AriNode): NodeView {
  return { label: node.id, description: 'gone', icon: 'circle-slash', color: 'disabledForeground', contextValue: 'gone', collapsible: 'none' };
}
