// A recording of a channel that sends no audio (a Local half whose other half only waits)
// ends by itself after Asterisk's two 2 s waits for a frame, empty; with music on hold on the
// other half it records until stopped. The panel says why a recording came out empty.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSimulator } from '../../../tools/ari-sim/index';
import { describeEvent } from '../../../src/extension/webviews/eventSummary';
import { call, EventSocket, obj, type JsonMap } from './helpers';

async function recordStasisHalf(exten: string): Promise<{ finished: JsonMap | undefined; elapsedMs: number; status: number }> {
  const sim = await startSimulator({ port: 0, timeScale: 0.05 });
  const ws = await EventSocket.open(sim.url, 'hello-world');
  try {
    await call(sim.url, 'POST', '/channels', { query: { endpoint: 'Local/1776@from-test', extension: exten, context: 'default' } });
    const start = await ws.type('StasisStart');
    const id = obj(start.channel).id as string;
    const name = `noaudio-${exten}`;
    const t0 = Date.now();
    const r = await call(sim.url, 'POST', `/channels/${id}/record`, { query: { name, format: 'wav', maxDurationSeconds: 10 } });
    const finished = await ws.type('RecordingFinished');
    return { finished, elapsedMs: (Date.now() - t0) / 0.05, status: r.status };
  } finally {
    await ws.close();
    await sim.close();
  }
}

test('no audio (other half in Wait): RecordingFinished after ~4 s, duration 0', async () => {
  const r = await recordStasisHalf('100');
  assert.equal(r.status, 201);
  const rec = obj(r.finished?.recording);
  assert.equal(rec.duration, 0);
  assert.equal(rec.state, 'done');
  assert.ok(r.elapsedMs >= 3500 && r.elapsedMs < 9000, `gave up after ~4 s (simulated ${Math.round(r.elapsedMs)} ms)`);
  const row = describeEvent(r.finished as Record<string, unknown>);
  assert.match(row.summary, /no audio/);
});

test('audio (other half in MusicOnHold): records until maxDurationSeconds', async () => {
  const r = await recordStasisHalf('102');
  const rec = obj(r.finished?.recording);
  assert.equal(rec.duration, 10);
  assert.doesNotMatch(describeEvent(r.finished as Record<string, unknown>).summary, /no audio/);
});
