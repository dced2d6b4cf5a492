// ConnectionManager against the simulator, with the fake vscode module: missing password
// asked for and stored, 401 -> "update the stored password", apps already in use asked about,
// ApplicationReplaced shown, context keys, and a log without credentials.
import '../fakes/registerVscode';
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { fake, InMemoryMemento, InMemorySecretStorage, MemoryLogOutputChannel, type ShownMessage } from '../fakes/vscode';
import { ConnectionManager } from '../../../src/extension/connection/manager';
import type { ConnectionPhase } from '../../../src/extension/connection/phase';
import { AriSession } from '../../../src/extension/connection/session';
import { startSimulator } from '../../../tools/ari-sim/index';

const USER = 'explorer';
const PASSWORD = 'Corr3ct-h0rse-battery';

function makeManager() {
  const context = { globalState: new InMemoryMemento(), secrets: new InMemorySecretStorage() } as unknown as vscode.ExtensionContext;
  const log = new MemoryLogOutputChannel();
  const manager = new ConnectionManager(context, log as unknown as vscode.LogOutputChannel);
  return { manager, log, secrets: (context as unknown as { secrets: InMemorySecretStorage }).secrets };
}

function nextPhase(manager: ConnectionManager, kind: ConnectionPhase['kind']): Promise<ConnectionPhase> {
  return new Promise((resolve) => {
    const sub = manager.onDidChangePhase((p) => {
      if (p.kind === kind) {
        sub.dispose();
        resolve(p);
      }
    });
  });
}

function nextMessage(pred: (m: ShownMessage) => boolean): Promise<ShownMessage> {
  return new Promise((resolve) => {
    const sub = fake.messageShown.event((m) => {
      if (pred(m)) {
        sub.dispose();
        resolve(m);
      }
    });
  });
}

beforeEach(() => fake.reset());

test('a profile without a stored password asks for it, stores it and connects', async () => {
  const sim = await startSimulator({ port: 0, user: USER, password: PASSWORD });
  const { manager, log, secrets } = makeManager();
  try {
    assert.equal(fake.contextKeys.get('ariExplorer.hasProfiles'), false);
    const p = await manager.profiles.add({ name: 'sim', url: sim.url, username: USER, apps: [] });
    assert.equal(fake.contextKeys.get('ariExplorer.hasProfiles'), true);
    fake.inputBoxAnswers.push(PASSWORD);
    const session = await manager.connect(p.id);
    assert.equal(fake.inputBoxes[0].password, true);
    assert.equal(await manager.profiles.getPassword(p.id), PASSWORD);
    assert.equal([...secrets.values.values()].filter((v) => v === PASSWORD).length, 1);
    assert.equal(manager.active, session);
    assert.equal(manager.phase.kind, 'connected');
    assert.match((manager.phase as { version?: string }).version ?? '', /\d/);
    assert.equal(fake.contextKeys.get('ariExplorer.connected'), true);
    assert.deepEqual(session.apps, [manager.observerApp]);
    assert.match(manager.observerApp, /^ari-explorer-/);
    await manager.disconnect();
    assert.equal(manager.active, undefined);
    assert.equal(manager.phase.kind, 'disconnected');
    assert.equal(fake.contextKeys.get('ariExplorer.connected'), false);
    assert.throws(() => manager.requireSession(), /Not connected/);
  } finally {
    manager.dispose();
    await sim.close();
  }
  const text = log.text();
  for (const secret of [PASSWORD, Buffer.from(`${USER}:${PASSWORD}`).toString('base64'), 'api_key']) assert.ok(!text.includes(secret), secret);
});

test('a 401 offers to update the stored password, then reconnects with the new one', async () => {
  const sim = await startSimulator({ port: 0, user: USER, password: PASSWORD });
  const { manager, log } = makeManager();
  try {
    const p = await manager.profiles.add({ name: 'sim', url: sim.url, username: USER, apps: [] }, 'wrong-password-1');
    const offer = nextMessage((m) => m.level === 'error' && m.items.includes('Update Password'));
    const connected = nextPhase(manager, 'connected');
    fake.messageAnswers.push('Update Password');
    fake.inputBoxAnswers.push(PASSWORD);
    await assert.rejects(manager.connect(p.id), (err: Error & { status?: number }) => err.status === 401);
    assert.equal(manager.phase.kind, 'error');
    // The explorer's welcome switches to "the last connection attempt failed" with its fixes.
    assert.equal(fake.contextKeys.get('ariExplorer.connectionFailed'), true);
    const m = await offer;
    assert.match(m.text, /rejected user "explorer" \(401 Unauthorized\)\. Update the stored password\?/);
    await connected;
    assert.equal(fake.contextKeys.get('ariExplorer.connectionFailed'), false);
    assert.equal(await manager.profiles.getPassword(p.id), PASSWORD);
    assert.match(fake.inputBoxes[0].prompt ?? '', /rejected/);
  } finally {
    manager.dispose();
    await sim.close();
  }
  assert.ok(!log.text().includes('wrong-password-1'));
  assert.ok(!log.text().includes(PASSWORD));
});

test('an app name already registered is asked about; ApplicationReplaced is a warning', async () => {
  const sim = await startSimulator({ port: 0, user: USER, password: PASSWORD });
  const { manager } = makeManager();
  const other = new AriSession({ connection: { url: sim.url, username: USER, password: PASSWORD }, apps: ['hello-world'], subscribeAll: false });
  let thief: AriSession | undefined;
  try {
    await other.start();
    const p = await manager.profiles.add({ name: 'sim', url: sim.url, username: USER, apps: ['hello-world'] }, PASSWORD);
    fake.messageAnswers.push('Observe Only');
    const s1 = await manager.connect(p.id);
    const asked = fake.messages.find((m) => m.modal);
    assert.ok(asked, 'a modal question was asked');
    assert.match(asked.text, /"hello-world" is already registered/);
    assert.deepEqual(s1.apps, [manager.observerApp]);

    // Registered on purpose; then someone else takes the name over.
    other.dispose();
    await manager.disconnect();
    // The simulator may not have seen the other socket close yet: then it is asked again.
    fake.messageAnswers.push('Register Anyway');
    const s2 = await manager.connect(p.id);
    assert.deepEqual(s2.apps, [manager.observerApp, 'hello-world']);
    const warned = nextMessage((m) => m.level === 'warning' && /ApplicationReplaced/.test(m.text));
    thief = new AriSession({ connection: { url: sim.url, username: USER, password: PASSWORD }, apps: ['hello-world'], subscribeAll: false });
    await thief.start();
    const w = await warned;
    assert.match(w.text, /registered the Stasis app "hello-world"/);
  } finally {
    other.dispose();
    thief?.dispose();
    manager.dispose();
    await sim.close();
  }
});

test('a dropped socket shows reconnecting with a retry time, then connected again', async () => {
  const sim = await startSimulator({ port: 0, user: USER, password: PASSWORD });
  const { manager } = makeManager();
  try {
    const p = await manager.profiles.add({ name: 'sim', url: sim.url, username: USER, apps: [] }, PASSWORD);
    await manager.connect(p.id);
    const reconnecting = nextPhase(manager, 'reconnecting');
    sim.faults.dropSockets();
    const r = await reconnecting;
    assert.ok(r.kind === 'reconnecting' && r.retryAt > 0 && r.profileName === 'sim');
    assert.equal(fake.contextKeys.get('ariExplorer.connecting'), true);
    await nextPhase(manager, 'connected');
    assert.equal(fake.contextKeys.get('ariExplorer.connected'), true);
  } finally {
    manager.dispose();
    await sim.close();
  }
});
