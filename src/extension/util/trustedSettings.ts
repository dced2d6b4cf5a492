// Settings a workspace could use against its user: reload the dialplan on every save, offer
// another extension as the calling side of an originate, hammer the PBX with resyncs. The
// manifest lists them in capabilities.untrustedWorkspaces.restrictedConfigurations, so VS
// Code ignores their workspace values in Restricted Mode; reading them through here keeps
// that true in hosts that do not apply the list, and answers writes in the same spirit.
import * as vscode from 'vscode';

/** The value of `key`, ignoring workspace and folder values while the workspace is untrusted. */
export function restrictedSetting<T>(config: vscode.WorkspaceConfiguration, key: string, fallback: T): T {
  if (vscode.workspace.isTrusted) return config.get<T>(key, fallback);
  const seen = config.inspect<T>(key);
  return seen?.globalValue ?? seen?.defaultValue ?? fallback;
}

/** Where to save a choice the user made: the workspace, unless it is untrusted (its value
 *  would then be ignored) or there is none. */
export function choiceTarget(): vscode.ConfigurationTarget {
  return vscode.workspace.isTrusted && vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
}
