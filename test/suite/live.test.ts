// Against the ARI simulator, started here (bundled into the suite): connect, follow calls,
// act on them with the extension's commands, and see the events.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startSimulator, type Simulator } from '../../tools/ari-sim/index';
import type { AriSession, EventRecord } from '../../src/extension/connection/session';
import type { Profile } from '../../src/extension/profiles/profile';
import { activateExtension, acceptQuickPicksUntil, probes, waitFor } from './helpers';

describe('live against the simulator', function () {
  this.timeout(30_000);
  let sim: Simulator;
  let profile: Profile;
  let session: AriSession;
  const events: EventRecord[] = [];
  let eventsSub: { dispose(): void } | undefined;

  before(async () => {
    sim = await startSimulator({ port: 0, timeScale: 0.2 });
    const { services } = await activateExtension();
    profile = await services.connections.profiles.add(
      { name: `Suite simulator ${Date.now()}`, url: sim.url, username: 'test', apps: ['hello-world'] },
      'test_password',
    );
  });

  after(async () => {
    eventsSub?.dispose();
    const { services } = await activateExtension();
    await services.connections.disconnect().catch(() => undefined);
    if (profile) await services.connections.profiles.remove(profile.id).catch(() => undefined);
    await sim?.close();
  });

  const originateIntoStasis = async (): Promise<string> => {
    const before = new Set(session.model.channels.keys());
    const res = await fetch(`${sim.url}/ari/channels?endpoint=Local/1776@from-test&extension=100&context=default`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from('test:test_password').toString('base64')}` },
    });
    assert.equal(res.status, 200, `originate answered ${res.status}`);
    return waitFor('a new channel in Stasis(hello-world) in the model', () => session.model.channelsInApp('hello-world').find((c) => !before.has(c.id))?.id, {
      events: [session.onModelChange as vscode.Event<unknown>],
    });
  };

  const eventFor = (type: string, channelId: string) =>
    waitFor(`${type} for ${channelId}`, () =>
      events.find((r) => {
        const e = r.event as { type: string; channel?: { id: string }; playback?: { target_uri?: string } };
        return e.type === type && (e.channel?.id === channelId || e.playback?.target_uri === `channel:${channelId}`);
      }),
    );

  it('connects to the simulator and the socket opens', async () => {
    const { services } = await activateExtension();
    session = await services.connections.connect(profile.id, { trustApps: true });
    eventsSub = session.onEvents((batch) => events.push(...batch));
    await waitFor('the event socket to open', () => session.socket.state.kind === 'open', {
      events: [session.onState as vscode.Event<unknown>],
    });
    assert.equal(services.connections.active, session);
    assert.equal(services.connections.activeProfile?.id, profile.id);
  });

  it('a call into Stasis(hello-world) appears in the model, with StasisStart', async () => {
    const id = await originateIntoStasis();
    await eventFor('StasisStart', id);
  });

  it('the explorer tree shows the call under Channels and drops it after the hangup', async () => {
    const id = await originateIntoStasis();
    const name = session.model.channels.get(id)!.name;
    // The row leads with what tells the halves apart: "00000001;2 · Local/1776@from-test".
    const tail = /^(.+)-([0-9a-f]+;\d)$/.exec(name);
    assert.ok(tail, `a Local half's name: ${name}`);
    const label = `${tail[2]} · ${tail[1]}`;
    const channelRow = async () => {
      const roots = await (await probes()).tree!();
      const channels = roots.find((r) => r.label === 'Channels');
      return channels?.children.find((c) => c.label === label);
    };
    const row = await waitFor(`${name} under Channels in the tree`, channelRow, { events: [session.onModelChange as vscode.Event<unknown>] });
    assert.match(row.contextValue ?? '', /^channel\.Up\.stasis$/);
    await session.rest.channels.hangup(id);
    await waitFor(`${name} to leave the tree`, async () => !(await channelRow()), { events: [session.onModelChange as vscode.Event<unknown>] });
  });

  it('ariExplorer.channel.play on a tree node (first sound picked): PlaybackStarted, PlaybackFinished', async () => {
    const id = await originateIntoStasis();
    await acceptQuickPicksUntil(vscode.commands.executeCommand('ariExplorer.channel.play', { kind: 'channel', id }));
    await eventFor('PlaybackStarted', id);
    await eventFor('PlaybackFinished', id);
  });

  it('ariExplorer.channel.hangup (reason picked) removes the channel from the model', async () => {
    const id = await originateIntoStasis();
    await acceptQuickPicksUntil(vscode.commands.executeCommand('ariExplorer.channel.hangup', { kind: 'channel', id }));
    await eventFor('ChannelDestroyed', id);
    await waitFor('the channel to leave the model', () => !session.model.channels.has(id), {
      events: [session.onModelChange as vscode.Event<unknown>],
    });
  });

  it('ariExplorer.channel.goToDialplan opens extensions.conf at the Stasis(hello-world) line', async () => {
    const id = await originateIntoStasis();
    await vscode.commands.executeCommand('ariExplorer.channel.goToDialplan', { kind: 'channel', id });
    const editor = await waitFor(
      'extensions.conf in the active editor',
      () => {
        const e = vscode.window.activeTextEditor;
        return e && e.document.uri.path.endsWith('/extensions.conf') ? e : undefined;
      },
      { events: [vscode.window.onDidChangeActiveTextEditor as vscode.Event<unknown>] },
    );
    const line = editor.document.lineAt(editor.selection.active.line).text;
    assert.match(line, /Stasis\(hello-world\)/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('ariExplorer.events.show opens the "ARI Events" panel', async () => {
    const isEventsTab = (t: vscode.Tab) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('ariExplorer.eventsPanel');
    await vscode.commands.executeCommand('ariExplorer.events.show');
    const tab = await waitFor('the events panel tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find(isEventsTab), {
      events: [vscode.window.tabGroups.onDidChangeTabs as vscode.Event<unknown>],
    });
    assert.equal(tab.label, 'ARI Events');
    const probe = await probes();
    const buffered = probe.events!();
    assert.equal(buffered.panelOpen, true);
    assert.ok((buffered.typeCounts.StasisStart ?? 0) >= 1 && (buffered.typeCounts.PlaybackFinished ?? 0) >= 1, "the panel's buffer holds the session's events");
    const before = buffered.size;
    await originateIntoStasis();
    await waitFor("new events in the panel's buffer", () => probe.events!().size > before, { events: [session.onEvents as vscode.Event<unknown>] });
    await vscode.window.tabGroups.close(tab);
  });

  it('disconnects', async () => {
    const { services } = await activateExtension();
    await services.connections.disconnect();
    assert.equal(services.connections.active, undefined);
  });
});
