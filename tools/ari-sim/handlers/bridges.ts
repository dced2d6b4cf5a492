// /bridges handlers.
import type { Bridge } from '../bridges';
import type { Channel } from '../channel';
import { HttpError } from '../errors';
import { RecordingEngine } from '../recordings';
import { variableValues } from './channels';
import { arg, bodyObject, intArg, multi, noContent, ok, type Handler, type Req, type Res } from '../router';

function bridge(r: Req): Bridge {
  const b = r.core.bridges.bridges.get(r.path.bridgeId);
  if (!b) throw new HttpError(404, 'Bridge not found');
  return b;
}

/** find_channel_control: 400 for no channel, 422 for one outside Stasis. */
function stasisChannel(r: Req, id: string): Channel {
  const ch = r.core.engine.get(id);
  if (!ch) throw new HttpError(400, 'Channel not found');
  if (!ch.stasisApp) throw new HttpError(422, 'Channel not in Stasis application');
  return ch;
}

/** control_list_create: empty ids skipped, each id looked up in turn (the first failure answers). */
function channelsArg(r: Req): Channel[] {
  const ids = (multi(r, 'channel') ?? []).filter((id) => id !== '');
  if (ids.length === 0) throw new HttpError(400, 'Missing parameter channel');
  return ids.map((id) => stasisChannel(r, id));
}

/** ast_ari_bridges_create / _create_with_id: ast_bridge_topic_exists first (409), then the type. */
function create(r: Req, pathId?: string): Res {
  const id = pathId ?? arg(r, 'bridgeId');
  if (id && r.core.bridges.bridges.has(id)) throw new HttpError(409, `Bridge with id '${id}' already exists`);
  const failure = pathId !== undefined ? 'Unable to create bridge' : `Unable to create bridge. Possible duplicate bridge id '${id || '(null)'}'`;
  const b = r.core.bridges.create(arg(r, 'type'), arg(r, 'name'), id, failure);
  // after the bridge exists: createWithId reads body.variables; create hands json_to_ast_variables
  // the whole body (so {"variables": {...}} is a 400, with the bridge already made)
  const body = r.body && typeof r.body === 'object' && !Array.isArray(r.body) ? r.body : undefined;
  const vars = pathId !== undefined ? bodyObject(r, 'variables') : body;
  if (vars) for (const [k, v] of variableValues(vars)) b.vars.set(k.trim(), v);
  return ok(b.toJSON());
}

/** "Provided bridge was not found": the plural variable operations look the bridge up directly. */
function anyBridge(r: Req): Bridge {
  const b = r.core.bridges.bridges.get(r.path.bridgeId);
  if (!b) throw new HttpError(404, 'Provided bridge was not found');
  return b;
}

/** A function read with no channel (ast_func_read2(NULL, ...)): the simulator knows none. */
function bridgeVar(b: Bridge, name: string): string {
  if (name.endsWith(')')) throw new HttpError(500, 'Unable to read provided function');
  const v = b.vars.get(name);
  if (v === undefined) throw new HttpError(404, 'Provided variable was not found');
  return v;
}

/** ari_bridges_handle_play: find_bridge, announcer_format, then stasis_app_control_play_uri. */
function play(r: Req, id?: string): Res {
  const b = bridge(r);
  const announcer = arg(r, 'announcer_format');
  if (announcer) RecordingEngine.checkFormat(announcer, 'announcer_format');
  const media = multi(r, 'media');
  const bad = !media || media.some((m) => m === '') || intArg(r, 'skipms') < 0 || intArg(r, 'offsetms') < 0;
  if (bad || !media) throw new HttpError(500, 'Failed to queue media for playback');
  const pb = r.core.playbacks.queue(id ?? arg(r, 'playbackId') ?? r.core.uuid(), media, `bridge:${b.id}`, arg(r, 'lang') || 'en', {
    skipMs: intArg(r, 'skipms'),
    offsetMs: intArg(r, 'offsetms'),
  });
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
  // ast_ari_bridges_add_channel: find_bridge, then control_list_create
  // then stasis_app_control_add_channel_to_bridge per channel: a recording channel's add rule
  // refuses (409) and stops the loop, the channels before it are already added
  addChannel: (r) => {
    const b = bridge(r);
    for (const ch of channelsArg(r)) {
      if (r.core.recordings.isRecording(`channel:${ch.id}`)) throw new HttpError(409, `Channel ${ch.id} currently recording`);
      r.core.bridges.add(b, [ch]);
    }
    return noContent();
  },
  removeChannel: (r) => {
    const b = bridge(r);
    const chans = channelsArg(r);
    if (chans.some((c) => c.bridgeId !== b.id)) throw new HttpError(422, 'Channel not in this bridge');
    for (const c of chans) r.core.bridges.removeFromBridge(c);
    return noContent();
  },
  // ast_ari_bridges_set_video_source: find_bridge, find_channel_control, membership
  // ast_ari_bridges_get_bridge_var: the name, find_bridge, ast_bridge_get_variable
  getBridgeVar: (r) => {
    const name = arg(r, 'variable');
    if (!name) throw new HttpError(400, 'Variable name is required');
    const v = bridge(r).vars.get(name);
    if (v === undefined) throw new HttpError(404, 'Provided variable was not found');
    return ok({ value: v });
  },
  // ast_ari_bridges_set_bridge_var: the name, then find_bridge
  setBridgeVar: (r) => {
    const name = arg(r, 'variable');
    if (!name) throw new HttpError(400, 'Variable name is required');
    bridge(r).vars.set(name, arg(r, 'value') ?? '');
    return noContent();
  },
  // ast_ari_bridges_get_bridge_vars: count, the bridge, then each name in order
  getBridgeVars: (r) => {
    const raw = multi(r, 'variables');
    if (!raw) throw new HttpError(400, 'At least one variable name is required');
    const b = anyBridge(r);
    const out: Record<string, string> = {};
    for (const part of raw) {
      const name = part.trim();
      if (!name) throw new HttpError(400, 'Variable names are required');
      out[name] = bridgeVar(b, name);
    }
    return ok({ variables: out });
  },
  // ast_ari_bridges_set_bridge_vars: body, the bridge, the object, each entry
  setBridgeVars: (r) => {
    if (r.body === undefined) throw new HttpError(400, "The 'variables' field is required");
    const b = anyBridge(r);
    const vars = bodyObject(r, 'variables');
    if (!vars) throw new HttpError(400, "The 'variables' field must be a JSON object");
    for (const [k, v] of variableValues(vars)) b.vars.set(k.trim(), v);
    return noContent();
  },
  setVideoSource: (r) => {
    const b = bridge(r);
    if (stasisChannel(r, r.path.channelId).bridgeId !== b.id) throw new HttpError(422, 'Channel not in this bridge');
    return noContent();
  },
  clearVideoSource: (r) => (bridge(r), noContent()),
  startMoh: (r) => (r.core.bridges.setAnnouncer(bridge(r).id, 'ARI_MOH', true), noContent()),
  stopMoh: (r) => {
    const b = bridge(r);
    // stasis_app_bridge_moh_stop fails without a MOH channel
    if (!b.announcers.has('ARI_MOH')) throw new HttpError(409, "Bridge isn't playing music");
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
