// What the load generators (load.ts: N pairs in, then all hung up; churn.ts: pairs made and hung
// up at a steady rate) share: the call they make, how it is hung up, the Stasis owners that let
// it into its apps, and their pacing on the simulator's clock.
import type { Channel } from './channel';
import type { SimCore } from './core';
import { InternalApp } from './internalApp';
import type { JsonObject } from './json';

/** `ms` of simulated time in real ms (the simulator's time scale). */
export const scaled = (core: SimCore, ms: number): number => ms * core.timers.timeScale;

/** Sleeps until `at` (Date.now() ms): batches run on a fixed schedule, so timer lateness does not add up. */
export const until = (at: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));

/** One load call: a Local/1776@from-test pair, the ;1 half into Stasis(app); returns the ;1 half. */
export function originateLoadCall(core: SimCore, app: string): Channel {
  return core.engine.originate({ endpoint: 'Local/1776@from-test', target: { kind: 'app', app, args: [] } });
}

/** Hangs a load call's ;1 half up as DELETE /channels/{id} does (cause 16); false when it is already gone. */
export function hangUpLoadCall(core: SimCore, ch: Channel): boolean {
  if (!ch.alive) return false;
  core.engine.hangup(ch, 16, true);
  return true;
}

/**
 * Stasis owners for the load's apps when nobody's socket holds them (a channel only enters an
 * app that has one); returns whether `app` got an internal owner, and the undo.
 */
export function ownLoadApps(
  core: SimCore,
  app: string,
  onEvent: (app: string, ev: JsonObject) => void = () => undefined,
): { internal: boolean; release(): void } {
  const owner = new InternalApp(onEvent);
  const existing = core.hub.app(app);
  const internal = !existing || !existing.active;
  if (internal) core.hub.register([app], owner);
  const hello = core.hub.app('hello-world');
  const helloOwner = new InternalApp(() => undefined);
  if (!hello || !hello.active) core.hub.register(['hello-world'], helloOwner);
  return {
    internal,
    release: () => {
      if (internal) core.hub.unregister(owner);
      core.hub.unregister(helloOwner);
    },
  };
}
