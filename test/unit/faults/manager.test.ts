// The connection manager (with the fake vscode) under faults: the password changed on the
// server while connected -> a clear prompt to update the stored secret, then a reconnect with
// the new one; TLS verification on unless the profile says otherwise, and a visible warning
// when it is off; no credential in the log, in the phase texts or in a profile export.
import '../fakes/registerVscode';
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { fake, InMemoryMemento, InMemorySecretStorage, MemoryLogOutputChannel, type ShownMessage } from '../fakes/vscode';
import { ConnectionManager, isInsecure } from '../../../src/extension/connection/manager';
import type { ConnectionPhase } from '../../../src/extension/connection/phase';
import { INSECURE_TLS_TEXT, renderStatus } from '../../../src/extension/views/statusModel';
import { AriRestClient } from '../../../src/extension/ari/rest';
import { createAgent } from '../../../src/extension/ari/agent';
import { toExport } from '../../../src/extension/profiles/profile';
import { startSimulator } from '../../../tools/ari-sim/index';
import { PASSWORD, USER, assertNoSecrets, secretForms, withDeadline } from './helpers';

const NEW_PASSWORD = 'N3w-server-secret#2';

function makeManager() {
  const context = { globalState: new InMemoryMemento(), secrets: new InMemorySecretStorage() } as unknown as vscode.ExtensionContext;
  const log = new MemoryLogOutputChannel();
  const manager = new ConnectionManager(context, log as unknown as vscode.LogOutputChannel);
  return { manager, log };
}

function nextPhase(manager: ConnectionManager, kind: ConnectionPhase['kind'], ms = 10_000): Promise<ConnectionPhase> {
  return withDeadline(
    new Promise((resolve) => {
      const sub = manager.onDidChangePhase((p) => {
        if (p.kind === kind) {
          sub.dispose();
          resolve(p);
        }
      });
    }),
    ms,
    `phase ${kind}`,
  );
}

function nextMessage(pred: (m: ShownMessage) => boolean, ms = 10_000): Promise<ShownMessage> {
  return withDeadline(
    new Promise((resolve) => {
      const sub = fake.messageShown.event((m) => {
        if (pred(m)) {
          sub.dispose();
          resolve(m);
        }
      });
    }),
    ms,
    'a message',
  );
}

beforeEach(() => {
  fake.reset();
  fake.configuration.set('ariExplorer.reconcileIntervalSeconds', 0);
});

test('password changed on the server while connected: 401 on reconnect -> prompt to update the stored secret -> connected again', async () => {
  const sim = await startSimulator({ port: 0, user: USER, password: PASSWORD, endpoints: false });
  const { manager, log } = makeManager();
  try {
    const p = await manager.profiles.add({ name: 'lab', url: sim.url, username: USER, apps: [] }, PASSWORD);
    const session = await manager.connect(p.id);
    assert.equal(manager.phase.kind, 'connected');

    // The admin changes ari.conf and Asterisk drops the socket (e.g. a reload).
    sim.faults.setPassword(NEW_PASSWORD);
    const offer = nextMessage((m) => m.level === 'error' && m.items.includes('Update Password'));
    const failed = nextPhase(manager, 'error');
    const reconnected = nextPhase(manager, 'connected');
    fake.messageAnswers.push('Update Password');
    fake.inputBoxAnswers.push(NEW_PASSWORD);
    sim.faults.dropSockets();

    const phase = await failed;
    assert.ok(phase.kind === 'error');
    assert.match(phase.error, /401/);
    assert.match(phase.hint ?? '', /username and password/);
    assert.equal(session.state.kind, 'failed', 'a 401 is not retried in a loop');
    const m = await offer;
    assert.equal(m.text, `The ARI server of "lab" rejected user "${USER}" (401 Unauthorized). Update the stored password?`);
    assert.deepEqual(m.items, ['Update Password', 'Show Log']);
    const box = fake.inputBoxes[0];
    assert.equal(box.password, true, 'the new password is typed in a password box');
    assert.match(box.prompt ?? '', /rejected the stored password .* \(401\)\. Enter the current one; it replaces the stored password/);
    await reconnected;
    assert.equal(await manager.profiles.getPassword(p.id), NEW_PASSWORD);
    assert.notEqual(manager.active, session, 'a new session with the new password');
    // The prompt was offered once, not once per retry.
    assert.equal(fake.messages.filter((x) => x.items.includes('Update Password')).length, 1);
    // Phase texts shown in the status bar carry no secret either.
    assertNoSecrets(JSON.stringify(renderStatus(phase, 0)), 'status bar');
  } finally {
    manager.dispose();
    await sim.close();
  }
  assertNoSecrets(log.text(), 'manager log');
  assertNoSecrets(log.text(), 'manager log', secretForms(USER, NEW_PASSWORD));
});

test('password changed on the server while the socket stays open: the REST 401 of the next resync prompts too', async () => {
  const sim = await startSimulator({ port: 0, user: USER, password: PASSWORD, endpoints: false });
  const { manager, log } = makeManager();
  try {
    const p = await manager.profiles.add({ name: 'lab', url: sim.url, username: USER, apps: [] }, PASSWORD);
    const session = await manager.connect(p.id);
    sim.faults.setPassword(NEW_PASSWORD);
    const offer = nextMessage((m) => m.level === 'error' && m.items.includes('Update Password'));
    const reconnected = nextPhase(manager, 'connected');
    fake.messageAnswers.push('Update Password');
    fake.inputBoxAnswers.push(NEW_PASSWORD);
    // What the periodic reconcile (or a resync after a REST change) does.
    await assert.rejects(session.resync(), (e: Error & { status?: number }) => e.status === 401);
    const m = await offer;
    assert.equal(m.text, `The ARI server of "lab" rejected user "${USER}" (401 Unauthorized). Update the stored password?`);
    await reconnected;
    assert.ok(manager.active && manager.active !== session, 'a new session');
    assert.equal(manager.active.state.kind, 'open');
    assert.equal(await manager.profiles.getPassword(p.id), NEW_PASSWORD);
    assert.equal(session.state.kind, 'closed', 'the old session was closed');
    assert.equal(fake.messages.filter((x) => x.items.includes('Update Password')).length, 1);
  } finally {
    manager.dispose();
    await sim.close();
  }
  assert.match(log.text(), /rejected the stored password on a REST call \(401\)/);
  assertNoSecrets(log.text(), 'manager log');
  assertNoSecrets(log.text(), 'manager log', secretForms(USER, NEW_PASSWORD));
});

test('TLS verification is on by default; off only for a profile that says so', () => {
  const secure = createAgent('https://pbx.example:8089') as unknown as { options: { rejectUnauthorized?: boolean } };
  assert.equal(secure.options.rejectUnauthorized, true);
  const withCa = createAgent('https://pbx.example:8089', { ca: '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----' }) as unknown as {
    options: { rejectUnauthorized?: boolean };
  };
  assert.equal(withCa.options.rejectUnauthorized, true, 'a trusted CA adds to verification, it does not turn it off');
  const insecure = createAgent('https://pbx.example:8089', { insecure: true }) as unknown as { options: { rejectUnauthorized?: boolean } };
  assert.equal(insecure.options.rejectUnauthorized, false);
  // What the manager builds for a profile: REST and the socket share this agent.
  const { manager } = makeManager();
  try {
    const plain = { id: 'a', name: 'a', url: 'https://pbx.example:8089', username: USER, apps: [] };
    const rest = new AriRestClient(manager.connectionOptions(plain, PASSWORD));
    assert.equal((rest.agent as unknown as { options: { rejectUnauthorized?: boolean } }).options.rejectUnauthorized, true);
    rest.dispose();
    const off = { ...plain, tls: { insecure: true } };
    const rest2 = new AriRestClient(manager.connectionOptions(off, PASSWORD));
    assert.equal((rest2.agent as unknown as { options: { rejectUnauthorized?: boolean } }).options.rejectUnauthorized, false);
    rest2.dispose();
    assert.equal(isInsecure(plain), false);
    assert.equal(isInsecure(off), true);
    assert.equal(isInsecure({ ...off, url: 'http://pbx.example:8088' }), false, 'nothing to verify on plain http');
  } finally {
    manager.dispose();
  }
});

test('connecting with verification off shows a visible warning (once per window) and marks the status bar', async () => {
  const { manager, log } = makeManager();
  try {
    // A port nobody listens on: the connect fails, but the warning comes first.
    const p = await manager.profiles.add({ name: 'self-signed', url: 'https://127.0.0.1:9', username: USER, apps: [], tls: { insecure: true } }, PASSWORD);
    await assert.rejects(manager.connect(p.id));
    const warnings = fake.messages.filter((m) => m.level === 'warning');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0].text, /TLS certificate verification is OFF for "self-signed" \(https:\/\/127\.0\.0\.1:9\)/);
    assert.match(warnings[0].text, /anyone on the network path can read the ARI password/);
    await assert.rejects(manager.connect(p.id));
    assert.equal(fake.messages.filter((m) => m.level === 'warning').length, 1, 'shown once per window, logged on each connect');
    assert.equal(log.lines.filter((l) => /verification is OFF/.test(l)).length, 2);

    const safe = await manager.profiles.add({ name: 'verified', url: 'https://127.0.0.1:9', username: USER, apps: [] }, PASSWORD);
    fake.messages = [];
    await assert.rejects(manager.connect(safe.id));
    assert.equal(fake.messages.filter((m) => m.level === 'warning').length, 0, 'no warning when verification is on');
  } finally {
    manager.dispose();
  }
  assertNoSecrets(log.text(), 'manager log');
  const view = renderStatus({ kind: 'connected', profileName: 'self-signed', insecure: true }, 0);
  assert.equal(view.icon, 'unlock');
  assert.ok(view.tooltip.includes('TLS certificate verification is off'), view.tooltip);
  assert.ok(INSECURE_TLS_TEXT.length > 0);
  assert.equal(renderStatus({ kind: 'connected', profileName: 'x' }, 0).icon, 'pass-filled');
});

test('profile export never includes a password, even one smuggled into the profile object', async () => {
  const { manager } = makeManager();
  try {
    const p = await manager.profiles.add(
      { name: 'lab', url: 'https://pbx.example:8089', username: USER, apps: ['hello-world'], tls: { insecure: true } },
      PASSWORD,
    );
    const exported = JSON.stringify(manager.profiles.exportProfiles());
    assertNoSecrets(exported, 'profile export');
    assert.match(exported, /"insecure":true/);
    const smuggled = JSON.stringify(toExport([{ ...p, password: PASSWORD, secret: PASSWORD } as unknown as typeof p]));
    assertNoSecrets(smuggled, 'profile export of a tampered profile');
  } finally {
    manager.dispose();
  }
});
