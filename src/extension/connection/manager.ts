// ConnectionManager: the vscode adapter of the connection core (controller.ts). It owns the
// profile store, answers the controller's prompts (password, apps in use), shows its notices
// (401, ApplicationReplaced, TLS off) and keeps the context keys and the status phase.
import * as vscode from 'vscode';
import { AriRestClient } from '../ari/rest';
import type { AriConnectionOptions } from '../ari/options';
import type { AsteriskInfo } from '../ari/models.generated';
import type { AriSession } from './session';
import { ProfileStore } from '../profiles/store';
import type { Profile } from '../profiles/profile';
import { CancelledError, askPassword, confirmAppsInUse, pickProfile } from '../profiles/prompts';
import type { ConnectionPhase } from './phase';
import { DisposableStore } from '../util/emitter';
import { observerAppName } from './apps';
import { reconcileMs, requestTimeoutMs } from './settings';
import { t } from '../util/l10n';
import { maxResponseBytes } from '../util/limits';
import type { LiveServer, LiveServers, ServerListener } from './servers';
import { ProfileController, type ConnectionProfile, type ControllerHost, type ControllerNotice } from './controller';

export { isInsecure, insecureTlsWarning } from './controller';

export interface ConnectOptions {
  /** Register the profile's app names without asking even if they are in use (seeding). */
  trustApps?: boolean;
}

export class ConnectionManager implements vscode.Disposable, LiveServers {
  readonly profiles: ProfileStore;
  /** This window's own app name (`ari-explorer-<random>`), kept across reconnects. */
  readonly observerApp = observerAppName();

  /** The current profile's controller (one connection at a time). */
  private controller: ProfileController | undefined;
  private profile: Profile | undefined;
  private phaseValue: ConnectionPhase = { kind: 'noProfile' };
  /** Profiles whose "certificate verification is off" warning this window has shown. */
  private readonly warnedInsecure = new Set<string>();
  /** Set while updatePassword stores a password, so the secrets echo does not reconnect twice. */
  private storingPasswordFor: string | undefined;
  /** Listeners on the current controller. */
  private controllerStore = new DisposableStore();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly activeEmitter = new vscode.EventEmitter<AriSession | undefined>();
  private readonly phaseEmitter = new vscode.EventEmitter<ConnectionPhase>();
  private readonly host: ControllerHost;

  readonly onDidChangeActive: vscode.Event<AriSession | undefined> = this.activeEmitter.event;
  readonly onDidChangePhase: vscode.Event<ConnectionPhase> = this.phaseEmitter.event;

  constructor(
    readonly context: vscode.ExtensionContext,
    readonly log: vscode.LogOutputChannel,
  ) {
    this.profiles = new ProfileStore(context.globalState, context.secrets);
    this.host = {
      log,
      observerApp: this.observerApp,
      connectionOptions: (profile, password) => this.connectionOptions(profile, password),
      reconcileMs: () => reconcileMs(),
      password: (profile) => this.passwordFor(this.profileFor(profile)),
      confirmAppsInUse: (profile, inUse) => confirmAppsInUse(this.profileFor(profile), inUse),
      notice: (profile, notice) => this.notice(this.profileFor(profile), notice),
    };
    this.disposables.push(this.activeEmitter, this.phaseEmitter, this.profiles);
    this.disposables.push(
      toVscode(this.profiles.onDidChange(() => this.profilesChanged())),
      toVscode(this.profiles.onDidChangePassword((id) => this.passwordChanged(id))),
    );
    this.profilesChanged();
  }

  get active(): AriSession | undefined {
    return this.controller?.session;
  }

  /** Today one session at a time: the active one, if any (see connection/servers.ts). */
  get servers(): readonly LiveServer[] {
    const session = this.active;
    return session && this.profile ? [{ profileId: this.profile.id, profileName: this.profile.name, session }] : [];
  }

  onDidChangeServers(listener: ServerListener): vscode.Disposable {
    return this.activeEmitter.event(() => listener(this.servers));
  }

  get activeProfile(): Profile | undefined {
    return this.profile;
  }

  get phase(): ConnectionPhase {
    return this.phaseValue;
  }

  requireSession(): AriSession {
    const session = this.active;
    if (!session) throw new Error(t('Not connected to an ARI server: run "ARI: Connect" first.'));
    return session;
  }

  /** The options both the session and a connection test use; the log gets request lines. */
  connectionOptions(profile: ConnectionProfile, password: string): AriConnectionOptions {
    return { url: profile.url, username: profile.username, password, tls: profile.tls, timeoutMs: requestTimeoutMs(), maxResponseBytes: maxResponseBytes(), log: this.log };
  }

  /** The stored password, or one asked for (and stored) when there is none. */
  async passwordFor(profile: Profile): Promise<string> {
    const stored = await this.profiles.getPassword(profile.id);
    if (stored !== undefined) return stored;
    const password = await askPassword(profile, 'missing');
    await this.profiles.setPassword(profile.id, password);
    return password;
  }

  /** GET /asterisk/info with the profile's credentials, without touching the active session. */
  async testConnection(profile: Profile): Promise<AsteriskInfo> {
    const rest = new AriRestClient(this.connectionOptions(profile, await this.passwordFor(profile)));
    try {
      return await rest.asterisk.info();
    } finally {
      rest.dispose();
    }
  }

  async connect(profileId?: string, opts: ConnectOptions = {}): Promise<AriSession> {
    const profile = await this.resolveProfile(profileId);
    await this.disconnect();
    this.profile = profile;
    const controller = this.controllerOf(profile);
    await this.profiles.setActive(profile.id);
    return controller.connect(opts);
  }

  async disconnect(): Promise<void> {
    if (this.controller) this.controller.disconnect();
    else this.setPhase(this.idlePhase());
  }

  async reconnect(): Promise<AriSession> {
    const id = this.profile?.id ?? this.profiles.activeId;
    return this.connect(id);
  }

  /** Asks for a new password and stores it; a connection that failed with the old one is retried. */
  async updatePassword(profile: Profile, reason: 'rejected' | 'update' = 'update'): Promise<void> {
    const password = await askPassword(profile, reason);
    this.storingPasswordFor = profile.id;
    try {
      await this.profiles.setPassword(profile.id, password);
    } finally {
      this.storingPasswordFor = undefined;
    }
    // Only a connection that failed (on the old password) is retried; others use it next time.
    if (this.profile?.id === profile.id && this.needsNewPassword(profile.id)) await this.connect(profile.id);
  }

  // ---- internals ----

  private async resolveProfile(profileId?: string): Promise<Profile> {
    if (profileId) {
      const p = this.profiles.get(profileId);
      if (!p) throw new Error(t('That connection profile no longer exists.'));
      return p;
    }
    const list = this.profiles.list();
    const active = this.profiles.activeId;
    if (active) return this.profiles.get(active)!;
    if (list.length === 1) return list[0];
    return pickProfile(list, t('Connect to…'));
  }

  /** The connection failed, or its REST calls were refused with 401: a new password should reconnect. */
  private needsNewPassword(profileId: string): boolean {
    const c = this.controller;
    return !!c && c.profile.id === profileId && c.needsNewPassword;
  }

  /** The profile's controller, made current; another profile's is released. */
  private controllerOf(profile: Profile): ProfileController {
    if (this.controller?.profile.id === profile.id) {
      this.controller.profile = profile;
      return this.controller;
    }
    this.releaseController();
    const controller = new ProfileController(profile, this.host);
    this.controller = controller;
    this.controllerStore.add(controller.onDidChangeSession((session) => this.activeEmitter.fire(session)));
    // A controller says "disconnected" for its own profile; the manager's idle phase follows the list.
    this.controllerStore.add(controller.onDidChangePhase((phase) => this.setPhase(phase.kind === 'disconnected' ? this.idlePhase() : phase)));
    return controller;
  }

  private releaseController(): void {
    const c = this.controller;
    if (!c) return;
    this.controller = undefined;
    this.controllerStore.dispose();
    this.controllerStore = new DisposableStore();
    c.dispose();
  }

  /** The store's Profile behind a controller's profile (the same object unless edited since). */
  private profileFor(profile: ConnectionProfile): Profile {
    return this.profiles.get(profile.id) ?? (profile as Profile);
  }

  private notice(profile: Profile, notice: ControllerNotice): void {
    switch (notice.kind) {
      case 'unauthorized':
        void this.offerPasswordUpdate(profile);
        break;
      case 'applicationReplaced':
        void vscode.window.showWarningMessage(notice.text);
        break;
      case 'insecure':
        // Logged on every connect by the controller; shown once per window.
        if (this.warnedInsecure.has(profile.id)) return;
        this.warnedInsecure.add(profile.id);
        void vscode.window.showWarningMessage(notice.text);
        break;
    }
  }

  private idlePhase(): ConnectionPhase {
    if (!this.profiles.list().length) return { kind: 'noProfile' };
    const id = this.profiles.activeId;
    return { kind: 'disconnected', profileName: id ? this.profiles.get(id)?.name : undefined };
  }

  private async offerPasswordUpdate(profile: Profile): Promise<void> {
    const update = t('Update Password');
    const showLog = t('Show Log');
    const choice = await vscode.window.showErrorMessage(
      t('The ARI server of "{0}" rejected user "{1}" (401 Unauthorized). Update the stored password?', profile.name, profile.username),
      update,
      showLog,
    );
    if (choice === showLog) this.log.show(true);
    if (choice === update) {
      try {
        await this.updatePassword(profile, 'rejected');
      } catch (err) {
        if (!(err instanceof CancelledError)) this.log.error(err instanceof Error ? err.message : String(err));
      }
    }
  }

  private setPhase(phase: ConnectionPhase): void {
    this.phaseValue = phase;
    void vscode.commands.executeCommand('setContext', 'ariExplorer.connected', phase.kind === 'connected');
    void vscode.commands.executeCommand('setContext', 'ariExplorer.connecting', phase.kind === 'connecting' || phase.kind === 'reconnecting');
    // The explorer's welcome says the last attempt failed and offers the fixes.
    void vscode.commands.executeCommand('setContext', 'ariExplorer.connectionFailed', phase.kind === 'error');
    this.phaseEmitter.fire(phase);
  }

  private profilesChanged(): void {
    void vscode.commands.executeCommand('setContext', 'ariExplorer.hasProfiles', this.profiles.list().length > 0);
    if (this.profile && !this.profiles.get(this.profile.id)) {
      // The active profile was removed (here or in another window).
      void this.disconnect().then(() => (this.profile = undefined));
      return;
    }
    if (this.profile) this.profile = this.profiles.get(this.profile.id);
    if (this.profile && this.controller) this.controller.profile = this.profile;
    // An idle status follows the list (first profile added, last one removed); a connecting
    // or failed one is left to the connection.
    const idle = this.phaseValue.kind === 'noProfile' || this.phaseValue.kind === 'disconnected';
    if (!this.active && (idle || !this.profiles.list().length)) this.setPhase(this.idlePhase());
  }

  private passwordChanged(id: string): void {
    // Another window (or the edit command) stored a new password: a connection that failed on
    // it gets another go; a working one keeps running and uses it on the next connect.
    if (this.storingPasswordFor === id) return;
    if (this.profile?.id === id && this.needsNewPassword(id)) {
      void this.profiles.getPassword(id).then((pw) => {
        if (pw !== undefined && this.profile?.id === id && this.needsNewPassword(id)) {
          this.connect(id).catch(() => undefined);
        }
      });
    }
  }

  dispose(): void {
    this.releaseController();
    for (const d of this.disposables.reverse()) d.dispose();
  }
}

function toVscode(d: { dispose(): void }): vscode.Disposable {
  return new vscode.Disposable(() => d.dispose());
}
