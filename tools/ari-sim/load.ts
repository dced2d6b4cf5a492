// Load generation at the rates measured on a real Asterisk (load-*-metrics.json): N Local
// pairs originated into an app, then all hung up, paced like the recordings; and a raw
// burst of N realistic ~700-byte events straight to every socket.
import type { SimCore } from './core';
import { hangUpLoadCall, originateLoadCall, ownLoadApps, scaled, until } from './loadCalls';
import type { SimServer } from './server';
import { astTimestamp } from './clock';

const BATCH = 10;
/** 10 pairs every 8 ms, as the measurement's 10 concurrent HTTP clients: the recorded
 * originate phase took 39 ms for 50 pairs and 175 ms for 200. */
const ORIGINATE_BATCH_MS = 8;
/** 10 pairs every 7 ms: with 9 firehose events per pair hung up, ~12.9k events/s, the recorded
 * hangup burst (50 pairs: 450 events in 35 ms; 200 pairs: 1,800 in 132 ms). */
const HANGUP_BATCH_MS = 7;
/** The recorded hangup phase (first DELETE to the end of the run): 1,544 ms for 50 pairs, 1,639 for 200. */
function hangupPhaseMs(pairs: number): number {
  return Math.max(0, 1544 + ((pairs - 50) * (1639 - 1544)) / 150);
}
/** Between the last creation event and the first hangup the recordings show ~105 ms
 * (50 pairs: 676 - 535 - 35; 200 pairs: 892 - 656 - 132). */
const SETTLED_TO_HANGUP_MS = 105;
/** Give up waiting for the pairs to settle after this long (a broken dialplan must not hang load()). */
const SETTLE_LIMIT_MS = 5000;
const POLL_MS = 2;

/**
 * Originates `pairs` Local/1776@from-test pairs with app=load-app, waits until each pair has
 * settled (the ;2 half, after Answer's media wait, inside Stasis(hello-world)), then hangs up
 * every ;1 half, paced like the recordings (load-*-local-pairs-metrics.json): a creation burst
 * of 1-4k events/s over ~0.5 s (Answer's 500 ms), a hangup burst of ~13k events/s, and the
 * recorded length of the hangup phase. Resolves at the end of that phase, every pair gone.
 */
export async function runLoad(core: SimCore, pairs: number, app = 'load-app'): Promise<void> {
  let started = 0;
  let resolveStarted: () => void = () => undefined;
  const allStarted = new Promise<void>((r) => (resolveStarted = r));
  const { internal, release } = ownLoadApps(core, app, (_a, ev) => {
    if (ev.type === 'StasisStart' && ++started >= pairs) resolveStarted();
  });
  const ids: string[] = [];
  const t0 = Date.now();
  for (let i = 0, k = 0; i < pairs; i += BATCH, k++) {
    await until(t0 + scaled(core, k * ORIGINATE_BATCH_MS));
    for (let j = i; j < Math.min(pairs, i + BATCH); j++) {
      const ch = originateLoadCall(core, app);
      ids.push(ch.id);
    }
  }
  if (internal && pairs > 0) await allStarted;
  // As recorded, the hangups start once the pairs have settled: each ;2 half has answered
  // (500 ms media wait) and entered Stasis(hello-world), or is gone.
  const settled = (): boolean =>
    ids.every((id) => {
      const ch = core.engine.get(id);
      const far = ch?.peer;
      return !ch || !far || far.destroyed || far.dialplan.app_name === 'Stasis';
    });
  const settleBy = Date.now() + scaled(core, SETTLE_LIMIT_MS);
  while (!settled() && Date.now() < settleBy) await until(Date.now() + Math.max(1, scaled(core, POLL_MS)));
  await until(Date.now() + scaled(core, SETTLED_TO_HANGUP_MS));
  const th = Date.now();
  for (let i = 0, k = 0; i < ids.length; i += BATCH, k++) {
    await until(th + scaled(core, k * HANGUP_BATCH_MS));
    for (const id of ids.slice(i, i + BATCH)) {
      const ch = core.engine.get(id);
      if (ch) hangUpLoadCall(core, ch);
    }
  }
  const endBy = th + scaled(core, Math.max(hangupPhaseMs(pairs), SETTLE_LIMIT_MS));
  while (ids.some((id) => core.engine.get(id) !== undefined) && Date.now() < endBy) await until(Date.now() + Math.max(1, scaled(core, POLL_MS)));
  await until(th + scaled(core, hangupPhaseMs(pairs)));
  release();
}

/** Sends `n` ChannelVarset-sized events to every socket as fast as possible. */
export async function burst(core: SimCore, server: SimServer, n: number): Promise<void> {
  const owners = server.ownersList();
  const channel = {
    id: `${Math.floor(Date.now() / 1000)}.9999`,
    name: 'Local/1776@from-test-0000ffff;2',
    state: 'Up',
    protocol_id: '',
    caller: { name: 'Alice', number: '1001' },
    connected: { name: '', number: '' },
    accountcode: '',
    dialplan: { context: 'from-test', exten: '1776', priority: 3, app_name: 'Stasis', app_data: 'hello-world' },
    creationtime: astTimestamp(),
    language: 'en',
  };
  for (let i = 0; i < n; i++) {
    for (const o of owners) {
      const ev = {
        variable: 'LOAD_SEQ',
        value: String(i),
        type: 'ChannelVarset',
        timestamp: astTimestamp(),
        channel,
        asterisk_id: core.hub.asteriskId,
        application: o.apps[0],
      };
      o.ws.send(JSON.stringify(ev, null, 2));
    }
    // let the socket flush every so often so a huge burst does not buffer everything
    if (i % 1000 === 999) await new Promise((r) => setImmediate(r));
  }
}
