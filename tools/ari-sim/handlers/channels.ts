// /channels handlers.
import { HANGUP_REASONS, parseCallerId, type Channel, type OriginateTarget, type PartyId } from '../channel';
import { HttpError } from '../errors';
import { RecordingEngine } from '../recordings';
import { parseEndpoint } from '../engine';
import type { JsonObject } from '../json';
import { arg, bodyObject, intArg, multi, noContent, numArg, ok, type Handler, type Req, type Res } from '../router';

function channel(r: Req): Channel {
  const ch = r.core.engine.get(r.path.channelId);
  if (!ch) throw new HttpError(404, 'Channel not found');
  return ch;
}

/** resource_channels.c find_control: 404 for no channel, 409 for one outside Stasis. */
function inStasis(r: Req): Channel {
  const ch = channel(r);
  if (!ch.stasisApp) throw new HttpError(409, 'Channel not in Stasis application');
  return ch;
}

/**
 * find_control, then channel_state_invalid: the operations that act on the media of a channel
 * refuse an outbound channel that is not yet up (Down, Rsrvd, Ringing) with 412.
 */
function controllable(r: Req): Channel {
  const ch = inStasis(r);
  if (ch.state === 'Down' || ch.state === 'Rsrvd' || ch.state === 'Ringing') throw new HttpError(412, 'Channel in invalid state');
  return ch;
}

/** The lookups that use ast_channel_get_by_name directly (variables, snoop) word their 404 so. */
function anyChannel(r: Req): Channel {
  const ch = r.core.engine.get(r.path.channelId);
  if (!ch) throw new HttpError(404, 'Provided channel was not found');
  return ch;
}

/** mute/unmute: the glue applies no default, so a missing direction is "required". */
function direction(r: Req): void {
  const d = arg(r, 'direction');
  if (!d) throw new HttpError(400, 'Direction is required');
  if (!DIRECTIONS.has(d)) throw new HttpError(400, 'Invalid direction specified');
}

function splitArgs(s: string | undefined): string[] {
  return s ? s.split(',') : [];
}

/** ari_channels_handle_originate_with_id: above 0 as given, -1 none, anything else 30 s. */
function originateTimeout(t: number): number {
  return t > 0 ? t : t === -1 ? Infinity : 30;
}

/** Only a callerId with a name or a number is applied (`!ast_strlen_zero(cid_num) || ...name`). */
function parsedCallerId(raw: string | undefined): PartyId | undefined {
  const cid = raw ? parseCallerId(raw) : undefined;
  return cid && (cid.name || cid.number) ? cid : undefined;
}

/** ari_channels_handle_originate_with_id: ids, endpoint, originator+formats, tech/resource, target. */
function originate(r: Req, channelId?: string): Res {
  // ast_ari_channels_originate parses the body's variables before anything else
  const vars = bodyObject(r, 'variables');
  const variables = vars ? Object.fromEntries(variableValues(vars)) : undefined;
  const ids = [channelId ?? arg(r, 'channelId'), arg(r, 'otherChannelId')];
  if (ids.some((id) => id !== undefined && id.length > AST_MAX_PUBLIC_UNIQUEID)) {
    throw new HttpError(400, `Uniqueid length exceeds maximum of ${AST_MAX_PUBLIC_UNIQUEID}`);
  }
  const endpoint = arg(r, 'endpoint');
  if (!endpoint) throw new HttpError(400, 'Endpoint must be specified');
  if (arg(r, 'originator') && arg(r, 'formats')) throw new HttpError(400, "Originator and formats can't both be specified");
  parseEndpoint(endpoint);
  const app = arg(r, 'app');
  const extension = arg(r, 'extension');
  if (!app && !extension) throw new HttpError(400, 'Application or extension must be specified');
  const label = arg(r, 'label');
  const priority = !app && label ? labelPriority(label) : intArg(r, 'priority') || 1;
  const originator = arg(r, 'originator');
  if (originator && !r.core.engine.get(originator)) throw new HttpError(400, 'Provided originator channel was not found');
  const target: OriginateTarget = app
    ? { kind: 'app', app, args: splitArgs(arg(r, 'appArgs')) }
    : { kind: 'exten', context: arg(r, 'context') || 'default', exten: extension ?? 's', priority };
  const callerId = arg(r, 'callerId');
  const ch = r.core.engine.originate({
    endpoint,
    target,
    callerId: parsedCallerId(callerId),
    variables,
    channelId: channelId ?? arg(r, 'channelId'),
    otherChannelId: arg(r, 'otherChannelId'),
    timeoutSec: originateTimeout(intArg(r, 'timeout')),
  });
  return ok(ch.toJSON());
}

/** ari_channels_handle_play after find_control and channel_state_invalid. */
function play(r: Req, ch: Channel, playbackId?: string): Res {
  if (intArg(r, 'skipms') < 0) throw new HttpError(400, 'skipms cannot be negative');
  if (intArg(r, 'offsetms') < 0) throw new HttpError(400, 'offsetms cannot be negative');
  const media = multi(r, 'media');
  // stasis_app_control_play_uri: no media, or an empty URI in the list, queues nothing
  if (!media || media.some((m) => m === '')) throw new HttpError(500, 'Failed to queue media for playback');
  const id = playbackId ?? arg(r, 'playbackId') ?? r.core.uuid();
  const pb = r.core.playbacks.queue(id, media, `channel:${ch.id}`, arg(r, 'lang') || ch.language, {
    skipMs: intArg(r, 'skipms'),
    offsetMs: intArg(r, 'offsetms'),
  });
  return { status: 201, body: pb.toJSON(), location: `/ari/playbacks/${pb.id}` };
}

/** ast_ari_channels_hangup after the lookup: empty values count as absent; reason_code is sscanf("%30d"). */
function hangupCause(r: Req): number {
  const reason = arg(r, 'reason');
  const code = arg(r, 'reason_code');
  if (reason && code) throw new HttpError(400, "The reason and reason_code can't both be specified");
  if (code) {
    const m = /^\s*([+-]?\d+)/.exec(code);
    if (!m) throw new HttpError(400, 'Invalid reason for hangup reason code provided');
    return Number(m[1]);
  }
  if (reason) {
    const c = Object.hasOwn(HANGUP_REASONS, reason) ? HANGUP_REASONS[reason] : undefined;
    if (c === undefined) throw new HttpError(400, 'Invalid reason for hangup reason provided');
    return c;
  }
  return 16;
}

const DIRECTIONS = new Set(['both', 'in', 'out']);

/** include/asterisk/channel.h */
const AST_MAX_PUBLIC_UNIQUEID = 149;

/**
 * A `label`: sscanf("%30d") takes a leading number as the priority (0 is "illegal"); otherwise
 * ast_findlabel_extension, and the simulator's dialplan has no labels.
 */
function labelPriority(label: string): number {
  const m = /^\s*([+-]?\d+)/.exec(label);
  if (!m) throw new HttpError(404, 'Requested label can not be found');
  const n = Number(m[1]);
  if (n === 0) throw new HttpError(400, 'Requested priority is illegal');
  return n;
}

const FUNCTION_VAR = /^([A-Z_]+)\((.*)\)$/i;

/** The dialplan functions the simulator can read; undefined = the read fails. */
function builtinFunction(ch: Channel, name: string): string | undefined {
  const m = FUNCTION_VAR.exec(name);
  if (!m) return undefined;
  const fn = m[1].toUpperCase();
  const a = m[2].trim().toLowerCase();
  if (fn === 'CHANNEL') {
    if (a === 'state') return ch.state;
    if (a === 'name') return ch.name;
    if (a === 'uniqueid') return ch.id;
    if (a === 'language') return ch.language;
    if (a === 'channeltype') return ch.name.slice(0, ch.name.indexOf('/'));
    return undefined;
  }
  if (fn === 'CALLERID') {
    if (a.startsWith('num')) return ch.caller.number;
    if (a === 'name') return ch.caller.name;
    if (a === 'all') return ch.caller.name ? `"${ch.caller.name}" <${ch.caller.number}>` : ch.caller.number;
    return undefined;
  }
  return undefined;
}

export const channelHandlers: Record<string, Handler> = {
  list: (r) => ok([...r.core.channels.values()].filter((c) => c.alive).map((c) => c.toJSON())),
  originate: (r) => originate(r),
  originateWithId: (r) => originate(r, r.path.channelId),
  // ast_ari_channels_create: variables, originator+formats, endpoint, tech/resource, allocation.
  create: (r) => {
    const vars = bodyObject(r, 'variables');
    if (vars) variableValues(vars);
    if (arg(r, 'originator') && arg(r, 'formats')) throw new HttpError(400, "Originator and formats can't both be specified");
    const endpoint = arg(r, 'endpoint');
    if (!endpoint) throw new HttpError(400, 'Endpoint must be specified');
    const ch = r.core.engine.create(endpoint, arg(r, 'app'), splitArgs(arg(r, 'appArgs')), arg(r, 'channelId'), arg(r, 'otherChannelId'));
    return ok(ch.toJSON());
  },
  get: (r) => ok(channel(r).toJSON()),
  hangup: (r) => {
    const ch = channel(r);
    const cause = hangupCause(r);
    r.core.engine.hangup(ch, cause, true);
    return noContent();
  },
  // ast_ari_channels_continue_in_dialplan: find_control, channel_state_invalid, then the label.
  continueInDialplan: (r) => {
    const ch = controllable(r);
    const label = arg(r, 'label');
    const prio = label ? labelPriority(label) : intArg(r, 'priority') || undefined;
    r.core.engine.continueInDialplan(ch, arg(r, 'context'), arg(r, 'extension'), prio);
    return noContent();
  },
  move: (r) => {
    const ch = inStasis(r);
    const app = arg(r, 'app');
    // Asterisk strlen()s a missing app (a crash); the simulator answers 400 instead.
    if (!app) throw new HttpError(400, 'Missing parameter app');
    const args = splitArgs(arg(r, 'appArgs'));
    if (!r.core.hub.isRegistered(app)) {
      // stasis_app_exec: "Could not move to Stasis app ... not registered/active" - the channel
      // stays and its current app gets ApplicationMoveFailed (the request was already 204)
      const current = ch.stasisApp;
      r.core.timers.after(0, () => {
        if (!ch.alive || ch.stasisApp !== current || !current) return;
        r.core.emit('ApplicationMoveFailed', { channel: ch.toJSON(), destination: app, args }, { onlyApp: current });
      });
      return noContent();
    }
    r.core.engine.leaveStasis(ch);
    r.core.engine.enterStasis(ch, app, args);
    return noContent();
  },
  // ast_ari_channels_redirect: endpoint checks come after find_control and the state check.
  redirect: (r) => {
    const ch = controllable(r);
    const endpoint = arg(r, 'endpoint');
    if (!endpoint) throw new HttpError(400, "Required parameter 'endpoint' not provided.");
    const slash = endpoint.indexOf('/');
    if (slash <= 0) throw new HttpError(422, `Endpoint parameter '${endpoint}' does not contain tech/resource`);
    if (slash === endpoint.length - 1) throw new HttpError(422, `No resource provided in endpoint parameter '${endpoint}'`);
    const tech = endpoint.slice(0, slash);
    const type = ch.name.slice(0, ch.name.indexOf('/'));
    if (type.slice(0, tech.length).toLowerCase() !== tech.toLowerCase()) {
      throw new HttpError(422, `Endpoint technology '${tech}' does not match channel technology '${type}'`);
    }
    r.core.engine.hangup(ch, 16, false);
    return noContent();
  },
  answer: (r) => {
    const ch = controllable(r);
    if (ch.state !== 'Up') r.core.engine.answer(ch);
    return noContent();
  },
  ring: (r) => (controllable(r), noContent()),
  ringStop: (r) => (controllable(r), noContent()),
  progress: (r) => (controllable(r), noContent()),
  sendDTMF: (r) => {
    const ch = controllable(r);
    const dtmf = arg(r, 'dtmf');
    if (!dtmf) throw new HttpError(400, 'DTMF is required');
    r.core.engine.sendDtmf(ch, dtmf, numArg(r, 'between', 100), numArg(r, 'duration', 100));
    return noContent();
  },
  mute: (r) => (controllable(r), direction(r), noContent()),
  unmute: (r) => (controllable(r), direction(r), noContent()),
  hold: (r) => (controllable(r), noContent()),
  unhold: (r) => (controllable(r), noContent()),
  startMoh: (r) => (controllable(r), noContent()),
  stopMoh: (r) => (controllable(r), noContent()),
  startSilence: (r) => (controllable(r), noContent()),
  stopSilence: (r) => (controllable(r), noContent()),
  play: (r) => play(r, controllable(r)),
  playWithId: (r) => play(r, controllable(r), r.path.playbackId),
  // ast_ari_channels_record: negative limits, find_control, terminateOn, ifExists, format, then
  // stasis_app_control_record (name, existing file, recording in progress).
  record: (r) => {
    if (intArg(r, 'maxDurationSeconds') < 0) throw new HttpError(400, 'max_duration_seconds cannot be negative');
    if (intArg(r, 'maxSilenceSeconds') < 0) throw new HttpError(400, 'max_silence_seconds cannot be negative');
    const ch = inStasis(r);
    RecordingEngine.checkOptions(arg(r, 'terminateOn'), arg(r, 'ifExists'));
    const format = arg(r, 'format');
    RecordingEngine.checkFormat(format);
    const rec = r.core.recordings.start(`channel:${ch.id}`, arg(r, 'name'), format ?? '', {
      maxSec: intArg(r, 'maxDurationSeconds'),
      maxSilenceSec: intArg(r, 'maxSilenceSeconds'),
      ifExists: arg(r, 'ifExists'),
      hasAudio: () => ch.hasAudio,
      inBridge: () => ch.bridgeId !== undefined,
    });
    return { status: 201, body: rec.toJSON(), location: `/ari/recordings/live/${encodeURIComponent(rec.name)}` };
  },
  // ast_ari_channels_get_channel_var: variable, then ast_channel_get_by_name (not find_control).
  getChannelVar: (r) => {
    const name = arg(r, 'variable');
    if (!name) throw new HttpError(400, 'Variable name is required');
    return ok({ value: readVar(r, anyChannel(r), name) });
  },
  // ast_ari_channels_set_channel_var: variable first, then find_control.
  setChannelVar: (r) => {
    const name = arg(r, 'variable');
    if (!name) throw new HttpError(400, 'Variable name is required');
    // the write runs on the channel's thread; a failing function write is only logged (204)
    r.core.engine.writeVar(inStasis(r), name, arg(r, 'value'));
    return noContent();
  },
  snoopChannel: (r) => snoop(r),
  snoopChannelWithId: (r) => snoop(r, r.path.snoopId),
  // ast_ari_channels_dial: find_control, state Down/Rsrvd, then the ARI dialstring.
  dial: (r) => {
    const ch = inStasis(r);
    if (ch.state !== 'Down' && ch.state !== 'Rsrvd') throw new HttpError(409, "Channel is not in the 'Down' state");
    r.core.engine.dial(ch, intArg(r, 'timeout'));
    return noContent();
  },
  // ast_ari_channels_rtpstatistics: Local and Snoop channels have no RTP glue.
  rtpstatistics: (r) => {
    const ch = channel(r);
    if (!ch.name.startsWith('PJSIP/')) throw new HttpError(403, 'Unsupported channel type');
    throw new HttpError(404, 'RTP info not found');
  },
  externalMedia: () => {
    throw new HttpError(501, 'Not implemented by the simulator');
  },
  // ast_ari_channels_transfer_progress: find_control, then the states value.
  transfer_progress: (r) => {
    inStasis(r);
    const states = arg(r, 'states');
    if (!states) throw new HttpError(400, 'states must not be empty');
    if (!TRANSFER_STATES.has(states.toLowerCase())) throw new HttpError(400, 'Invalid states value');
    return noContent();
  },
  // ast_ari_channels_get_channel_vars: count, channel, then each name in order.
  getChannelVars: (r) => {
    const names = multi(r, 'variables');
    if (!names) throw new HttpError(400, 'At least one variable name is required');
    const ch = anyChannel(r);
    const out: Record<string, string> = {};
    for (const raw of names) {
      const name = raw.trim();
      if (!name) throw new HttpError(400, 'Variable names are required');
      out[name] = readVar(r, ch, name);
    }
    return ok({ variables: out });
  },
  // ast_ari_channels_set_channel_vars: body, ast_channel_get_by_name, find_control, then the object.
  setChannelVars: (r) => {
    if (r.body === undefined) throw new HttpError(400, "The 'variables' field is required");
    const ch = anyChannel(r);
    if (!ch.stasisApp) throw new HttpError(409, 'Channel not in Stasis application');
    const vars = bodyObject(r, 'variables');
    if (!vars) throw new HttpError(400, "The 'variables' field must be a JSON object");
    const values = variableValues(vars);
    for (const [k, v] of values) r.core.engine.writeVar(ch, k.trim(), v);
    return noContent();
  },
};

const TRANSFER_STATES = new Set(['channel_progress', 'channel_answered', 'channel_unavailable', 'channel_declined']);

/** json_to_ast_variables: strings, or objects with a string `value` and a boolean `report_events`. */
export function variableValues(vars: JsonObject): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(vars)) {
    if (!k) continue;
    if (typeof v === 'string') out.push([k, v]);
    else if (v && typeof v === 'object' && !Array.isArray(v)) {
      if (typeof v.value !== 'string') throw new HttpError(400, "Each object value in 'variables' must include string field 'value'");
      if ('report_events' in v && typeof v.report_events !== 'boolean') {
        throw new HttpError(400, "Field 'report_events' in 'variables' entries must be boolean");
      }
      out.push([k, v.value]);
    } else {
      throw new HttpError(400, "Each value in 'variables' must be a string or an object with 'value' and optional 'report_events'");
    }
  }
  return out;
}

/**
 * ast_func_read2 for a name ending in ")" (unknown function or field: 500), else
 * ast_str_retrieve_variable (unset: 404).
 */
function readVar(r: Req, ch: Channel, name: string): string {
  if (name.endsWith(')')) {
    const v = builtinFunction(ch, name);
    if (v === undefined) throw new HttpError(500, 'Unable to read provided function');
    return v;
  }
  const v = retrieveVariable(r, ch, name);
  if (v === undefined) throw new HttpError(404, 'Provided variable was not found');
  return v;
}

/**
 * ast_str_retrieve_variable: the channel's predefined names, then EPOCH/SYSTEMNAME/ENTITYID,
 * then the channel's variables (compared without their leading "_"/"__"), then the globals.
 */
export function retrieveVariable(r: Req, ch: Channel | undefined, name: string): string | undefined {
  if (ch) {
    const predefined: Record<string, string> = {
      CHANNEL: ch.name,
      UNIQUEID: ch.id,
      EXTEN: ch.dialplan.exten,
      CONTEXT: ch.dialplan.context,
      PRIORITY: String(ch.dialplan.priority),
      HANGUPCAUSE: '0',
      CALLINGPRES: '0',
      CALLINGANI2: '0',
      CALLINGTON: '0',
      CALLINGTNS: '0',
    };
    if (Object.hasOwn(predefined, name)) return predefined[name];
  }
  if (name === 'EPOCH') return String(Math.floor(Date.now() / 1000));
  if (name === 'SYSTEMNAME') return '';
  if (name === 'ENTITYID') return r.core.hub.asteriskId;
  return ch?.vars.get(name) ?? r.core.globals.get(name);
}

// ari_channels_handle_snoop_channel: spy, whisper, "at least one", app, then the channel (any
// channel, in Stasis or not: 404 only when it does not exist).
function snoop(r: Req, id?: string): Res {
  const spy = arg(r, 'spy');
  if (spy && !SNOOP_DIRECTIONS.has(spy)) throw new HttpError(400, 'Invalid direction specified for spy');
  const whisper = arg(r, 'whisper');
  if (whisper && !SNOOP_DIRECTIONS.has(whisper)) throw new HttpError(400, 'Invalid direction specified for whisper');
  if ((!spy || spy === 'none') && (!whisper || whisper === 'none')) {
    throw new HttpError(400, 'Direction must be specified for at least spy or whisper');
  }
  const app = arg(r, 'app');
  if (!app) throw new HttpError(400, 'Application name is required');
  const ch = anyChannel(r);
  const s = r.core.engine.snoop(ch, app, splitArgs(arg(r, 'appArgs')), id ?? arg(r, 'snoopId'));
  return ok(s.toJSON());
}

const SNOOP_DIRECTIONS = new Set(['none', 'both', 'out', 'in']);
