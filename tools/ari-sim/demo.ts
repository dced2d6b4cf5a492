// Demo traffic shaped like 22-demo-traffic.json, but in its own context and app so it never
// touches the user's: a call every 3.5-6.5 s into Local/1000@demo, whose ;2 half enters
// Stasis(demo-ivr). The simulator plays demo-ivr itself: greeting, then every third call hangs
// up alone, the others are bridged in pairs for 3-5 s, then hung up and the bridge deleted.
// Bounded: at most MAX_LIVE demo calls at once, and none outlives MAX_CALL_MS, so a stalled
// pairing can never pile calls up. A call into from-test,1776 is left to hello-world's owner.
import type { SimCore } from './core';
import type { Channel } from './channel';
import { InternalApp } from './internalApp';
import type { JsonObject } from './json';

export const DEMO_APP = 'demo-ivr';
export const DEMO_CONTEXT = 'demo';
export const DEMO_EXTEN = '1000';
/** Live demo calls never exceed this (each call is one Local pair). */
export const MAX_LIVE = 4;
/** Simulated ms after which a demo call that is still up is hung up whatever it was doing. */
export const MAX_CALL_MS = 20_000;

const CALLERS = [
  ['Alice', '1001'],
  ['Bob', '1002'],
  ['Carol', '1003'],
  ['Dave', '1004'],
  ['Erin', '1005'],
  ['Frank', '1006'],
];

const rand = (lo: number, hi: number): number => lo + Math.random() * (hi - lo);

export class DemoTraffic {
  private readonly owner: InternalApp;
  private calls = 0;
  private waiting: string | undefined;
  private timer?: NodeJS.Timeout;
  private stopped = true;
  /** The ;1 half of every demo call still up: the cap counts these. */
  private readonly live = new Set<Channel>();

  constructor(
    private readonly core: SimCore,
    private readonly app = DEMO_APP,
  ) {
    this.owner = new InternalApp((_app, ev) => this.onEvent(ev));
  }

  get running(): boolean {
    return !this.stopped;
  }

  /** Demo calls up right now. */
  get liveCalls(): number {
    for (const c of this.live) if (!c.alive) this.live.delete(c);
    return this.live.size;
  }

  start(): void {
    this.core.timers.cancel(this.timer);
    this.live.clear();
    this.waiting = undefined;
    this.stopped = false;
    this.schedule(500);
  }

  stop(): void {
    this.stopped = true;
    this.core.timers.cancel(this.timer);
    this.core.hub.unregister(this.owner);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = this.core.timers.after(ms, () => this.call());
  }

  /** Takes the app name back when no socket holds it (a restart cleared it, a socket left). */
  private ensureRegistered(): void {
    const a = this.core.hub.app(this.app);
    if (!a || !a.active) this.core.hub.register([this.app], this.owner);
  }

  private call(): void {
    this.schedule(rand(3500, 6500));
    if (this.liveCalls >= MAX_LIVE) return;
    this.ensureRegistered();
    const [name, number] = CALLERS[this.calls++ % CALLERS.length];
    // A dialplan file without the demo context: the call goes straight into the app instead.
    const inDialplan = this.core.dialplan.lookup(DEMO_CONTEXT, DEMO_EXTEN) !== undefined;
    try {
      const ch = this.core.engine.originate(
        inDialplan
          ? {
              endpoint: `Local/${DEMO_EXTEN}@${DEMO_CONTEXT}`,
              target: { kind: 'exten', context: 'default', exten: '100', priority: 1 },
              callerId: { name, number },
            }
          : { endpoint: 'Local/100@default', target: { kind: 'app', app: this.app, args: [] }, callerId: { name, number } },
      );
      this.live.add(ch);
      this.core.timers.after(MAX_CALL_MS, () => {
        if (ch.alive) this.core.engine.hangup(ch, 16, true);
      });
    } catch (e) {
      this.core.opts.log(`demo: originate failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private onEvent(ev: JsonObject): void {
    const ch = ev.channel as JsonObject | undefined;
    const id = ch && typeof ch.id === 'string' ? ch.id : undefined;
    if (ev.type === 'StasisStart' && id) {
      if (this.core.engine.get(id)) this.core.playbacks.queue(this.core.uuid(), ['sound:hello-world'], `channel:${id}`, 'en');
    } else if (ev.type === 'PlaybackFinished') {
      const pb = ev.playback as JsonObject;
      const target = String(pb.target_uri ?? '');
      if (!target.startsWith('channel:')) return;
      this.afterGreeting(target.slice(8));
    } else if (ev.type === 'StasisEnd' && id) {
      if (this.waiting === id) this.waiting = undefined;
    }
  }

  private afterGreeting(id: string): void {
    const ch = this.core.engine.get(id);
    if (!ch) return;
    if (this.calls % 3 === 0) {
      this.core.engine.hangup(ch, 16, true);
      return;
    }
    const other = this.waiting ? this.core.engine.get(this.waiting) : undefined;
    if (!other || !other.alive) {
      this.waiting = id;
      return;
    }
    this.waiting = undefined;
    const b = this.core.bridges.create('mixing', `demo-${this.calls}`, undefined, 'Unable to create bridge');
    this.core.bridges.add(b, [other, ch]);
    this.core.timers.after(rand(3000, 5000), () => {
      for (const c of [other, ch]) if (c.alive) this.core.engine.hangup(c, 16, true);
      if (this.core.bridges.bridges.has(b.id)) this.core.bridges.destroy(b);
    });
  }
}
