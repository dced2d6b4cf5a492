// The real-server lane's checks (test/real/lane.ts, run against Asterisk by npm run test:real)
// run here against the simulator, so the lane cannot rot between real runs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startSimulator } from '../../../tools/ari-sim/index';
import { bridgeFlow, notInStasisRefused, openLane, seedFlow } from '../../real/lane';

test('real lane against the simulator: seed flow with every hello-world event under its filter, bridges, non-Stasis 422', async () => {
  const sim = await startSimulator({ port: 0, timeScale: 0.1 });
  const lane = await openLane({ url: `${sim.url}/ari`, username: 'test', password: 'test_password' });
  try {
    const seed = await seedFlow(lane);
    assert.equal(seed.helloEvents, seed.helloCopies);
    assert.ok(seed.helloCopies >= 20, `hello-world got the call's events (${seed.helloCopies})`);
    assert.ok((lane.copiesPerApp.get(lane.observer) ?? 0) > 0, 'the observer app got its copies too');
    assert.equal(seed.total, lane.store.size);
    assert.ok(seed.total < seed.helloCopies + (lane.copiesPerApp.get(lane.observer) ?? 0), 'copies were merged, not listed twice');
    await bridgeFlow(lane);
    const refused = await notInStasisRefused(lane);
    assert.equal(refused.status, 422);
  } finally {
    lane.dispose();
    await sim.close();
  }
});
