// The context keys that hide palette commands with nothing to act on: no "Forward Playback"
// without a playback, no "Unhold Channel" unless this extension put one on hold. Pure, so the
// explorer sets only the keys that changed. No vscode.
import type { ChannelControls } from './controls';
import type { TreeModelSource } from './source';

export const PALETTE_KEYS = [
  'ariExplorer.hasChannels',
  'ariExplorer.hasStasisChannels',
  'ariExplorer.hasBridges',
  'ariExplorer.hasPlaybacks',
  'ariExplorer.hasLiveRecordings',
  'ariExplorer.hasStoredRecordings',
  'ariExplorer.hasDeviceStates',
  'ariExplorer.hasRingingChannels',
  'ariExplorer.hasHeldChannels',
  'ariExplorer.hasMutedChannels',
  'ariExplorer.hasMohChannels',
  'ariExplorer.hasSilencedChannels',
] as const;
export type PaletteKey = (typeof PALETTE_KEYS)[number];

/** Every key false: no session. */
export function noPaletteContext(): Record<PaletteKey, boolean> {
  return Object.fromEntries(PALETTE_KEYS.map((k) => [k, false])) as Record<PaletteKey, boolean>;
}

export function paletteContext(m: TreeModelSource, controls: ChannelControls | undefined): Record<PaletteKey, boolean> {
  let stasis = false;
  for (const ch of m.channels.values()) {
    if (ch.app) {
      stasis = true;
      break;
    }
  }
  return {
    'ariExplorer.hasChannels': m.channels.size > 0,
    'ariExplorer.hasStasisChannels': stasis,
    'ariExplorer.hasBridges': m.bridges.size > 0,
    'ariExplorer.hasPlaybacks': m.playbacks.size > 0,
    'ariExplorer.hasLiveRecordings': m.recordings.size > 0,
    'ariExplorer.hasStoredRecordings': m.storedRecordings.size > 0,
    'ariExplorer.hasDeviceStates': m.deviceStates.size > 0,
    'ariExplorer.hasRingingChannels': !!controls?.any('ringing'),
    'ariExplorer.hasHeldChannels': !!controls?.any('held'),
    'ariExplorer.hasMutedChannels': !!controls?.any('muted'),
    'ariExplorer.hasMohChannels': !!controls?.any('moh'),
    'ariExplorer.hasSilencedChannels': !!controls?.any('silence'),
  };
}

/** The keys whose value differs from `prev`. */
export function changedKeys(prev: Partial<Record<PaletteKey, boolean>>, next: Record<PaletteKey, boolean>): PaletteKey[] {
  return PALETTE_KEYS.filter((k) => prev[k] !== next[k]);
}
