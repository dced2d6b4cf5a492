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
  /** End every other profile's connection first (Switch Profile). */
  exclusive?: boolean;
}

export class ConnectionManager implements vscode.Disposable, LiveServers {
  readonly profiles: ProfileStore;
  /** This window's own app name (`ari-explorer-<random>`), kept across reconnects. */
  readonly observerApp = observerAppName();

  /** One controller per profile connected in this window, in the order they were connected. */
  private readonly controllers = new Map<string, ProfileController>();
  private readonly controllerStores = new Map<string, DisposableStore>();
  /**
   * The focused profile: the one the single-server views follow (`active`, `phase`) and a
   * palette command acts on when nothing else says which. The last one connected.
   */
  private focusId: string | undefined;
  private phaseValue: ConnectionPhase = { kind: 'noProfile' };
  /** The session `onDidChangeActive` last announced. */
  private announced: AriSession | undefined;
  /** Profiles whose "certificate verification is off" warning this window has shown. */
  private readonly warnedInsecure = new Set<string>();
  /** Set while updatePassword stores a password, so the secrets echo does not reconnect twice. */
  private storingPasswordFor: string | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly activeEmitter = new vscode.EventEmitter<AriSession | undefined>();
  private readonly phaseEmitter = new vscode.EventEmitter<ConnectionPhase>();
  private readonly serversEmitter = new vscode.EventEmitter<readonly LiveServer[]>();
  private readonly host: ControllerHost;

  /** The focused server's session changed (connected, disconnected, or the focus moved). */
  readonly onDidChangeActive: vscode.Event<AriSession | undefined> = this.activeEmitter.event;
  /** The focused server's phase, or any server's (the status bar summarises them all). */
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
    this.disposables.push(this.activeEmitter, this.phaseEmitter, this.serversEmitter, this.profiles);
    this.disposables.push(
      toVscode(this.profiles.onDidChange(() => this.profilesChanged())),
      toVscode(this.profiles.onDidChangePassword((id) => this.passwordChanged(id))),
    );
    this.profilesChanged();
  }

  /** The focused server's session. */
  get active(): AriSession | undefined {
    return this.focused?.session;
  }

  /** Every profile with a live session, in the order they were connected (connection/servers.ts). */
  get servers(): readonly LiveServer[] {
    const out: LiveServer[] = [];
    for (const c of this.controllers.values()) {
      const session = c.session;
      if (session) out.push({ profileId: c.profile.id, profileName: c.profile.name, session });
    }
    return out;
  }

  onDidChangeServers(listener: ServerListener): vscode.Disposable {
    return this.serversEmitter.event(listener);
  }

  /** Every profile this window has a connection for (live, failed or cancelled), with its phase. */
  get connections(): readonly { profile: Profile; phase: ConnectionPhase }[] {
    const out: { profile: Profile; phase: ConnectionPhase }[] = [];
    for (const c of this.controllers.values()) out.push({ profile: this.profileFor(c.profile), phase: c.phase });
    return out;
  }

  /** The live session of a profile, if it has one. */
  sessionOf(profileId: string): AriSession | undefined {
    return this.controllers.get(profileId)?.session;
  }

  /** The phase of one profile's connection (disconnected when it has none). */
  phaseOf(profileId: string): ConnectionPhase {
    return this.controllers.get(profileId)?.phase ?? { kind: 'disconnected', profileName: this.profiles.get(profileId)?.name };
  }

  /** The focused profile. */
  get activeProfile(): Profile | undefined {
    const c = this.focused;
    return c ? this.profileFor(c.profile) : undefined;
  }

  /** The focused server's phase. */
  get phase(): ConnectionPhase {
    return this.phaseValue;
  }

  /** Makes a connected profile the focused one (the views that show one server follow it). */
  focus(profileId: string): void {
    if (!this.controllers.has(profileId) || this.focusId === profileId) return;
    this.focusId = profileId;
    this.focusChanged();
  }

  requireSession(profileId?: string): AriSession {
    const session = profileId ? this.sessionOf(profileId) : this.active;
    if (!session) {
      if (profileId && this.profiles.get(profileId)) throw new Error(t('"{0}" is not connected.', this.profiles.get(profileId)!.name));
      throw new Error(t('Not connected to an ARI server: run "ARI: Connect" first.'));
    }
    return session;
  }

  /** The options both the session and a connection test use; the log gets request lines. */
  connectionOptions(profile: ConnectionProfile, password: string): AriConnectionOptions {
    return {
      url: profile.url,
      username: profile.username,
      password,
      tls: profile.tls,
      timeoutMs: requestTimeoutMs(),
      maxResponseBytes: maxResponseBytes(),
      log: this.log,
    };
  }

  /** The stored password, or one asked for (and stored) when there is none. */
  async passwordFor(profile: Profile): Promise<string> {
    const stored = await this.profiles.getPassword(profile.id);
    if (stored !== undefined) return stored;
    const password = await askPassword(profile, 'missing');
    await this.profiles.setPassword(profile.id, password);
    return password;
  }

  /** GET /asterisk/info with the profile's credentials, without touching any session. */
  async testConnection(profile: Profile): Promise<AsteriskInfo> {
    const rest = new AriRestClient(this.connectionOptions(profile, await this.passwordFor(profile)));
    try {
      return await rest.asterisk.info();
    } finally {
      rest.dispose();
    }
  }

  /**
   * Connects a profile (again, if it already is) and focuses it. Other profiles' connections
   * stay; `exclusive` ends them first (Switch Profile).
   */
  async connect(profileId?: string, opts: ConnectOptions = {}): Promise<AriSession> {
    const profile = await this.resolveProfile(profileId);
    if (opts.exclusive) for (const id of [...this.controllers.keys()]) if (id !== profile.id) this.release(id);
    const controller = this.controllerOf(profile);
    await this.profiles.setActive(profile.id);
    this.focusId = profile.id;
    // The controller drops its old session and says "connecting" before its first await.
    const connected = controller.connect(opts);
    this.announceActive();
    return connected;
  }

  /** Ends one profile's connection, or every connection when no profile is named. */
  async disconnect(profileId?: string): Promise<void> {
    if (profileId === undefined) {
      const ids = [...this.controllers.keys()];
      if (!ids.length) this.setPhase(this.idlePhase());
      for (const id of ids) this.release(id);
      return;
    }
    this.release(profileId);
  }

  /** Reconnects a profile: the one named, else the focused one (or the last used). */
  async reconnect(profileId?: string): Promise<AriSession> {
    return this.connect(profileId ?? this.focusId ?? this.profiles.activeId);
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
    if (this.needsNewPassword(profile.id)) await this.connect(profile.id);
  }

  // ---- internals ----

  private get focused(): ProfileController | undefined {
    return this.focusId ? this.controllers.get(this.focusId) : undefined;
  }

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
    return this.controllers.get(profileId)?.needsNewPassword === true;
  }

  /** The profile's controller, made if it has none. */
  private controllerOf(profile: Profile): ProfileController {
    const existing = this.controllers.get(profile.id);
    if (existing) {
      existing.profile = profile;
      return existing;
    }
    const controller = new ProfileController(profile, this.host);
    const store = new DisposableStore();
    this.controllers.set(profile.id, controller);
    this.controllerStores.set(profile.id, store);
    store.add(
      controller.onDidChangeSession(() => {
        if (this.focusId === profile.id) this.announceActive();
        this.serversEmitter.fire(this.servers);
      }),
    );
    store.add(
      controller.onDidChangePhase((phase) => {
        if (this.focusId === profile.id) this.setPhase(phase.kind === 'disconnected' ? this.idlePhase() : phase);
        else this.phaseEmitter.fire(this.phaseValue); // the status bar summarises every server
      }),
    );
    return controller;
  }

  /** Ends a profile's connection and forgets its controller; the focus moves to the last one left. */
  private release(profileId: string): void {
    const c = this.controllers.get(profileId);
    if (!c) return;
    this.controllerStores.get(profileId)?.dispose();
    this.controllerStores.delete(profileId);
    this.controllers.delete(profileId);
    c.disconnect();
    c.dispose();
    this.serversEmitter.fire(this.servers);
    if (this.focusId === profileId) {
      const live = [...this.controllers.values()].filter((x) => x.session);
      this.focusId = live.at(-1)?.profile.id ?? [...this.controllers.keys()].at(-1);
      this.focusChanged();
    } else this.phaseEmitter.fire(this.phaseValue);
  }

  /** The focus moved: the single-server views follow it, the status bar re-renders. */
  private focusChanged(): void {
    this.announceActive();
    const c = this.focused;
    this.setPhase(!c || c.phase.kind === 'disconnected' ? this.idlePhase() : c.phase);
  }

  private announceActive(): void {
    const session = this.active;
    if (session === this.announced) return;
    this.announced = session;
    this.activeEmitter.fire(session);
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
    const all = [...this.controllers.values()].map((c) => c.phase);
    const any = (...kinds: ConnectionPhase['kind'][]) => kinds.includes(phase.kind) || all.some((p) => kinds.includes(p.kind));
    void vscode.commands.executeCommand('setContext', 'ariExplorer.connected', any('connected'));
    void vscode.commands.executeCommand('setContext', 'ariExplorer.connecting', any('connecting', 'reconnecting'));
    // The explorer's welcome says the last attempt failed and offers the fixes.
    void vscode.commands.executeCommand('setContext', 'ariExplorer.connectionFailed', phase.kind === 'error');
    void vscode.commands.executeCommand('setContext', 'ariExplorer.multipleServers', this.servers.length > 1);
    this.phaseEmitter.fire(phase);
  }

  private profilesChanged(): void {
    void vscode.commands.executeCommand('setContext', 'ariExplorer.hasProfiles', this.profiles.list().length > 0);
    for (const [id, c] of [...this.controllers]) {
      const p = this.profiles.get(id);
      // A connected profile was removed (here or in another window).
      if (!p) this.release(id);
      else c.profile = p;
    }
    // An idle status follows the list (first profile added, last one removed); a connecting
    // or failed one is left to the connection.
    const idle = this.phaseValue.kind === 'noProfile' || this.phaseValue.kind === 'disconnected';
    if (!this.active && (idle || !this.profiles.list().length)) this.setPhase(this.idlePhase());
  }

  private passwordChanged(id: string): void {
    // Another window (or the edit command) stored a new password: a connection that failed on
    // it gets another go; a working one keeps running and uses it on the next connect.
    if (this.storingPasswordFor === id) return;
    if (this.needsNewPassword(id)) {
      void this.profiles.getPassword(id).then((pw) => {
        if (pw !== undefined && this.needsNewPassword(id)) {
          this.connect(id).catch(() => undefined);
        }
      });
    }
  }

  dispose(): void {
    for (const id of [...this.controllers.keys()]) {
      this.controllerStores.get(id)?.dispose();
      this.controllers.get(id)?.dispose();
    }
    this.controllers.clear();
    this.controllerStores.clear();
    for (const d of this.disposables.reverse()) d.dispose();
  }
}

function toVscode(d: { dispose(): void }): vscode.Disposable {
  return new vscode.Disposable(() => d.dispose());
}
