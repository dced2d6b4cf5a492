// "Reload Dialplan": PUT /ari/asterisk/modules/pbx_config.so, on demand and after saving a
// dialplan file (per ariExplorer.dialplan.reloadOnSave), with a plain warning when the saved
// file is outside the folder the server reads (ariExplorer.dialplan.serverConfigFolder). With
// several servers connected it asks which (or all) to reload.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Services } from '../services';
import { registerCommand, reportError } from '../util/commands';
import { choiceTarget, restrictedSetting } from '../util/trustedSettings';
import { decideOnSave, parseReloadSetting, resolveConfigFolder } from './core/reloadPolicy';
import { CONFIG_SECTION, LANGUAGE_ID } from './language';
import { pickServers, serverNames } from './servers';
import type { DialplanServer, DialplanSessionSource } from './sessionView';
import { t } from '../util/l10n';

export const RELOAD_COMMAND = 'ariExplorer.dialplan.reload';
const MODULE = 'pbx_config.so';

function notConnected(): Error {
  return new Error(t('Not connected to an Asterisk server: connect a profile first, then reload the dialplan.'));
}

/** PUT pbx_config.so on each server; the toast names those that reloaded, the error those that failed. */
async function reload(servers: readonly DialplanServer[], services: Services): Promise<void> {
  const results = await Promise.allSettled(servers.map((s) => s.session.rest.asterisk.reloadModule(MODULE)));
  const done = servers.filter((_, i) => results[i].status === 'fulfilled');
  for (const s of done) services.log.info(`dialplan: reloaded ${MODULE} on ${s.profileName}`);
  if (done.length === 1) {
    void vscode.window.showInformationMessage(t('Dialplan reloaded on {0} ({1}): the server re-read its own extensions.conf.', done[0].profileName, MODULE));
  } else if (done.length > 1) {
    void vscode.window.showInformationMessage(t('Dialplan reloaded on {0} ({1}): each server re-read its own extensions.conf.', serverNames(done), MODULE));
  }
  const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [{ server: servers[i], err: r.reason as unknown }] : []));
  if (failed.length === 0) return;
  const why = (err: unknown) => (err instanceof Error ? err.message : String(err));
  // One server alone: its error as it was; several: each failure with its server.
  if (servers.length === 1) throw failed[0].err;
  throw new Error(failed.map((f) => t('Reloading the dialplan on {0} failed: {1}', f.server.profileName, why(f.err))).join(' '));
}

export function registerReload(services: Services, source: DialplanSessionSource): vscode.Disposable {
  /** The last server (or ALL_SERVERS) picked: offered first next time. */
  let preferred: string | undefined;
  /** Asks which server when several are connected; `arg` may name one (a tree node). */
  const reloadOn = async (arg: unknown): Promise<void> => {
    const choice = await pickServers(source, arg, { placeHolder: t('Reload the dialplan on which server?'), notConnected, preferred });
    if (source.servers.length > 1) preferred = choice.key;
    await reload(choice.servers, services);
  };
  const reloadReporting = () => reloadOn(undefined).catch((err) => reportError(services, err, RELOAD_COMMAND));
  return vscode.Disposable.from(
    registerCommand(services, RELOAD_COMMAND, (arg) => reloadOn(arg)),
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
  const servers = source.servers;
  const action = decideOnSave({
    setting: parseReloadSetting(restrictedSetting<unknown>(config, 'reloadOnSave', undefined)),
    connected: servers.length > 0,
    filePath: doc.uri.fsPath,
    serverConfigFolder: resolveConfigFolder(restrictedSetting<string | undefined>(config, 'serverConfigFolder', undefined), folder),
  });
  const name = path.basename(doc.uri.fsPath);
  const server = servers.length > 0 ? serverNames(servers) : t('the server');
  // With several servers reloadNow asks which (a dismissed pick reloads nothing): one save never
  // reloads every PBX in sight without the user saying so.
  switch (action.kind) {
    case 'none':
      return;
    case 'reload':
      return reloadNow();
    case 'notServerFile': {
      const anyway = t('Reload Anyway');
      const settings = t('Open Settings');
      const choice = await vscode.window.showWarningMessage(
        servers.length > 1
          ? t(
              '{0} is outside {1} (ariExplorer.dialplan.serverConfigFolder): {2} do not read this file, so reloading the dialplan will not pick up this change.',
              name,
              action.folder,
              server,
            )
          : t(
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
      const labels = { reload: servers.length > 1 ? t('Reload Dialplan…') : t('Reload Dialplan'), always: t('Always'), never: t('Never') };
      const choice = await vscode.window.showInformationMessage(
        servers.length > 1
          ? t('Saved {0}. Reload the dialplan? {1} servers are connected: you pick which next.', name, servers.length)
          : t('Saved {0}. Reload the dialplan on {1}?', name, server),
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
