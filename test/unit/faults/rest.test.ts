// Faults on the REST side: a storm of 5xx answers and slow answers. Nothing crashes, every
// failure is a clear AriError, timeouts fire so nothing hangs, the model keeps its last good
// state while REST is sick, and it is brought up to date once REST is well again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSimulator, type Simulator } from '../../../tools/ari-sim/index';
import { AriError } from '../../../src/extension/ari/errors';
import type { AriSession } from '../../../src/extension/connection/session';
import type { ModelChange } from '../../../src/extension/state/model';
import { PASSWORD, USER, WatchLogger, assertNoSecrets, fastSession, modelUntil, next, withDeadline, failOnUnhandledRejections } from './helpers';

failOnUnhandledRejections();

const isReset = (c: ModelChange): boolean => (c.structuralKinds?.has('application') ?? false) && (c.structuralKinds?.has('endpoint') ?? false);

function snapshotOf(session: AriSession): string {
  return JSON.stringify([...session.model.channels.values()].map((c) => [c.id, c.state, c.name]).sort());
}

async function connected(timeoutMs = 2000): Promise<{ sim: Simulator; session: AriSession; log: WatchLogger; call: string }> {
  const sim = await startSimulator({ port: 0, user: USER, password: PASSWORD, endpoints: false });
  const log = new WatchLogger();
  const { session } = fastSession(sim.url, { connection: { url: sim.url, username: USER, password: PASSWORD, log, timeoutMs } }, log);
  await session.start();
  const call = await sim.originateFromCli('Local/100@default', { context: 'default', exten: '100' });
  await modelUntil(session, () => session.model.channels.has(call), 5000, 'a call');
  return { sim, session, log, call };
}

test('5xx storm: every call fails with a clear AriError, the model keeps its last good state, resync recovers after', async () => {
  const { sim, session, log, call } = await connected();
  try {
    const good = snapshotOf(session);
    sim.faults.setFailureRate(1, 503);
    // Many calls at once: all reject, none throws synchronously, none hangs.
    const calls = [];
    for (let i = 0; i < 40; i++) {
      calls.push(session.rest.channels.list(), session.rest.bridges.list(), session.rest.channels.get(call), session.rest.asterisk.info());
    }
    const settled = await withDeadline(Promise.allSettled(calls), 10_000, 'the storm of calls');
    for (const r of settled) {
      assert.equal(r.status, 'rejected');
      const e = (r as PromiseRejectedResult).reason as AriError;
      assert.ok(e instanceof AriError);
      assert.equal(e.status, 503);
      assert.equal(e.code, 'HTTP');
      assert.match(e.message, /^GET \/ari\/\S+ failed: 503 Simulated failure$/);
      assert.match(e.hint, /unavailable: retry in a moment/);
      assertNoSecrets(`${e.message} ${e.hint} ${e.serverMessage ?? ''}`, 'AriError');
    }
    // A resync during the storm fails, keeps the model, and is retried with backoff.
    await assert.rejects(session.resync(), (e: AriError) => e.status === 503);
    assert.equal(snapshotOf(session), good, 'the model kept its last good state');
    await log.until(/ARI resync failed: .*503/, 3);
    // Events still flow over the socket meanwhile: the model stays live.
    const during = await sim.originateFromCli('Local/100@default', { context: 'default', exten: '100' });
    await modelUntil(session, () => session.model.channels.has(during), 5000, 'a call during the storm');
    assert.equal(session.state.kind, 'open', 'REST errors do not drop the socket');

    // Other 5xx statuses say what they are too.
    for (const status of [500, 502, 504]) {
      sim.faults.setFailureRate(1, status);
      const e = (await session.rest.asterisk.info().then(
        () => undefined,
        (err: unknown) => err,
      )) as AriError;
      assert.equal(e.status, status);
      assert.ok(e.hint.length > 20, e.hint);
    }
    sim.faults.setFailureRate(0);
    // The next scheduled retry succeeds by itself: a full reset of the model.
    await next(session.onModelChange, isReset, 15_000, 'the retried resync');
    const [channels] = await Promise.all([session.rest.channels.list()]);
    assert.deepEqual([...session.model.channels.keys()].sort(), channels.map((c) => c.id).sort());
  } finally {
    session.dispose();
    await sim.close();
  }
  assertNoSecrets(log.text(), 'session log');
});

test('a few failed answers in a row (failRequests) are absorbed by the resync retry', async () => {
  const { sim, session, log } = await connected();
  try {
    sim.faults.failRequests(12, 500);
    await assert.rejects(session.resync(), (e: AriError) => e.status === 500 && /Asterisk log/.test(e.hint));
    await next(session.onModelChange, isReset, 15_000, 'the resync after the failures');
    assert.ok(log.lines.some((l) => /ARI resync failed/.test(l)));
  } finally {
    session.dispose();
    await sim.close();
  }
});

test('slow responses: the request timeout fires with a clear error, nothing hangs, the model is kept', async () => {
  const { sim, session, log } = await connected(150);
  try {
    const good = snapshotOf(session);
    sim.faults.setLatency(1000);
    const e = (await withDeadline(
      session.rest.asterisk.info().then(
        () => undefined,
        (err: unknown) => err,
      ),
      3000,
      'the timeout',
    )) as AriError;
    assert.ok(e instanceof AriError);
    assert.equal(e.code, 'ETIMEDOUT');
    assert.match(e.message, /GET \/ari\/asterisk\/info: no answer from 127\.0\.0\.1:\d+ within 150 ms/);
    assert.match(e.hint, /raise the timeout/);
    // A per-request timeout overrides the default.
    await assert.rejects(session.rest.request('GET', '/channels', { timeoutMs: 50 }), (x: AriError) => /within 50 ms/.test(x.message));
    // The resync gives up in bounded time too, and the model stays as it was.
    await withDeadline(
      assert.rejects(session.resync(), (x: AriError) => x.code === 'ETIMEDOUT'),
      3000,
      'the resync to time out',
    );
    assert.equal(snapshotOf(session), good);
    assert.equal(session.state.kind, 'open');
    // Server back to normal speed: the retry brings the model up to date.
    sim.faults.setLatency(0);
    await next(session.onModelChange, isReset, 15_000, 'the resync once answers are quick again');
  } finally {
    sim.faults.setLatency(0);
    session.dispose();
    await sim.close();
  }
  assertNoSecrets(log.text(), 'session log');
});

test('slow responses at connect: start() rejects within the timeout instead of hanging, nothing keeps retrying', async () => {
  const sim = await startSimulator({ port: 0, user: USER, password: PASSWORD, endpoints: false });
  const { session } = fastSession(sim.url, { connection: { url: sim.url, username: USER, password: PASSWORD, timeoutMs: 100 } });
  try {
    sim.faults.setLatency(1000);
    const err = await withDeadline(
      session.start().then(
        () => undefined,
        (e: unknown) => e,
      ),
      5000,
      'start() to give up',
    );
    assert.ok(err instanceof AriError && err.code === 'ETIMEDOUT', String(err));
    assert.equal(session.state.kind, 'closed');
  } finally {
    sim.faults.setLatency(0);
    session.dispose();
    await sim.close();
  }
});
