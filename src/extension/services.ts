import type * as vscode from 'vscode';
import type { ConnectionManager } from './connection/manager';

/** What every area of the extension is given: built once in extension.ts. */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  readonly connections: ConnectionManager;
}
