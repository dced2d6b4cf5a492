// A sustained hangup stream: the load mode's calls (Local/1776@from-test pairs, the ;1 half in
// Stasis(load-app), the ;2 half answered into Stasis(hello-world)) created and hung up at a
// steady rate for as long as asked, so that channels come and go on every batch the way they
// do on a busy server, instead of one burst of a single channel's events. Each pair lives its
// hold time after it was originated (long enough to settle in Stasis, so each is the recorded
// 23 firehose events), then its ;1 half is hung up (cause 16, as DELETE does); the promise
// resolves once the last pair is gone, a hold time after the last was made.
import type { Channel } from './channel';
import type { SimCore } from './core';
import { hangUpLoadCall, originateLoadCall, ownLoadApps, scaled, until } from './loadCalls';

/** Firehose events of one load pair from originate to both halves destroyed (load-50: 1,150 events / 50 pairs). */
export const EVENTS_PER_PAIR = 23;
const TICK_MS = 10;
/** Give up waiting for the last pairs to go after this long (a broken dialplan must not hang churn()). */
const DRAIN_LIMIT_MS = 5000;

export interface ChurnOptions {
  /** Firehose events per second to aim for (pairs per second = rate / EVENTS_PER_PAIR). */
  rate: number;
  seconds: number;
  /** How long a pair stays up after its originate (default 1,500 ms: Answer's 500 ms, then 1 s in Stasis). */
  holdMs?: number;
  app?: string;
}

export interface ChurnResult {
  /** Pairs originated. */
  pairs: number;
  /** Pairs hung up while new ones were still being made (the rest went after the last was made). */
  hungUpDuringChurn: number;
}

/** Whether either half of the pair whose ;1 half is `ch` is still up. */
const pairUp = (ch: Channel): boolean => ch.alive || ch.peer?.alive === true;

export async function runChurn(core: SimCore, opts: ChurnOptions): Promise<ChurnResult> {
  const app = opts.app ?? 'load-app';
  const hold = scaled(core, opts.holdMs ?? 1500);
  const owners = ownLoadApps(core, app);
  const duration = scaled(core, opts.seconds * 1000);
  const total = Math.floor((Math.max(0, opts.rate) / EVENTS_PER_PAIR) * opts.seconds);
  // Oldest first: each pair's ;1 half and when it is due to hang up.
  const up: { ch: Channel; due: number }[] = [];
  // Every pair not yet gone, for the drain: pruned as the churn goes.
  let all: Channel[] = [];
  const result: ChurnResult = { pairs: 0, hungUpDuringChurn: 0 };
  try {
    const t0 = Date.now();
    // Then, with no new pairs, the last ones still go when due: every pair lives its hold.
    for (let k = 0; up.length > 0 || result.pairs < total; k++) {
      const now = Date.now();
      // Pairs owed by now, from the time elapsed: a late tick makes up for the ones it missed.
      const owed = Math.floor((total * Math.min(now - t0, duration)) / Math.max(1, duration));
      const making = result.pairs < total;
      while (result.pairs < owed) {
        const ch = originateLoadCall(core, app);
        up.push({ ch, due: now + hold });
        all.push(ch);
        result.pairs++;
      }
      let gone = 0;
      while (gone < up.length && up[gone]!.due <= now) if (hangUpLoadCall(core, up[gone++]!.ch) && making) result.hungUpDuringChurn++;
      up.splice(0, gone);
      if (k % 100 === 99) all = all.filter(pairUp);
      await until(t0 + scaled(core, (k + 1) * TICK_MS));
    }
    const drainBy = Date.now() + scaled(core, DRAIN_LIMIT_MS);
    while (all.some(pairUp) && Date.now() < drainBy) {
      await until(Date.now() + Math.max(1, scaled(core, TICK_MS)));
    }
    return result;
  } finally {
    owners.release();
  }
}
