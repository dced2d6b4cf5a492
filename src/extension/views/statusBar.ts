// The connection status bar item: renders ConnectionManager.phase through renderStatus().
import * as vscode from 'vscode';
import type { Services } from '../services';
import { registerCommand } from '../util/commands';
import { renderStatus, statusActions } from './statusModel';

export function registerStatusBar(services: Services): vscode.Disposable {
  const manager = services.connections;
  const item = vscode.window.createStatusBarItem('ariExplorer.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'ARI Connection';
  item.command = 'ariExplorer.connection.statusMenu';
  let timer: NodeJS.Timeout | undefined;

  const render = () => {
    const v = renderStatus(manager.phase, Date.now());
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
    const actions = statusActions(manager.phase);
    const pick = await vscode.window.showQuickPick(actions, { placeHolder: renderStatus(manager.phase, Date.now()).text.replace(/\$\([^)]*\)\s*/g, '') });
    if (pick) await vscode.commands.executeCommand(pick.command);
  });

  return vscode.Disposable.from(
    item,
    menu,
    manager.onDidChangePhase(render),
    new vscode.Disposable(() => timer && clearInterval(timer)),
  );
}
