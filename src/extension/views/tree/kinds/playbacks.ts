// Playbacks, in the order they were started. ARI cannot list them: the model knows the ones
// started from here or announced by events. No vscode.
import type { Playback } from '../../../ari/models.generated';
import { t } from '../../../util/l10n';
import { goneView, targetLabel, type NodeView } from '../labels';
import type { TreeModelSource } from '../source';
import { defineCategory } from './spec';

const PLAYBACK_ICONS: Record<string, { icon: string; color?: string }> = {
  queued: { icon: 'clock', color: 'disabledForeground' },
  playing: { icon: 'play-circle', color: 'charts.green' },
  paused: { icon: 'debug-pause', color: 'charts.yellow' },
  continuing: { icon: 'play-circle', color: 'charts.green' },
  done: { icon: 'pass', color: 'disabledForeground' },
  failed: { icon: 'error', color: 'errorForeground' },
  cancelled: { icon: 'circle-slash', color: 'disabledForeground' },
};

export function playbackView(p: Playback, model: TreeModelSource): NodeView {
  return {
    label: p.media_uri,
    description: `${p.state} → ${targetLabel(p.target_uri, model)}`,
    ...(PLAYBACK_ICONS[p.state] ?? { icon: 'play' }),
    contextValue: `playback.${p.state}`,
    collapsible: 'none',
  };
}

export const playbacks = defineCategory({
  id: 'playbacks',
  label: () => t('Playbacks'),
  icon: 'play',
  tooltip: () => t('Media being played, in the order started. ARI cannot list playbacks: the ones started from here or announced by events.'),
  hint: () => ({ label: t('No playbacks'), description: t('Play Media on a channel in Stasis') }),
  modelKinds: ['playback'],
  total: (m) => m.playbacks.size,
  members: (f) => {
    const m = f.source.model;
    const out = new Set<string>();
    for (const [id, p] of m.playbacks) if ((!f.app || f.targetInApp(p.target_uri)) && f.textOk(playbackView(p, m))) out.add(id);
    return out;
  },
  // The model's insertion order: the order plays were started.
  order: (ids) => [...ids],
  row: (id) => ({ kind: 'playback', id }),
  rows: {
    playback: {
      modelKind: 'playback',
      key: (id) => `playback:${id}`,
      view: (node, ctx) => {
        const p = ctx.source.model.playbacks.get(node.id);
        return p ? playbackView(p, ctx.source.model) : goneView(node.id);
      },
      entity: (id, m) => m.playbacks.get(id),
    },
  },
});
