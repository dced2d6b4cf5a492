// Load generation at the rates measured on a real Asterisk (load-*-metrics.json): N Local
// pairs originated into an app as fast as possible, then all hung up at once; and a raw
// burst of N realistic ~700-byte events straight to every socket.
import type { SimCore } from './core';
import { InternalApp } from './internalApp';
import type { SimServer } from './server';
import { astTimestamp } from './clock';

const BATCH = 10;
const ORIGINATE_BATCH_MS = 8;
const HANGUP_BATCH_MS = 6;

const pause = (core: SimCore, ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms * core.timers.timeScale));

/** Originates `pairs` Local/1776@from-test pairs with app=load-app, waits for them all to
 * be in Stasis, then hangs up every ;1 half. Resolves when the last pair is gone. */
export async function runLoad(core: SimCore, pairs: number, app = 'load-app'): Promise<void> {
  let started = 0;
  let resolveStarted: () => void = () => undefined;
  const allStarted = new Promise<void>((r) => (resolveStarted = r));
  const owner = new InternalApp((_a, ev) => {
    if (ev.type === 'StasisStart' && ++started >= pairs) resolveStarted();
  });
  const existing = core.hub.app(app);
  const internal = !existing || !existing.active;
  if (internal) core.hub.register([app], owner);
  const hello = core.hub.app('hello-world');
  const helloOwner = new InternalApp(() => undefined);
  if (!hello || !hello.active) core.hub.register(['hello-world'], helloOwner);
  const ids: string[] = [];
  // Paced like the measurement (10 concurrent HTTP clients): 10 pairs every 8 ms gives the
  // recorded ~175 ms originate phase for 200 pairs and, with Answer's 500 ms, 1-4k events/s.
  for (let i = 0; i < pairs; i += BATCH) {
    for (let j = i; j < Math.min(pairs, i + BATCH); j++) {
      const ch = core.engine.originate({ endpoint: 'Local/1776@from-test', target: { kind: 'app', app, args: [] } });
      ids.push(ch.id);
    }
    await pause(core, ORIGINATE_BATCH_MS);
  }
  if (internal) await allStarted;
  else await pause(core, 1000);
  // Hangups: 10 every 6 ms, the recorded 10-13k events/s burst.
  for (let i = 0; i < ids.length; i += BATCH) {
    for (const id of ids.slice(i, i + BATCH)) {
      const ch = core.engine.get(id);
      if (ch) core.engine.hangup(ch, 16, true);
    }
    await pause(core, HANGUP_BATCH_MS);
  }
  if (internal) core.hub.unregister(owner);
  core.hub.unregister(helloOwner);
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
