// The connection status bar item: renders ConnectionManager.phase through renderStatus().
import * as vscode from 'vscode';
import type { Services } from '../services';
import { registerCommand } from '../util/commands';
import { renderServersStatus, serversActions, statusActions, type ServerPhase } from './statusModel';

export function registerStatusBar(services: Services): vscode.Disposable {
  const manager = services.connections;
  const item = vscode.window.createStatusBarItem('ariExplorer.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'ARI Connection';
  item.command = 'ariExplorer.connection.statusMenu';
  let timer: NodeJS.Timeout | undefined;

  const servers = (): ServerPhase[] =>
    manager.connections.filter((c) => c.phase.kind !== 'disconnected').map((c) => ({ profileId: c.profile.id, phase: c.phase }));
  const render = () => {
    const v = renderServersStatus(servers(), manager.phase, Date.now());
    item.text = v.text;
    item.tooltip = new vscode.MarkdownString(v.tooltip, true);
    item.color = v.color ? new vscode.ThemeColor(v.color) : undefined;
    item.backgroundColor = v.background ? new vscode.ThemeColor(v.background) : undefined;
    // Only a countdown needs the clock; otherwise the item changes with the phase alone.
    if (v.ticking && !timer) timer = setInterval(render, 1000);
    if (!v.ticking && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
  render();
  item.show();

  const menu = registerCommand(services, 'ariExplorer.connection.statusMenu', async () => {
    const now = Date.now();
    const list = servers();
    const placeHolder = renderServersStatus(list, manager.phase, now).text.replace(/\$\([^)]*\)\s*/g, '');
    if (list.length > 1) {
      // Several connections: each server's own actions, then those for all.
      const pick = await vscode.window.showQuickPick(serversActions(list, now), { placeHolder });
      if (pick) await vscode.commands.executeCommand(pick.command, ...(pick.profileId ? [pick.profileId] : []));
      return;
    }
    const pick = await vscode.window.showQuickPick(statusActions(manager.phase), { placeHolder });
    if (pick) await vscode.commands.executeCommand(pick.command);
  });

  return vscode.Disposable.from(item, menu, manager.onDidChangePhase(render), new vscode.Disposable(() => timer && clearInterval(timer)));
}
