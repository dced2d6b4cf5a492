// ProfileController: one profile's connection — its phase machine, generations, 401 handling,
// resync failures and the app names it registers. No vscode import: prompts, toasts and
// context keys belong to the adapter (manager.ts), which answers through ControllerHost.
// Each connected profile has its own controller, session, socket, model and reconnect.
import { AriRestClient } from '../ari/rest';
import { AriError } from '../ari/errors';
import type { AriConnectionOptions, AriTlsOptions } from '../ari/options';
import type { SocketState } from '../ari/events';
import { AriSession } from './session';
import { CancelledError } from './cancelled';
import type { ConnectionPhase } from './phase';
import { appsInUse, appsToRegister, applicationReplacedMessage } from './apps';
import { DisposableStore, Emitter, type Event } from '../util/emitter';
import type { Logger } from '../util/logger';
import { shown } from '../util/sanitize';

/** What a controller needs of a profile (profiles/profile.ts's Profile satisfies it). */
export interface ConnectionProfile {
  readonly id: string;
  readonly name: string;
  readonly url: string;
  readonly username: string;
  readonly apps: readonly string[];
  readonly tls?: AriTlsOptions;
}

/** Something the user should be told; the controller has already logged it. */
export type ControllerNotice =
  /** The server rejected the credentials (once per connect attempt): offer a new password. */
  | { kind: 'unauthorized' }
  /** Another connection registered one of this connection's app names. */
  | { kind: 'applicationReplaced'; text: string }
  /** The profile skips certificate verification (said on every connect; the adapter decides how often to show it). */
  | { kind: 'insecure'; text: string };

/** The adapter's side: settings, prompts and notices. */
export interface ControllerHost {
  readonly log: Logger;
  /** This window's own app name, registered by every connection. */
  readonly observerApp: string;
  connectionOptions(profile: ConnectionProfile, password: string): AriConnectionOptions;
  reconcileMs(): number;
  /** The stored password, or one asked for and stored; CancelledError when the user dismisses it. */
  password(profile: ConnectionProfile): Promise<string>;
  /** Some of the profile's app names are registered already: take them over, or skip them. */
  confirmAppsInUse(profile: ConnectionProfile, inUse: readonly string[]): Promise<'register' | 'skip'>;
  notice(profile: ConnectionProfile, notice: ControllerNotice): void;
}

export interface ControllerConnectOptions {
  /** Register the profile's app names without asking even if they are in use (seeding). */
  trustApps?: boolean;
}

export class ProfileController {
  private profileValue: ConnectionProfile;
  private sessionValue: AriSession | undefined;
  private phaseValue: ConnectionPhase;
  /** Bumped by each connect/disconnect so a slower, older attempt gives up. */
  private generation = 0;
  /** The generation whose 401 was already turned into a notice (one per attempt). */
  private offered401 = -1;
  /** The open session got a REST 401 (password changed on the server): a new password reconnects it. */
  private restRejected = false;
  /** Listeners on the current session; replaced per session (a DisposableStore is single-use). */
  private sessionStore = new DisposableStore();
  private readonly phaseEmitter = new Emitter<ConnectionPhase>();
  private readonly sessionEmitter = new Emitter<AriSession | undefined>();

  readonly onDidChangePhase: Event<ConnectionPhase> = this.phaseEmitter.event;
  /** A new session (at connect) or none (at disconnect or a failed connect). */
  readonly onDidChangeSession: Event<AriSession | undefined> = this.sessionEmitter.event;

  constructor(
    profile: ConnectionProfile,
    private readonly host: ControllerHost,
  ) {
    this.profileValue = profile;
    this.phaseValue = { kind: 'disconnected', profileName: profile.name };
  }

  get profile(): ConnectionProfile {
    return this.profileValue;
  }

  /** The profile was edited: the next connect uses the new settings; a new name shows at once. */
  set profile(profile: ConnectionProfile) {
    this.profileValue = profile;
  }

  get session(): AriSession | undefined {
    return this.sessionValue;
  }

  get phase(): ConnectionPhase {
    return this.phaseValue;
  }

  /** The connection failed, or its REST calls were refused with 401: a new password should reconnect. */
  get needsNewPassword(): boolean {
    return this.phaseValue.kind === 'error' || this.restRejected;
  }

  async connect(opts: ControllerConnectOptions = {}): Promise<AriSession> {
    this.stop();
    this.restRejected = false;
    const generation = ++this.generation;
    const profile = this.profileValue;
    const log = this.host.log;
    this.setPhase({ kind: 'connecting', profileName: profile.name, attempt: 1 });
    log.info(`Connecting to "${profile.name}" (${profile.url}) as ${profile.username}`);
    if (isInsecure(profile)) {
      const text = insecureTlsWarning(profile);
      log.warn(text);
      this.host.notice(profile, { kind: 'insecure', text });
    }
    try {
      const connection = this.host.connectionOptions(profile, await this.host.password(profile));
      if (generation !== this.generation) throw new CancelledError();
      const apps = await this.chooseApps(profile, connection, opts.trustApps ?? false);
      if (generation !== this.generation) throw new CancelledError();
      const session = new AriSession({ connection, apps, subscribeAll: true, reconcileMs: this.host.reconcileMs() });
      this.attach(session, profile, generation);
      await session.start();
      const state = session.socket.state;
      if (state.kind === 'failed') throw state.error;
      if (generation === this.generation && state.kind === 'open') this.setPhase(this.connectedPhase());
      return session;
    } catch (err) {
      if (generation === this.generation) {
        this.stop();
        if (err instanceof CancelledError) this.setPhase({ kind: 'disconnected', profileName: profile.name });
        else if (this.phaseValue.kind !== 'error') this.setError(err); // the socket may have said it already
        if (err instanceof AriError && err.status === 401) this.unauthorizedOnce(generation);
      }
      throw err;
    }
  }

  /** Closes the session (if any); an attempt under way gives up. */
  disconnect(): void {
    this.generation++;
    const had = !!this.sessionValue;
    this.stop();
    if (had) this.host.log.info(`Disconnected from "${this.profileValue.name}"`);
    this.setPhase({ kind: 'disconnected', profileName: this.profileValue.name });
  }

  dispose(): void {
    this.generation++;
    this.stop();
    this.sessionStore.dispose();
    this.phaseEmitter.dispose();
    this.sessionEmitter.dispose();
  }

  // ---- internals ----

  /** The observer app always; the profile's own names only if free or the user agrees. */
  private async chooseApps(profile: ConnectionProfile, connection: AriConnectionOptions, trust: boolean): Promise<string[]> {
    const observer = this.host.observerApp;
    if (!profile.apps.length) return appsToRegister(observer, []);
    const rest = new AriRestClient(connection);
    let registered: { name: string }[];
    try {
      registered = await rest.applications.list();
    } finally {
      rest.dispose();
    }
    const inUse = appsInUse(profile.apps, registered);
    if (!inUse.length) return appsToRegister(observer, profile.apps);
    if (trust) {
      this.host.log.warn(`Registering ${inUse.join(', ')} although already registered on "${profile.name}" (seeded profile)`);
      return appsToRegister(observer, profile.apps);
    }
    const choice = await this.host.confirmAppsInUse(profile, inUse);
    return appsToRegister(observer, profile.apps, choice === 'skip' ? inUse : []);
  }

  private attach(session: AriSession, profile: ConnectionProfile, generation: number): void {
    this.sessionValue = session;
    this.sessionStore.add(
      session.onState((state) => {
        if (this.sessionValue !== session) return;
        this.socketStateChanged(state, profile);
        if (state.kind === 'failed' && state.error.status === 401) this.unauthorizedOnce(generation);
      }),
    );
    this.sessionStore.add(
      session.onResyncFailed((err) => {
        // The socket authenticated at its upgrade and stays open, but REST now says 401: the
        // password was changed on the server. Same notice as a failed connect.
        if (this.sessionValue !== session || !(err instanceof AriError) || err.status !== 401) return;
        this.restRejected = true;
        this.host.log.warn(
          `"${profile.name}": the server rejected the stored password on a REST call (401); the live view is out of date until it is updated.`,
        );
        this.unauthorizedOnce(generation);
      }),
    );
    this.sessionStore.add(
      session.onModelChange(() => {
        // Server info is re-read with each resync (an upgrade shows after a restart).
        const version = session.info?.system?.version;
        if (this.sessionValue === session && this.phaseValue.kind === 'connected' && this.phaseValue.version !== version) this.setPhase(this.connectedPhase());
      }),
    );
    this.sessionStore.add(
      session.onEvents((records) => {
        // A cheap scan of the batch: ApplicationReplaced is rare and must be said out loud.
        // r.type, not r.event.type: reading a record's event may parse it again.
        for (const r of records) {
          if (r.type !== 'ApplicationReplaced') continue;
          const text = shown(applicationReplacedMessage(r.event.application, profile.name, this.host.observerApp), 600);
          this.host.log.warn(text);
          this.host.notice(profile, { kind: 'applicationReplaced', text });
        }
      }),
    );
    this.sessionEmitter.fire(session);
  }

  /** Drops the session and its listeners (no phase change). */
  private stop(): void {
    const s = this.sessionValue;
    if (!s) return;
    this.sessionValue = undefined;
    this.sessionStore.dispose();
    this.sessionStore = new DisposableStore();
    try {
      s.dispose();
    } finally {
      this.sessionEmitter.fire(undefined);
    }
  }

  private socketStateChanged(state: SocketState, profile: ConnectionProfile): void {
    const log = this.host.log;
    switch (state.kind) {
      case 'connecting':
        this.setPhase({ kind: 'connecting', profileName: profile.name, attempt: state.attempt });
        break;
      case 'open': {
        this.setPhase(this.connectedPhase());
        const version = this.sessionValue?.info?.system?.version;
        log.info(`Connected to "${profile.name}"${version ? `, Asterisk ${version}` : ''}`);
        break;
      }
      case 'reconnecting':
        this.setPhase({
          kind: 'reconnecting',
          profileName: profile.name,
          attempt: state.attempt,
          retryAt: Date.now() + state.delayMs,
          error: state.error?.message,
        });
        log.warn(
          `Connection to "${profile.name}" lost${state.error ? `: ${state.error.message}` : ''}; retry ${state.attempt} in ${Math.round(state.delayMs / 100) / 10} s`,
        );
        break;
      case 'failed':
        this.setError(state.error);
        break;
      case 'closed':
      case 'idle':
        break;
    }
  }

  private connectedPhase(): ConnectionPhase {
    const profile = this.profileValue;
    return {
      kind: 'connected',
      profileName: profile.name,
      version: this.sessionValue?.info?.system?.version,
      ...(isInsecure(profile) ? { insecure: true } : {}),
    };
  }

  private setError(err: unknown): void {
    const e = err instanceof AriError ? err : undefined;
    const message = err instanceof Error ? err.message : String(err);
    const name = this.profileValue.name;
    this.host.log.error(`Connection to "${name}" failed: ${message}${e?.hint ? ` — ${e.hint}` : ''}`);
    this.setPhase({ kind: 'error', profileName: name, error: message, hint: e?.hint });
  }

  private unauthorizedOnce(generation: number): void {
    if (this.offered401 === generation) return;
    this.offered401 = generation;
    this.host.notice(this.profileValue, { kind: 'unauthorized' });
  }

  private setPhase(phase: ConnectionPhase): void {
    this.phaseValue = phase;
    this.phaseEmitter.fire(phase);
  }
}

/** TLS verification is off only when the profile says so, and only matters for https. */
export function isInsecure(profile: Pick<ConnectionProfile, 'url' | 'tls'>): boolean {
  return profile.tls?.insecure === true && profile.url.startsWith('https:');
}

export function insecureTlsWarning(profile: Pick<ConnectionProfile, 'name' | 'url'>): string {
  return `TLS certificate verification is OFF for "${profile.name}" (${profile.url}): the server's identity is not checked, so anyone on the network path can read the ARI password and traffic. Trust a CA file in the profile instead where you can.`;
}
