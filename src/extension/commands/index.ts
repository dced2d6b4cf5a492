// STUB — replaced by the owner of src/extension/commands (see docs/ARCHITECTURE.md).
import * as vscode from 'vscode';
import type { Services } from '../services';

export function registerAriCommands(_services: Services): vscode.Disposable {
  return new vscode.Disposable(() => undefined);
}
