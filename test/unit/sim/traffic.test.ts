// Load, demo traffic and the command line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startSimulator } from '../../../tools/ari-sim/index';
import { DEMO_APP, MAX_LIVE } from '../../../tools/ari-sim/demo';
import { EVENTS_PER_PAIR } from '../../../tools/ari-sim/churn';
import { call, channelOf, EventSocket, obj } from './helpers';
import { repoRoot, transcriptDir } from '../shared/fixtures';

const metricsFile = path.join(transcriptDir, 'load-50-local-pairs-metrics.json');

test("load(50): per-socket event counts match the real server's load metrics", async () => {
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

test('churn: calls made and hung up at a steady rate, hangups while new calls still come, all gone at the end', async () => {
  const sim = await startSimulator({ port: 0, timeScale: 0.25 });
  try {
    const fire = await EventSocket.open(sim.url, 'churn-watch', '&subscribeAll=true');
    // 50 pairs per simulated second for 4 s (1 s of real time); each pair up 1.5 s, so the
    // first ones go while the last are still being made.
    const result = await sim.churn({ rate: 50 * EVENTS_PER_PAIR, seconds: 4 });
    assert.equal(result.pairs, 200);
    assert.ok(result.hungUpDuringChurn > 0 && result.hungUpDuringChurn < result.pairs, `hung up during the churn: ${result.hungUpDuringChurn}`);
    await fire.next(() => fire.count('ChannelDestroyed') >= 2 * result.pairs);
    assert.equal(fire.count('ChannelCreated'), 2 * result.pairs);
    const types = fire.events.map((e) => e.type);
    assert.ok(types.indexOf('ChannelDestroyed') < types.lastIndexOf('ChannelCreated'), 'channels are destroyed while others are still created');
    // The rate's unit: a pair is as many firehose events as the recorded load's.
    await fire.next(() => fire.events.length >= EVENTS_PER_PAIR * result.pairs);
    assert.equal(fire.events.length, EVENTS_PER_PAIR * result.pairs);
    assert.deepEqual((await call(sim.url, 'GET', '/channels')).body, []);
    await fire.close();
  } finally {
    await sim.close();
  }
});

test('demo traffic: calls into its own context and app are greeted, bridged in pairs and hung up', async () => {
  const sim = await startSimulator({ port: 0, timeScale: 0.02, demo: true });
  try {
    const fire = await EventSocket.open(sim.url, 'demo-watch', '&subscribeAll=true');
    const hello = await EventSocket.open(sim.url, 'hello-world');
    const greeted = await fire.type('PlaybackFinished');
    assert.equal(obj(greeted.playback).media_uri, 'sound:hello-world');
    const entered = await fire.type('ChannelEnteredBridge');
    assert.equal(obj(obj(entered.channel).dialplan).app_data, 'demo-ivr');
    await fire.type('BridgeDestroyed');
    const created = fire.events.find((e) => e.type === 'ChannelCreated');
    assert.ok(created);
    assert.match(String(obj(created.channel).name), /^Local\/1000@demo-[0-9a-f]{8};1$/);
    // the firehose never sees StasisStart for the demo's own app (README surprise 1)
    assert.equal(fire.count('StasisStart'), 0);
    // the user's app hello-world never gets a demo call
    assert.equal(hello.events.length, 0);
    await hello.close();
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

test('demo traffic: a call into from-test,1776 waits in Stasis(hello-world) until the app acts', async () => {
  const sim = await startSimulator({ port: 0, timeScale: 0.02, demo: true });
  try {
    const fire = await EventSocket.open(sim.url, 'demo-watch', '&subscribeAll=true');
    const hello = await EventSocket.open(sim.url, 'hello-world');
    const created = obj((await call(sim.url, 'POST', '/channels', { query: { endpoint: 'Local/1776@from-test', extension: '100', context: 'default' } })).body);
    const start = await hello.type('StasisStart');
    const mine = String(channelOf(start).id);
    assert.match(String(channelOf(start).name), /^Local\/1776@from-test-[0-9a-f]{8};2$/);
    // meanwhile several demo calls come and go (a 1776 call used to be played and hung up in 1.4 s)
    await fire.next(() => fire.count('ChannelDestroyed') >= 6, 15_000);
    assert.equal(hello.count('PlaybackStarted'), 0);
    assert.equal(hello.count('StasisEnd'), 0);
    assert.equal((await call(sim.url, 'GET', `/channels/${mine}`)).status, 200);
    // the app acts: play, then hang up
    const play = await call(sim.url, 'POST', `/channels/${mine}/play`, { query: { media: 'sound:hello-world' } });
    assert.equal(play.status, 201);
    await hello.type('PlaybackFinished');
    assert.equal((await call(sim.url, 'DELETE', `/channels/${mine}`)).status, 204);
    await hello.type('StasisEnd');
    assert.ok(created.id);
    await hello.close();
    await fire.close();
  } finally {
    await sim.close();
  }
});

test('demo traffic is bounded: never more than MAX_LIVE calls, each ends by itself', async () => {
  const sim = await startSimulator({ port: 0, timeScale: 0.02, demo: true });
  try {
    // A socket takes demo-ivr and does nothing: calls stay in Stasis until the demo's time limit.
    const idle = await EventSocket.open(sim.url, DEMO_APP);
    const fire = await EventSocket.open(sim.url, 'demo-watch', '&subscribeAll=true');
    const live = new Set<string>();
    let most = 0;
    let ended = 0;
    await fire.next((e) => {
      const name = e.channel ? String(channelOf(e).name) : '';
      if (!/^Local\/1000@demo-.*;1$/.test(name)) return false;
      if (e.type === 'ChannelCreated') live.add(String(channelOf(e).id));
      if (e.type === 'ChannelDestroyed' && live.delete(String(channelOf(e).id))) ended++;
      most = Math.max(most, live.size);
      return ended >= 2 * MAX_LIVE;
    }, 20_000);
    assert.ok(most <= MAX_LIVE, `at most ${MAX_LIVE} demo calls at once (saw ${most})`);
    assert.equal(most, MAX_LIVE, 'the cap is reached when no call ends early');
    // nobody hung up: the demo's own limit ended each call
    await idle.next(() => idle.count('StasisEnd') >= 2 * MAX_LIVE);
    assert.equal(idle.count('ChannelHangupRequest') >= 2 * MAX_LIVE, true);
    await idle.close();
    await fire.close();
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
