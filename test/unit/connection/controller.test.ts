// The per-profile connection core in plain Node (no fake vscode) against the simulator: the
// phase machine, 401 -> one notice per attempt, apps in use asked through the host, and two
// controllers (one server behind an http prefix) connected at once without touching each other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProfileController, type ConnectionProfile, type ControllerHost, type ControllerNotice } from '../../../src/extension/connection/controller';
import type { ConnectionPhase } from '../../../src/extension/connection/phase';
import { CancelledError } from '../../../src/extension/connection/cancelled';
import { AriSession } from '../../../src/extension/connection/session';
import { MemoryLogger } from '../../../src/extension/util/logger';
import { startSimulator } from '../../../tools/ari-sim/index';
import type { Event } from '../../../src/extension/util/emitter';

const USER = 'explorer';
const PASSWORD = 'Corr3ct-h0rse-battery';

interface TestHost extends ControllerHost {
  readonly log: MemoryLogger;
  readonly notices: Array<{ profile: string; notice: ControllerNotice }>;
  readonly asked: string[][];
  passwords: Map<string, string>;
  appsAnswer: 'register' | 'skip';
}

function makeHost(): TestHost {
  const host: TestHost = {
    log: new MemoryLogger(),
    observerApp: 'ari-explorer-test0001',
    notices: [],
    asked: [],
    passwords: new Map(),
    appsAnswer: 'skip',
    connectionOptions: (profile, password) => ({ url: profile.url, username: profile.username, password, timeoutMs: 5000 }),
    reconcileMs: () => 0,
    password: async (profile) => {
      const pw = host.passwords.get(profile.id);
      if (pw === undefined) throw new CancelledError();
      return pw;
    },
    confirmAppsInUse: async (_profile, inUse) => {
      host.asked.push([...inUse]);
      return host.appsAnswer;
    },
    notice: (profile, notice) => host.notices.push({ profile: profile.id, notice }),
  };
  return host;
}

function profile(id: string, url: string, apps: string[] = []): ConnectionProfile {
  return { id, name: `Server ${id}`, url, username: USER, apps };
}

function until<T>(event: Event<T>, pred: (v: T) => boolean, ms = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      d.dispose();
      reject(new Error('timed out'));
    }, ms);
    const d = event((v) => {
      if (pred(v)) {
        clearTimeout(timer);
        d.dispose();
        resolve(v);
      }
    });
  });
}

test('controller: connecting -> connected with the version, the observer app only; disconnect drops the session', async () => {
  const sim = await startSimulator({ port: 0, user: USER, password: PASSWORD });
  const host = makeHost();
  host.passwords.set('a', PASSWORD);
  const c = new ProfileController(profile('a', sim.url), host);
  const phases: ConnectionPhase['kind'][] = [];
  const sessions: Array<AriSession | undefined> = [];
  c.onDidChangePhase((p) => phases.push(p.kind));
  c.onDidChangeSession((s) => sessions.push(s));
  try {
    assert.deepEqual(c.phase, { kind: 'disconnected', profileName: 'Server a' });
    const session = await c.connect();
    assert.equal(c.session, session);
    assert.equal(c.phase.kind, 'connected');
    assert.match((c.phase as { version?: string }).version ?? '', /\d/);
    assert.deepEqual(session.apps, [host.observerApp]);
    assert.equal(phases[0], 'connecting');
    assert.ok(phases.includes('connected'));
    c.disconnect();
    assert.equal(c.session, undefined);
    assert.deepEqual(c.phase, { kind: 'disconnected', profileName: 'Server a' });
    assert.deepEqual(sessions, [session, undefined]);
    assert.equal(host.notices.length, 0);
    assert.ok(!host.log.text().includes(PASSWORD));
  } finally {
    c.dispose();
    await sim.close();
  }
});

test('controller: a cancelled password prompt ends disconnected, without an error', async () => {
  const sim = await startSimulator({ port: 0, user: USER, password: PASSWORD });
  const host = makeHost();
  const c = new ProfileController(profile('a', sim.url), host);
  try {
    await assert.rejects(c.connect(), CancelledError);
    assert.equal(c.phase.kind, 'disconnected');
    assert.equal(c.session, undefined);
    assert.equal(c.needsNewPassword, false);
  } finally {
    c.dispose();
    await sim.close();
  }
});

test('controller: a wrong password is an error phase and one unauthorized notice per attempt', async () => {
  const sim = await startSimulator({ port: 0, user: USER, password: PASSWORD });
  const host = makeHost();
  host.passwords.set('a', 'wrong');
  const c = new ProfileController(profile('a', sim.url), host);
  try {
    await assert.rejects(c.connect(), (e: { status?: number }) => e.status === 401);
    assert.equal(c.phase.kind, 'error');
    assert.equal(c.needsNewPassword, true);
    assert.deepEqual(host.notices, [{ profile: 'a', notice: { kind: 'unauthorized' } }]);
    await assert.rejects(c.connect());
    assert.equal(host.notices.filter((n) => n.notice.kind === 'unauthorized').length, 2);
    host.passwords.set('a', PASSWORD);
    await c.connect();
    assert.equal(c.phase.kind, 'connected');
    assert.equal(c.needsNewPassword, false);
  } finally {
    c.dispose();
    await sim.close();
  }
});

test('controller: app names in use are asked about through the host; "skip" observes only', async () => {
  const sim = await startSimulator({ port: 0, user: USER, password: PASSWORD });
  const other = new AriSession({ connection: { url: sim.url, username: USER, password: PASSWORD }, apps: ['hello-world'], subscribeAll: false });
  const host = makeHost();
  host.passwords.set('a', PASSWORD);
  const c = new ProfileController(profile('a', sim.url, ['hello-world', 'mine']), host);
  try {
    await other.start();
    const session = await c.connect();
    assert.deepEqual(host.asked, [['hello-world']]);
    assert.deepEqual(session.apps, [host.observerApp, 'mine']);
    c.disconnect();
    host.asked.length = 0;
    const trusted = await c.connect({ trustApps: true });
    assert.deepEqual(host.asked, []);
    assert.deepEqual(trusted.apps, [host.observerApp, 'hello-world', 'mine']);
  } finally {
    c.dispose();
    other.dispose();
    await sim.close();
  }
});

test('controller: two servers at once (one behind /asterisk): own sessions, models and reconnects', async () => {
  const simA = await startSimulator({ port: 0, user: USER, password: PASSWORD });
  const simB = await startSimulator({ port: 0, user: USER, password: PASSWORD, prefix: '/asterisk' });
  const host = makeHost();
  host.passwords.set('a', PASSWORD);
  host.passwords.set('b', PASSWORD);
  const a = new ProfileController(profile('a', simA.url), host);
  const b = new ProfileController(profile('b', simB.url), host);
  try {
    assert.match(simB.url, /\/asterisk$/);
    const [sa, sb] = await Promise.all([a.connect(), b.connect()]);
    assert.notEqual(sa, sb);
    assert.equal(a.phase.kind, 'connected');
    assert.equal(b.phase.kind, 'connected');

    // A call on B shows in B's model only.
    const seen = until(sb.onModelChange, () => sb.model.channels.size > 0);
    await simB.originateFromCli('Local/100@default', { context: 'default', exten: '100' });
    await seen;
    assert.equal(sa.model.channels.size, 0);

    // A's socket drops: A reconnects by itself, B never leaves "connected".
    const bPhases: string[] = [];
    b.onDidChangePhase((p) => bPhases.push(p.kind));
    const back = until(a.onDidChangePhase, (p) => p.kind === 'connected');
    simA.faults.dropSockets();
    await until(a.onDidChangePhase, (p) => p.kind === 'reconnecting');
    await back;
    assert.deepEqual(bPhases, []);
    assert.equal(a.session, sa);

    // Disconnecting B leaves A connected.
    b.disconnect();
    assert.equal(b.session, undefined);
    assert.equal(a.phase.kind, 'connected');
    assert.equal(a.session, sa);
  } finally {
    a.dispose();
    b.dispose();
    await simA.close();
    await simB.close();
  }
});
