// Small hand-made ARI objects and events for model tests.
import type { Bridge, Channel, Playback } from '../../../src/extension/ari/models.generated';
import type { AriEvent } from '../../../src/extension/ari/events.generated';
import { ariChannel } from '../shared/ari';

const base = { application: 'hello-world', timestamp: '2026-11-30T00:00:00.000+0000' };

export function channel(id: string, over: Partial<Channel> = {}): Channel {
  return ariChannel(id, {
    name: `Local/100@default-00000001;${id}`,
    caller: { name: '', number: '' },
    dialplan: { context: 'default', exten: '100', priority: 1, app_name: 'Wait', app_data: '600' },
    creationtime: '2026-11-30T00:00:00.000+0000',
    ...over,
  });
}

export function inStasis(id: string, app = 'hello-world', args = ''): Channel {
  return channel(id, {
    dialplan: { context: 'from-test', exten: '1776', priority: 3, app_name: 'Stasis', app_data: args ? `${app},${args}` : app },
  });
}

export function bridge(id: string, channels: string[] = []): Bridge {
  return {
    id,
    technology: 'simple_bridge',
    bridge_type: 'mixing',
    bridge_class: 'stasis',
    creator: 'Stasis',
    name: '',
    channels,
    creationtime: '2026-11-30T00:00:01.000+0000',
  };
}

export function playback(id: string, target: string, state = 'queued', media = 'sound:hello-world'): Playback {
  return { id, media_uri: media, target_uri: target, language: 'en', state };
}

export const ev = {
  created: (c: Channel): AriEvent => ({ ...base, type: 'ChannelCreated', channel: c }),
  state: (c: Channel): AriEvent => ({ ...base, type: 'ChannelStateChange', channel: c }),
  dialplan: (c: Channel): AriEvent => ({
    ...base,
    type: 'ChannelDialplan',
    channel: c,
    dialplan_app: c.dialplan.app_name,
    dialplan_app_data: c.dialplan.app_data,
  }),
  varset: (c: Channel, variable: string, value: string): AriEvent => ({ ...base, type: 'ChannelVarset', channel: c, variable, value }),
  hangupRequest: (c: Channel, cause?: number, soft?: boolean): AriEvent => ({ ...base, type: 'ChannelHangupRequest', channel: c, cause, soft }),
  destroyed: (c: Channel, cause = 16): AriEvent => ({ ...base, type: 'ChannelDestroyed', channel: c, cause, cause_txt: '' }),
  stasisStart: (c: Channel, app = 'hello-world', args: string[] = []): AriEvent => ({
    ...base,
    application: app,
    type: 'StasisStart',
    channel: c,
    args,
  }),
  stasisEnd: (c: Channel, app = 'hello-world'): AriEvent => ({ ...base, application: app, type: 'StasisEnd', channel: c }),
  entered: (b: Bridge, c: Channel): AriEvent => ({ ...base, type: 'ChannelEnteredBridge', bridge: b, channel: c }),
  left: (b: Bridge, c: Channel): AriEvent => ({ ...base, type: 'ChannelLeftBridge', bridge: b, channel: c }),
  bridgeCreated: (b: Bridge): AriEvent => ({ ...base, type: 'BridgeCreated', bridge: b }),
  bridgeDestroyed: (b: Bridge): AriEvent => ({ ...base, type: 'BridgeDestroyed', bridge: b }),
  playbackStarted: (p: Playback): AriEvent => ({ ...base, type: 'PlaybackStarted', playback: { ...p, state: 'playing' } }),
  playbackFinished: (p: Playback): AriEvent => ({ ...base, type: 'PlaybackFinished', playback: { ...p, state: 'done' } }),
};
