// The explorer's filter: by Stasis app and by text. Which members of a category it lets
// through, computed from the model (the tree caches the result per category). No vscode.
import type { TopCategory } from './nodes';
import {
  applicationView,
  bridgeView,
  channelView,
  deviceStateView,
  endpointView,
  playbackView,
  recordingView,
  type ChannelLabelMode,
  type NodeView,
} from './labels';
import { channelApp, type TreeSource } from './source';

export interface TreeFilter {
  /** Show only what belongs to this Stasis app. */
  app?: string;
  /** Case-insensitive substring of a node's label or description. */
  text?: string;
}

/** Categories whose filtered membership depends on channels (through their app). */
export const APP_DEPENDENT: readonly TopCategory[] = ['channels', 'bridges', 'playbacks', 'recordings', 'endpoints', 'applications', 'deviceStates'];

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
  const m = source.model;
  const { app, text } = filter;
  const needle = text?.toLowerCase();
  const out = new Set<string>();
  const textOk = (v: NodeView) => !needle || v.label.toLowerCase().includes(needle) || !!v.description?.toLowerCase().includes(needle);
  const appObj = app ? m.applications.get(app) : undefined;
  const channelInApp = (id: string) => {
    const ch = m.channels.get(id);
    return !!ch && channelApp(ch) === app;
  };
  const bridgeInApp = (id: string) => !!appObj?.bridge_ids?.includes(id) || !!m.bridges.get(id)?.channels?.some(channelInApp);
  const targetInApp = (uri: string | undefined) => {
    const [type, ...rest] = (uri ?? '').split(':');
    const id = rest.join(':');
    return type === 'channel' ? channelInApp(id) : type === 'bridge' ? bridgeInApp(id) : false;
  };
  switch (c) {
    case 'channels':
      for (const [id, ch] of m.channels) {
        if (app && channelApp(ch) !== app) continue;
        // What the row shows, plus the full name (the 'name' label reorders it).
        if (needle && !ch.name.toLowerCase().includes(needle) && !textOk(channelView(ch, channelLabel))) continue;
        out.add(id);
      }
      break;
    case 'bridges':
      for (const [id, b] of m.bridges) if ((!app || bridgeInApp(id)) && textOk(bridgeView(b))) out.add(id);
      break;
    case 'playbacks':
      for (const [id, p] of m.playbacks) if ((!app || targetInApp(p.target_uri)) && textOk(playbackView(p, m))) out.add(id);
      break;
    case 'recordings':
      for (const [name, r] of m.recordings) if ((!app || targetInApp(r.target_uri)) && textOk(recordingView(r, m))) out.add(`live:${name}`);
      if (!app) for (const [name, r] of m.storedRecordings) if (textOk({ label: name, description: r.format } as NodeView)) out.add(`stored:${name}`);
      break;
    case 'endpoints':
      for (const [id, e] of m.endpoints) {
        if (app && !appObj?.endpoint_ids?.includes(id) && !e.channel_ids?.some(channelInApp)) continue;
        if (textOk(endpointView(e))) out.add(id);
      }
      break;
    case 'applications':
      for (const name of m.applications.keys()) if ((!app || name === app) && textOk(applicationView(name, m, source.ownApp))) out.add(name);
      break;
    case 'deviceStates':
      for (const [name, d] of m.deviceStates) if ((!app || !!appObj?.device_names?.includes(name)) && textOk(deviceStateView(name, d.state))) out.add(name);
      break;
  }
  return out;
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
