// The connection settings this area declares (contrib/10-profiles.json), read in one place.
import * as vscode from 'vscode';
import { restrictedSetting } from '../util/trustedSettings';

export function reconcileMs(): number {
  const s = restrictedSetting(vscode.workspace.getConfiguration('ariExplorer'), 'reconcileIntervalSeconds', 60);
  return s > 0 ? s * 1000 : 0;
}

export function requestTimeoutMs(): number {
  const s = restrictedSetting(vscode.workspace.getConfiguration('ariExplorer'), 'requestTimeoutSeconds', 10);
  return s > 0 ? s * 1000 : 10_000;
}
