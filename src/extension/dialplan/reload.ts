// "Reload Dialplan": PUT /ari/asterisk/modules/pbx_config.so, on demand and after saving a
// dialplan file (per ariExplorer.dialplan.reloadOnSave), with a plain warning when the saved
// file is outside the folder the server reads (ariExplorer.dialplan.serverConfigFolder).
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Services } from '../services';
import { registerCommand, reportError } from '../util/commands';
import { choiceTarget, restrictedSetting } from '../util/trustedSettings';
import { decideOnSave, parseReloadSetting, resolveConfigFolder } from './core/reloadPolicy';
import { CONFIG_SECTION, LANGUAGE_ID } from './language';
import type { DialplanSessionSource } from './sessionView';
import { t } from '../util/l10n';

export const RELOAD_COMMAND = 'ariExplorer.dialplan.reload';
const MODULE = 'pbx_config.so';

function notConnected(): Error {
  return new Error(t('Not connected to an Asterisk server: connect a profile first, then reload the dialplan.'));
}

async function reload(source: DialplanSessionSource, services: Services): Promise<void> {
  const session = source.active;
  if (!session) throw notConnected();
  const server = source.activeProfile?.name ?? t('the server');
  await session.rest.asterisk.reloadModule(MODULE);
  services.log.info(`dialplan: reloaded ${MODULE} on ${server}`);
  void vscode.window.showInformationMessage(t('Dialplan reloaded on {0} ({1}): the server re-read its own extensions.conf.', server, MODULE));
}

export function registerReload(services: Services, source: DialplanSessionSource): vscode.Disposable {
  const reloadReporting = () => reload(source, services).catch((err) => reportError(services, err, RELOAD_COMMAND));
  return vscode.Disposable.from(
    registerCommand(services, RELOAD_COMMAND, () => reload(source, services)),
    // The listener returns its promise (VS Code ignores it) so tests can await the outcome.
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (doc.languageId !== LANGUAGE_ID || doc.uri.scheme !== 'file') return undefined;
      return onSave(doc, source, reloadReporting).catch((err) => reportError(services, err, 'dialplan reload on save'));
    }),
  );
}

async function onSave(doc: vscode.TextDocument, source: DialplanSessionSource, reloadNow: () => Promise<void>): Promise<void> {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION, doc.uri);
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri)?.uri.fsPath ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const action = decideOnSave({
    setting: parseReloadSetting(restrictedSetting<unknown>(config, 'reloadOnSave', undefined)),
    connected: source.active !== undefined,
    filePath: doc.uri.fsPath,
    serverConfigFolder: resolveConfigFolder(restrictedSetting<string | undefined>(config, 'serverConfigFolder', undefined), folder),
  });
  const name = path.basename(doc.uri.fsPath);
  const server = source.activeProfile?.name ?? t('the server');
  switch (action.kind) {
    case 'none':
      return;
    case 'reload':
      return reloadNow();
    case 'notServerFile': {
      const anyway = t('Reload Anyway');
      const settings = t('Open Settings');
      const choice = await vscode.window.showWarningMessage(
        t(
          '{0} is outside {1} (ariExplorer.dialplan.serverConfigFolder): {2} does not read this file, so reloading the dialplan will not pick up this change.',
          name,
          action.folder,
          server,
        ),
        anyway,
        settings,
      );
      if (choice === anyway) return reloadNow();
      if (choice === settings) void vscode.commands.executeCommand('workbench.action.openSettings', 'ariExplorer.dialplan.serverConfigFolder');
      return;
    }
    case 'ask': {
      const labels = { reload: t('Reload Dialplan'), always: t('Always'), never: t('Never') };
      const choice = await vscode.window.showInformationMessage(
        t('Saved {0}. Reload the dialplan on {1}?', name, server),
        labels.reload,
        labels.always,
        labels.never,
      );
      if (choice === labels.always || choice === labels.never) {
        await config.update('reloadOnSave', choice === labels.always ? 'always' : 'never', choiceTarget());
      }
      if (choice === labels.reload || choice === labels.always) return reloadNow();
      return;
    }
  }
}
