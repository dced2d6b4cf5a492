// The "Get started with ARI" walkthrough and being the app. Thin glue over core/: each connected
// server's events feed its own AppArrivals; a channel entering one of its profile's apps is
// announced with its next steps and revealed in the tree (each can be turned off), the view
// badge counts the channels that wait on every server, and the walkthrough's steps complete
// through context keys set from real events (StasisStart, PlaybackFinished, StasisEnd;
// `connected` is ariExplorer.connected).
import * as vscode from 'vscode';
import { showPlaybackStatus } from '../commands/playbackStatus';
import type { Services } from '../services';
import { registerCommand } from '../util/commands';
import { t } from '../util/l10n';
import { AppArrivals, arrivalActions, arrivalMessage, moreLabel, waitingBadge, type Arrival, type Milestone } from './core/appArrivals';
import { ariConf, httpConf, seedDialplan, type Snippet } from './core/snippets';
import type { LiveServer } from '../connection/servers';

export const ANNOUNCE_SETTING = 'app.announceArrivals';
export const REVEAL_SETTING = 'app.revealArrivals';
const SEED_CALL = { exten: '1776', context: 'from-test', app: 'hello-world' };

function setting(key: string): boolean {
  return vscode.workspace.getConfiguration('ariExplorer').get<boolean>(key, true);
}

/** True when arrivals are announced by a notification (the Call command then stays quiet). */
export function announcesArrivals(): boolean {
  return setting(ANNOUNCE_SETTING);
}

function setMilestone(m: Milestone): void {
  // Literal keys: the manifest test finds every key a `when` or walkthrough uses.
  if (m === 'stasisStart') void vscode.commands.executeCommand('setContext', 'ariExplorer.walkStasisStart', true);
  if (m === 'playbackStarted') void vscode.commands.executeCommand('setContext', 'ariExplorer.walkPlaybackStarted', true);
  if (m === 'playbackFinished') void vscode.commands.executeCommand('setContext', 'ariExplorer.walkPlaybackFinished', true);
  if (m === 'stasisEnd') void vscode.commands.executeCommand('setContext', 'ariExplorer.walkStasisEnd', true);
}

async function openSnippet(s: Snippet): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ language: s.language, content: s.content });
  await vscode.window.showTextDocument(doc, { preview: false });
}

/** One connected server's arrivals: channel ids repeat across servers, so each keeps its own. */
interface Watched {
  readonly server: LiveServer;
  readonly arrivals: AppArrivals;
  readonly sub: { dispose(): void };
}

export function registerWalkthrough(services: Services): vscode.Disposable {
  const manager = services.connections;
  const watched = new Map<string, Watched>();
  /** The order channels arrived in, across servers: Play and Hang Up act on the newest. */
  const arrivedAt = new WeakMap<Arrival, number>();
  let arrivals = 0;

  const waitingCount = () => [...watched.values()].reduce((n, w) => n + w.arrivals.count, 0);
  const showBadge = () => void vscode.commands.executeCommand('ariExplorer.tree.setWaitingBadge', waitingBadge(waitingCount()));

  const announce = async (a: Arrival, server: LiveServer): Promise<void> => {
    // A tree node of the arrival's server (profileId, as the tree sets it): the actions act there.
    const node = { kind: 'channel', id: a.channelId, profileId: server.profileId };
    if (setting(REVEAL_SETTING)) void vscode.commands.executeCommand('ariExplorer.tree.revealChannel', a.channelId, server.profileId);
    if (!setting(ANNOUNCE_SETTING)) return;
    const { buttons, more } = arrivalActions();
    const text = manager.servers.length > 1 ? arrivalMessage(a, server.profileName) : arrivalMessage(a);
    const pick = await vscode.window.showInformationMessage(text, ...buttons.map((x) => x.label), moreLabel());
    let action = buttons.find((x) => x.label === pick);
    if (pick === moreLabel()) {
      const item = await vscode.window.showQuickPick(
        more.map((x) => ({ label: x.label, action: x })),
        { title: a.channelName, placeHolder: t('What next for {0}?', a.channelName) },
      );
      action = item?.action;
    }
    if (action) await vscode.commands.executeCommand(action.command, node);
  };

  const watch = (server: LiveServer): Watched => {
    const own = new AppArrivals(manager.profiles.get(server.profileId)?.apps ?? []);
    const sub = server.session.onEvents((records) => {
      const r = own.ingest(records.map((x) => x.event));
      for (const m of r.milestones) setMilestone(m);
      for (const a of r.arrived) arrivedAt.set(a, ++arrivals);
      if (r.countChanged) showBadge();
      for (const a of r.arrived) void announce(a, server);
    });
    return { server, arrivals: own, sub };
  };

  /** Every connected server is watched; one whose session changed (a new connect) starts over. */
  const sync = (servers: readonly LiveServer[]) => {
    const live = new Map(servers.map((s) => [s.profileId, s]));
    for (const [id, w] of [...watched]) {
      if (live.get(id)?.session === w.server.session) continue;
      w.sub.dispose();
      watched.delete(id);
    }
    for (const s of servers) if (!watched.has(s.profileId)) watched.set(s.profileId, watch(s));
    showBadge();
  };
  sync(manager.servers);

  // The Connect step completes on a change of this key while connected. A key set once at
  // startup can change before VS Code has registered the walkthrough's completion events
  // (the seeded profile connects during activation), so it is renewed on each connect and on
  // each walkthrough action: a counter, so that every renewal is a change.
  let connectedMarks = 0;
  const markConnected = () => {
    if (manager.phase.kind !== 'connected') return;
    connectedMarks++;
    void vscode.commands.executeCommand('setContext', 'ariExplorer.walkConnected', connectedMarks);
  };
  markConnected();
  const step =
    <A extends unknown[]>(fn: (...args: A) => unknown) =>
    (...args: A) => {
      markConnected();
      return fn(...args);
    };

  /** The channel the walkthrough's Play and Hang Up act on: the newest that waits, on any server. */
  const waiting = (): { arrival: Arrival; profileId: string } | undefined => {
    let newest: { arrival: Arrival; profileId: string } | undefined;
    for (const w of watched.values()) {
      for (const a of w.arrivals.channels) {
        if (!newest || (arrivedAt.get(a) ?? 0) > (arrivedAt.get(newest.arrival) ?? 0)) newest = { arrival: a, profileId: w.server.profileId };
      }
    }
    if (newest) return newest;
    void vscode.window.showWarningMessage(t('No channel waits in your Stasis apps: make the call of step 4 first.'));
    return undefined;
  };

  return vscode.Disposable.from(
    new vscode.Disposable(() => {
      for (const w of watched.values()) w.sub.dispose();
      watched.clear();
    }),
    manager.onDidChangeServers(sync),
    manager.onDidChangePhase(markConnected),
    registerCommand(
      services,
      'ariExplorer.walkthrough.openServerConfig',
      step(async () => {
        await openSnippet(httpConf());
        await openSnippet(ariConf());
      }),
    ),
    registerCommand(
      services,
      'ariExplorer.walkthrough.openDialplan',
      step(async () => {
        const files = await vscode.workspace.findFiles('**/extensions*.conf', '**/node_modules/**', 20);
        for (const uri of files) {
          const doc = await vscode.workspace.openTextDocument(uri);
          const line = doc
            .getText()
            .split(/\r?\n/)
            .findIndex((l) => /^\s*\[from-test\]/.test(l));
          if (line < 0) continue;
          const pos = new vscode.Position(line, 0);
          await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos), preview: false });
          return;
        }
        await openSnippet(seedDialplan());
      }),
    ),
    registerCommand(
      services,
      'ariExplorer.walkthrough.call',
      step(() => vscode.commands.executeCommand('ariExplorer.dialplan.call', SEED_CALL)),
    ),
    registerCommand(
      services,
      'ariExplorer.walkthrough.play',
      step(async () => {
        const w = waiting();
        if (!w) return;
        const { arrival: a } = w;
        const session = manager.requireSession(w.profileId);
        const pb = await session.rest.channels.play(a.channelId, { media: 'sound:hello-world' });
        showPlaybackStatus(session, pb.id, ['sound:hello-world'], a.channelName, () => session.model.channels.has(a.channelId));
      }),
    ),
    registerCommand(
      services,
      'ariExplorer.walkthrough.hangup',
      step(async () => {
        const w = waiting();
        if (!w) return;
        const { arrival: a } = w;
        await manager.requireSession(w.profileId).rest.channels.hangup(a.channelId);
        vscode.window.setStatusBarMessage(t('$(call-incoming) Hung up {0}', a.channelName), 5000);
      }),
    ),
  );
}
