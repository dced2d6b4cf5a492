// Load, demo traffic and the command line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startSimulator } from '../../../tools/ari-sim/index';
import { call, EventSocket, obj } from './helpers';
import { repoRoot, transcriptDir } from '../shared/fixtures';

const metricsFile = path.join(transcriptDir, 'load-50-local-pairs-metrics.json');

test('load(50): per-socket event counts match the real server\'s load metrics', async () => {
  const metrics = JSON.parse(readFileSync(metricsFile, 'utf8')) as Record<string, { total_events: number }>;
  const sim = await startSimulator({ port: 0, timeScale: 0.05 });
  try {
    const app = await EventSocket.open(sim.url, 'load-app');
    const fire = await EventSocket.open(sim.url, 'firehose', '&subscribeAll=true');
    const hello = await EventSocket.open(sim.url, 'hello-world');
    await sim.load(50);
    await fire.next(() => fire.count('ChannelDestroyed') >= 100);
    await app.next(() => app.events.length >= metrics.app_socket.total_events);
    await hello.next(() => hello.events.length >= metrics.hello_world_socket.total_events);
    assert.equal(app.events.length, metrics.app_socket.total_events);
    assert.equal(hello.events.length, metrics.hello_world_socket.total_events);
    await fire.next(() => fire.events.length >= metrics.firehose_socket_subscribeAll.total_events);
    assert.equal(fire.events.length, metrics.firehose_socket_subscribeAll.total_events);
    for (const s of [app, fire, hello]) await s.close();
  } finally {
    await sim.close();
  }
});

test('load(N): N Local pairs enter Stasis, then all are hung up', async () => {
  const sim = await startSimulator({ port: 0, timeScale: 0.05 });
  try {
    const fire = await EventSocket.open(sim.url, 'load-watch', '&subscribeAll=true');
    await sim.load(20);
    await fire.next(() => fire.count('ChannelDestroyed') >= 40);
    assert.equal(fire.count('ChannelCreated'), 40);
    assert.equal(fire.count('ChannelHangupRequest') >= 40, true);
    assert.deepEqual((await call(sim.url, 'GET', '/channels')).body, []);
    const sizes = fire.raw.map((r) => r.length);
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    assert.ok(mean > 550 && mean < 850, `pretty-printed events average ~700 bytes (got ${mean.toFixed(0)})`);
    await fire.close();
  } finally {
    await sim.close();
  }
});

test('demo traffic: calls are greeted, bridged in pairs and hung up', async () => {
  const sim = await startSimulator({ port: 0, timeScale: 0.02, demo: true });
  try {
    const fire = await EventSocket.open(sim.url, 'demo-watch', '&subscribeAll=true');
    const greeted = await fire.type('PlaybackFinished');
    assert.equal(obj(greeted.playback).media_uri, 'sound:hello-world');
    const entered = await fire.type('ChannelEnteredBridge');
    assert.equal(obj(entered.channel).dialplan && obj(obj(entered.channel).dialplan).app_data, 'hello-world');
    await fire.type('BridgeDestroyed');
    const created = fire.events.find((e) => e.type === 'ChannelCreated');
    assert.ok(created);
    assert.match(String(obj(created.channel).name), /^Local\/1776@from-test-[0-9a-f]{8};1$/);
    // the firehose never sees StasisStart for the demo's own app (README surprise 1)
    assert.equal(fire.count('StasisStart'), 0);
    // traffic resumes after a restart
    await sim.faults.restart({ closeDelayMs: 5, refusedMs: 5, notFoundMs: 5 });
    const again = await EventSocket.open(sim.url, 'demo-watch-2', '&subscribeAll=true');
    await again.type('PlaybackFinished');
    await again.close();
    await fire.closed;
  } finally {
    await sim.close();
  }
});

test('CLI: prints its base URL when ready and exits cleanly on SIGTERM', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tools/ari-sim/cli.ts', '--port', '0', '--password', 'cli-secret'], { cwd: repoRoot });
  const out: string[] = [];
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out.push(d.toString());
      const m = /ARI simulator listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out.join(''));
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${out.join('')}`)));
  });
  assert.ok(!out.join('').includes('cli-secret'), 'the password is never printed');
  const ping = await call(line, 'GET', '/asterisk/ping', { auth: 'Basic ' + Buffer.from('test:cli-secret').toString('base64') });
  assert.equal(ping.status, 200);
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  child.kill('SIGTERM');
  assert.equal(await exited, 0);
});
