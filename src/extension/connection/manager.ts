// STUB — replaced by the profiles/tree/status-bar work (see docs/ARCHITECTURE.md).
import * as vscode from 'vscode';

export class ConnectionManager implements vscode.Disposable {
  constructor(
    readonly context: vscode.ExtensionContext,
    readonly log: vscode.LogOutputChannel,
  ) {}
  dispose(): void {}
}
