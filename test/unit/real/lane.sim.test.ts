// The real-server lane's checks (test/real/lane.ts, run against Asterisk by npm run test:asterisk)
// run here against the simulator, so the lane cannot rot between real runs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startSimulator } from '../../../tools/ari-sim/index';
import {
  appFilterCount,
  bridgeFlow,
  channelActions,
  deviceStateFlow,
  notInStasisRefused,
  openLane,
  registeredApps,
  restartFlow,
  seedFlow,
  serverActions,
} from '../../real/lane';

test('real lane against the simulator: apps, seed flow with every event under its app filter, actions, device states, bridges, non-Stasis 422, restart', async () => {
  const sim = await startSimulator({ port: 0, timeScale: 0.1 });
  const lane = await openLane({ url: `${sim.url}/ari`, username: 'test', password: 'test_password' });
  try {
    assert.deepEqual((await registeredApps(lane)).sort(), [lane.observer, 'hello-world'].sort());
    const seed = await seedFlow(lane);
    assert.equal(seed.helloEvents, seed.helloCopies);
    assert.ok(seed.helloCopies >= 20, `hello-world got the call's events (${seed.helloCopies})`);
    const observer = appFilterCount(lane, lane.observer);
    assert.ok(observer.copies > 0, 'the observer app got its copies too');
    assert.equal(observer.shown, observer.copies);
    assert.equal(seed.total, lane.store.size);
    assert.ok(seed.total < seed.helloCopies + observer.copies, 'copies were merged, not listed twice');
    assert.deepEqual(await channelActions(lane), [
      'answer',
      'hold',
      'unhold',
      'mute',
      'unmute',
      'moh',
      'ring',
      'silence',
      'dtmf',
      'variables',
      'play',
      'playback control',
      'snoop',
      'record',
      'continue in dialplan',
    ]);
    await serverActions(lane);
    assert.equal((await deviceStateFlow(lane)).state, 'UNKNOWN');
    await bridgeFlow(lane);
    const refused = await notInStasisRefused(lane);
    assert.equal(refused.status, 422);
    const restarted = await restartFlow(lane, () => sim.faults.restart({ closeDelayMs: 50 }));
    assert.ok(restarted.states.includes('reconnecting'), restarted.states.join(', '));
  } finally {
    lane.dispose();
    await sim.close();
  }
});

test('real lane against a prefixed simulator: the seed flow through /asterisk/ari', async () => {
  const sim = await startSimulator({ port: 0, timeScale: 0.1, prefix: '/asterisk' });
  const lane = await openLane({ url: `${sim.url}/ari`, username: 'test', password: 'test_password' });
  try {
    assert.match(lane.session.rest.baseUrl, /\/asterisk\/ari$/);
    const seed = await seedFlow(lane);
    assert.equal(seed.helloEvents, seed.helloCopies);
  } finally {
    lane.dispose();
    await sim.close();
  }
});
