// The "Get started with ARI" walkthrough and being the app. Thin glue over core/: the session's
// events feed AppArrivals; a channel entering one of the profile's apps is announced with its
// next steps and revealed in the tree (each can be turned off), the view badge counts the
// channels that wait, and the walkthrough's steps complete through context keys set from real
// events (StasisStart, PlaybackFinished, StasisEnd; `connected` is ariExplorer.connected).
import * as vscode from 'vscode';
import { showPlaybackStatus } from '../commands/playbackStatus';
import type { Services } from '../services';
import { registerCommand } from '../util/commands';
import { t } from '../util/l10n';
import { AppArrivals, arrivalActions, arrivalMessage, moreLabel, waitingBadge, type Arrival, type Milestone } from './core/appArrivals';
import { ariConf, httpConf, seedDialplan, type Snippet } from './core/snippets';

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

export function registerWalkthrough(services: Services): vscode.Disposable {
  const manager = services.connections;
  const arrivals = new AppArrivals([]);
  let sessionSub: vscode.Disposable | undefined;

  const showBadge = () => void vscode.commands.executeCommand('ariExplorer.tree.setWaitingBadge', waitingBadge(arrivals.count));

  const announce = async (a: Arrival): Promise<void> => {
    const node = { kind: 'channel', id: a.channelId };
    if (setting(REVEAL_SETTING)) void vscode.commands.executeCommand('ariExplorer.tree.revealChannel', a.channelId);
    if (!setting(ANNOUNCE_SETTING)) return;
    const { buttons, more } = arrivalActions();
    const pick = await vscode.window.showInformationMessage(arrivalMessage(a), ...buttons.map((x) => x.label), moreLabel());
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

  const attach = () => {
    sessionSub?.dispose();
    sessionSub = undefined;
    arrivals.reset(manager.activeProfile?.apps ?? []);
    showBadge();
    const session = manager.active;
    if (!session) return;
    sessionSub = session.onEvents((records) => {
      const r = arrivals.ingest(records.map((x) => x.event));
      for (const m of r.milestones) setMilestone(m);
      if (r.countChanged) showBadge();
      for (const a of r.arrived) void announce(a);
    });
  };
  attach();

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

  /** The channel the walkthrough's Play and Hang Up act on: the newest that waits. */
  const waiting = (): Arrival | undefined => {
    const all = arrivals.channels;
    if (all.length > 0) return all[all.length - 1];
    void vscode.window.showWarningMessage(t('No channel waits in your Stasis apps: make the call of step 4 first.'));
    return undefined;
  };

  return vscode.Disposable.from(
    new vscode.Disposable(() => sessionSub?.dispose()),
    manager.onDidChangeActive(attach),
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
        const session = manager.requireSession();
        const a = waiting();
        if (!a) return;
        const pb = await session.rest.channels.play(a.channelId, { media: 'sound:hello-world' });
        showPlaybackStatus(session, pb.id, ['sound:hello-world'], a.channelName, () => session.model.channels.has(a.channelId));
      }),
    ),
    registerCommand(
      services,
      'ariExplorer.walkthrough.hangup',
      step(async () => {
        const session = manager.requireSession();
        const a = waiting();
        if (!a) return;
        await session.rest.channels.hangup(a.channelId);
        vscode.window.setStatusBarMessage(t('$(call-incoming) Hung up {0}', a.channelName), 5000);
      }),
    ),
  );
}
