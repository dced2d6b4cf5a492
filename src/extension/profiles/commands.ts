// The profile commands: add, edit, duplicate, remove, test, connect, disconnect, switch,
// export, import, update password.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { registerCommand } from '../util/commands';
import { AriError } from '../ari/errors';
import type { Profile } from './profile';
import { fromExport } from './profile';
import { isCancelled, pickProfile, profileForm } from './prompts';

/** A command may get a profile id, a profile, `{ id }`, or nothing (then it asks). */
async function profileArg(services: Services, arg: unknown, placeHolder: string): Promise<Profile> {
  const store = services.connections.profiles;
  const id = typeof arg === 'string' ? arg : arg && typeof arg === 'object' && typeof (arg as { id?: unknown }).id === 'string' ? (arg as { id: string }).id : undefined;
  const found = id ? store.get(id) : undefined;
  if (found) return found;
  return pickProfile(store.list(), placeHolder, services.connections.activeProfile?.id ?? store.activeId);
}

/** Error codes whose fix is the profile's URL (host, port, scheme, prefix). */
const ADDRESS_PROBLEMS = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EINVALIDURL']);

/**
 * An AriError is shown with its hint, prefixed with the profile's name; a 401 offers to update
 * the stored password, an unreachable address or a 404 (wrong prefix) to edit the profile.
 */
export async function showConnectionError(services: Services, err: unknown, profile?: Profile): Promise<void> {
  if (isCancelled(err)) return;
  const message = err instanceof Error ? err.message : String(err);
  const hint = err instanceof AriError ? err.hint : undefined;
  services.log.error(`${message}${hint ? ` — ${hint}` : ''}`);
  const ari = err instanceof AriError ? err : undefined;
  // The fix is in the profile itself: a wrong password, or a wrong address/prefix.
  const fix = !profile || !ari ? [] : ari.status === 401 ? ['Update Password'] : ADDRESS_PROBLEMS.has(ari.code ?? '') || ari.status === 404 ? ['Edit Profile'] : [];
  const text = `${profile ? `"${profile.name}": ` : ''}${hint ? `${message} — ${hint}` : message}`;
  const choice = await vscode.window.showErrorMessage(text, ...fix, 'Show Log');
  if (choice === 'Show Log') services.log.show(true);
  if (choice === 'Edit Profile' && profile) await vscode.commands.executeCommand('ariExplorer.profiles.edit', profile.id);
  if (choice === 'Update Password' && profile) {
    await services.connections.updatePassword(profile, 'rejected').catch((e: unknown) => showConnectionError(services, e, profile));
  }
}

export function registerProfileCommands(services: Services): vscode.Disposable[] {
  const manager = services.connections;
  const store = manager.profiles;
  /** Cancelled prompts end quietly; connection problems get their hint. */
  const cmd = (id: string, handler: (...args: unknown[]) => Promise<unknown>) =>
    registerCommand(services, id, async (...args) => {
      try {
        return await handler(...args);
      } catch (err) {
        if (isCancelled(err)) return undefined;
        throw err;
      }
    });

  const connect = async (profile: Profile) => {
    try {
      await manager.connect(profile.id);
    } catch (err) {
      // 401s are offered a password update by the manager already.
      if (!(err instanceof AriError && err.status === 401)) await showConnectionError(services, err, profile);
    }
  };

  /** 'connected' / 'connecting' when `profile` is the active one in that phase (reconnecting counts as connecting). */
  const connectedOrConnecting = (profile: Profile): 'connected' | 'connecting' | undefined => {
    if (manager.activeProfile?.id !== profile.id) return undefined;
    const kind = manager.phase.kind;
    return kind === 'connected' ? 'connected' : kind === 'connecting' || kind === 'reconnecting' ? 'connecting' : undefined;
  };

  return [
    cmd('ariExplorer.profiles.add', async () => {
      const { fields, password } = await profileForm('Add ARI Connection', (n) => !!store.findByName(n));
      const profile = await store.add(fields, password);
      const choice = await vscode.window.showInformationMessage(`Profile "${profile.name}" saved (password in secret storage).`, 'Connect', 'Test Connection');
      // The toast stays until clicked: by then the profile may be connected by other means
      // (status bar, explorer welcome). Connecting again would drop that session.
      const already = choice === 'Connect' ? connectedOrConnecting(profile) : undefined;
      if (already) vscode.window.setStatusBarMessage(`$(pass-filled) ARI: "${profile.name}" is already ${already}.`, 4000);
      else if (choice === 'Connect') await connect(profile);
      if (choice === 'Test Connection') await vscode.commands.executeCommand('ariExplorer.profiles.test', profile.id);
      return profile.id;
    }),

    cmd('ariExplorer.profiles.edit', async (arg) => {
      // From the explorer's welcome after a failure: the failing profile is the one meant.
      const failing = manager.phase.kind === 'error' ? manager.activeProfile?.id : undefined;
      const current = await profileArg(services, arg ?? failing, 'Edit which profile?');
      const { fields, password } = await profileForm(`Edit "${current.name}"`, (n) => !!store.findByName(n), current);
      await store.update(current.id, fields, password);
      if (manager.activeProfile?.id === current.id && manager.active) {
        const choice = await vscode.window.showInformationMessage(`Profile "${fields.name}" saved. Reconnect to use it?`, 'Reconnect');
        if (choice === 'Reconnect') await connect(store.get(current.id)!);
      }
    }),

    cmd('ariExplorer.profiles.duplicate', async (arg) => {
      const source = await profileArg(services, arg, 'Duplicate which profile?');
      let suggestion = `${source.name} copy`;
      for (let i = 2; store.findByName(suggestion); i++) suggestion = `${source.name} copy ${i}`;
      const name = await vscode.window.showInputBox({
        title: `Duplicate "${source.name}"`,
        prompt: 'Name of the copy (the password is copied too)',
        value: suggestion,
        validateInput: (v) => (!v.trim() ? 'Enter a name.' : store.findByName(v) ? `A profile named "${v.trim()}" already exists.` : undefined),
      });
      if (name === undefined) return;
      await store.duplicate(source.id, name.trim());
    }),

    cmd('ariExplorer.profiles.remove', async (arg) => {
      const profile = await profileArg(services, arg, 'Remove which profile?');
      const ok = await vscode.window.showWarningMessage(
        `Remove the ARI connection profile "${profile.name}"?`,
        { modal: true, detail: 'Its stored password is deleted from secret storage too.' },
        'Remove',
      );
      if (ok !== 'Remove') return;
      if (manager.activeProfile?.id === profile.id) await manager.disconnect();
      await store.remove(profile.id);
    }),

    cmd('ariExplorer.profiles.test', async (arg) => {
      const profile = await profileArg(services, arg, 'Test which profile?');
      try {
        const info = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: `Testing "${profile.name}"…` },
          () => manager.testConnection(profile),
        );
        const version = info.system?.version ?? 'unknown version';
        services.log.info(`Test of "${profile.name}": Asterisk ${version}`);
        void vscode.window.showInformationMessage(`"${profile.name}" works: Asterisk ${version}${info.config?.name ? ` (${info.config.name})` : ''}.`);
        return version;
      } catch (err) {
        await showConnectionError(services, err, profile);
        return undefined;
      }
    }),

    cmd('ariExplorer.profiles.connect', async (arg) => {
      // No argument: the last active profile, the only one, or a pick.
      const only = store.list().length === 1 ? store.list()[0].id : undefined;
      const profile = await profileArg(services, arg ?? store.activeId ?? only, 'Connect to…');
      await connect(profile);
    }),

    cmd('ariExplorer.profiles.disconnect', () => manager.disconnect()),

    cmd('ariExplorer.profiles.switch', async () => {
      const profile = await pickProfile(store.list(), 'Switch to profile…', manager.activeProfile?.id);
      await connect(profile);
    }),

    cmd('ariExplorer.profiles.updatePassword', async (arg) => {
      // From the status bar after a failure: the failing profile is the one meant.
      const failing = manager.phase.kind === 'error' ? manager.activeProfile?.id : undefined;
      const profile = await profileArg(services, arg ?? failing, 'Update the password of which profile?');
      await manager.updatePassword(profile, 'update');
      void vscode.window.showInformationMessage(`Password of "${profile.name}" updated in secret storage.`);
    }),

    cmd('ariExplorer.profiles.export', async () => {
      const data = store.exportProfiles();
      if (!data.profiles.length) throw new Error('There are no profiles to export.');
      const target = await vscode.window.showSaveDialog({
        title: 'Export ARI connection profiles (without passwords)',
        filters: { JSON: ['json'] },
        defaultUri: vscode.workspace.workspaceFolders?.[0] ? vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'ari-profiles.json') : undefined,
      });
      if (!target) return;
      await vscode.workspace.fs.writeFile(target, Buffer.from(JSON.stringify(data, null, 2) + '\n', 'utf8'));
      void vscode.window.showInformationMessage(`Exported ${data.profiles.length} profile(s) to ${target.fsPath}. Passwords are not included.`);
    }),

    cmd('ariExplorer.profiles.import', async (arg) => {
      const uri =
        arg instanceof vscode.Uri
          ? arg
          : (await vscode.window.showOpenDialog({ title: 'Import ARI connection profiles', canSelectMany: false, filters: { JSON: ['json'] } }))?.[0];
      if (!uri) return;
      const text = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
      const { profiles, errors } = fromExport(text);
      for (const e of errors) services.log.warn(`Import ${uri.fsPath}: ${e}`);
      if (!profiles.length) throw new Error(`No profile imported from ${uri.fsPath}: ${errors.join(' ') || 'the file lists none.'}`);
      const { added, updated } = await store.importProfiles(profiles);
      const skipped = errors.length ? ` ${errors.length} skipped (see log).` : '';
      void vscode.window.showInformationMessage(`Imported ${added} new and ${updated} updated profile(s).${skipped} Passwords are asked for at first connect.`);
    }),

    cmd('ariExplorer.connection.reconnect', async () => {
      const profile = manager.activeProfile ?? (store.activeId ? store.get(store.activeId) : undefined);
      if (!profile) throw new Error('No profile to reconnect: run "ARI: Connect".');
      await connect(profile);
    }),

    registerCommand(services, 'ariExplorer.connection.showLog', () => services.log.show(true)),
  ];
}
