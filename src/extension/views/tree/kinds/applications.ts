// Stasis applications, by name, with the channels and bridges in each. No vscode.
import { t } from '../../../util/l10n';
import { channelCount, type NodeView } from '../labels';
import { channelApp, type TreeModelSource } from '../source';
import { sortBy } from '../sortBy';
import { defineCategory } from './spec';

export function applicationView(name: string, model: TreeModelSource, ownApp?: string): NodeView {
  // Live counts: the Application object is a snapshot (GET /applications at connect and at each
  // reconcile) and no event updates its channel_ids, so channels are counted from the model; a
  // bridge counts while it exists and the snapshot listed it or one of its channels is in the app
  // (as the app filter decides).
  const inApp = (id: string) => {
    const c = model.channels.get(id);
    return !!c && channelApp(c) === name;
  };
  let ch = 0;
  for (const c of model.channels.values()) if (channelApp(c) === name) ch++;
  const listed = new Set(model.applications.get(name)?.bridge_ids ?? []);
  let br = 0;
  for (const b of model.bridges.values()) if (listed.has(b.id) || b.channels?.some(inApp)) br++;
  const parts = [channelCount(ch), br === 1 ? t('1 bridge') : t('{0} bridges', br)];
  if (name === ownApp) parts.push(t('ARI Explorer observer'));
  return {
    label: name,
    description: parts.join(' · '),
    icon: 'rocket',
    color: ch ? 'charts.green' : undefined,
    contextValue: 'application',
    collapsible: 'none',
  };
}

export const applications = defineCategory({
  id: 'applications',
  label: () => t('Applications'),
  icon: 'rocket',
  tooltip: () => t('Stasis applications with the channels and bridges in each.'),
  hint: () => ({ label: t('No Stasis applications') }),
  modelKinds: ['application'],
  // Each row counts channels and bridges: re-rendered when they come, go or change app.
  countsOf: ['channel', 'bridge'],
  total: (m) => m.applications.size,
  members: (f) => {
    const m = f.source.model;
    const out = new Set<string>();
    for (const name of m.applications.keys()) if ((!f.app || name === f.app) && f.textOk(applicationView(name, m, f.source.ownApp))) out.add(name);
    return out;
  },
  order: (ids) => sortBy(ids, (id) => id),
  row: (name) => ({ kind: 'application', id: name }),
  rows: {
    application: {
      modelKind: 'application',
      key: (name) => `application:${name}`,
      view: (node, ctx) => applicationView(node.id, ctx.source.model, ctx.source.ownApp),
      entity: (name, m) => m.applications.get(name),
    },
  },
});
