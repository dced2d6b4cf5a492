// The simulator sends a multi-app socket one copy per app, each app's copies in order but the
// apps interleaved in no fixed order, as Asterisk's per-app dispatch threads do.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startSimulator } from '../../../tools/ari-sim/index';
import { AppLanes } from '../../../tools/ari-sim/appLanes';
import { call, EventSocket, type JsonMap } from '../sim/helpers';

/** A small deterministic generator (tests must not depend on luck). */
function seeded(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x * 1664525 + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

test('AppLanes: one app sends at once; several keep each app’s order', async () => {
  const single: string[] = [];
  new AppLanes(['a', 'a'], (t) => single.push(t)).push('a', 'x');
  assert.deepEqual(single, ['x'], 'a socket with one app has nothing to interleave');
  const out: string[] = [];
  const lanes = new AppLanes(['a', 'b'], (t) => out.push(t), seeded(7));
  for (let i = 0; i < 40; i++) {
    lanes.push('a', `a${i}`);
    lanes.push('b', `b${i}`);
  }
  await new Promise<void>((resolve) => {
    const poll = (): void => (lanes.pending === 0 ? resolve() : void setImmediate(poll));
    poll();
  });
  assert.deepEqual(
    out.filter((t) => t[0] === 'a'),
    Array.from({ length: 40 }, (_, i) => `a${i}`),
  );
  assert.deepEqual(
    out.filter((t) => t[0] === 'b'),
    Array.from({ length: 40 }, (_, i) => `b${i}`),
  );
  const strictAlternation = out.every((t, i) => t[0] === (i % 2 === 0 ? 'a' : 'b'));
  assert.equal(strictAlternation, false, 'copies are not delivered in a fixed app order');
});

test('a Local call on app=hello-world,watch&subscribeAll: every event once per app, apps interleaved', async () => {
  const sim = await startSimulator({ port: 0, timeScale: 0.05, laneRandom: seeded(3) });
  try {
    const ws = await EventSocket.open(sim.url, 'hello-world,watch', '&subscribeAll=true');
    const ch = await call(sim.url, 'POST', '/channels', { query: { endpoint: 'Local/1776@from-test', extension: '100', context: 'default' } });
    assert.equal(ch.status, 200);
    const start = await ws.type('StasisStart');
    const id = (start.channel as JsonMap).id as string;
    assert.equal((await call(sim.url, 'DELETE', `/channels/${id}`)).status, 204);
    await ws.next((e) => e.type === 'ChannelDestroyed' && e.application === 'watch' && (e.channel as JsonMap).id === id);
    await ws.next((e) => e.type === 'ChannelDestroyed' && e.application === 'hello-world' && (e.channel as JsonMap).id === id);
    const strip = (e: JsonMap): string => JSON.stringify({ ...e, application: '' });
    const hello = ws.events.filter((e) => e.application === 'hello-world').map(strip);
    const watch = ws.events.filter((e) => e.application === 'watch').map(strip);
    // StasisStart/End go to the Stasis app only (surprise 1); everything else once per app, in
    // the same order per app (the last few copies of one app may still be on their way).
    const helloShared = hello.filter((t) => !t.includes('"StasisStart"') && !t.includes('"StasisEnd"'));
    const common = Math.min(watch.length, helloShared.length);
    assert.ok(common >= 20, `both apps got the call's events (${watch.length}, ${helloShared.length})`);
    const firstDiff = watch.slice(0, common).findIndex((t, i) => t !== helloShared[i]);
    assert.equal(firstDiff, -1, 'each app gets the same events in the same order');
    const apps = ws.events.map((e) => e.application);
    const runs = apps.filter((a, i) => i > 0 && a !== apps[i - 1]).length;
    assert.ok(runs < apps.length - 1, 'not strictly alternating copies');
    await ws.close();
  } finally {
    await sim.close();
  }
});
