// The explorer's filter: by Stasis app and by text. Which members of a category it lets
// through, computed from the model (the tree caches the result per category). No vscode.
import type { EntityKind } from '../../state/model';
import { CATEGORIES, type TopCategory } from './nodes';
import { categorySpec, type FilterContext } from './kinds';
import type { ChannelLabelMode, NodeView } from './labels';
import { channelApp, type TreeSource } from './source';

export interface TreeFilter {
  /** Show only what belongs to this Stasis app. */
  app?: string;
  /** Case-insensitive substring of a node's label or description. */
  text?: string;
}

/** Categories whose filtered membership depends on channels (through their app): all of them. */
export const APP_DEPENDENT: readonly TopCategory[] = CATEGORIES;

/** The model kind whose Stasis app decides what the app filter lets through. */
export const APP_MEMBER_KIND: EntityKind = 'channel';

/** Trimmed text; empty parts left out. */
export function normalizeFilter(filter: TreeFilter): TreeFilter {
  const text = filter.text?.trim() || undefined;
  return { ...(filter.app ? { app: filter.app } : {}), ...(text ? { text } : {}) };
}

export function isFiltered(filter: TreeFilter): boolean {
  return !!(filter.app || filter.text);
}

/** Shown as the view's description. */
export function describeFilter(filter: TreeFilter): string | undefined {
  const parts: string[] = [];
  if (filter.app) parts.push(`app: ${filter.app}`);
  if (filter.text) parts.push(`"${filter.text}"`);
  return parts.length ? `filtered by ${parts.join(', ')}` : undefined;
}

/** The member keys of category `c` the filter lets through (entity ids; recordings prefixed live:/stored:). */
export function visibleMembers(c: TopCategory, source: TreeSource, filter: TreeFilter, channelLabel: ChannelLabelMode = 'name'): Set<string> {
  return categorySpec(c).members(filterContext(source, filter, channelLabel));
}

function filterContext(source: TreeSource, filter: TreeFilter, channelLabel: ChannelLabelMode): FilterContext {
  const m = source.model;
  const { app, text } = filter;
  const needle = text?.toLowerCase();
  const appObject = app ? m.applications.get(app) : undefined;
  const channelInApp = (id: string) => {
    const ch = m.channels.get(id);
    return !!ch && channelApp(ch) === app;
  };
  const bridgeInApp = (id: string) => !!appObject?.bridge_ids?.includes(id) || !!m.bridges.get(id)?.channels?.some(channelInApp);
  return {
    source,
    channelLabel,
    app,
    appObject,
    needle,
    textOk: (v: Pick<NodeView, 'label' | 'description'>) =>
      !needle || v.label.toLowerCase().includes(needle) || !!v.description?.toLowerCase().includes(needle),
    channelInApp,
    bridgeInApp,
    targetInApp: (uri) => {
      const [type, ...rest] = (uri ?? '').split(':');
      const id = rest.join(':');
      return type === 'channel' ? channelInApp(id) : type === 'bridge' ? bridgeInApp(id) : false;
    },
  };
}

/** App names for the filter QuickPick: registered apps plus apps channels are in. */
export function appNames(source: TreeSource): string[] {
  const names = new Set(source.model.applications.keys());
  for (const ch of source.model.channels.values()) {
    const a = channelApp(ch);
    if (a) names.add(a);
  }
  return [...names].sort();
}
