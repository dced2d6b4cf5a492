// Plain-Map model and entity builders for the tree tests.
import type { Bridge, Playback } from '../../../src/extension/ari/models.generated';
import type { TreeChannel, TreeModelSource, TreeSource } from '../../../src/extension/views/tree/source';
import { ariChannel } from '../shared/ari';

export interface MutableModel extends TreeModelSource {
  channels: Map<string, TreeChannel>;
  bridges: Map<string, Bridge>;
  playbacks: Map<string, Playback>;
  recordings: Map<string, import('../../../src/extension/ari/models.generated').LiveRecording>;
  storedRecordings: Map<string, import('../../../src/extension/ari/models.generated').StoredRecording>;
  endpoints: Map<string, import('../../../src/extension/ari/models.generated').Endpoint>;
  applications: Map<string, import('../../../src/extension/ari/models.generated').Application>;
  deviceStates: Map<string, import('../../../src/extension/ari/models.generated').DeviceState>;
}

export function emptyModel(): MutableModel {
  return {
    channels: new Map(),
    bridges: new Map(),
    playbacks: new Map(),
    recordings: new Map(),
    storedRecordings: new Map(),
    endpoints: new Map(),
    applications: new Map(),
    deviceStates: new Map(),
  };
}

export function channel(id: string, over: Partial<TreeChannel> = {}): TreeChannel {
  const ch: TreeChannel = {
    ...ariChannel(id, { name: `PJSIP/alice-${id}`, creationtime: `2026-11-30T12:00:00.${id.padStart(3, '0').slice(-3)}+0000` }),
    ...over,
  };
  // As the state model does: a channel at a Stasis() dialplan step is in that app.
  if (!('app' in over) && ch.dialplan?.app_name === 'Stasis') ch.app = ch.dialplan.app_data.split(',')[0];
  return ch;
}

export function bridge(id: string, channels: string[], over: Partial<Bridge> = {}): Bridge {
  return {
    id,
    technology: 'simple_bridge',
    bridge_type: 'mixing',
    bridge_class: 'stasis',
    creator: 'Stasis',
    name: '',
    channels,
    creationtime: '2026-11-30T12:00:00.000+0000',
    ...over,
  };
}

export function source(model: TreeModelSource, over: Partial<TreeSource> = {}): TreeSource {
  return {
    model,
    info: {
      system: { version: '22.10.1', entity_id: 'aa:bb' },
      status: { startup_time: '2026-11-30T10:00:00.000+0000', last_reload_time: '2026-11-30T10:00:00.000+0000' },
    },
    loadModules: async () => [{ name: 'res_ari.so', description: 'ARI', use_count: 1, status: 'Running', support_level: 'core' }],
    ...over,
  };
}
