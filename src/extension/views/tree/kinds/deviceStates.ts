// Device states the ARI controls (`Stasis:…`), by name. No vscode.
import { t } from '../../../util/l10n';
import type { NodeView } from '../labels';
import { sortBy } from '../sortBy';
import { defineCategory } from './spec';

const DEVICE_COLORS: Record<string, string> = {
  NOT_INUSE: 'charts.green',
  INUSE: 'charts.blue',
  BUSY: 'charts.red',
  RINGING: 'charts.yellow',
  RINGINUSE: 'charts.yellow',
  ONHOLD: 'charts.purple',
  UNAVAILABLE: 'disabledForeground',
  INVALID: 'errorForeground',
  UNKNOWN: 'disabledForeground',
};

export function deviceStateView(name: string, state: string): NodeView {
  return { label: name, description: state, icon: 'pulse', color: DEVICE_COLORS[state], contextValue: 'deviceState', collapsible: 'none' };
}

export const deviceStates = defineCategory({
  id: 'deviceStates',
  label: () => t('Device States'),
  icon: 'pulse',
  tooltip: () => t('Device states controlled through ARI (Stasis:…).'),
  hint: () => ({ label: t('No device states'), description: t('Update Device State creates one') }),
  modelKinds: ['deviceState'],
  total: (m) => m.deviceStates.size,
  members: (f) => {
    const out = new Set<string>();
    for (const [name, d] of f.source.model.deviceStates) {
      if ((!f.app || !!f.appObject?.device_names?.includes(name)) && f.textOk(deviceStateView(name, d.state))) out.add(name);
    }
    return out;
  },
  order: (ids) => sortBy(ids, (id) => id),
  row: (name) => ({ kind: 'deviceState', id: name }),
  rows: {
    deviceState: {
      modelKind: 'deviceState',
      key: (name) => `deviceState:${name}`,
      view: (node, ctx) => deviceStateView(node.id, ctx.source.model.deviceStates.get(node.id)?.state ?? t('gone')),
      entity: (name, m) => m.deviceStates.get(name),
    },
  },
});
