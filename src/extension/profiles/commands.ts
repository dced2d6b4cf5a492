// The profile commands: add, edit, duplicate, remove, test, connect, disconnect, switch,
// export, import, update password.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { registerCommand } from '../util/commands';
import { AriError } from '../ari/errors';
import type { Profile } from './profile';
import { connectionSettingsChanged, fromExport, IMPORT_LIMITS, type ProfileFields } from './profile';
import { t } from '../util/l10n';
import { logged, shown } from '../util/sanitize';
import { isCancelled, pickProfile, profileForm } from './prompts';
import { profileIdOf } from '../connection/servers';

/** A command may get a profile id, a profile, `{ id }`, or nothing (then it asks). */
async function profileArg(services: Services, arg: unknown, placeHolder: string): Promise<Profile> {
  const store = services.connections.profiles;
  const id =
    typeof arg === 'string' ? arg : arg && typeof arg === 'object' && typeof (arg as { id?: unknown }).id === 'string' ? (arg as { id: string }).id : undefined;
  const found = id ? store.get(id) : undefined;
  if (found) return found;
  return pickProfile(store.list(), placeHolder, services.connections.activeProfile?.id ?? store.activeId);
}

/** The profile a command argument names: a profile id, or a node of one server's tree. */
function serverArg(arg: unknown): string | undefined {
  return typeof arg === 'string' && arg ? arg : profileIdOf(arg);
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
  services.log.error(logged(`${message}${hint ? ` — ${hint}` : ''}`));
  const ari = err instanceof AriError ? err : undefined;
  // The fix is in the profile itself: a wrong password, or a wrong address/prefix.
  const updatePassword = t('Update Password');
  const editProfile = t('Edit Profile');
  const showLog = t('Show Log');
  const fix = !profile || !ari ? [] : ari.status === 401 ? [updatePassword] : ADDRESS_PROBLEMS.has(ari.code ?? '') || ari.status === 404 ? [editProfile] : [];
  const text = `${profile ? `"${profile.name}": ` : ''}${hint ? `${message} — ${hint}` : message}`;
  const choice = await vscode.window.showErrorMessage(shown(text, 600), ...fix, showLog);
  if (choice === showLog) services.log.show(true);
  if (choice === editProfile && profile) await vscode.commands.executeCommand('ariExplorer.profiles.edit', profile.id);
  if (choice === updatePassword && profile) {
    await services.connections.updatePassword(profile, 'rejected').catch((e: unknown) => showConnectionError(services, e, profile));
  }
}

/**
 * `tls.insecure` in a file is a request by whoever wrote it: it turns off the check that keeps
 * the password from a host in the middle. It needs its own modal consent; without it the
 * profiles are imported with verification on. Undefined: the user cancelled the import.
 */
async function confirmInsecure(profiles: ProfileFields[]): Promise<ProfileFields[] | undefined> {
  const insecure = profiles.filter((p) => p.tls?.insecure);
  if (!insecure.length) return profiles;
  const keep = t('Import with Verification');
  const skip = t('Skip Verification');
  const names = insecure.map((p) => `${p.name} (${p.url})`).join(', ');
  const choice = await vscode.window.showWarningMessage(
    t('The file turns off TLS certificate verification for {0} profile(s).', insecure.length),
    {
      modal: true,
      detail: t(
        'Without verification anyone on the network path can pose as the server and read the password. Only skip it for a server you know uses a self-signed certificate: {0}',
        shown(names, 600),
      ),
    },
    keep,
    skip,
  );
  if (choice === undefined) return undefined;
  if (choice === skip) return profiles;
  return profiles.map((p) => {
    if (!p.tls?.insecure) return p;
    const { insecure: _insecure, ...rest } = p.tls;
    return { ...p, ...(rest.caFile ? { tls: rest } : { tls: undefined }) };
  });
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

  const connect = async (profile: Profile, exclusive = false) => {
    try {
      await manager.connect(profile.id, { exclusive });
    } catch (err) {
      // 401s are offered a password update by the manager already.
      if (!(err instanceof AriError && err.status === 401)) await showConnectionError(services, err, profile);
    }
  };

  /** 'connected' / 'connecting' when `profile` is connected or connecting in this window (reconnecting counts as connecting). */
  const connectedOrConnecting = (profile: Profile): 'connected' | 'connecting' | undefined => {
    const kind = manager.phaseOf(profile.id).kind;
    return kind === 'connected' ? 'connected' : kind === 'connecting' || kind === 'reconnecting' ? 'connecting' : undefined;
  };

  return [
    cmd('ariExplorer.profiles.add', async () => {
      const { fields, password } = await profileForm(t('Add ARI Connection'), (n) => !!store.findByName(n));
      const profile = await store.add(fields, password);
      const connectItem = t('Connect');
      const testItem = t('Test Connection');
      const choice = await vscode.window.showInformationMessage(t('Profile "{0}" saved (password in secret storage).', profile.name), connectItem, testItem);
      // The toast stays until clicked: by then the profile may be connected by other means
      // (status bar, explorer welcome). Connecting again would drop that session.
      const already = choice === connectItem ? connectedOrConnecting(profile) : undefined;
      if (already) {
        const text =
          already === 'connected'
            ? t('$(pass-filled) ARI: "{0}" is already connected.', profile.name)
            : t('$(pass-filled) ARI: "{0}" is already connecting.', profile.name);
        vscode.window.setStatusBarMessage(text, 4000);
      } else if (choice === connectItem) await connect(profile);
      if (choice === testItem) await vscode.commands.executeCommand('ariExplorer.profiles.test', profile.id);
      return profile.id;
    }),

    cmd('ariExplorer.profiles.edit', async (arg) => {
      // From the explorer's welcome after a failure: the failing profile is the one meant.
      const failing = manager.phase.kind === 'error' ? manager.activeProfile?.id : undefined;
      const current = await profileArg(services, arg ?? failing, t('Edit which profile?'));
      const { fields, password } = await profileForm(t('Edit "{0}"', current.name), (n) => !!store.findByName(n), current);
      const before: ProfileFields = { ...current, apps: [...current.apps], tls: current.tls && { ...current.tls } };
      await store.update(current.id, fields, password);
      // An edit of the live profile applies at once: a toast asking "Reconnect?" outlived the
      // moment (it hid itself, then sat in the notification centre with a live-looking button
      // after the connection had moved on).
      if (!manager.sessionOf(current.id)) return;
      const saved = store.get(current.id);
      if (!saved) return;
      if (connectionSettingsChanged(before, saved, password !== undefined && password !== '')) {
        vscode.window.setStatusBarMessage(t('$(sync~spin) ARI: reconnecting "{0}" with the edited settings', saved.name), 4000);
        await connect(saved);
      } else vscode.window.setStatusBarMessage(t('$(pass-filled) ARI: "{0}" saved; the connection did not need to change', saved.name), 4000);
    }),

    cmd('ariExplorer.profiles.duplicate', async (arg) => {
      const source = await profileArg(services, arg, t('Duplicate which profile?'));
      let suggestion = t('{0} copy', source.name);
      for (let i = 2; store.findByName(suggestion); i++) suggestion = t('{0} copy {1}', source.name, i);
      const name = await vscode.window.showInputBox({
        title: t('Duplicate "{0}"', source.name),
        prompt: t('Name of the copy (the password is copied too)'),
        value: suggestion,
        validateInput: (v) => (!v.trim() ? t('Enter a name.') : store.findByName(v) ? t('A profile named "{0}" already exists.', v.trim()) : undefined),
      });
      if (name === undefined) return;
      await store.duplicate(source.id, name.trim());
    }),

    cmd('ariExplorer.profiles.remove', async (arg) => {
      const profile = await profileArg(services, arg, t('Remove which profile?'));
      const remove = t('Remove');
      const ok = await vscode.window.showWarningMessage(
        t('Remove the ARI connection profile "{0}"?', profile.name),
        { modal: true, detail: t('Its stored password is deleted from secret storage too.') },
        remove,
      );
      if (ok !== remove) return;
      await manager.disconnect(profile.id);
      await store.remove(profile.id);
    }),

    cmd('ariExplorer.profiles.test', async (arg) => {
      const profile = await profileArg(services, arg, t('Test which profile?'));
      try {
        const info = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('Testing "{0}"…', profile.name) }, () =>
          manager.testConnection(profile),
        );
        // Server text: capped, one line, no link syntax.
        const version = shown(info.system?.version ?? t('unknown version'), 100);
        services.log.info(`Test of "${profile.name}": Asterisk ${logged(version)}`);
        const text = info.config?.name
          ? t('"{0}" works: Asterisk {1} ({2}).', profile.name, version, shown(info.config.name, 100))
          : t('"{0}" works: Asterisk {1}.', profile.name, version);
        void vscode.window.showInformationMessage(text);
        return version;
      } catch (err) {
        await showConnectionError(services, err, profile);
        return undefined;
      }
    }),

    cmd('ariExplorer.profiles.connect', async (arg) => {
      // No argument: the last active profile, the only one, or a pick.
      const only = store.list().length === 1 ? store.list()[0].id : undefined;
      const profile = await profileArg(services, arg ?? store.activeId ?? only, t('Connect to…'));
      await connect(profile);
    }),

    cmd('ariExplorer.profiles.disconnect', async (arg) => {
      // From a server's node or the status menu: that server. From the palette with several
      // connected: ask which.
      const named = serverArg(arg);
      if (named) return manager.disconnect(named);
      const live = manager.connections.filter((c) => c.phase.kind !== 'disconnected');
      if (live.length < 2) return manager.disconnect();
      const all = { label: t('$(debug-disconnect) All Servers'), profileId: undefined };
      const items = [
        ...live.map((c) => ({ label: c.profile.name, description: `${c.profile.username}@${c.profile.url}`, profileId: c.profile.id as string | undefined })),
        all,
      ];
      const pick = await vscode.window.showQuickPick(items, { placeHolder: t('Disconnect which server?'), ignoreFocusOut: true });
      if (!pick) return;
      return manager.disconnect(pick.profileId);
    }),

    cmd('ariExplorer.profiles.disconnectAll', () => manager.disconnect()),

    cmd('ariExplorer.profiles.connectAnother', async () => {
      // The profiles not connected yet; each connection is independent of the others.
      const idle = store.list().filter((p) => !connectedOrConnecting(p));
      if (!idle.length) {
        void vscode.window.showInformationMessage(t('Every profile is connected already.'));
        return;
      }
      const profile = await pickProfile(idle, t('Connect another server…'));
      await connect(profile);
    }),

    cmd('ariExplorer.profiles.connectOnStartup', async (arg) => {
      // From a server's root or with a profile id: toggle that one. From the palette: choose
      // every profile that should connect when VS Code starts.
      const named = serverArg(arg);
      const one = named ? store.get(named) : undefined;
      if (one) {
        const on = !store.connectsOnStartup(one.id);
        await store.setConnectOnStartup(one.id, on);
        vscode.window.setStatusBarMessage(
          on ? t('$(pass-filled) ARI: "{0}" connects on startup', one.name) : t('$(circle-slash) ARI: "{0}" no longer connects on startup', one.name),
          4000,
        );
        return on;
      }
      const list = store.list();
      if (!list.length) throw new Error(t('There is no ARI connection profile yet: run "ARI: Add Connection Profile".'));
      const items = list.map((p) => ({ label: p.name, description: `${p.username}@${p.url}`, picked: store.connectsOnStartup(p.id), profile: p }));
      const picked = await vscode.window.showQuickPick(items, {
        canPickMany: true,
        placeHolder: t('Connect which profiles when VS Code starts?'),
        ignoreFocusOut: true,
      });
      if (!picked) return undefined;
      const chosen = new Set(picked.map((i) => i.profile.id));
      for (const p of list) if (chosen.has(p.id) !== store.connectsOnStartup(p.id)) await store.setConnectOnStartup(p.id, chosen.has(p.id));
      return [...chosen];
    }),

    cmd('ariExplorer.profiles.switch', async () => {
      // Switch: this profile only; the other connections end.
      const profile = await pickProfile(store.list(), t('Switch to profile…'), manager.activeProfile?.id);
      await connect(profile, true);
    }),

    cmd('ariExplorer.profiles.updatePassword', async (arg) => {
      // From the status bar after a failure: the failing profile is the one meant.
      const failing = manager.phase.kind === 'error' ? manager.activeProfile?.id : undefined;
      const profile = await profileArg(services, arg ?? failing, t('Update the password of which profile?'));
      await manager.updatePassword(profile, 'update');
      void vscode.window.showInformationMessage(t('Password of "{0}" updated in secret storage.', profile.name));
    }),

    cmd('ariExplorer.profiles.export', async () => {
      const data = store.exportProfiles();
      if (!data.profiles.length) throw new Error(t('There are no profiles to export.'));
      const target = await vscode.window.showSaveDialog({
        title: t('Export ARI connection profiles (without passwords)'),
        filters: { JSON: ['json'] },
        defaultUri: vscode.workspace.workspaceFolders?.[0] ? vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'ari-profiles.json') : undefined,
      });
      if (!target) return;
      await vscode.workspace.fs.writeFile(target, Buffer.from(JSON.stringify(data, null, 2) + '\n', 'utf8'));
      void vscode.window.showInformationMessage(t('Exported {0} profile(s) to {1}. Passwords are not included.', data.profiles.length, target.fsPath));
    }),

    cmd('ariExplorer.profiles.import', async (arg) => {
      const uri =
        arg instanceof vscode.Uri
          ? arg
          : (await vscode.window.showOpenDialog({ title: t('Import ARI connection profiles'), canSelectMany: false, filters: { JSON: ['json'] } }))?.[0];
      if (!uri) return;
      // A profile export is a few KB: a larger file is not read into memory at all.
      if ((await vscode.workspace.fs.stat(uri)).size > IMPORT_LIMITS.fileBytes) {
        throw new Error(t('{0} is larger than {1} KB: not a profile export.', uri.fsPath, IMPORT_LIMITS.fileBytes / 1024));
      }
      const text = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
      const parsed = fromExport(text);
      for (const e of parsed.errors) services.log.warn(`Import ${uri.fsPath}: ${logged(e)}`);
      if (parsed.skipped > parsed.errors.length) services.log.warn(`Import ${uri.fsPath}: ${parsed.skipped - parsed.errors.length} more entries skipped.`);
      if (!parsed.profiles.length) {
        throw new Error(t('No profile imported from {0}: {1}', uri.fsPath, shown(parsed.errors.join(' ') || t('the file lists none.'))));
      }
      const profiles = await confirmInsecure(parsed.profiles);
      if (!profiles) return;
      const result = await store.importProfiles(profiles);
      const parts = [t('Imported {0} new profile(s).', result.added.length)];
      if (result.renamed.length) {
        const names = result.renamed.map((r) => `"${r.from}" → "${r.to}"`).join(', ');
        parts.push(t('Names already in use were imported as new profiles ({0}); existing profiles were not changed.', shown(names, 400)));
      }
      if (result.unchanged) parts.push(t('{0} already existed unchanged.', result.unchanged));
      if (parsed.skipped) parts.push(t('{0} skipped (see log).', parsed.skipped));
      parts.push(t('Passwords are asked for at first connect.'));
      const notify = result.renamed.length ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
      void notify(parts.join(' '));
    }),

    cmd('ariExplorer.connection.reconnect', async (arg) => {
      const named = serverArg(arg);
      const profile = (named ? store.get(named) : undefined) ?? manager.activeProfile ?? (store.activeId ? store.get(store.activeId) : undefined);
      if (!profile) throw new Error(t('No profile to reconnect: run "ARI: Connect".'));
      await connect(profile);
    }),

    registerCommand(services, 'ariExplorer.connection.showLog', () => services.log.show(true)),
  ];
}
