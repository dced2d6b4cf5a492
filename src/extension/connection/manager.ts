// ConnectionManager: turns a profile into the active AriSession and keeps the UI informed
// (phase for the status bar, context keys, onDidChangeActive). One session at a time.
import * as vscode from 'vscode';
import { AriRestClient } from '../ari/rest';
import { AriError } from '../ari/errors';
import type { AriConnectionOptions } from '../ari/options';
import type { AriEvent, AsteriskInfo } from '../ari/models.generated';
import type { SocketState } from '../ari/events';
import { AriSession } from './session';
import { ProfileStore } from '../profiles/store';
import type { Profile } from '../profiles/profile';
import { CancelledError, askPassword, confirmAppsInUse, pickProfile } from '../profiles/prompts';
import type { ConnectionPhase } from '../views/statusModel';
import { DisposableStore } from '../util/emitter';
import { appsInUse, appsToRegister, applicationReplacedMessage, observerAppName } from './apps';
import { reconcileMs, requestTimeoutMs } from './settings';
import { t } from '../util/l10n';
import { maxResponseBytes } from '../util/limits';
import { shown } from '../util/sanitize';
import type { LiveServer, LiveServers, ServerListener } from './servers';

export interface ConnectOptions {
  /** Register the profile's app names without asking even if they are in use (seeding). */
  trustApps?: boolean;
}

export class ConnectionManager implements vscode.Disposable, LiveServers {
  readonly profiles: ProfileStore;
  /** This window's own app name (`ari-explorer-<random>`), kept across reconnects. */
  readonly observerApp = observerAppName();

  private session: AriSession | undefined;
  private profile: Profile | undefined;
  private phaseValue: ConnectionPhase = { kind: 'noProfile' };
  /** Bumped by each connect/disconnect so a slower, older attempt gives up. */
  private generation = 0;
  /** The generation whose 401 was already turned into a password prompt (one per attempt). */
  private offered401 = -1;
  /** Profiles whose "certificate verification is off" warning this window has shown. */
  private readonly warnedInsecure = new Set<string>();
  /** A profile whose open session got a REST 401 (password changed on the server): a new password reconnects it. */
  private restRejected: string | undefined;
  /** Set while updatePassword stores a password, so the secrets echo does not reconnect twice. */
  private storingPasswordFor: string | undefined;
  /** Listeners on the current session; replaced per session (a DisposableStore is single-use). */
  private sessionStore = new DisposableStore();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly activeEmitter = new vscode.EventEmitter<AriSession | undefined>();
  private readonly phaseEmitter = new vscode.EventEmitter<ConnectionPhase>();

  readonly onDidChangeActive: vscode.Event<AriSession | undefined> = this.activeEmitter.event;
  readonly onDidChangePhase: vscode.Event<ConnectionPhase> = this.phaseEmitter.event;

  constructor(
    readonly context: vscode.ExtensionContext,
    readonly log: vscode.LogOutputChannel,
  ) {
    this.profiles = new ProfileStore(context.globalState, context.secrets);
    this.disposables.push(this.activeEmitter, this.phaseEmitter, this.profiles);
    this.disposables.push(
      toVscode(this.profiles.onDidChange(() => this.profilesChanged())),
      toVscode(this.profiles.onDidChangePassword((id) => this.passwordChanged(id))),
    );
    this.profilesChanged();
  }

  get active(): AriSession | undefined {
    return this.session;
  }

  /** Today one session at a time: the active one, if any (see connection/servers.ts). */
  get servers(): readonly LiveServer[] {
    return this.session && this.profile ? [{ profileId: this.profile.id, profileName: this.profile.name, session: this.session }] : [];
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
    if (!this.session) throw new Error(t('Not connected to an ARI server: run "ARI: Connect" first.'));
    return this.session;
  }

  /** The options both the session and a connection test use; the log gets request lines. */
  connectionOptions(profile: Profile, password: string): AriConnectionOptions {
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
    this.restRejected = undefined;
    const generation = ++this.generation;
    this.profile = profile;
    await this.profiles.setActive(profile.id);
    this.setPhase({ kind: 'connecting', profileName: profile.name, attempt: 1 });
    this.log.info(`Connecting to "${profile.name}" (${profile.url}) as ${profile.username}`);
    this.warnIfInsecure(profile);
    try {
      const connection = this.connectionOptions(profile, await this.passwordFor(profile));
      const apps = await this.chooseApps(profile, connection, opts.trustApps ?? false);
      if (generation !== this.generation) throw new CancelledError();
      const session = new AriSession({ connection, apps, subscribeAll: true, reconcileMs: reconcileMs() });
      this.attach(session, profile);
      await session.start();
      const state = session.socket.state;
      if (state.kind === 'failed') throw state.error;
      if (generation === this.generation && state.kind === 'open') this.setPhase(this.connectedPhase());
      return session;
    } catch (err) {
      if (generation === this.generation) {
        this.detach();
        if (err instanceof CancelledError) this.setPhase({ kind: 'disconnected', profileName: profile.name });
        else if (this.phaseValue.kind !== 'error') this.setError(profile, err); // the socket may have said it already
        if (err instanceof AriError && err.status === 401) this.offerPasswordUpdateOnce(profile, generation);
      }
      throw err;
    }
  }

  async disconnect(): Promise<void> {
    this.generation++;
    const had = !!this.session;
    this.detach();
    if (had) this.log.info(`Disconnected from "${this.profile?.name}"`);
    this.setPhase(this.idlePhase());
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

  /** The observer app always; the profile's own names only if free or the user agrees. */
  private async chooseApps(profile: Profile, connection: AriConnectionOptions, trust: boolean): Promise<string[]> {
    if (!profile.apps.length) return appsToRegister(this.observerApp, []);
    const rest = new AriRestClient(connection);
    let registered: { name: string }[];
    try {
      registered = await rest.applications.list();
    } finally {
      rest.dispose();
    }
    const inUse = appsInUse(profile.apps, registered);
    if (!inUse.length) return appsToRegister(this.observerApp, profile.apps);
    if (trust) {
      this.log.warn(`Registering ${inUse.join(', ')} although already registered on "${profile.name}" (seeded profile)`);
      return appsToRegister(this.observerApp, profile.apps);
    }
    const choice = await confirmAppsInUse(profile, inUse);
    return appsToRegister(this.observerApp, profile.apps, choice === 'skip' ? inUse : []);
  }

  private attach(session: AriSession, profile: Profile): void {
    this.session = session;
    const generation = this.generation;
    this.sessionStore.add(
      session.onState((state) => {
        if (this.session !== session) return;
        this.socketStateChanged(state, profile);
        if (state.kind === 'failed' && state.error.status === 401) this.offerPasswordUpdateOnce(profile, generation);
      }),
    );
    this.sessionStore.add(
      session.onResyncFailed((err) => {
        // The socket authenticated at its upgrade and stays open, but REST now says 401: the
        // password was changed on the server. Same prompt as a failed connect.
        if (this.session !== session || !(err instanceof AriError) || err.status !== 401) return;
        this.restRejected = profile.id;
        this.log.warn(`"${profile.name}": the server rejected the stored password on a REST call (401); the live view is out of date until it is updated.`);
        this.offerPasswordUpdateOnce(profile, generation);
      }),
    );
    this.sessionStore.add(
      session.onModelChange(() => {
        // Server info is re-read with each resync (an upgrade shows after a restart).
        const version = session.info?.system?.version;
        if (this.session === session && this.phaseValue.kind === 'connected' && this.phaseValue.version !== version) this.setPhase(this.connectedPhase());
      }),
    );
    this.sessionStore.add(
      session.onEvents((records) => {
        // A cheap scan of the batch: ApplicationReplaced is rare and must be said out loud.
        // r.type, not r.event.type: reading a record's event may parse it again.
        for (const r of records) if (r.type === 'ApplicationReplaced') this.applicationReplaced(r.event, profile);
      }),
    );
    this.activeEmitter.fire(session);
  }

  private detach(): void {
    const s = this.session;
    if (!s) return;
    this.session = undefined;
    this.sessionStore.dispose();
    this.sessionStore = new DisposableStore();
    try {
      s.dispose();
    } finally {
      this.activeEmitter.fire(undefined);
    }
  }

  private socketStateChanged(state: SocketState, profile: Profile): void {
    switch (state.kind) {
      case 'connecting':
        this.setPhase({ kind: 'connecting', profileName: profile.name, attempt: state.attempt });
        break;
      case 'open':
        this.setPhase(this.connectedPhase());
        this.log.info(`Connected to "${profile.name}"${this.session?.info?.system?.version ? `, Asterisk ${this.session.info.system.version}` : ''}`);
        break;
      case 'reconnecting':
        this.setPhase({ kind: 'reconnecting', profileName: profile.name, attempt: state.attempt, retryAt: Date.now() + state.delayMs, error: state.error?.message });
        this.log.warn(`Connection to "${profile.name}" lost${state.error ? `: ${state.error.message}` : ''}; retry ${state.attempt} in ${Math.round(state.delayMs / 100) / 10} s`);
        break;
      case 'failed':
        this.setError(profile, state.error);
        break;
      case 'closed':
      case 'idle':
        break;
    }
  }

  /** The connection failed, or its REST calls were refused with 401: a new password should reconnect. */
  private needsNewPassword(profileId: string): boolean {
    return this.phaseValue.kind === 'error' || this.restRejected === profileId;
  }

  private connectedPhase(): ConnectionPhase {
    return {
      kind: 'connected',
      profileName: this.profile?.name ?? '',
      version: this.session?.info?.system?.version,
      ...(this.profile && isInsecure(this.profile) ? { insecure: true } : {}),
    };
  }

  /** A profile that skips TLS verification is said out loud (log each connect, a message once per window). */
  private warnIfInsecure(profile: Profile): void {
    if (!isInsecure(profile)) return;
    const text = insecureTlsWarning(profile);
    this.log.warn(text);
    if (this.warnedInsecure.has(profile.id)) return;
    this.warnedInsecure.add(profile.id);
    void vscode.window.showWarningMessage(text);
  }

  private idlePhase(): ConnectionPhase {
    if (!this.profiles.list().length) return { kind: 'noProfile' };
    const id = this.profiles.activeId;
    return { kind: 'disconnected', profileName: id ? this.profiles.get(id)?.name : undefined };
  }

  private setError(profile: Profile, err: unknown): void {
    const e = err instanceof AriError ? err : undefined;
    const message = err instanceof Error ? err.message : String(err);
    this.log.error(`Connection to "${profile.name}" failed: ${message}${e?.hint ? ` — ${e.hint}` : ''}`);
    this.setPhase({ kind: 'error', profileName: profile.name, error: message, hint: e?.hint });
  }

  private offerPasswordUpdateOnce(profile: Profile, generation: number): void {
    if (this.offered401 === generation) return;
    this.offered401 = generation;
    void this.offerPasswordUpdate(profile);
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

  private applicationReplaced(event: AriEvent, profile: Profile): void {
    const text = shown(applicationReplacedMessage(event.application, profile.name, this.observerApp), 600);
    this.log.warn(text);
    void vscode.window.showWarningMessage(text);
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
    // An idle status follows the list (first profile added, last one removed); a connecting
    // or failed one is left to the connection.
    const idle = this.phaseValue.kind === 'noProfile' || this.phaseValue.kind === 'disconnected';
    if (!this.session && (idle || !this.profiles.list().length)) this.setPhase(this.idlePhase());
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
    this.generation++;
    this.detach();
    this.sessionStore.dispose();
    for (const d of this.disposables.reverse()) d.dispose();
  }
}

/** TLS verification is off only when the profile says so, and only matters for https. */
export function isInsecure(profile: Profile): boolean {
  return profile.tls?.insecure === true && profile.url.startsWith('https:');
}

export function insecureTlsWarning(profile: Profile): string {
  return `TLS certificate verification is OFF for "${profile.name}" (${profile.url}): the server's identity is not checked, so anyone on the network path can read the ARI password and traffic. Trust a CA file in the profile instead where you can.`;
}

function toVscode(d: { dispose(): void }): vscode.Disposable {
  return new vscode.Disposable(() => d.dispose());
}
