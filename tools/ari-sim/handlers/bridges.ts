// /bridges handlers.
import type { Bridge } from '../bridges';
import type { Channel } from '../channel';
import { HttpError } from '../errors';
import { RecordingEngine } from '../recordings';
import { arg, intArg, noContent, ok, type Handler, type Req, type Res } from '../router';

function bridge(r: Req): Bridge {
  const b = r.core.bridges.bridges.get(r.path.bridgeId);
  if (!b) throw new HttpError(404, 'Bridge not found');
  return b;
}

function channelsArg(r: Req): Channel[] {
  const list = arg(r, 'channel');
  if (!list) throw new HttpError(400, 'Missing parameter channel');
  const chans = list.split(',').map((id) => r.core.engine.get(id.trim()));
  if (chans.some((c) => !c)) throw new HttpError(400, 'Channel not found');
  return chans as Channel[];
}

function create(r: Req, id?: string): Res {
  const existing = id ? r.core.bridges.bridges.get(id) : undefined;
  if (existing) return ok(existing.toJSON());
  const b = r.core.bridges.create(arg(r, 'type'), arg(r, 'name'), id ?? arg(r, 'bridgeId'));
  return ok(b.toJSON());
}

function play(r: Req, id?: string): Res {
  const b = bridge(r);
  const media = arg(r, 'media');
  if (!media) throw new HttpError(500, 'Failed to queue media for playback');
  const pb = r.core.playbacks.queue(id ?? arg(r, 'playbackId') ?? r.core.uuid(), media.split(','), `bridge:${b.id}`, arg(r, 'lang') || 'en');
  return { status: 201, body: pb.toJSON(), location: `/ari/playbacks/${pb.id}` };
}

export const bridgeHandlers: Record<string, Handler> = {
  list: (r) => ok([...r.core.bridges.bridges.values()].map((b) => b.toJSON())),
  create: (r) => create(r),
  createWithId: (r) => create(r, r.path.bridgeId),
  get: (r) => ok(bridge(r).toJSON()),
  destroy: (r) => {
    r.core.bridges.destroy(bridge(r));
    return noContent();
  },
  addChannel: (r) => {
    const b = bridge(r);
    const chans = channelsArg(r);
    if (chans.some((c) => !c.stasisApp)) throw new HttpError(422, 'Channel not in Stasis application');
    r.core.bridges.add(b, chans);
    return noContent();
  },
  removeChannel: (r) => {
    const b = bridge(r);
    const chans = channelsArg(r);
    if (chans.some((c) => c.bridgeId !== b.id)) throw new HttpError(422, 'Channel not in this bridge');
    for (const c of chans) r.core.bridges.removeFromBridge(c);
    return noContent();
  },
  setVideoSource: (r) => (bridge(r), noContent()),
  clearVideoSource: (r) => (bridge(r), noContent()),
  startMoh: (r) => (r.core.bridges.setAnnouncer(bridge(r).id, 'ARI_MOH', true), noContent()),
  stopMoh: (r) => {
    const b = bridge(r);
    if (!b.announcers.has('ARI_MOH')) throw new HttpError(409, 'Bridge isn\'t playing music on hold');
    r.core.bridges.setAnnouncer(b.id, 'ARI_MOH', false);
    return noContent();
  },
  play: (r) => play(r),
  playWithId: (r) => play(r, r.path.playbackId),
  // ast_ari_bridges_record: find_bridge, format, recorder_format, then terminateOn/ifExists; the
  // negative limits are only caught by stasis_app_control_record (EINVAL, 500).
  record: (r) => {
    const b = bridge(r);
    const format = arg(r, 'format');
    RecordingEngine.checkFormat(format);
    const recorder = arg(r, 'recorder_format');
    if (recorder) RecordingEngine.checkFormat(recorder, 'recorder_format');
    RecordingEngine.checkOptions(arg(r, 'terminateOn'), arg(r, 'ifExists'));
    const rec = r.core.recordings.start(`bridge:${b.id}`, arg(r, 'name'), format ?? '', {
      maxSec: intArg(r, 'maxDurationSeconds'),
      maxSilenceSec: intArg(r, 'maxSilenceSeconds'),
      ifExists: arg(r, 'ifExists'),
    });
    return { status: 201, body: rec.toJSON(), location: `/ari/recordings/live/${encodeURIComponent(rec.name)}` };
  },
};
