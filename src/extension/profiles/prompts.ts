// The input boxes and pick lists of the profile commands and the connection manager.
import * as vscode from 'vscode';
import type { Profile, ProfileFields, ProfileTls } from './profile';
import { checkAriUrl, checkName, parseAppNames } from './profile';

/** Thrown when the user dismisses a prompt: commands end quietly. */
export class CancelledError extends Error {
  constructor() {
    super('Cancelled.');
    this.name = 'CancelledError';
  }
}

export function isCancelled(err: unknown): boolean {
  return err instanceof CancelledError;
}

function need<T>(value: T | undefined): T {
  if (value === undefined) throw new CancelledError();
  return value;
}

export async function askPassword(profile: Profile, reason: 'missing' | 'rejected' | 'update'): Promise<string> {
  const where = `${profile.username} at ${profile.url}`;
  const prompt =
    reason === 'missing'
      ? `No password is stored for ${where}. It will be kept in VS Code's secret storage.`
      : reason === 'rejected'
        ? `The server rejected the stored password for ${where} (401). Enter the current one; it replaces the stored password.`
        : `New password for ${where}; it replaces the stored one in VS Code's secret storage.`;
  return need(
    await vscode.window.showInputBox({
      title: `ARI password: ${profile.name}`,
      prompt,
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (v ? undefined : 'Enter the password.'),
    }),
  );
}

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
  const total = 6;
  const box = (o: vscode.InputBoxOptions) => vscode.window.showInputBox({ ignoreFocusOut: true, ...o, title: `${title} (${++step}/${total})` });

  const name = need(
    await box({
      prompt: 'A name for this connection',
      placeHolder: 'local Asterisk',
      value: current?.name,
      validateInput: (v) => checkName(v, (n) => taken(n) && n.toLowerCase() !== current?.name.toLowerCase()),
    }),
  ).trim();
  const urlText = need(
    await box({
      prompt: 'ARI server URL: http(s)://host[:port][/prefix], without /ari (http.conf `prefix` goes in the path)',
      placeHolder: 'http://localhost:8088',
      value: current?.url ?? 'http://localhost:8088',
      validateInput: (v) => {
        const r = checkAriUrl(v);
        return r.ok ? undefined : r.error;
      },
    }),
  );
  const url = (checkAriUrl(urlText) as { ok: true; url: string }).url;
  const username = need(
    await box({ prompt: 'ARI user (a `type = user` section in ari.conf)', value: current?.username, validateInput: (v) => (v.trim() ? undefined : 'Enter the user name.') }),
  ).trim();
  const passwordText = need(
    await box({
      prompt: current ? 'Password (leave empty to keep the stored one). Stored in VS Code secret storage only.' : 'Password. Stored in VS Code secret storage only.',
      password: true,
      validateInput: (v) => (v || current ? undefined : 'Enter the password.'),
    }),
  );
  const appsText = need(
    await box({
      prompt:
        'Stasis apps to register, comma-separated (optional). Leave empty to only observe: ARI Explorer then uses its own app name and subscribeAll, which never takes events away from a running application.',
      placeHolder: 'hello-world',
      value: current?.apps.join(', ') ?? '',
      validateInput: (v) => parseAppNames(v).error,
    }),
  );
  const tls = url.startsWith('https:') ? await askTls(`${title} (${++step}/${total})`, current?.tls) : undefined;
  return {
    fields: { name, url, username, apps: parseAppNames(appsText).apps, ...(tls ? { tls } : {}) },
    password: passwordText || undefined,
  };
}

async function askTls(title: string, current?: ProfileTls): Promise<ProfileTls | undefined> {
  type Item = vscode.QuickPickItem & { value: 'system' | 'ca' | 'insecure' };
  const items: Item[] = [
    { value: 'system', label: 'Verify with the system CAs', description: 'for certificates from a public CA' },
    { value: 'ca', label: 'Trust a CA file…', description: current?.caFile ?? 'PEM of the CA or the self-signed certificate' },
    { value: 'insecure', label: 'Skip certificate verification', description: 'insecure: anyone on the path can read the password' },
  ];
  // The current choice first, so Enter keeps it.
  const current_ = current?.insecure ? items[2] : current?.caFile ? items[1] : items[0];
  const ordered = [current_, ...items.filter((i) => i !== current_)];
  const pick = need(await vscode.window.showQuickPick(ordered, { title, placeHolder: 'TLS certificate check', ignoreFocusOut: true }));
  if (pick.value === 'system') return undefined;
  if (pick.value === 'insecure') return { insecure: true };
  const files = need(
    await vscode.window.showOpenDialog({ title: 'CA certificate (PEM)', canSelectMany: false, filters: { Certificates: ['pem', 'crt', 'cer'], All: ['*'] } }),
  );
  if (!files.length) throw new CancelledError();
  return { caFile: files[0].fsPath };
}

/** QuickPick of profiles; `activeId` gets a check mark. */
export async function pickProfile(profiles: readonly Profile[], placeHolder: string, activeId?: string): Promise<Profile> {
  if (!profiles.length) throw new Error('There is no ARI connection profile yet: run "ARI: Add Connection Profile".');
  const items = profiles.map((p) => ({
    label: `${p.id === activeId ? '$(check) ' : ''}${p.name}`,
    description: `${p.username}@${p.url}`,
    detail: p.apps.length ? `registers ${p.apps.join(', ')}` : undefined,
    profile: p,
  }));
  return need(await vscode.window.showQuickPick(items, { placeHolder, ignoreFocusOut: true })).profile;
}

/** Before registering app names the server already has: registering takes their events away. */
export async function confirmAppsInUse(profile: Profile, inUse: readonly string[]): Promise<'register' | 'skip'> {
  const names = inUse.map((a) => `"${a}"`).join(', ');
  const choice = await vscode.window.showWarningMessage(
    `${names} ${inUse.length === 1 ? 'is' : 'are'} already registered on ${profile.name} by another connection.`,
    {
      modal: true,
      detail:
        'Registering an app name that is in use takes it over: the other application stops receiving its calls (it gets ApplicationReplaced). ' +
        'Choose "Observe Only" to watch everything without registering it.',
    },
    'Register Anyway',
    'Observe Only',
  );
  if (choice === 'Register Anyway') return 'register';
  if (choice === 'Observe Only') return 'skip';
  throw new CancelledError();
}
