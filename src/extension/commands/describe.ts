// Labels and descriptions for the QuickPicks of live objects, and the reading of the
// arguments VS Code passes to a command from a tree. Pure (no vscode).
import type { Bridge, LiveRecording, Playback } from '../ari/models.generated';
import type { ChannelView } from './session';
import { t } from '../util/l10n';

export interface PickEntry {
  id: string;
  label: string;
  description?: string;
  detail?: string;
}

/** The Stasis app a channel is in. The model derives it from StasisStart and the dialplan
 * location and clears it on StasisEnd, while the dialplan may still say `Stasis` then. */
export function stasisAppOf(ch: ChannelView): string | undefined {
  return ch.app;
}

export function channelEntry(ch: ChannelView): PickEntry {
  const caller = ch.caller?.name || ch.caller?.number ? `${ch.caller.name ? `"${ch.caller.name}" ` : ''}${ch.caller.number ?? ''}`.trim() : '';
  const app = stasisAppOf(ch);
  const dp = ch.dialplan;
  const where = dp && (dp.context || dp.exten) ? `${dp.context},${dp.exten},${dp.priority}` : '';
  return {
    id: ch.id,
    label: ch.name,
    description: [ch.state, caller, app ? `Stasis(${app})` : dp?.app_name].filter(Boolean).join(' · '),
    detail: [where && t('at {0}', where), ch.bridgeId && t('in bridge {0}', ch.bridgeId), t('id {0}', ch.id)].filter(Boolean).join(' · '),
  };
}

export function bridgeEntry(b: Bridge): PickEntry {
  const n = b.channels?.length ?? 0;
  return {
    id: b.id,
    label: b.name ? `${b.name}` : b.id,
    description: [b.bridge_type, n === 1 ? t('1 channel') : t('{0} channels', n), b.technology].filter(Boolean).join(' · '),
    detail: [b.name ? t('id {0}', b.id) : '', b.creator && t('created by {0}', b.creator)].filter(Boolean).join(' · ') || undefined,
  };
}

export function playbackEntry(p: Playback): PickEntry {
  return { id: p.id, label: p.media_uri, description: [p.state, p.target_uri, p.language].filter(Boolean).join(' · '), detail: t('id {0}', p.id) };
}

export function recordingEntry(r: LiveRecording): PickEntry {
  return {
    id: r.name,
    label: r.name,
    description: [r.state, r.format, r.target_uri, r.duration !== undefined ? `${r.duration}s` : ''].filter(Boolean).join(' · '),
  };
}

/** Tree nodes as the views hand them to commands. */
export interface NodeRef {
  kind: string;
  id: string;
}

export function isNodeRef(v: unknown): v is NodeRef {
  return typeof v === 'object' && v !== null && typeof (v as NodeRef).kind === 'string' && typeof (v as NodeRef).id === 'string';
}

/**
 * The ids a tree invocation targets: VS Code passes the clicked node and, with a
 * multi-selection, the whole selection as the second argument. Returns undefined when the
 * command came from the palette (then the command asks).
 */
export function targetIds(kinds: readonly string[], node: unknown, selection: unknown): string[] | undefined {
  if (!isNodeRef(node) || !kinds.includes(node.kind)) return undefined;
  if (Array.isArray(selection)) {
    const picked = selection.filter(isNodeRef);
    // A right-click outside the selection acts on the clicked node only (VS Code's rule).
    if (picked.length > 1 && picked.some((n) => n.kind === node.kind && n.id === node.id)) {
      return [...new Set(picked.filter((n) => kinds.includes(n.kind)).map((n) => n.id))];
    }
  }
  return [node.id];
}
