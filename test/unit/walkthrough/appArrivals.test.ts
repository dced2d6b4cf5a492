// Being the app, against the simulator with its demo traffic on: a call into 1776@from-test is
// announced once (naming the ;2 half), counted while it waits, and the walkthrough's milestones
// follow the real events: StasisStart, PlaybackStarted/Finished, StasisEnd. Demo calls in
// demo-ivr never count, never announce.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSimulator } from '../../../tools/ari-sim/index';
import { AriSession } from '../../../src/extension/connection/session';
import { AppArrivals, arrivalActions, arrivalMessage, waitingBadge, type IngestResult } from '../../../src/extension/walkthrough/core/appArrivals';
import type { AriEvent } from '../../../src/extension/ari/events.generated';
import { placeCall } from '../../../src/extension/dialplan/core/call';
import { repoRoot } from '../shared/fixtures';
import { readFileSync } from 'node:fs';
import path from 'node:path';

test('the seed by hand: StasisStart announced, waiting counted, play and hang up complete the steps', async (t) => {
  const sim = await startSimulator({ port: 0, timeScale: 0.05, demo: true });
  const session = new AriSession({
    connection: { url: sim.url, username: 'test', password: 'test_password' },
    apps: ['hello-world'],
    subscribeAll: true,
    batchMs: 10,
  });
  t.after(async () => {
    session.dispose();
    await sim.close();
  });
  const arrivals = new AppArrivals(['hello-world']);
  const results: IngestResult[] = [];
  const waiters: { pred: () => boolean; resolve: () => void }[] = [];
  session.onEvents((records) => {
    results.push(arrivals.ingest(records.map((r) => r.event)));
    for (const w of [...waiters]) if (w.pred()) w.resolve();
  });
  const until = (pred: () => boolean) => (pred() ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ pred, resolve })));
  const milestones = () => new Set(results.flatMap((r) => r.milestones));
  await session.start();

  // Demo calls come and go in demo-ivr: nothing for the user's app.
  await until(() => session.model.channels.size >= 2);
  assert.equal(arrivals.count, 0);

  const { outcome } = await placeCall(
    { originate: (p) => session.rest.channels.originate(p), onEvents: (l) => session.onEvents(l) },
    { exten: '1776', context: 'from-test' },
    { extension: '100', context: 'default' },
  );
  assert.equal(outcome.kind, 'stasis');
  await until(() => arrivals.count === 1);
  const arrived = results.flatMap((r) => r.arrived);
  assert.equal(arrived.length, 1, "announced once, and only the user's call");
  assert.match(arrived[0].channelName, /^Local\/1776@from-test-[0-9a-f]{8};2$/);
  assert.equal(arrived[0].app, 'hello-world');
  assert.ok(milestones().has('stasisStart'));
  assert.equal(waitingBadge(arrivals.count)?.value, 1);

  await session.rest.channels.play(arrived[0].channelId, { media: 'sound:hello-world' });
  await until(() => milestones().has('playbackFinished'));
  assert.ok(milestones().has('playbackStarted'));
  assert.ok(!milestones().has('stasisEnd'));

  await session.rest.channels.hangup(arrived[0].channelId);
  await until(() => milestones().has('stasisEnd'));
  assert.equal(arrivals.count, 0);
  assert.equal(waitingBadge(arrivals.count), undefined);
});

test('arrivals: other apps ignored, reset on a new profile, a channel that leaves in the same batch is not announced', () => {
  const ev = (type: string, id: string, extra: object = {}) => ({ type, channel: { id, name: `n-${id}` }, ...extra }) as unknown as AriEvent;
  const a = new AppArrivals(['mine']);
  assert.deepEqual(a.ingest([ev('StasisStart', '1', { application: 'other' })]).arrived, []);
  const r = a.ingest([ev('StasisStart', '2', { application: 'mine' }), ev('StasisEnd', '2', { application: 'mine' })]);
  assert.deepEqual(r.arrived, []);
  assert.equal(a.count, 0);
  a.ingest([ev('StasisStart', '3', { application: 'mine' })]);
  assert.equal(a.count, 1);
  // a PlaybackFinished on a channel that is not the user's completes nothing
  assert.deepEqual(a.ingest([{ type: 'PlaybackFinished', playback: { target_uri: 'channel:9' } } as unknown as AriEvent]).milestones, []);
  a.ingest([ev('ChannelDestroyed', '3')]);
  assert.equal(a.count, 0);
  a.ingest([ev('StasisStart', '4', { application: 'mine' })]);
  a.reset(['theirs']);
  assert.equal(a.count, 0);
  assert.equal(
    arrivalMessage({ channelId: '4', channelName: 'Local/1776@from-test-00000000;2', app: 'hello-world' }),
    'Local/1776@from-test-00000000;2 entered Stasis(hello-world) and waits for your app. Next:',
  );
});

test("several apps on one socket: an app set counts as the user's app, and a StasisEnd copy that comes after ChannelDestroyed still ends the step", () => {
  const ev = (type: string, id: string, extra: object = {}) => ({ type, channel: { id, name: `n-${id}` }, ...extra }) as unknown as AriEvent;
  const a = new AppArrivals(['hello-world']);
  const r = a.ingest([ev('StasisStart', '5', { application: 'ari-explorer-obs,hello-world' })]);
  assert.deepEqual(
    r.arrived.map((x) => x.app),
    ['hello-world'],
  );
  assert.equal(a.count, 1);
  assert.deepEqual(a.ingest([ev('ChannelDestroyed', '5', { application: 'ari-explorer-obs' })]).milestones, []);
  assert.equal(a.count, 0);
  assert.deepEqual(a.ingest([ev('StasisEnd', '5', { application: 'hello-world' })]).milestones, ['stasisEnd']);
});

test('the announced next steps are contributed channel commands', () => {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
  const commands = new Set(manifest.contributes.commands.map((c) => c.command));
  const { buttons, more } = arrivalActions();
  // Three buttons and More…: with five, VS Code cut every label short ("Ans…", "Pla…").
  assert.deepEqual(
    buttons.map((x) => x.label),
    ['Answer', 'Play…', 'Hang Up'],
  );
  assert.deepEqual(
    more.map((x) => x.label),
    ['Continue in Dialplan…', 'Add to Bridge…', 'Show Events for This Channel', 'Show Call Flow'],
  );
  for (const x of [...buttons, ...more]) assert.ok(commands.has(x.command), x.command);
});
