// Two simulators at once (#16), one behind an http prefix: the explorer shows a root per
// server, and a command run on a node of one server acts on that server only.
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import * as vscodeApi from 'vscode';
import { startSimulator, type Simulator } from '../../tools/ari-sim/index';
import type { Profile } from '../../src/extension/profiles/profile';
import { activateExtension, probes, waitFor } from './helpers';

describe('several servers at once', function () {
  this.timeout(30_000);
  let simA: Simulator;
  let simB: Simulator;
  const profiles: Profile[] = [];

  before(async () => {
    simA = await startSimulator({ port: 0, timeScale: 0.2 });
    simB = await startSimulator({ port: 0, timeScale: 0.2, prefix: '/asterisk' });
    const { services } = await activateExtension();
    await services.connections.disconnect();
    const stamp = Date.now();
    profiles.push(await services.connections.profiles.add({ name: `Alpha ${stamp}`, url: simA.url, username: 'test', apps: [] }, 'test_password'));
    profiles.push(await services.connections.profiles.add({ name: `Beta ${stamp}`, url: simB.url, username: 'test', apps: [] }, 'test_password'));
  });

  after(async () => {
    const { services } = await activateExtension();
    await services.connections.disconnect().catch(() => undefined);
    for (const p of profiles) await services.connections.profiles.remove(p.id).catch(() => undefined);
    await simA?.close();
    await simB?.close();
  });

  it('connects both; the tree has a root per server; a hang-up from a node of the prefixed server acts there only', async () => {
    const { services } = await activateExtension();
    const [a, b] = profiles;
    await vscodeApi.commands.executeCommand('ariExplorer.profiles.connect', a.id);
    // Connecting another profile keeps the first connection.
    await vscodeApi.commands.executeCommand('ariExplorer.profiles.connect', b.id);
    assert.deepEqual(
      services.connections.servers.map((s) => s.profileId),
      [a.id, b.id],
    );
    const roots = await (await probes()).tree!();
    assert.deepEqual(
      roots.map((r) => [r.label, r.contextValue]),
      [
        [a.name, 'serverRoot'],
        [b.name, 'serverRoot'],
      ],
    );

    // A call on each server.
    const sa = services.connections.sessionOf(a.id)!;
    const sb = services.connections.sessionOf(b.id)!;
    const idA = await simA.originateFromCli('Local/100@default', { context: 'default', exten: '100' });
    const idB = await simB.originateFromCli('Local/100@default', { context: 'default', exten: '100' });
    // Two fresh simulators number their channels alike: the same id on both servers, which
    // only the node's server tells apart.
    await waitFor('both calls in their own models', () => sa.model.channels.has(idA) && sb.model.channels.has(idB));

    // The event panel merges both streams, each event with its server; "Show Events for This
    // Channel" on beta's node shows beta's channel only, though alpha has one with the same id.
    const probe = await probes();
    const buffered = (): Record<string, number> => probe.events!().serverCounts;
    await waitFor(`events of both servers in the panel's buffer`, () => (buffered()[a.name] ?? 0) > 0 && (buffered()[b.name] ?? 0) > 0, {
      events: [sa.onEvents as vscode.Event<unknown>, sb.onEvents as vscode.Event<unknown>],
    });
    await vscodeApi.commands.executeCommand('ariExplorer.events.showForChannel', { kind: 'channel', id: idB, profileId: b.id });
    const betaOnly = probe.events!();
    assert.equal(betaOnly.panelFilter?.server, b.name);
    assert.equal(betaOnly.panelFilter?.channel, idB);
    await vscodeApi.commands.executeCommand('ariExplorer.events.showForChannel', { kind: 'channel', id: idB });
    const both = probe.events!();
    assert.equal(both.panelFilter?.server ?? '', '', 'a node without a server filters by channel only');
    if (idA === idB)
      assert.ok((both.panelTotal ?? 0) > (betaOnly.panelTotal ?? 0), `${both.panelTotal} rows for ${idB} on both servers, ${betaOnly.panelTotal} on beta`);
    assert.ok((betaOnly.panelTotal ?? 0) > 0);
    await vscodeApi.commands.executeCommand('workbench.action.closeActiveEditor');

    // Hang up from beta's node: the node names its server; the reason is given by a QuickPick.
    const node = { kind: 'channel', id: idB, profileId: b.id };
    const hangup = vscodeApi.commands.executeCommand('ariExplorer.channel.hangup', node);
    let settled = false;
    void Promise.resolve(hangup).finally(() => (settled = true));
    const deadline = Date.now() + 10_000;
    while (!settled && Date.now() < deadline) {
      await vscodeApi.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise((r) => setTimeout(r, 100));
    }
    await hangup;
    await waitFor('beta channel gone', () => !sb.model.channels.has(idB), { events: [sb.onModelChange as vscode.Event<unknown>] });
    assert.ok(sa.model.channels.has(idA), `alpha's call ${idA} is untouched (beta's was ${idB})`);

    // Disconnect beta from its root: alpha stays, and the tree is flat again.
    await vscodeApi.commands.executeCommand('ariExplorer.profiles.disconnect', { kind: 'serverRoot', id: b.id, profileId: b.id });
    assert.deepEqual(
      services.connections.servers.map((s) => s.profileId),
      [a.id],
    );
    const flat = await (await probes()).tree!();
    assert.match(flat[0].contextValue ?? '', /^category\./);
  });

  it("Go to Dialplan on a channel node of the server that is not focused opens that server's channel", async () => {
    const { services } = await activateExtension();
    const [a, b] = profiles;
    // Alpha first, beta last: beta is the focused server (what the dialplan used to follow).
    if (!services.connections.sessionOf(a.id)) await vscodeApi.commands.executeCommand('ariExplorer.profiles.connect', a.id);
    await vscodeApi.commands.executeCommand('ariExplorer.profiles.connect', b.id);
    assert.equal(services.connections.activeProfile?.id, b.id);
    const sa = services.connections.sessionOf(a.id)!;
    const sb = services.connections.sessionOf(b.id)!;

    // Alpha's call sits in MusicOnHold (102@default), beta's rings in 103@default: whichever
    // server the command looked at, it would open a different line (and the ids may be equal).
    const idA = await simA.originateFromCli('Local/100@default', { context: 'default', exten: '102' });
    const idB = await simB.originateFromCli('Local/100@default', { context: 'default', exten: '103' });
    await waitFor(
      'both calls at their resting step',
      () => sa.model.channels.get(idA)?.dialplan.app_name === 'MusicOnHold' && sb.model.channels.get(idB)?.dialplan.app_name === 'Wait',
      {
        events: [sa.onModelChange as vscode.Event<unknown>, sb.onModelChange as vscode.Event<unknown>],
      },
    );

    await vscodeApi.commands.executeCommand('workbench.action.closeAllEditors');
    await vscodeApi.commands.executeCommand('ariExplorer.channel.goToDialplan', { kind: 'channel', id: idA, profileId: a.id });
    const editor = await waitFor('the dialplan open', () => vscodeApi.window.activeTextEditor);
    assert.match(editor.document.uri.path, /\/extensions\.conf$/);
    const line = editor.document.lineAt(editor.selection.start.line).text;
    assert.match(line, /MusicOnHold\(\)/, `alpha's ${idA} is on hold; the line shown was "${line}"`);
    await vscodeApi.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
