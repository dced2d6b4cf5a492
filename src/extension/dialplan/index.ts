// Dialplan features for extensions.conf: language providers (outline, folding, hover, go to
// definition), CodeLens bound to the live session, Go to Dialplan Location from the tree,
// originate from an extension, and dialplan reload (on demand and on save).
import * as vscode from 'vscode';
import type { Services } from '../services';
import { registerCommand } from '../util/commands';
import { SHOW_APP_CHANNELS_COMMAND } from './core/lenses';
import { registerCodeLens } from './codeLens';
import { registerGoToDialplan } from './goToDialplan';
import { registerLanguageProviders } from './languageProviders';
import { registerOriginate } from './originate';
import { registerReload } from './reload';
import type { DialplanSessionSource } from './sessionView';
import { WorkspaceDialplans } from './workspaceDialplans';

export function registerDialplan(services: Services): vscode.Disposable {
  // ConnectionManager satisfies the narrow view structurally (checked here by the compiler).
  const source: DialplanSessionSource = services.connections;
  const dialplans = new WorkspaceDialplans();
  return vscode.Disposable.from(
    dialplans,
    registerLanguageProviders(dialplans),
    registerCodeLens(source, dialplans),
    registerGoToDialplan(services, source, dialplans),
    // With arrivals announced (walkthrough/), the Call command leaves the toast to that notification.
    registerOriginate(services, source, dialplans, () => vscode.workspace.getConfiguration('ariExplorer').get<boolean>('app.announceArrivals', true)),
    registerReload(services, source),
    // The Stasis lens: filter the tree to the app and show its events.
    registerCommand(services, SHOW_APP_CHANNELS_COMMAND, async (app) => {
      if (typeof app !== 'string') return;
      await vscode.commands.executeCommand('ariExplorer.tree.filterByApp', app);
      await vscode.commands.executeCommand('ariExplorer.events.show', { app });
    }),
  );
}
