// Which family an ARI event type belongs to. The panel colours a row's type by family, and
// both bundles need the same answer, so it lives here (no vscode, no DOM).

export type EventFamily = 'stasis' | 'channel' | 'bridge' | 'playback' | 'recording' | 'application' | 'device' | 'endpoint' | 'other';

export const EVENT_FAMILIES: readonly EventFamily[] = ['stasis', 'channel', 'bridge', 'playback', 'recording', 'application', 'device', 'endpoint', 'other'];

export function eventFamily(type: string): EventFamily {
  if (type.startsWith('Stasis')) return 'stasis';
  if (type.startsWith('Channel') || type === 'Dial' || type.startsWith('Call')) return 'channel';
  if (type.startsWith('Bridge')) return 'bridge';
  if (type.startsWith('Playback')) return 'playback';
  if (type.startsWith('Recording')) return 'recording';
  if (type.startsWith('Application')) return 'application';
  if (type.startsWith('Device')) return 'device';
  if (type.startsWith('Endpoint') || type === 'ContactStatusChange' || type === 'PeerStatusChange' || type === 'TextMessageReceived') {
    return 'endpoint';
  }
  return 'other';
}
