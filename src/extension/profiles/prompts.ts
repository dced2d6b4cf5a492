// The input boxes and pick lists of the profile commands and the connection manager.
import * as vscode from 'vscode';
import type { Profile, ProfileFields, ProfileTls } from './profile';
import { checkAriUrl, checkName, parseAppNames } from './profile';
import { t } from '../util/l10n';

/** Thrown when the user dismisses a prompt: commands end quietly (defined in the connection core). */
export { CancelledError, isCancelled } from '../connection/cancelled';
import { CancelledError } from '../connection/cancelled';

function need<T>(value: T | undefined): T {
  if (value === undefined) throw new CancelledError();
  return value;
}

export async function askPassword(profile: Profile, reason: 'missing' | 'rejected' | 'update'): Promise<string> {
  const where = t('{0} at {1}', profile.username, profile.url);
  const prompt =
    reason === 'missing'
      ? t("No password is stored for {0}. It will be kept in VS Code's secret storage.", where)
      : reason === 'rejected'
        ? t('The server rejected the stored password for {0} (401). Enter the current one; it replaces the stored password.', where)
        : t("New password for {0}; it replaces the stored one in VS Code's secret storage.", where);
  return need(
    await vscode.window.showInputBox({
      title: t('ARI password: {0}', profile.name),
      prompt,
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (v ? undefined : t('Enter the password.')),
    }),
  );
}

/** Examples in the empty boxes: a URL and an app name read the same in every language. */
const EXAMPLE_URL = 'http://localhost:8088';
const EXAMPLE_APP = 'hello-world';

export interface ProfileFormResult {
  fields: ProfileFields;
  /** undefined: keep the stored password (edit only). */
  password?: string;
}

/**
 * The add/edit form as a sequence of steps (name, URL, user, password, apps, TLS). On edit
 * each step starts with the current value and an empty password keeps the stored one.
 */
export async function profileForm(title: string, taken: (name: string) => boolean, current?: Profile): Promise<ProfileFormResult> {
  let step = 0;
  // The TLS step exists only for https: the count follows the URL as typed so far.
  const stepsFor = (url: string | undefined) => (url?.startsWith('https:') ? 6 : 5);
  let total = stepsFor(current?.url);
  const counter = () => t('{0} ({1}/{2})', title, ++step, total);
  const box = (o: vscode.InputBoxOptions) => vscode.window.showInputBox({ ignoreFocusOut: true, ...o, title: counter() });

  const name = need(
    await box({
      prompt: t('A name for this connection'),
      placeHolder: t('local Asterisk'),
      value: current?.name,
      validateInput: (v) => checkName(v, (n) => taken(n) && n.toLowerCase() !== current?.name.toLowerCase()),
    }),
  ).trim();
  const urlText = need(
    await box({
      prompt: t('ARI server URL: http(s)://host[:port][/prefix], without /ari (the prefix setting of http.conf goes in the path)'),
      placeHolder: EXAMPLE_URL,
      value: current?.url ?? 'http://localhost:8088',
      validateInput: (v) => {
        const r = checkAriUrl(v);
        return r.ok ? undefined : r.error;
      },
    }),
  );
  const url = (checkAriUrl(urlText) as { ok: true; url: string }).url;
  total = stepsFor(url);
  const username = need(
    await box({
      prompt: t('ARI user (a section with type = user in ari.conf)'),
      value: current?.username,
      validateInput: (v) => (v.trim() ? undefined : t('Enter the user name.')),
    }),
  ).trim();
  const passwordText = need(
    await box({
      prompt: current
        ? t('Password (leave empty to keep the stored one). Stored in VS Code secret storage only.')
        : t('Password. Stored in VS Code secret storage only.'),
      password: true,
      validateInput: (v) => (v || current ? undefined : t('Enter the password.')),
    }),
  );
  const appsText = need(
    await box({
      prompt: t(
        'Stasis apps to register, comma-separated (optional). Leave empty to only observe: ARI Explorer then uses its own app name and subscribeAll, which never takes events away from a running application.',
      ),
      placeHolder: EXAMPLE_APP,
      value: current?.apps.join(', ') ?? '',
      validateInput: (v) => parseAppNames(v).error,
    }),
  );
  const tls = url.startsWith('https:') ? await askTls(counter(), current?.tls) : undefined;
  return {
    fields: { name, url, username, apps: parseAppNames(appsText).apps, ...(tls ? { tls } : {}) },
    password: passwordText || undefined,
  };
}

async function askTls(title: string, current?: ProfileTls): Promise<ProfileTls | undefined> {
  type Item = vscode.QuickPickItem & { value: 'system' | 'ca' | 'insecure' };
  const items: Item[] = [
    { value: 'system', label: t('Verify with the system CAs'), description: t('for certificates from a public CA') },
    { value: 'ca', label: t('Trust a CA file…'), description: current?.caFile ?? t('PEM of the CA or the self-signed certificate') },
    { value: 'insecure', label: t('Skip certificate verification'), description: t('insecure: anyone on the path can read the password') },
  ];
  // The current choice first, so Enter keeps it.
  const current_ = current?.insecure ? items[2] : current?.caFile ? items[1] : items[0];
  const ordered = [current_, ...items.filter((i) => i !== current_)];
  const pick = need(await vscode.window.showQuickPick(ordered, { title, placeHolder: t('TLS certificate check'), ignoreFocusOut: true }));
  if (pick.value === 'system') return undefined;
  if (pick.value === 'insecure') return { insecure: true };
  const files = need(
    await vscode.window.showOpenDialog({
      title: t('CA certificate (PEM)'),
      canSelectMany: false,
      filters: { [t('Certificates')]: ['pem', 'crt', 'cer'], [t('All files')]: ['*'] },
    }),
  );
  if (!files.length) throw new CancelledError();
  return { caFile: files[0].fsPath };
}

/** QuickPick of profiles; `activeId` gets a check mark. */
export async function pickProfile(profiles: readonly Profile[], placeHolder: string, activeId?: string): Promise<Profile> {
  if (!profiles.length) throw new Error(t('There is no ARI connection profile yet: run "ARI: Add Connection Profile".'));
  const items = profiles.map((p) => ({
    label: `${p.id === activeId ? '$(check) ' : ''}${p.name}`,
    description: `${p.username}@${p.url}`,
    detail: p.apps.length ? t('registers {0}', p.apps.join(', ')) : undefined,
    profile: p,
  }));
  return need(await vscode.window.showQuickPick(items, { placeHolder, ignoreFocusOut: true })).profile;
}

/** Before registering app names the server already has: registering takes their events away. */
export async function confirmAppsInUse(profile: Profile, inUse: readonly string[]): Promise<'register' | 'skip'> {
  const names = inUse.map((a) => `"${a}"`).join(', ');
  const register = t('Register Anyway');
  const observe = t('Observe Only');
  const choice = await vscode.window.showWarningMessage(
    inUse.length === 1
      ? t('{0} is already registered on {1} by another connection.', names, profile.name)
      : t('{0} are already registered on {1} by another connection.', names, profile.name),
    {
      modal: true,
      detail: t(
        'Registering an app name that is in use takes it over: the other application stops receiving its calls (it gets ApplicationReplaced). Choose "Observe Only" to watch everything without registering it.',
      ),
    },
    register,
    observe,
  );
  if (choice === register) return 'register';
  if (choice === observe) return 'skip';
  throw new CancelledError();
}
