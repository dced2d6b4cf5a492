// Recordings: the live ones, then the stored ones, each by name. The model reports changes to
// both under 'recording'; member keys tell them apart (`live:<name>`, `stored:<name>`). No vscode.
import type { LiveRecording } from '../../../ari/models.generated';
import { t } from '../../../util/l10n';
import { goneView, targetLabel, type NodeView } from '../labels';
import type { TreeModelSource } from '../source';
import { sortBy } from '../sortBy';
import { defineCategory } from './spec';

const RECORDING_ICONS: Record<string, { icon: string; color?: string }> = {
  queued: { icon: 'clock', color: 'disabledForeground' },
  recording: { icon: 'record', color: 'charts.red' },
  paused: { icon: 'debug-pause', color: 'charts.yellow' },
  done: { icon: 'pass', color: 'disabledForeground' },
  failed: { icon: 'error', color: 'errorForeground' },
  canceled: { icon: 'circle-slash', color: 'disabledForeground' },
};

export function recordingView(r: LiveRecording, model: TreeModelSource): NodeView {
  const parts = [r.state, r.format, targetLabel(r.target_uri, model)];
  if (r.duration !== undefined) parts.push(`${r.duration} s`);
  return {
    label: r.name,
    description: parts.filter(Boolean).join(' · '),
    ...(RECORDING_ICONS[r.state] ?? { icon: 'record' }),
    contextValue: `recording.${r.state}`,
    collapsible: 'none',
  };
}

const LIVE = 'live:';
const STORED = 'stored:';

export const recordings = defineCategory({
  id: 'recordings',
  label: () => t('Recordings'),
  icon: 'record',
  tooltip: () => t('Live recordings, then the stored ones.'),
  hint: () => ({ label: t('No recordings'), description: t('Record a channel or bridge in Stasis') }),
  modelKinds: ['recording'],
  total: (m) => m.recordings.size + m.storedRecordings.size,
  members: (f) => {
    const m = f.source.model;
    const out = new Set<string>();
    for (const [name, r] of m.recordings) if ((!f.app || f.targetInApp(r.target_uri)) && f.textOk(recordingView(r, m))) out.add(LIVE + name);
    // A stored recording belongs to no app.
    if (!f.app) for (const [name, r] of m.storedRecordings) if (f.textOk({ label: name, description: r.format })) out.add(STORED + name);
    return out;
  },
  order: (keys) => {
    const sorted = sortBy(keys, (k) => k);
    return [...sorted.filter((k) => k.startsWith(LIVE)), ...sorted.filter((k) => !k.startsWith(LIVE))];
  },
  row: (key) => (key.startsWith(LIVE) ? { kind: 'recording', id: key.slice(LIVE.length) } : { kind: 'storedRecording', id: key.slice(STORED.length) }),
  rows: {
    recording: {
      modelKind: 'recording',
      key: (name) => `recording:${name}`,
      view: (node, ctx) => {
        const r = ctx.source.model.recordings.get(node.id);
        return r ? recordingView(r, ctx.source.model) : goneView(node.id);
      },
      entity: (name, m) => m.recordings.get(name),
    },
    storedRecording: {
      modelKind: 'recording',
      key: (name) => `stored:${name}`,
      view: (node, ctx) => {
        const r = ctx.source.model.storedRecordings.get(node.id);
        return {
          label: node.id,
          description: r ? t('stored · {0}', r.format) : t('gone'),
          icon: 'file-media',
          contextValue: 'storedRecording',
          collapsible: 'none',
        };
      },
      entity: (name, m) => m.storedRecordings.get(name),
    },
  },
});
