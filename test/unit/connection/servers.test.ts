// Several servers live at once (#16) through ConnectionManager with the fake vscode module:
// two simulators, one behind an http prefix, each with its own session; commands act on the
// server their argument names and ask which from the palette; the status bar summarises.
import '../fakes/registerVscode';
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { fake, InMemoryMemento, InMemorySecretStorage, MemoryLogOutputChannel } from '../fakes/vscode';
import { ConnectionManager } from '../../../src/extension/connection/manager';
import type { LiveServer } from '../../../src/extension/connection/servers';
import type { Services } from '../../../src/extension/services';
import { sessionOf } from '../../../src/extension/commands/prompts';
import { renderServersStatus, serversActions, type ServerPhase } from '../../../src/extension/views/statusModel';
import { startSimulator } from '../../../tools/ari-sim/index';
import { registerProfileCommands } from '../../../src/extension/profiles/commands';
import { connectOnStartup } from '../../../src/extension/profiles/index';

const USER = 'explorer';
const PASSWORD = 'Corr3ct-h0rse-battery';

function makeManager() {
  const context = { globalState: new InMemoryMemento(), secrets: new InMemorySecretStorage() } as unknown as vscode.ExtensionContext;
  const log = new MemoryLogOutputChannel() as unknown as vscode.LogOutputChannel;
  const manager = new ConnectionManager(context, log);
  const services = { context, log, connections: manager, probes: {} } as Services;
  return { manager, services };
}

beforeEach(() => fake.reset());

test('two servers at once (one behind /asterisk): own sessions; commands act on the named one; disconnect one keeps the other', async () => {
  const simA = await startSimulator({ port: 0, user: USER, password: PASSWORD });
  const simB = await startSimulator({ port: 0, user: USER, password: PASSWORD, prefix: '/asterisk' });
  const { manager, services } = makeManager();
  const changes: (readonly LiveServer[])[] = [];
  manager.onDidChangeServers((s) => changes.push(s));
  try {
    const a = await manager.profiles.add({ name: 'alpha', url: simA.url, username: USER, apps: [] }, PASSWORD);
    const b = await manager.profiles.add({ name: 'beta', url: simB.url, username: USER, apps: [] }, PASSWORD);
    const sa = await manager.connect(a.id);
    const sb = await manager.connect(b.id);
    assert.notEqual(sa, sb);
    assert.deepEqual(
      manager.servers.map((s) => [s.profileId, s.profileName, s.session]),
      [
        [a.id, 'alpha', sa],
        [b.id, 'beta', sb],
      ],
    );
    assert.equal(changes.at(-1)?.length, 2);
    assert.equal(manager.sessionOf(a.id), sa);
    assert.equal(manager.phaseOf(a.id).kind, 'connected');
    assert.equal(manager.phaseOf(b.id).kind, 'connected');
    // The last one connected is focused: the single-server views follow it.
    assert.equal(manager.active, sb);
    assert.equal(manager.activeProfile?.id, b.id);
    assert.equal(fake.contextKeys.get('ariExplorer.connected'), true);
    assert.equal(fake.contextKeys.get('ariExplorer.multipleServers'), true);

    // A call on beta (the prefixed server) is in beta's model only.
    await simB.originateFromCli('Local/100@default', { context: 'default', exten: '100' });
    for (let i = 0; i < 100 && sb.model.channels.size === 0; i++) await new Promise((r) => setTimeout(r, 20));
    assert.ok(sb.model.channels.size > 0);
    assert.equal(sa.model.channels.size, 0);

    // A command started from a node of alpha acts on alpha, whatever is focused.
    assert.equal(await sessionOf(services, { kind: 'channel', id: 'x', profileId: a.id }), sa);
    assert.equal(await sessionOf(services, { kind: 'server', id: 'server', profileId: b.id }), sb);
    // From the palette with two connected: it asks, offering both.
    let offered: string[] = [];
    fake.quickPickAnswers.push((items) => {
      offered = (items as { label: string }[]).map((i) => i.label);
      return (items as { label: string }[]).find((i) => i.label === 'alpha');
    });
    assert.equal(await sessionOf(services), sa);
    assert.deepEqual(offered, ['alpha', 'beta']);
    // Dismissed: the command ends quietly (CancelledError).
    fake.quickPickAnswers.push(() => undefined);
    await assert.rejects(sessionOf(services), { name: 'CancelledError' });

    // The status bar summarises both; its menu has each server's own actions.
    const list: ServerPhase[] = manager.connections.map((c) => ({ profileId: c.profile.id, phase: c.phase }));
    const view = renderServersStatus(list, manager.phase, Date.now());
    assert.equal(view.text, '$(pass-filled) ARI: 2 connected');
    assert.match(view.tooltip, /alpha[\s\S]*beta/);
    const actions = serversActions(list, Date.now());
    assert.deepEqual(
      actions.filter((x) => x.profileId === a.id).map((x) => x.command),
      ['ariExplorer.connection.reconnect', 'ariExplorer.profiles.disconnect'],
    );

    // Disconnecting beta (focused) leaves alpha connected and focuses it.
    await manager.disconnect(b.id);
    assert.equal(sb.socket.state.kind === 'open', false);
    assert.deepEqual(
      manager.servers.map((s) => s.profileId),
      [a.id],
    );
    assert.equal(manager.active, sa);
    assert.equal(manager.phase.kind, 'connected');
    assert.equal(sa.socket.state.kind, 'open');
    assert.equal(fake.contextKeys.get('ariExplorer.multipleServers'), false);
    assert.equal(
      renderServersStatus([{ profileId: a.id, phase: manager.phase }], manager.phase, 0).text,
      '$(pass-filled) ARI: alpha (' + (sa.info?.system?.version ?? '') + ')',
    );

    // Switch Profile (exclusive) ends the others.
    const sb2 = await manager.connect(b.id);
    assert.equal(manager.servers.length, 2);
    const sa2 = await manager.connect(a.id, { exclusive: true });
    assert.deepEqual(
      manager.servers.map((s) => s.profileId),
      [a.id],
    );
    assert.notEqual(sb2.socket.state.kind, 'open');
    assert.equal(manager.active, sa2);

    // Disconnect with no profile ends every connection.
    await manager.connect(b.id);
    await manager.disconnect();
    assert.deepEqual(manager.servers, []);
    assert.equal(manager.phase.kind, 'disconnected');
    assert.equal(fake.contextKeys.get('ariExplorer.connected'), false);
  } finally {
    manager.dispose();
    await simA.close();
    await simB.close();
  }
});

test('removing a connected profile ends only its connection', async () => {
  const simA = await startSimulator({ port: 0, user: USER, password: PASSWORD });
  const simB = await startSimulator({ port: 0, user: USER, password: PASSWORD, prefix: '/asterisk' });
  const { manager } = makeManager();
  try {
    const a = await manager.profiles.add({ name: 'alpha', url: simA.url, username: USER, apps: [] }, PASSWORD);
    const b = await manager.profiles.add({ name: 'beta', url: simB.url, username: USER, apps: [] }, PASSWORD);
    const sa = await manager.connect(a.id);
    await manager.connect(b.id);
    await manager.profiles.remove(b.id);
    assert.deepEqual(
      manager.servers.map((s) => s.profileId),
      [a.id],
    );
    assert.equal(manager.active, sa);
    assert.equal(manager.phase.kind, 'connected');
  } finally {
    manager.dispose();
    await simA.close();
    await simB.close();
  }
});

test('the status summary counts reconnecting and failed servers', () => {
  const list: ServerPhase[] = [
    { profileId: 'a', phase: { kind: 'connected', profileName: 'alpha', version: '22.1.0' } },
    { profileId: 'b', phase: { kind: 'reconnecting', profileName: 'beta', attempt: 2, retryAt: 5000 } },
    { profileId: 'c', phase: { kind: 'error', profileName: 'gamma', error: '401 Unauthorized' } },
  ];
  const v = renderServersStatus(list, list[0].phase, 0);
  assert.equal(v.text, '$(error) ARI: 1 connected, 1 reconnecting, 1 failed');
  assert.equal(v.background, 'statusBarItem.errorBackground');
  assert.equal(v.ticking, true);
  assert.match(v.tooltip, /beta\*\*: reconnecting in 5 s/);
  const actions = serversActions(list, 0);
  assert.deepEqual(
    actions.filter((x) => x.profileId === 'c').map((x) => x.command),
    ['ariExplorer.profiles.updatePassword', 'ariExplorer.connection.reconnect', 'ariExplorer.profiles.disconnect'],
  );
  assert.ok(actions.some((x) => x.command === 'ariExplorer.profiles.connectAnother'));
  // One server: exactly today's item.
  assert.equal(renderServersStatus([list[0]], list[0].phase, 0).text, '$(pass-filled) ARI: alpha (22.1.0)');
});

test('connect on startup: chosen per profile, never exported, and each connects on its own at activation', async () => {
  const simA = await startSimulator({ port: 0, user: USER, password: PASSWORD });
  const simB = await startSimulator({ port: 0, user: USER, password: PASSWORD, prefix: '/asterisk' });
  const { manager, services } = makeManager();
  const commands = registerProfileCommands(services);
  try {
    const a = await manager.profiles.add({ name: 'alpha', url: simA.url, username: USER, apps: [] }, PASSWORD);
    const b = await manager.profiles.add({ name: 'beta', url: simB.url, username: USER, apps: [] }, PASSWORD);
    const c = await manager.profiles.add({ name: 'gamma', url: 'http://127.0.0.1:1', username: USER, apps: [] }, PASSWORD);
    // From the palette: a multi-select with the current choice preselected.
    fake.quickPickAnswers.push((items) => (items as { label: string }[]).filter((i) => i.label !== 'gamma'));
    await fake.commands.get('ariExplorer.profiles.connectOnStartup')!();
    assert.deepEqual(manager.profiles.startupIds(), [a.id, b.id]);
    // With a profile (a server's root): toggles that one.
    assert.equal(await fake.commands.get('ariExplorer.profiles.connectOnStartup')!({ kind: 'serverRoot', id: c.id, profileId: c.id }), true);
    assert.equal(await fake.commands.get('ariExplorer.profiles.connectOnStartup')!(c.id), false);
    assert.ok(!JSON.stringify(manager.profiles.exportProfiles()).includes('Startup'), 'not part of an exported profile');

    await manager.profiles.setConnectOnStartup(c.id, true);
    await connectOnStartup(services);
    assert.deepEqual(
      manager.servers.map((s) => s.profileId).sort(),
      [a.id, b.id].sort(),
      'the two reachable servers are connected; the unreachable one failed alone',
    );
    assert.equal(manager.phaseOf(c.id).kind, 'error');
    assert.ok(fake.messages.some((m) => m.level === 'error' && /gamma/.test(m.text)));

    await manager.profiles.remove(c.id);
    assert.deepEqual(manager.profiles.startupIds(), [a.id, b.id]);
  } finally {
    for (const d of commands) d.dispose();
    manager.dispose();
    await simA.close();
    await simB.close();
  }
});
