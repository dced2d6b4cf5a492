// Connection profiles: non-secret fields in `context.globalState`, the password only in
// `context.secrets` under secretKey(id).
//
// Why globalState and not the `ariExplorer.profiles` setting:
// - the password sits in SecretStorage, which is per machine and never synced; profiles in
//   settings would travel by Settings Sync (and in workspace settings, into git) to places
//   where their password does not exist, and would put server URLs and user names into files
//   people commit and share;
// - writing settings.json from code rewrites a file the user edits by hand;
// - globalState is an in-memory Memento in tests, so the store runs in plain Node.
// Sharing profiles goes through export/import (a JSON file without passwords) instead.
//
// No runtime vscode import: the store takes the two storages through their interfaces.
import type * as vscode from 'vscode';
import { randomUUID } from 'node:crypto';
import { Emitter, type Event, type Disposable } from '../util/emitter';
import { t } from '../util/l10n';
import { type Profile, type ProfileFields, secretKey, profileIdFromSecretKey, toExport, type ProfileExport, sameCredentialTarget } from './profile';

export interface ImportResult {
  added: Profile[];
  /** Imported names that were taken, and the names the new profiles got instead. */
  renamed: { from: string; to: string }[];
  /** Entries equal to an existing profile (name, URL, user, apps, TLS). */
  unchanged: number;
}

const PROFILES_KEY = 'ariExplorer.profiles';
const ACTIVE_KEY = 'ariExplorer.activeProfileId';
/** Ids of the profiles this machine connects when VS Code starts (not part of a profile, so never exported). */
const STARTUP_KEY = 'ariExplorer.connectOnStartup';

export class ProfileStore implements Disposable {
  private readonly changed = new Emitter<void>();
  private readonly passwordChanged = new Emitter<string>();
  private readonly subscription: Disposable;

  /** The list of profiles (or the active one) changed. */
  readonly onDidChange: Event<void> = this.changed.event;
  /** A profile's password was stored or deleted, here or in another window. Fires the profile id. */
  readonly onDidChangePassword: Event<string> = this.passwordChanged.event;

  constructor(
    private readonly state: vscode.Memento,
    private readonly secrets: vscode.SecretStorage,
  ) {
    this.subscription = secrets.onDidChange((e) => {
      const id = profileIdFromSecretKey(e.key);
      if (id) this.passwordChanged.fire(id);
    });
  }

  list(): Profile[] {
    const raw = this.state.get<Profile[]>(PROFILES_KEY, []);
    return Array.isArray(raw) ? raw.map(clean) : [];
  }

  get(id: string): Profile | undefined {
    return this.list().find((p) => p.id === id);
  }

  findByName(name: string): Profile | undefined {
    const n = name.trim().toLowerCase();
    return this.list().find((p) => p.name.toLowerCase() === n);
  }

  get activeId(): string | undefined {
    const id = this.state.get<string>(ACTIVE_KEY);
    return id && this.get(id) ? id : undefined;
  }

  async setActive(id: string | undefined): Promise<void> {
    await this.state.update(ACTIVE_KEY, id);
    this.changed.fire();
  }

  /** The profiles to connect when VS Code starts, in the order they were chosen. */
  startupIds(): string[] {
    const raw = this.state.get<unknown>(STARTUP_KEY, []);
    const ids = Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : [];
    const known = new Set(this.list().map((p) => p.id));
    return ids.filter((id) => known.has(id));
  }

  connectsOnStartup(id: string): boolean {
    return this.startupIds().includes(id);
  }

  async setConnectOnStartup(id: string, on: boolean): Promise<void> {
    const ids = this.startupIds().filter((x) => x !== id);
    if (on && this.get(id)) ids.push(id);
    await this.state.update(STARTUP_KEY, ids);
    this.changed.fire();
  }

  async add(fields: ProfileFields, password?: string): Promise<Profile> {
    if (this.findByName(fields.name)) throw new Error(t('A profile named "{0}" already exists.', fields.name));
    const profile = clean({ ...fields, id: randomUUID() });
    await this.save([...this.list(), profile]);
    if (password !== undefined) await this.secrets.store(secretKey(profile.id), password);
    this.changed.fire();
    return profile;
  }

  /**
   * Replaces the non-secret fields; the password changes only when one is given. A stored
   * password is deleted when the origin (scheme, host, port) or the user changes without a new
   * one: it belongs to that server and user, and must never be sent to another.
   */
  async update(id: string, fields: ProfileFields, password?: string): Promise<Profile> {
    const list = this.list();
    const i = list.findIndex((p) => p.id === id);
    if (i < 0) throw new Error(t('That profile no longer exists.'));
    const other = this.findByName(fields.name);
    if (other && other.id !== id) throw new Error(t('A profile named "{0}" already exists.', fields.name));
    const before = list[i];
    list[i] = clean({ ...fields, id });
    await this.save(list);
    if (password !== undefined) await this.secrets.store(secretKey(id), password);
    else if (!sameCredentialTarget(before, list[i])) await this.secrets.delete(secretKey(id));
    this.changed.fire();
    return list[i];
  }

  /** A copy under a new name, with the same password (copied secret to secret). */
  async duplicate(id: string, name: string): Promise<Profile> {
    const source = this.get(id);
    if (!source) throw new Error(t('That profile no longer exists.'));
    const { id: _id, ...fields } = source;
    return this.add({ ...fields, name }, await this.getPassword(id));
  }

  /** Removes the profile and deletes its secret. */
  async remove(id: string): Promise<void> {
    await this.save(this.list().filter((p) => p.id !== id));
    await this.secrets.delete(secretKey(id));
    if (this.state.get<string>(ACTIVE_KEY) === id) await this.state.update(ACTIVE_KEY, undefined);
    if (this.state.get<unknown>(STARTUP_KEY) !== undefined) await this.state.update(STARTUP_KEY, this.startupIds());
    this.changed.fire();
  }

  async getPassword(id: string): Promise<string | undefined> {
    return this.secrets.get(secretKey(id));
  }

  async setPassword(id: string, password: string): Promise<void> {
    await this.secrets.store(secretKey(id), password);
  }

  exportProfiles(ids?: readonly string[]): ProfileExport {
    const list = this.list();
    return toExport(ids ? list.filter((p) => ids.includes(p.id)) : list);
  }

  /**
   * Adds imported profiles, always as new profiles without a password (asked for at first
   * connect): an import never changes an existing profile. A name already taken gets
   * " (imported)" (then " (imported 2)"…); an entry equal to an existing profile is skipped.
   * One save, linear in the number of profiles.
   */
  async importProfiles(profiles: readonly ProfileFields[]): Promise<ImportResult> {
    const list = this.list();
    const taken = new Set(list.map((p) => p.name.toLowerCase()));
    const existing = new Set(list.map((p) => sameKey(p)));
    const result: ImportResult = { added: [], renamed: [], unchanged: 0 };
    for (const fields of profiles) {
      if (existing.has(sameKey(fields))) {
        result.unchanged++;
        continue;
      }
      let name = fields.name;
      if (taken.has(name.toLowerCase())) {
        name = `${fields.name} (imported)`;
        for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${fields.name} (imported ${n})`;
        result.renamed.push({ from: fields.name, to: name });
      }
      taken.add(name.toLowerCase());
      const profile = clean({ ...fields, name, id: randomUUID() });
      existing.add(sameKey(profile));
      list.push(profile);
      result.added.push(profile);
    }
    if (result.added.length) {
      await this.save(list);
      this.changed.fire();
    }
    return result;
  }

  private async save(list: Profile[]): Promise<void> {
    await this.state.update(PROFILES_KEY, list.map(clean));
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
    this.passwordChanged.dispose();
  }
}

/** Keeps exactly the known fields, so a password can never be persisted with a profile. */
function clean(p: Profile): Profile {
  return {
    id: p.id,
    name: p.name,
    url: p.url,
    username: p.username,
    apps: Array.isArray(p.apps) ? [...p.apps] : [],
    ...(p.tls && (p.tls.caFile || p.tls.insecure)
      ? { tls: { ...(p.tls.caFile ? { caFile: p.tls.caFile } : {}), ...(p.tls.insecure ? { insecure: true } : {}) } }
      : {}),
  };
}

/** Everything but the id, to recognise an imported entry equal to an existing profile. */
function sameKey(p: ProfileFields): string {
  const { name, url, username, apps, tls } = clean({ ...p, id: '' });
  return JSON.stringify([name.toLowerCase(), url, username, apps, tls ?? null]);
}
