// What a tree node shows (label, icon, contextValue…), its hover, and the ARI object behind
// it. Entity rows are drawn by their kind's spec (kinds/*.ts); this file draws the tree's own
// nodes (categories, hints, Server, modules) and the parts every kind shares. No vscode.
import type { Module } from '../../ari/models.generated';
import { categoryLabel, type AriNode, type CategoryId, type TopCategory } from './nodes';
import { t } from '../../util/l10n';
import { fieldsTooltip, goneView, moduleView, serverRows, type ChannelLabelMode, type NodeView } from './labels';
import { categorySpec, rowSpec, type ViewContext } from './kinds';
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

export function nodeView(node: AriNode, ctx: RenderContext): NodeView {
  const s = ctx.source;
  switch (node.kind) {
    case 'category': {
      if (node.id === 'modules') {
        return {
          label: categoryLabel('modules'),
          description: ctx.modules ? String(ctx.modules.length) : undefined,
          icon: 'package',
          contextValue: 'category.modules',
          collapsible: 'collapsed',
        };
      }
      const c = node.id as TopCategory;
      const spec = categorySpec(c);
      const n = ctx.visibleCount(c);
      const total = spec.total(s.model);
      return {
        label: spec.label(),
        description: ctx.filtered ? t('{0} of {1}', n, total) : String(total),
        icon: spec.icon,
        contextValue: `category.${c}`,
        collapsible: spec.expanded ? 'expanded' : 'collapsed',
      };
    }
    case 'module': {
      const mod = ctx.modules?.find((x) => x.name === node.id);
      return mod ? moduleView(mod) : { label: node.id, icon: 'package', contextValue: 'module', collapsible: 'none' };
    }
    case 'server': {
      if (node.id === 'server') {
        return {
          label: t('Server'),
          description: s.info?.system?.version ? `Asterisk ${s.info.system.version}` : undefined,
          icon: 'server',
          contextValue: 'server',
          collapsible: 'collapsed',
        };
      }
      if (node.id === 'modulesError') {
        return {
          label: t('Cannot list modules'),
          description: ctx.modulesError,
          icon: 'error',
          color: 'errorForeground',
          contextValue: 'serverInfo',
          collapsible: 'none',
        };
      }
      const row = serverRows(s.info, ctx.now()).find((r) => r.id === node.id);
      return {
        label: row?.label ?? node.id,
        description: row?.value,
        icon: SERVER_ROW_ICONS[node.id] ?? 'info',
        contextValue: 'serverInfo',
        collapsible: 'none',
      };
    }
    case 'hint':
      return hintView(node.id as TopCategory, ctx);
    case 'serverRoot':
      // Drawn by the forest (forest.ts), which knows the profile's name and state.
      return { label: node.id, icon: 'server-environment', contextValue: 'serverRoot', collapsible: 'expanded' };
    default: {
      const row = rowSpec(node.kind);
      return row ? row.view(node, viewContext(ctx)) : goneView(node.id);
    }
  }
}

function viewContext(ctx: RenderContext): ViewContext {
  return { source: ctx.source, channelLabel: ctx.channelLabel ?? 'name' };
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
  return { ...base, ...categorySpec(c).hint() };
}

/** What a category holds, for its hover (its name alone would repeat the label). */
function categoryTooltip(c: CategoryId): string {
  return c === 'modules' ? t('Loaded Asterisk modules.') : categorySpec(c).tooltip();
}

/** Markdown for the hover. */
export function nodeTooltip(node: AriNode, ctx: RenderContext): string | undefined {
  if (node.kind === 'category') return categoryTooltip(node.id as CategoryId);
  if (node.kind === 'hint') return undefined;
  if (node.kind === 'server') {
    if (node.id === 'server') return ctx.source.info ? fieldsTooltip(t('Asterisk server'), flatten(ctx.source.info)) : undefined;
    const row = serverRows(ctx.source.info, ctx.now()).find((r) => r.id === node.id);
    return row
      ? fieldsTooltip(row.label, [
          [t('value'), row.value],
          [t('as sent'), row.raw],
        ])
      : undefined;
  }
  const tooltip = rowSpec(node.kind)?.tooltip;
  if (tooltip) return tooltip(node.id, viewContext(ctx));
  const e = nodeEntity(node, ctx.source, ctx.modules);
  if (e && typeof e === 'object') {
    const v = nodeView(node, ctx);
    return fieldsTooltip(v.label, Object.entries(e as Record<string, unknown>));
  }
  return undefined;
}

/** The ARI object behind a node (Copy as JSON, Open as JSON). */
export function nodeEntity(node: { kind: string; id: string }, s: TreeSource, modules: Module[] | undefined): unknown {
  if (node.kind === 'module') return modules?.find((x) => x.name === node.id);
  if (node.kind === 'server') return s.info;
  return rowSpec(node.kind)?.entity(node.id, s.model);
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
