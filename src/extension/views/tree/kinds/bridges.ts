// Bridges, oldest first, each with the channels in it as its children. No vscode.
import type { Bridge } from '../../../ari/models.generated';
import { t } from '../../../util/l10n';
import { channelCount, goneView, type NodeView } from '../labels';
import { sortBy } from '../sortBy';
import { defineCategory } from './spec';

export function bridgeView(b: Bridge): NodeView {
  const n = b.channels?.length ?? 0;
  return {
    label: b.name || b.id,
    // The count first: it is what changes, and what a narrow sidebar still shows.
    description: [channelCount(n), b.bridge_type, b.technology].filter(Boolean).join(' · '),
    icon: b.bridge_type === 'holding' ? 'watch' : 'link',
    color: n > 0 ? 'charts.green' : undefined,
    contextValue: `bridge.${b.bridge_type}`,
    collapsible: n > 0 ? 'collapsed' : 'none',
  };
}

export const bridges = defineCategory({
  id: 'bridges',
  label: () => t('Bridges'),
  icon: 'link',
  tooltip: () => t('Bridges and the channels in them.'),
  expanded: true,
  hint: () => ({ label: t('No bridges'), description: t('click to create one'), command: 'ariExplorer.bridge.create' }),
  modelKinds: ['bridge'],
  total: (m) => m.bridges.size,
  members: (f) => {
    const out = new Set<string>();
    for (const [id, b] of f.source.model.bridges) if ((!f.app || f.bridgeInApp(id)) && f.textOk(bridgeView(b))) out.add(id);
    return out;
  },
  order: (ids, m) => sortBy(ids, (id) => m.bridges.get(id)?.creationtime ?? ''),
  row: (id) => ({ kind: 'bridge', id }),
  rows: {
    bridge: {
      modelKind: 'bridge',
      key: (id) => `bridge:${id}`,
      view: (node, ctx) => {
        const b = ctx.source.model.bridges.get(node.id);
        return b ? bridgeView(b) : goneView(node.id);
      },
      entity: (id, m) => m.bridges.get(id),
      members: { kind: 'channel', ids: (id, m) => m.bridges.get(id)?.channels ?? [] },
    },
  },
});
