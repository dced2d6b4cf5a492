// Demo traffic like 22-demo-traffic.json: a call every 3.5-6.5 s into Stasis(hello-world);
// the simulator plays the application: greeting, then every third call hangs up alone,
// the others are bridged in pairs for 3-5 s, then hung up and the bridge deleted.
import type { SimCore } from './core';
import { InternalApp } from './internalApp';
import type { JsonObject } from './json';

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
  private readonly greeted = new Map<string, number>();

  constructor(
    private readonly core: SimCore,
    private readonly app = 'hello-world',
  ) {
    this.owner = new InternalApp((_app, ev) => this.onEvent(ev));
  }

  get running(): boolean {
    return !this.stopped;
  }

  start(): void {
    this.core.timers.cancel(this.timer);
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
    this.ensureRegistered();
    const [name, number] = CALLERS[this.calls++ % CALLERS.length];
    try {
      this.core.engine.originate({
        endpoint: 'Local/1776@from-test',
        target: { kind: 'exten', context: 'default', exten: '100', priority: 1 },
        callerId: { name, number },
      });
    } catch (e) {
      this.core.opts.log(`demo: originate failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.schedule(rand(3500, 6500));
  }

  private onEvent(ev: JsonObject): void {
    const ch = ev.channel as JsonObject | undefined;
    const id = ch && typeof ch.id === 'string' ? ch.id : undefined;
    if (ev.type === 'StasisStart' && id) {
      const n = this.greeted.size + this.calls;
      this.greeted.set(id, n);
      const c = this.core.engine.get(id);
      if (c) this.core.playbacks.queue(this.core.uuid(), ['sound:hello-world'], `channel:${id}`, 'en');
    } else if (ev.type === 'PlaybackFinished') {
      const pb = ev.playback as JsonObject;
      const target = String(pb.target_uri ?? '');
      if (!target.startsWith('channel:')) return;
      this.afterGreeting(target.slice(8));
    } else if (ev.type === 'StasisEnd' && id) {
      this.greeted.delete(id);
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
    if (!other) {
      this.waiting = id;
      return;
    }
    this.waiting = undefined;
    const b = this.core.bridges.create('mixing', `demo-${this.calls}`);
    this.core.bridges.add(b, [other, ch]);
    this.core.timers.after(rand(3000, 5000), () => {
      for (const c of [other, ch]) if (c.alive) this.core.engine.hangup(c, 16, true);
      if (this.core.bridges.bridges.has(b.id)) this.core.bridges.destroy(b);
    });
  }
}
