// STUB — replaced by the owner of src/extension/profiles (see docs/ARCHITECTURE.md).
import * as vscode from 'vscode';
import type { Services } from '../services';

export function registerProfiles(_services: Services): vscode.Disposable {
  return new vscode.Disposable(() => undefined);
}
