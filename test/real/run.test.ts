// npm run test:real: the lane's checks against a real ARI server (not part of npm test).
// ARI_REAL_URL (default http://127.0.0.1:8088; ARI_EXPLORER_TEST_URL also works) is the server's
// http(s) root; ARI_REAL_USER / ARI_REAL_PASSWORD (default test / test_password).
// ARI_REAL_URL=sim runs the same checks against the simulator.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSimulator, type Simulator } from '../../tools/ari-sim/index';
import { bridgeFlow, notInStasisRefused, openLane, seedFlow, type Lane, type LaneTarget } from './lane';

const env = (k: string): string | undefined => process.env[`ARI_REAL_${k}`] ?? process.env[`ARI_EXPLORER_TEST_${k}`];
let sim: Simulator | undefined;
let lane: Lane;

before(async () => {
  let root = env('URL') ?? 'http://127.0.0.1:8088';
  if (root === 'sim') {
    sim = await startSimulator({ port: 0, timeScale: 0.2 });
    root = sim.url;
  }
  const target: LaneTarget = { url: `${root.replace(/\/+$/, '')}/ari`, username: env('USER') ?? 'test', password: env('PASSWORD') ?? 'test_password' };
  console.log(`real lane against ${target.url}`);
  lane = await openLane(target);
  console.log(`connected: Asterisk ${lane.session.info?.system?.version ?? '?'}`);
});

after(async () => {
  lane?.dispose();
  await sim?.close();
});

test('seed flow: originate, StasisStart, play, PlaybackStarted/Finished, hang up, StasisEnd; every hello-world event under its app filter', async () => {
  const r = await seedFlow(lane);
  console.log(`seed flow: ${r.total} events, hello-world filter ${r.helloEvents}, hello-world copies ${r.helloCopies}, per app ${JSON.stringify(Object.fromEntries(lane.copiesPerApp))}`);
  assert.equal(r.helloEvents, r.helloCopies, 'the hello-world filter shows every event hello-world got a copy of');
  assert.equal(r.total, lane.store.size, 'one row per event, not per copy');
});

test('bridges: create, add two, remove one, destroy', async () => {
  const r = await bridgeFlow(lane);
  console.log(`bridge flow: ${r.bridgeId} ok`);
});

test('a channel not in Stasis cannot join a bridge (why the picker leaves it out)', async () => {
  const r = await notInStasisRefused(lane);
  console.log(`add a non-Stasis channel: ${r.status} ${r.message}`);
  assert.equal(r.status, 422);
  assert.match(r.message, /not in Stasis/i);
});
