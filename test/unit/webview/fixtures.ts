// Small ARI event builders shaped like real frames (transcript 22-demo-traffic).
import { ariChannel } from '../shared/ari';

let clock = Date.parse('2026-11-30T22:33:09.000Z');

export function resetClock(): void {
  clock = Date.parse('2026-11-30T22:33:09.000Z');
}

function stamp(stepMs = 10): string {
  clock += stepMs;
  return new Date(clock).toISOString().replace('Z', '+0000');
}

export function channel(id: string, name = `Local/1776@from-test-${id};1`, state = 'Up'): Record<string, unknown> {
  return { ...ariChannel(id, { name, state, dialplan: { context: 'from-test', exten: '1776', priority: 1, app_name: '', app_data: '' } }) };
}

export function bridge(id: string, channels: string[] = [], name = ''): Record<string, unknown> {
  return {
    id,
    technology: 'simple_bridge',
    bridge_type: 'mixing',
    bridge_class: 'stasis',
    creator: 'Stasis',
    name,
    channels,
    creationtime: '2026-11-30T22:33:09.144+0000',
  };
}

export function ev(type: string, fields: Record<string, unknown> = {}, app = 'firehose-app'): Record<string, unknown> {
  return { type, timestamp: stamp(), ...fields, asterisk_id: '02:fc:00:00:00:01', application: app };
}

export const channelCreated = (id: string, app?: string) => ev('ChannelCreated', { channel: channel(id, undefined, 'Down') }, app);
export const stasisStart = (id: string, app = 'hello-world') => ev('StasisStart', { args: [], channel: channel(id) }, app);
export const varset = (id: string, variable: string, value: string) => ev('ChannelVarset', { variable, value, channel: channel(id) });
export const enteredBridge = (chId: string, brId: string) => ev('ChannelEnteredBridge', { bridge: bridge(brId, [chId]), channel: channel(chId) });
export const bridgeCreated = (brId: string, name = '') => ev('BridgeCreated', { bridge: bridge(brId, [], name) });
export const playbackStarted = (pbId: string, chId: string) =>
  ev('PlaybackStarted', { playback: { id: pbId, media_uri: 'sound:hello-world', target_uri: `channel:${chId}`, language: 'en', state: 'playing' } });
export const deviceState = (name: string, state: string) => ev('DeviceStateChanged', { device_state: { name, state } });
