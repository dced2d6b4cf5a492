// STUB — replaced by the owner of src/extension/views (see docs/ARCHITECTURE.md).
import * as vscode from 'vscode';
import type { Services } from '../services';

export function registerViews(_services: Services): vscode.Disposable {
  return new vscode.Disposable(() => undefined);
}
