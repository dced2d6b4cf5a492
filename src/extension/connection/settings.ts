// The connection settings this area declares (contrib/10-profiles.json), read in one place.
import * as vscode from 'vscode';

export function reconcileMs(): number {
  const s = vscode.workspace.getConfiguration('ariExplorer').get<number>('reconcileIntervalSeconds', 60);
  return s > 0 ? s * 1000 : 0;
}

export function requestTimeoutMs(): number {
  const s = vscode.workspace.getConfiguration('ariExplorer').get<number>('requestTimeoutSeconds', 10);
  return s > 0 ? s * 1000 : 10_000;
}
