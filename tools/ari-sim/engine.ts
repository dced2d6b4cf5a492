// Channel engine: Local pairs, originate/create/dial, the dialplan runner, Stasis entry and
// exit, and hangups with the event sequences and causes a real Asterisk 22 produces.
import { Channel, causeText, parseCallerId, type OriginateTarget, type PartyId } from './channel';
import type { SimCore } from './core';
import { HttpError } from './errors';
import { soundLength } from './sounds';

/** Answer() waits this long for media before the next priority runs (seen in every file). */
const ANSWER_MEDIA_WAIT_MS = 500;

export interface OriginateParams {
  endpoint: string;
  target?: OriginateTarget;
  callerId?: PartyId;
  variables?: Record<string, string>;
  channelId?: string;
  otherChannelId?: string;
  timeoutSec?: number;
}

export interface ParsedEndpoint {
  tech: string;
  resource: string;
  exten: string;
  context: string;
}

export function parseEndpoint(endpoint: string): ParsedEndpoint {
  const slash = endpoint.indexOf('/');
  if (slash <= 0 || slash === endpoint.length - 1) throw new HttpError(400, 'Invalid endpoint specified');
  const tech = endpoint.slice(0, slash);
  const resource = endpoint.slice(slash + 1);
  const [exten, context = 'default'] = resource.split('@');
  return { tech, resource, exten, context: context.split('/')[0] };
}

export class ChannelEngine {
  private snoopSeq = 0;
  private pjsipSeq = 0;
  constructor(private readonly core: SimCore) {}

  get(id: string): Channel | undefined {
    const ch = this.core.channels.get(id);
    return ch && ch.alive ? ch : undefined;
  }

  private newChannel(name: string, context: string, exten: string, half: 0 | 1 | 2, device: string, id?: string): Channel {
    const useId = id && id.length > 0 ? id : this.core.nextUniqueId();
    if (id && this.core.channels.has(id)) throw new HttpError(409, 'Channel with given unique ID already exists');
    const ch = new Channel(useId, name, context, exten, half, device);
    this.core.channels.set(ch.id, ch);
    return ch;
  }

  private localPair(p: ParsedEndpoint, id1?: string, id2?: string): [Channel, Channel] {
    // both ids are checked before either half exists (ast_channel_alloc fails as a whole)
    if ((id2 && this.core.channels.has(id2)) || (id1 && id1 === id2)) throw new HttpError(409, 'Channel with given unique ID already exists');
    const base = `Local/${p.exten}@${p.context}-${this.core.nextLocalSuffix()}`;
    const device = `Local/${p.exten}@${p.context}`;
    const a = this.newChannel(`${base};1`, p.context, p.exten, 1, device, id1);
    const b = this.newChannel(`${base};2`, p.context, p.exten, 2, device, id2);
    a.peer = b;
    b.peer = a;
    b.state = 'Ring';
    return [a, b];
  }

  private checkTech(p: ParsedEndpoint): void {
    if (p.tech === 'Local') return;
    if (p.tech === 'PJSIP' && this.core.endpoints.get('PJSIP', p.resource)) return;
    throw new HttpError(500, 'Allocation failed', 'error');
  }

  /** POST /channels: the ;1 half is returned; ;2 runs the endpoint's extension. */
  originate(o: OriginateParams): Channel {
    const p = parseEndpoint(o.endpoint);
    this.checkTech(p);
    if (p.tech === 'PJSIP') return this.originatePjsip(p, o);
    const [a, b] = this.localPair(p, o.channelId, o.otherChannelId);
    a.dialplan.app_name = 'AppDial2';
    a.dialplan.app_data = '(Outgoing Line)';
    if (o.callerId) {
      a.caller = { ...o.callerId };
      a.connected = { ...o.callerId };
    }
    const bodyCaller = o.variables?.['CALLERID(name)'];
    if (bodyCaller !== undefined) a.caller.name = bodyCaller;
    const bodyNum = o.variables?.['CALLERID(num)'];
    if (bodyNum !== undefined) a.caller.number = bodyNum;
    const ev = this.core;
    ev.channelEvent('ChannelCreated', a);
    ev.channelEvent('ChannelCreated', b);
    const app = o.target?.kind === 'app' ? o.target.app : undefined;
    if (!this.core.dialplan.lookup(p.context, p.exten)) {
      // Surprise 5: 200, then both halves go with cause 0, no Dial and no hangup request.
      ev.channelEvent('ChannelDialplan', a, { dialplan_app: 'AppDial2', dialplan_app_data: '(Outgoing Line)' });
      if (app) this.subscribe(app, a, b);
      this.core.timers.after(20, () => this.vanish([b, a], 0));
      return a;
    }
    if (o.callerId) {
      // the ;1 half's own caller id update comes before the app is subscribed (02 vs 22)
      ev.channelEvent('ChannelCallerId', a, { caller_presentation: 0, caller_presentation_txt: 'Presentation Allowed, Not Screened' });
      ev.channelEvent('ChannelConnectedLine', a);
    }
    ev.channelEvent('ChannelDialplan', a, { dialplan_app: 'AppDial2', dialplan_app_data: '(Outgoing Line)' });
    if (app) this.subscribe(app, a, b);
    for (const [k, v] of Object.entries(o.variables ?? {})) {
      if (k.includes('(')) continue;
      a.vars.set(k, v);
      b.vars.set(k, v);
      ev.channelEvent('ChannelVarset', b, { variable: k, value: v });
    }
    if (o.callerId) {
      b.caller = { ...o.callerId };
      ev.channelEvent('ChannelCallerId', b, { caller_presentation: 0, caller_presentation_txt: 'Presentation Allowed, Not Screened' });
    }
    if (o.callerId || o.variables) {
      b.connected = { ...a.caller };
      ev.channelEvent('ChannelConnectedLine', b);
    }
    const dialstring = `${p.exten}@${p.context}`;
    a.dialing = { dialstring, target: o.target };
    this.dialEvent(a, '', dialstring);
    this.markInUse(a);
    this.armDialTimeout(a, (o.timeoutSec ?? 30) * 1000, true);
    this.core.timers.after(0, () => this.runDialplan(b, p.context, p.exten, 1));
    return a;
  }

  private originatePjsip(p: ParsedEndpoint, o: OriginateParams): Channel {
    const ep = this.core.endpoints.get('PJSIP', p.resource);
    const name = `PJSIP/${p.resource}-${(this.pjsipSeq++).toString(16).padStart(8, '0')}`;
    const ch = this.newChannel(name, 'default', 's', 0, `PJSIP/${p.resource}`, o.channelId);
    if (o.callerId) ch.caller = { ...o.callerId };
    this.core.channelEvent('ChannelCreated', ch);
    const app = o.target?.kind === 'app' ? o.target.app : undefined;
    if (app) this.subscribe(app, ch);
    this.dialEvent(ch, '', p.resource);
    if (!ep || ep.state !== 'online') {
      this.core.timers.after(20, () => this.finishDial(ch, 'CHANUNAVAIL', 20));
      return ch;
    }
    this.setState(ch, 'Ringing');
    this.dialEvent(ch, 'RINGING', '');
    ch.dialing = { dialstring: p.resource, target: o.target };
    this.core.timers.after(1500, () => {
      if (!ch.alive) return;
      this.setState(ch, 'Up');
      this.dialEvent(ch, 'ANSWER', '');
      ch.dialing = undefined;
      this.toTarget(ch, o.target);
    });
    return ch;
  }

  private finishDial(ch: Channel, status: string, cause: number): void {
    if (!ch.alive) return;
    this.dialEvent(ch, status, '');
    this.destroy(ch, cause);
  }

  /** POST /channels/create: ;1 enters Stasis at once in state Down; ;2 waits for /dial. */
  create(endpoint: string, app: string | undefined, args: string[], channelId?: string, otherId?: string): Channel {
    const p = parseEndpoint(endpoint);
    this.checkTech(p);
    if (p.tech !== 'Local') throw new HttpError(500, 'Allocation failed', 'error');
    const [a, b] = this.localPair(p, channelId, otherId);
    this.core.channelEvent('ChannelCreated', a);
    this.core.channelEvent('ChannelCreated', b);
    if (!app) {
      // Surprise 6: 200; ;1 runs Stasis((null)), fails, and both halves go with cause 0.
      this.core.timers.after(50, () => {
        if (!a.alive) return;
        a.dialplan = { ...a.dialplan, app_name: 'Stasis', app_data: '(null)' };
        this.core.channelEvent('ChannelDialplan', a, { dialplan_app: 'Stasis', dialplan_app_data: '(null)' });
        this.setVar(a, 'STASISSTATUS', '');
        this.setVar(a, 'STASISSTATUS', 'FAILED');
        this.destroy(b, 0);
        this.destroy(a, 0);
        for (let i = 0; i < 2; i++) this.core.deviceStates.localDevice(a.device, 'NOT_INUSE');
      });
      return a;
    }
    this.subscribe(app, a);
    a.dialplan = { ...a.dialplan, app_name: 'Stasis', app_data: [app, ...args].join(',') };
    this.core.channelEvent('ChannelDialplan', a, { dialplan_app: 'Stasis', dialplan_app_data: a.dialplan.app_data });
    this.enterStasis(a, app, args);
    return a;
  }

  /** POST /channels/{id}/dial on a created ;1 half. */
  dial(a: Channel, timeoutSec: number): void {
    if (a.state !== 'Down') throw new HttpError(409, "Channel is not in the 'Down' state");
    const b = a.peer;
    if (!b || !b.alive) throw new HttpError(409, "Channel is not in the 'Down' state");
    const ctx = b.dialplan.context;
    const exten = b.dialplan.exten;
    this.core.timers.after(0, () => {
      if (!a.alive || !b.alive) return;
      this.core.channelEvent('ChannelVarset', b, { variable: 'STASISSTATUS', value: '' });
      if (!this.core.dialplan.lookup(ctx, exten)) {
        // Surprise 5: ;2 cause 0, ;1 cause 16, no Dial events, no hangup request.
        this.destroy(b, 0);
        this.leaveStasis(a);
        this.destroy(a, 16);
        for (let i = 0; i < 2; i++) this.core.deviceStates.localDevice(a.device, 'INVALID');
        return;
      }
      a.dialing = { dialstring: '' };
      this.markInUse(a);
      this.dialEvent(a, '', `${exten}@${ctx}`);
      // app_control_dial: set_timeout only for a timeout above 0; otherwise it rings on
      this.armDialTimeout(a, timeoutSec > 0 ? timeoutSec * 1000 : Infinity, false);
      this.runDialplan(b, ctx, exten, 1);
    });
  }

  private armDialTimeout(a: Channel, ms: number, originate: boolean): void {
    if (!a.dialing || !Number.isFinite(ms)) return;
    a.dialing.timeout = this.core.timers.after(ms, () => {
      if (!a.alive || !a.dialing) return;
      a.dialing = undefined;
      // No final Dial event on timeout (surprise 7): the caller half is hung up, cause 19.
      if (originate) this.hangup(a, 19, false);
      else this.hangup(a, 19, true);
    });
  }

  /** The Local device is in use from the moment the far half starts (one event), again on answer. */
  private markInUse(a: Channel): void {
    a.answeredOnce = true;
    this.core.deviceStates.localDevice(a.device, 'INUSE');
  }

  dialEvent(peer: Channel, status: string, dialstring: string): void {
    this.core.emit('Dial', { dialstatus: status, forward: '', dialstring, peer: peer.toJSON() }, { channels: [peer.id] });
  }

  setState(ch: Channel, state: string): void {
    if (ch.state === state) return;
    ch.state = state;
    this.core.channelEvent('ChannelStateChange', ch);
  }

  subscribe(app: string, ...chans: Channel[]): void {
    const a = this.core.hub.app(app);
    if (!a) return;
    for (const c of chans) a.channels.set(c.id, 'explicit');
  }

  // ------------------------------------------------------------------ dialplan runner

  runDialplan(ch: Channel, context: string, exten: string, priority: number): void {
    if (!ch.alive) return;
    const steps = this.core.dialplan.lookup(context, exten);
    if (!steps || priority < 1 || priority > steps.length) {
      this.hangup(ch, steps ? 16 : 1, false);
      return;
    }
    const s = steps[priority - 1];
    ch.dialplan = { context, exten, priority, app_name: s.app, app_data: s.data };
    this.core.channelEvent('ChannelDialplan', ch, { dialplan_app: s.app, dialplan_app_data: s.data });
    const next = (ms = 0): void => {
      if (ms <= 0) this.runDialplan(ch, context, exten, priority + 1);
      else ch.step = this.core.timers.after(ms, () => this.runDialplan(ch, context, exten, priority + 1));
    };
    const args = s.data.split(',').map((x) => x.trim());
    switch (s.app.toLowerCase()) {
      case 'answer':
        if (ch.state === 'Up') return next();
        this.answer(ch);
        return next(this.core.opts.answerMediaWaitMs ?? ANSWER_MEDIA_WAIT_MS);
      case 'wait':
        return next(Number(args[0] || 0) * 1000);
      case 'musiconhold':
        this.answerIfNeeded(ch);
        return next(args[1] ? Number(args[1]) * 1000 : 3600_000);
      case 'echo':
        this.answerIfNeeded(ch);
        return;
      case 'playback':
        this.answerIfNeeded(ch);
        return next(soundLength(args[0] ?? '', ch.language) ?? 0);
      case 'ringing':
        if (ch.peer?.dialing) {
          this.setState(ch.peer, 'Ringing');
          this.dialEvent(ch.peer, 'RINGING', '');
        }
        return next();
      case 'busy':
        this.peerResult(ch, 'BUSY', 17);
        return;
      case 'congestion':
        this.peerResult(ch, 'CONGESTION', 34);
        return;
      case 'hangup':
        return this.hangup(ch, Number(args[0]) || 16, false);
      case 'set': {
        const eq = s.data.indexOf('=');
        if (eq > 0) this.setVar(ch, s.data.slice(0, eq), s.data.slice(eq + 1));
        return next();
      }
      case 'goto': {
        const g = args.length >= 3 ? args : args.length === 2 ? [context, ...args] : [context, exten, args[0]];
        return this.runDialplan(ch, g[0], g[1], Number(g[2]) || 1);
      }
      case 'stasis': {
        const [app, ...appArgs] = s.data.split(',');
        if (this.core.hub.isRegistered(app)) {
          this.enterStasis(ch, app, appArgs);
          return;
        }
        this.setVar(ch, 'STASISSTATUS', 'FAILED');
        return next();
      }
      default:
        return next();
    }
  }

  private answerIfNeeded(ch: Channel): void {
    if (ch.state !== 'Up') this.answer(ch);
  }

  /** Busy()/Congestion() on the far half: the dialing half learns the result. */
  private peerResult(b: Channel, status: string, cause: number): void {
    const a = b.peer;
    if (a?.dialing) {
      const originate = a.dialing.target !== undefined;
      this.core.timers.cancel(a.dialing.timeout);
      a.dialing = undefined;
      this.dialEvent(a, status, '');
      if (originate) {
        this.vanish([b, a], cause);
        return;
      }
      // Surprise 7: BUSY leaves the Stasis half in place (state Down) until the app hangs up;
      // the far half shows state Busy and gives up after Busy()'s timeout.
      this.setState(b, status === 'BUSY' ? 'Busy' : b.state);
      b.step = this.core.timers.after((Number(b.dialplan.app_data) || 10) * 1000, () => {
        if (!b.alive) return;
        b.peer = undefined;
        a.peer = undefined;
        this.hangup(b, cause, false);
      });
      return;
    }
    this.hangup(b, cause, false);
  }

  /** Answers a channel; for the ;2 half of a Local pair the waiting ;1 half is answered too. */
  answer(ch: Channel): void {
    this.setState(ch, 'Up');
    const a = ch.half === 2 ? ch.peer : undefined;
    if (!a || !a.alive || !a.dialing) return;
    const dialing = a.dialing;
    a.dialing = undefined;
    this.core.timers.cancel(dialing.timeout);
    this.setState(a, 'Up');
    this.dialEvent(a, 'ANSWER', dialing.dialstring);
    a.answeredOnce = true;
    this.core.deviceStates.localDevice(ch.device, 'INUSE');
    this.toTarget(a, dialing.target);
  }

  private toTarget(a: Channel, target: OriginateTarget | undefined): void {
    if (!target) return;
    if (target.kind === 'application') {
      if (target.app.toLowerCase() === 'stasis') {
        const [app, ...args] = target.data.split(',');
        if (this.core.hub.isRegistered(app)) this.enterStasis(a, app, args);
        else this.hangup(a, 16, false);
        return;
      }
      a.dialplan = { ...a.dialplan, app_name: target.app, app_data: target.data };
      this.core.channelEvent('ChannelDialplan', a, { dialplan_app: target.app, dialplan_app_data: target.data });
      const secs = target.app.toLowerCase() === 'wait' ? Number(target.data) || 0 : 0;
      if (secs > 0) a.step = this.core.timers.after(secs * 1000, () => this.hangup(a, 16, false));
    } else if (target.kind === 'app') {
      a.dialplan = { ...a.dialplan, app_name: 'Stasis', app_data: [target.app, ...target.args].join(',') };
      if (this.core.hub.isRegistered(target.app)) this.enterStasis(a, target.app, target.args);
      else this.hangup(a, 16, false);
    } else this.runDialplan(a, target.context, target.exten, target.priority);
  }

  setVar(ch: Channel, name: string, value: string): void {
    ch.vars.set(name, value);
    this.core.channelEvent('ChannelVarset', ch, { variable: name, value });
  }

  /**
   * pbx_builtin_setvar_helper as the ARI variable operations reach it: a name ending in ")" is a
   * function write (CALLERID/CONNECTEDLINE change the party and publish a snapshot, so
   * ChannelCallerId/ChannelConnectedLine only when it changed; no ChannelVarset); otherwise the
   * old variable (leading "_"/"__" ignored) goes, the new one is published, and a missing value
   * unsets it (ChannelVarset "" only when the old value was not empty).
   */
  writeVar(ch: Channel, name: string, value: string | undefined): void {
    const fn = /^(CALLERID|CONNECTEDLINE)\((\w+)\)$/i.exec(name);
    if (name.endsWith(')')) {
      if (!fn || value === undefined) return;
      const party = fn[1].toUpperCase() === 'CALLERID' ? ch.caller : ch.connected;
      const field = fn[2].toLowerCase();
      const before = { ...party };
      if (field === 'name') party.name = value;
      else if (field === 'num' || field === 'number') party.number = value;
      else if (field === 'all') Object.assign(party, parseCallerId(value));
      else return;
      if (before.name === party.name && before.number === party.number) return;
      if (party === ch.caller) {
        this.core.channelEvent('ChannelCallerId', ch, { caller_presentation: 0, caller_presentation_txt: 'Presentation Allowed, Not Screened' });
      } else this.core.channelEvent('ChannelConnectedLine', ch);
      return;
    }
    const key = name.replace(/^_{1,2}/, '');
    const old = ch.vars.get(key);
    ch.vars.delete(key);
    if (value !== undefined) {
      ch.vars.set(key, value);
      this.core.channelEvent('ChannelVarset', ch, { variable: name, value });
    } else if (old) {
      this.core.channelEvent('ChannelVarset', ch, { variable: name, value: '' });
    }
  }

  // ------------------------------------------------------------------ Stasis

  enterStasis(ch: Channel, app: string, args: string[]): void {
    ch.stasisApp = app;
    ch.stasisArgs = args;
    ch.dialplan = { ...ch.dialplan, app_name: 'Stasis', app_data: [app, ...args].join(',') };
    this.setVar(ch, 'STASISSTATUS', '');
    const a = this.core.hub.app(app);
    if (a && !a.channels.has(ch.id)) a.channels.set(ch.id, 'stasis');
    this.core.channelEvent('StasisStart', ch, { args }, { stasisApp: app });
  }

  leaveStasis(ch: Channel): void {
    const app = ch.stasisApp;
    if (!app) return;
    ch.stasisApp = undefined;
    this.core.playbacks.stopFor(`channel:${ch.id}`);
    this.core.channelEvent('StasisEnd', ch, {}, { stasisApp: app });
    const a = this.core.hub.app(app);
    if (a && a.channels.get(ch.id) === 'stasis') a.channels.delete(ch.id);
    this.setVar(ch, 'STASISSTATUS', 'SUCCESS');
  }

  /** POST /continue: back to the dialplan (default: the next priority). */
  continueInDialplan(ch: Channel, context?: string, exten?: string, priority?: number): void {
    // ast_ari_channels_continue_in_dialplan: a new context without an extension starts at "s"
    const ctx = context || ch.dialplan.context;
    const ext = exten || (context ? 's' : ch.dialplan.exten);
    const prio = priority ?? (context || exten ? 1 : ch.dialplan.priority + 1);
    this.core.bridges.removeFromBridge(ch);
    this.leaveStasis(ch);
    // synchronous: once StasisEnd is out, REST already sees the result (e.g. a hung-up pair)
    this.runDialplan(ch, ctx, ext, prio);
  }

  snoop(target: Channel, app: string, args: string[], snoopId?: string): Channel {
    const name = `Snoop/${target.id}-${(++this.snoopSeq).toString(16).padStart(8, '0')}`;
    const ch = this.newChannel(name, 'default', 's', 0, name, snoopId);
    ch.state = 'Up';
    target.snoops.push(ch);
    this.core.channelEvent('ChannelCreated', ch);
    this.enterStasis(ch, app, args);
    return ch;
  }

  // ------------------------------------------------------------------ hangup

  private hangupRequest(ch: Channel, cause: number, soft: boolean): void {
    this.core.channelEvent('ChannelHangupRequest', ch, soft ? { cause, soft: true } : { cause });
  }

  /**
   * Hangs up `ch` (and its Local peer). `api` = DELETE /channels: the target gets a soft
   * request with cause 32 and the reason shows in the peer's hard request and both
   * ChannelDestroyed (surprise 4).
   */
  hangup(ch: Channel, cause: number, api: boolean): void {
    if (!ch.alive) return;
    this.core.timers.cancel(ch.step);
    const peer = ch.peer && ch.peer.alive ? ch.peer : undefined;
    if (peer) this.core.timers.cancel(peer.step);
    if (ch.dialing) this.core.timers.cancel(ch.dialing.timeout);
    this.core.bridges.removeFromBridge(ch);
    if (api) this.hangupRequest(ch, 32, true);
    else this.hangupRequest(ch, cause, false);
    this.core.playbacks.stopFor(`channel:${ch.id}`, 'failed');
    this.leaveStasis(ch);
    if (api && ch.half === 2) this.hangupRequest(ch, 16, true);
    if (peer) {
      this.core.bridges.removeFromBridge(peer);
      this.hangupRequest(peer, cause, false);
      this.core.playbacks.stopFor(`channel:${peer.id}`, 'failed');
      this.leaveStasis(peer);
    }
    this.destroy(ch, cause);
    if (peer) {
      this.hangupRequest(peer, 16, true);
      this.destroy(peer, cause);
    }
    // Seen in 22: when the ;2 half's connected line was changed by a bridge, the ;1 half
    // re-reports its caller id while the pair is torn down.
    const one = ch.half === 1 ? ch : peer?.half === 1 ? peer : undefined;
    const two = one?.peer;
    const moved = !!two && (two.connected.name !== one?.caller.name || two.connected.number !== one?.caller.number);
    if (one && moved && (one.caller.name || one.caller.number) && one.dialplan.app_name !== 'Stasis') {
      this.core.channelEvent('ChannelCallerId', one, { caller_presentation: 0, caller_presentation_txt: 'Presentation Allowed, Not Screened' });
    }
    if (ch.answeredOnce || peer?.answeredOnce) {
      for (let i = 0; i < 2; i++) this.core.deviceStates.localDevice(ch.device, 'NOT_INUSE');
    }
  }

  /** Destroyed without a hangup request (failed originate, Local to a missing extension). */
  private vanish(chans: Channel[], cause: number): void {
    for (const c of chans) {
      if (c.stasisApp) this.leaveStasis(c);
      this.destroy(c, cause);
    }
    const dev = chans[0]?.device;
    if (dev && cause === 0) for (let i = 0; i < 2; i++) this.core.deviceStates.localDevice(dev, 'INVALID');
  }

  destroy(ch: Channel, cause: number): void {
    if (!ch.alive) return;
    this.core.timers.cancel(ch.step);
    this.core.bridges.removeFromBridge(ch);
    this.core.playbacks.stopFor(`channel:${ch.id}`);
    this.core.recordings.stopFor(`channel:${ch.id}`);
    ch.destroyed = true;
    this.core.channelEvent('ChannelDestroyed', ch, { cause, cause_txt: causeText(cause) });
    this.core.channels.delete(ch.id);
    this.core.hub.forgetChannel(ch.id);
    for (const s of ch.snoops.splice(0)) this.hangup(s, 16, false);
  }

  /** DTMF sent on one half of a Local pair is received on the other half. */
  sendDtmf(ch: Channel, dtmf: string, betweenMs: number, durationMs: number): void {
    const rx = ch.peer && ch.peer.alive ? ch.peer : undefined;
    if (!rx) return;
    let at = 0;
    for (const digit of dtmf) {
      if (!/[0-9A-D*#]/i.test(digit)) continue;
      at += durationMs;
      this.core.timers.after(at, () => {
        if (rx.alive) this.core.channelEvent('ChannelDtmfReceived', rx, { digit, duration_ms: durationMs });
      });
      at += betweenMs;
    }
  }
}
