// Views area: the explorer tree and the connection status bar item.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { registerExplorer } from './explorer';
import { registerStatusBar } from './statusBar';

export function registerViews(services: Services): vscode.Disposable {
  return vscode.Disposable.from(registerExplorer(services), registerStatusBar(services));
}
