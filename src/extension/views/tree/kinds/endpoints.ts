// Endpoints (PJSIP, Local…), by name, with their state and channel count. No vscode.
import type { Endpoint } from '../../../ari/models.generated';
import { t } from '../../../util/l10n';
import { channelCount, goneView, type NodeView } from '../labels';
import { sortBy } from '../sortBy';
import { defineCategory } from './spec';

export function endpointView(e: Endpoint): NodeView {
  const state = e.state ?? 'unknown';
  const n = e.channel_ids?.length ?? 0;
  const look =
    state === 'online'
      ? { icon: 'vm-active', color: 'charts.green' }
      : state === 'offline'
        ? { icon: 'vm-outline', color: 'disabledForeground' }
        : { icon: 'vm' };
  return {
    label: `${e.technology}/${e.resource}`,
    description: n ? `${state} · ${channelCount(n)}` : state,
    ...look,
    contextValue: `endpoint.${state}`,
    collapsible: 'none',
  };
}

export const endpoints = defineCategory({
  id: 'endpoints',
  label: () => t('Endpoints'),
  icon: 'vm',
  tooltip: () => t('Endpoints (PJSIP, Local…) with their state and channel count.'),
  hint: () => ({ label: t('No endpoints') }),
  modelKinds: ['endpoint'],
  total: (m) => m.endpoints.size,
  members: (f) => {
    const out = new Set<string>();
    for (const [id, e] of f.source.model.endpoints) {
      if (f.app && !f.appObject?.endpoint_ids?.includes(id) && !e.channel_ids?.some(f.channelInApp)) continue;
      if (f.textOk(endpointView(e))) out.add(id);
    }
    return out;
  },
  order: (ids) => sortBy(ids, (id) => id),
  row: (id) => ({ kind: 'endpoint', id }),
  rows: {
    endpoint: {
      modelKind: 'endpoint',
      key: (id) => `endpoint:${id}`,
      view: (node, ctx) => {
        const e = ctx.source.model.endpoints.get(node.id);
        return e ? endpointView(e) : goneView(node.id);
      },
      entity: (id, m) => m.endpoints.get(id),
    },
  },
});
