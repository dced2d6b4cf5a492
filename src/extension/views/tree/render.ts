// What a tree node shows (label, icon, contextValue…), its hover, and the ARI object behind
// it, read from the model. No vscode.
import type { Module } from '../../ari/models.generated';
import { categoryLabel, type AriNode, type CategoryId, type NodeKind, type TopCategory } from './nodes';
import { t } from '../../util/l10n';
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
        return { label: categoryLabel('modules'), description: ctx.modules ? String(ctx.modules.length) : undefined, icon: 'package', contextValue: 'category.modules', collapsible: 'collapsed' };
      }
      const c = node.id as TopCategory;
      const n = ctx.visibleCount(c);
      const total = totalOf(c, s);
      return {
        label: categoryLabel(c),
        description: ctx.filtered ? t('{0} of {1}', n, total) : String(total),
        icon: CATEGORY_ICONS[c],
        contextValue: `category.${c}`,
        collapsible: c === 'channels' || c === 'bridges' ? 'expanded' : 'collapsed',
      };
    }
    case 'channel': {
      const ch = m.channels.get(node.id);
      if (!ch) return gone(node);
      node.name = ch.name;
      return channelView(ch, ctx.channelLabel, s.controls?.of(ch.id));
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
      return { label: node.id, description: r ? t('stored · {0}', r.format) : t('gone'), icon: 'file-media', contextValue: 'storedRecording', collapsible: 'none' };
    }
    case 'endpoint': {
      const e = m.endpoints.get(node.id);
      return e ? endpointView(e) : gone(node);
    }
    case 'application':
      return applicationView(node.id, m, s.ownApp);
    case 'deviceState': {
      const d = m.deviceStates.get(node.id);
      return deviceStateView(node.id, d?.state ?? t('gone'));
    }
    case 'module': {
      const mod = ctx.modules?.find((x) => x.name === node.id);
      return mod ? moduleView(mod) : { label: node.id, icon: 'package', contextValue: 'module', collapsible: 'none' };
    }
    case 'server': {
      if (node.id === 'server') {
        return { label: t('Server'), description: s.info?.system?.version ? `Asterisk ${s.info.system.version}` : undefined, icon: 'server', contextValue: 'server', collapsible: 'collapsed' };
      }
      if (node.id === 'modulesError') {
        return { label: t('Cannot list modules'), description: ctx.modulesError, icon: 'error', color: 'errorForeground', contextValue: 'serverInfo', collapsible: 'none' };
      }
      const row = serverRows(s.info, ctx.now()).find((r) => r.id === node.id);
      return { label: row?.label ?? node.id, description: row?.value, icon: SERVER_ROW_ICONS[node.id] ?? 'info', contextValue: 'serverInfo', collapsible: 'none' };
    }
    case 'hint':
      return hintView(node.id as TopCategory, ctx);
    case 'serverRoot':
      // Drawn by the forest (forest.ts), which knows the profile's name and state.
      return { label: node.id, icon: 'server-environment', contextValue: 'serverRoot', collapsible: 'expanded' };
  }
}

const SERVER_ROW_ICONS: Record<string, string> = {
  version: 'versions',
  uptime: 'watch',
  startup: 'calendar',
  reload: 'history',
  name: 'tag',
  entity: 'key',
  language: 'globe',
  maxChannels: 'dashboard',
  build: 'tools',
};

/** The row of an empty category: why it is empty and, where one exists, the command that fills it. */
function hintView(c: TopCategory, ctx: RenderContext): NodeView {
  const base = { icon: 'info', color: 'disabledForeground', contextValue: 'hint', collapsible: 'none' as const };
  if (ctx.filtered) return { ...base, label: t('Nothing matches the filter'), description: t('click to clear it'), command: 'ariExplorer.tree.clearFilter' };
  switch (c) {
    case 'channels':
      return { ...base, label: t('No channels'), description: t('originate one, or call an extension that runs Stasis()'), command: 'ariExplorer.channel.originate' };
    case 'bridges':
      return { ...base, label: t('No bridges'), description: t('click to create one'), command: 'ariExplorer.bridge.create' };
    case 'playbacks':
      return { ...base, label: t('No playbacks'), description: t('Play Media on a channel in Stasis') };
    case 'recordings':
      return { ...base, label: t('No recordings'), description: t('Record a channel or bridge in Stasis') };
    case 'endpoints':
      return { ...base, label: t('No endpoints') };
    case 'applications':
      return { ...base, label: t('No Stasis applications') };
    case 'deviceStates':
      return { ...base, label: t('No device states'), description: t('Update Device State creates one') };
  }
}

/** What a category holds, for its hover (its name alone would repeat the label). */
function categoryTooltip(c: CategoryId): string {
  switch (c) {
    case 'channels':
      return t('Live channels, oldest first. Right-click one for what you can do with it; the menu offers only what applies to its state.');
    case 'bridges':
      return t('Bridges and the channels in them.');
    case 'playbacks':
      return t('Media being played, in the order started. ARI cannot list playbacks: the ones started from here or announced by events.');
    case 'recordings':
      return t('Live recordings, then the stored ones.');
    case 'endpoints':
      return t('Endpoints (PJSIP, Local…) with their state and channel count.');
    case 'applications':
      return t('Stasis applications with the channels and bridges in each.');
    case 'deviceStates':
      return t('Device states controlled through ARI (Stasis:…).');
    case 'modules':
      return t('Loaded Asterisk modules.');
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
  if (node.kind === 'category') return categoryTooltip(node.id as CategoryId);
  if (node.kind === 'hint') return undefined;
  if (node.kind === 'server') {
    if (node.id === 'server') return ctx.source.info ? fieldsTooltip(t('Asterisk server'), flatten(ctx.source.info)) : undefined;
    const row = serverRows(ctx.source.info, ctx.now()).find((r) => r.id === node.id);
    return row ? fieldsTooltip(row.label, [[t('value'), row.value], [t('as sent'), row.raw]]) : undefined;
  }
  if (e && typeof e === 'object') {
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

/** `{ system: { version } }` -> `[['system.version', …]]`: one row per value, not a JSON dump. */
function flatten(o: object, prefix = ''): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [k, v] of Object.entries(o)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) out.push(...flatten(v as object, `${prefix}${k}.`));
    else out.push([`${prefix}${k}`, v]);
  }
  return out;
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
  return { label: node.id, description: t('gone'), icon: 'circle-slash', color: 'disabledForeground', contextValue: 'gone', collapsible: 'none' };
}
