// STUB — replaced by the owner of src/extension/dialplan (see docs/ARCHITECTURE.md).
import * as vscode from 'vscode';
import type { Services } from '../services';

export function registerDialplan(_services: Services): vscode.Disposable {
  return new vscode.Disposable(() => undefined);
}
