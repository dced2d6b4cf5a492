// "Call 1776@from-test" against the simulator: one click, no prompt; the toast names the ;2 half
// that entered Stasis(hello-world), says so when no registered app got the call, and when the
// extension does not exist. Also the Call lens sits on Stasis lines only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSimulator } from '../../../tools/ari-sim/index';
import { AriSession } from '../../../src/extension/connection/session';
import { callOutcomeFromEvent, describeCall, otherHalfName, placeCall } from '../../../src/extension/dialplan/core/call';
import { callLenses } from '../../../src/extension/dialplan/core/lenses';
import { parseDialplan } from '../../../src/extension/dialplan/core/parser';
import type { AriEvent } from '../../../src/extension/ari/events.generated';
import { FIXTURES } from './fixtures';

const WAIT = { extension: '100', context: 'default' };

async function connected(url: string, apps: string[]): Promise<AriSession> {
  const session = new AriSession({ connection: { url, username: 'test', password: 'test_password' }, apps, subscribeAll: true, batchMs: 10 }); // as the extension connects
  await session.start();
  return session;
}

const depsOf = (s: AriSession) => ({ originate: s.rest.channels.originate.bind(s.rest.channels), onEvents: s.onEvents.bind(s) });

test('Call lens: one per Stasis line of a dialable extension, carrying the target', () => {
  const seed = parseDialplan(readFileSync(join(FIXTURES, 'extensions.conf'), 'utf8'));
  assert.deepEqual(
    callLenses(seed).map((l) => [l.span.line, l.title, l.args[0]]),
    [
      [11, '$(call-outgoing) Call 1776@from-test', { exten: '1776', context: 'from-test', app: 'hello-world' }],
      [16, '$(call-outgoing) Call 1777@from-test', { exten: '1777', context: 'from-test', app: 'other-app' }],
    ],
  );
});

test('the other half of a Local channel', () => {
  assert.equal(otherHalfName('Local/1776@from-test-00000001;1'), 'Local/1776@from-test-00000001;2');
  assert.equal(otherHalfName('PJSIP/alice-00000001'), 'PJSIP/alice-00000001');
  const a = { id: '1.1', name: 'Local/1776@from-test-00000001;1' };
  const ev = (type: string, channel: object, extra: object = {}) => ({ type, channel, ...extra }) as unknown as AriEvent;
  assert.equal(callOutcomeFromEvent(a, ev('StasisStart', { id: '1.2', name: 'Local/1776@from-test-00000002;2' }, { application: 'x' })), undefined);
  assert.equal(callOutcomeFromEvent(a, ev('StasisStart', { id: '1.2', name: 'Local/1776@from-test-00000001;2' }, { application: 'x' }))?.kind, 'stasis');
  assert.equal(callOutcomeFromEvent(a, ev('ChannelDestroyed', { id: '1.2', name: 'Local/1776@from-test-00000001;2' })), undefined);
});

test('Call 1776@from-test: the ;2 half enters Stasis(hello-world) and the toast names it', async (t) => {
  const sim = await startSimulator({ port: 0, timeScale: 0.05, endpoints: false });
  const session = await connected(sim.url, ['hello-world']);
  t.after(async () => {
    session.dispose();
    await sim.close();
  });
  const target = { exten: '1776', context: 'from-test' };
  const { channel, outcome } = await placeCall(depsOf(session), target, WAIT);
  assert.equal(outcome.kind, 'stasis');
  assert.match(channel.name, /;1$/);
  const text = describeCall(target, channel, outcome, ['hello-world']);
  assert.equal(text, `Called 1776@from-test: ${otherHalfName(channel.name)} entered Stasis(hello-world).`);
  // the call waits: nothing plays or hangs up on the app's behalf
  assert.equal(session.model.channelsInApp('hello-world').length, 1);
});

test('Call: the profile does not own the app, nothing enters Stasis, the extension is missing', async (t) => {
  const sim = await startSimulator({ port: 0, timeScale: 0.05, endpoints: false });
  const session = await connected(sim.url, ['someone-else']);
  t.after(async () => {
    session.dispose();
    await sim.close();
  });
  // Stasis(hello-world) without an owner fails and the dialplan hangs up: the toast says why.
  const target = { exten: '1776', context: 'from-test', app: 'hello-world' };
  const skipped = await placeCall(depsOf(session), target, WAIT);
  assert.equal(skipped.outcome.kind, 'destroyed');
  assert.match(
    describeCall(target, skipped.channel, skipped.outcome, ['someone-else']),
    /without entering Stasis\(hello-world\): this profile does not register hello-world/,
  );
  // An extension that answers and waits: no StasisStart within the wait.
  const plain = { exten: '100', context: 'default' };
  const quiet = await placeCall(depsOf(session), plain, WAIT, 300);
  assert.equal(quiet.outcome.kind, 'no-stasis');
  assert.match(
    describeCall(plain, quiet.channel, quiet.outcome, ['someone-else']),
    /no StasisStart arrived for the apps this profile registers \(someone-else\)/,
  );
  assert.match(describeCall(plain, quiet.channel, quiet.outcome, []), /registers no Stasis app/);
  const missing = { exten: '1999', context: 'from-test' };
  const gone = await placeCall(depsOf(session), missing, WAIT);
  assert.equal(gone.outcome.kind, 'destroyed');
  assert.match(describeCall(missing, gone.channel, gone.outcome, []), /failed: .* destroyed at once \(cause 0\)/);
});
