// /channels handlers.
import { HANGUP_REASONS, parseCallerId, type Channel, type OriginateTarget } from '../channel';
import { HttpError } from '../errors';
import { parseEndpoint } from '../engine';
import { arg, bodyObject, noContent, numArg, ok, type Handler, type Req, type Res } from '../router';

function channel(r: Req): Channel {
  const ch = r.core.engine.get(r.path.channelId);
  if (!ch) throw new HttpError(404, 'Channel not found');
  return ch;
}

function inStasis(r: Req): Channel {
  const ch = channel(r);
  if (!ch.stasisApp) throw new HttpError(409, 'Channel not in Stasis application');
  return ch;
}

function splitArgs(s: string | undefined): string[] {
  return s ? s.split(',') : [];
}

function originate(r: Req, channelId?: string): Res {
  const endpoint = arg(r, 'endpoint');
  if (!endpoint) throw new HttpError(400, 'Endpoint must be specified');
  const app = arg(r, 'app');
  const extension = arg(r, 'extension');
  if (!app && !extension) throw new HttpError(400, 'Application or extension must be specified');
  parseEndpoint(endpoint);
  const target: OriginateTarget = app
    ? { kind: 'app', app, args: splitArgs(arg(r, 'appArgs')) }
    : { kind: 'exten', context: arg(r, 'context') || 'default', exten: extension ?? 's', priority: numArg(r, 'priority', 1) };
  const vars = bodyObject(r, 'variables');
  const variables = vars ? Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, String(v)])) : undefined;
  const callerId = arg(r, 'callerId');
  const ch = r.core.engine.originate({
    endpoint,
    target,
    callerId: callerId ? parseCallerId(callerId) : undefined,
    variables,
    channelId: channelId ?? arg(r, 'channelId'),
    otherChannelId: arg(r, 'otherChannelId'),
    timeoutSec: numArg(r, 'timeout', 30),
  });
  return ok(ch.toJSON());
}

function play(r: Req, ch: Channel, playbackId?: string): Res {
  const media = arg(r, 'media');
  if (!media) throw new HttpError(500, 'Failed to queue media for playback');
  const id = playbackId ?? arg(r, 'playbackId') ?? r.core.uuid();
  const pb = r.core.playbacks.queue(id, media.split(','), `channel:${ch.id}`, arg(r, 'lang') || ch.language);
  return { status: 201, body: pb.toJSON(), location: `/ari/playbacks/${pb.id}` };
}

function hangupCause(r: Req): number {
  const reason = arg(r, 'reason');
  const code = arg(r, 'reason_code');
  if (reason !== undefined && code !== undefined) throw new HttpError(400, "The reason and reason_code can't both be specified");
  if (code !== undefined) {
    if (!/^\d+$/.test(code)) throw new HttpError(400, 'Invalid reason for hangup reason code provided');
    return Number(code);
  }
  if (reason !== undefined) {
    const c = HANGUP_REASONS[reason];
    if (c === undefined) throw new HttpError(400, 'Invalid reason for hangup reason provided');
    return c;
  }
  return 16;
}

const DIRECTIONS = new Set(['both', 'in', 'out']);

function builtinVar(ch: Channel, name: string): string | undefined {
  const fn = /^CHANNEL\((\w+)\)$/i.exec(name);
  if (fn) {
    const k = fn[1].toLowerCase();
    if (k === 'state') return ch.state;
    if (k === 'name') return ch.name;
    if (k === 'uniqueid') return ch.id;
    if (k === 'language') return ch.language;
  }
  const cid = /^CALLERID\((\w+)\)$/i.exec(name);
  if (cid) return cid[1].toLowerCase().startsWith('num') ? ch.caller.number : ch.caller.name;
  return ch.vars.get(name);
}

export const channelHandlers: Record<string, Handler> = {
  list: (r) => ok([...r.core.channels.values()].filter((c) => c.alive).map((c) => c.toJSON())),
  originate: (r) => originate(r),
  originateWithId: (r) => originate(r, r.path.channelId),
  create: (r) => {
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
  continueInDialplan: (r) => {
    const ch = inStasis(r);
    const prio = arg(r, 'priority');
    r.core.engine.continueInDialplan(ch, arg(r, 'context'), arg(r, 'extension'), prio ? Number(prio) : undefined);
    return noContent();
  },
  move: (r) => {
    const ch = inStasis(r);
    const app = arg(r, 'app');
    if (!app) throw new HttpError(400, 'Missing parameter app');
    r.core.engine.leaveStasis(ch);
    r.core.engine.enterStasis(ch, app, splitArgs(arg(r, 'appArgs')));
    return noContent();
  },
  redirect: (r) => {
    const ch = inStasis(r);
    if (!arg(r, 'endpoint')) throw new HttpError(400, 'Missing parameter endpoint');
    r.core.engine.hangup(ch, 16, false);
    return noContent();
  },
  answer: (r) => {
    const ch = inStasis(r);
    if (ch.state !== 'Up') r.core.engine.answer(ch);
    return noContent();
  },
  ring: (r) => (inStasis(r), noContent()),
  ringStop: (r) => (inStasis(r), noContent()),
  progress: (r) => (inStasis(r), noContent()),
  sendDTMF: (r) => {
    const ch = inStasis(r);
    const dtmf = arg(r, 'dtmf');
    if (!dtmf) throw new HttpError(400, 'DTMF is required');
    r.core.engine.sendDtmf(ch, dtmf, numArg(r, 'between', 100), numArg(r, 'duration', 100));
    return noContent();
  },
  mute: (r) => {
    const ch = inStasis(r);
    if (!DIRECTIONS.has(arg(r, 'direction') ?? 'both')) throw new HttpError(400, 'Invalid direction specified');
    void ch;
    return noContent();
  },
  unmute: (r) => {
    inStasis(r);
    if (!DIRECTIONS.has(arg(r, 'direction') ?? 'both')) throw new HttpError(400, 'Invalid direction specified');
    return noContent();
  },
  hold: (r) => (inStasis(r), noContent()),
  unhold: (r) => (inStasis(r), noContent()),
  startMoh: (r) => (inStasis(r), noContent()),
  stopMoh: (r) => (inStasis(r), noContent()),
  startSilence: (r) => (inStasis(r), noContent()),
  stopSilence: (r) => (inStasis(r), noContent()),
  play: (r) => play(r, inStasis(r)),
  playWithId: (r) => play(r, inStasis(r), r.path.playbackId),
  record: (r) => {
    const ch = inStasis(r);
    const rec = r.core.recordings.start(`channel:${ch.id}`, arg(r, 'name'), arg(r, 'format'), {
      maxSec: numArg(r, 'maxDurationSeconds', 0),
      ifExists: arg(r, 'ifExists') ?? 'fail',
      hasAudio: () => ch.hasAudio,
    });
    return { status: 201, body: rec.toJSON(), location: `/ari/recordings/live/${rec.name}` };
  },
  getChannelVar: (r) => {
    const name = arg(r, 'variable');
    if (!name) throw new HttpError(400, 'Variable name is required');
    const ch = channel(r);
    const v = builtinVar(ch, name);
    if (v === undefined) throw new HttpError(404, 'Provided variable was not found');
    return ok({ value: v });
  },
  setChannelVar: (r) => {
    const name = arg(r, 'variable');
    if (!name) throw new HttpError(400, 'Variable name is required');
    const ch = inStasis(r);
    r.core.engine.setVar(ch, name, arg(r, 'value') ?? '');
    return noContent();
  },
  snoopChannel: (r) => snoop(r),
  snoopChannelWithId: (r) => snoop(r, r.path.snoopId),
  dial: (r) => {
    const ch = channel(r);
    if (!ch.stasisApp) throw new HttpError(409, 'Channel not in Stasis application');
    r.core.engine.dial(ch, numArg(r, 'timeout', 0));
    return noContent();
  },
  rtpstatistics: (r) => (channel(r), { status: 404, body: { message: 'Statistics not available' } }),
  externalMedia: () => {
    throw new HttpError(501, 'Not implemented by the simulator');
  },
  transfer_progress: (r) => (inStasis(r), noContent()),
  getChannelVars: (r) => ok(Object.fromEntries(channel(r).vars)),
  setChannelVars: (r) => (inStasis(r), noContent()),
};

function snoop(r: Req, id?: string): Res {
  const ch = inStasis(r);
  const app = arg(r, 'app');
  if (!app) throw new HttpError(400, 'Missing parameter app');
  const s = r.core.engine.snoop(ch, app, splitArgs(arg(r, 'appArgs')), id ?? arg(r, 'snoopId'));
  return ok(s.toJSON());
}
