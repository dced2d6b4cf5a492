// The status bar as a pure function: connection state in, what the item shows out.
// No vscode import, so every state is checked in plain Node; statusBar.ts applies it.
import { t } from '../util/l10n';

import type { ConnectionPhase } from '../connection/phase';

export interface StatusView {
  text: string;
  tooltip: string; // Markdown
  /** codicon id shown in `text` as $(id) */
  icon: string;
  /** ThemeColor id for the foreground, if any */
  color?: string;
  /** ThemeColor id for the background (only the two VS Code allows: error/warning) */
  background?: 'statusBarItem.errorBackground' | 'statusBarItem.warningBackground';
  /** true while the text depends on the clock (a countdown), so the caller re-renders each second */
  ticking: boolean;
}

function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

function click(): string {
  return '\n\n' + t('Click for actions.');
}

/** What the status bar says about a profile that skips certificate verification. */
/** The English text, as other areas' tests quote it; insecureTlsText() is what users read. */
export const INSECURE_TLS_TEXT = 'TLS certificate verification is off for this profile: anyone on the network path can read the ARI password and traffic.';

export function insecureTlsText(): string {
  return t('TLS certificate verification is off for this profile: anyone on the network path can read the ARI password and traffic.');
}

/** `now` is passed in so the countdown is testable without a clock. */
export function renderStatus(phase: ConnectionPhase, now: number): StatusView {
  switch (phase.kind) {
    case 'noProfile':
      return { text: '$(plug) ARI', icon: 'plug', tooltip: t('ARI Explorer: no connection profile yet.') + click(), ticking: false };
    case 'disconnected':
      return {
        text: '$(debug-disconnect) ARI',
        icon: 'debug-disconnect',
        tooltip: (phase.profileName ? t('ARI Explorer: disconnected (profile **{0}**).', md(phase.profileName)) : t('ARI Explorer: disconnected.')) + click(),
        ticking: false,
      };
    case 'connecting':
      return {
        text: `$(sync~spin) ARI: ${phase.profileName}`,
        icon: 'sync~spin',
        tooltip:
          (phase.attempt > 1
            ? t('Connecting to **{0}** (attempt {1})…', md(phase.profileName), phase.attempt)
            : t('Connecting to **{0}**…', md(phase.profileName))) + click(),
        ticking: false,
      };
    case 'connected': {
      // A profile that skips certificate checks stays visibly marked for as long as it is used.
      const icon = phase.insecure ? 'unlock' : 'pass-filled';
      return {
        text: `$(${icon}) ARI: ${phase.profileName}${phase.version ? ` (${phase.version})` : ''}`,
        icon,
        color: phase.insecure ? 'charts.yellow' : 'charts.green',
        tooltip:
          (phase.version
            ? t('Connected to **{0}**, Asterisk {1}.', md(phase.profileName), md(phase.version))
            : t('Connected to **{0}**.', md(phase.profileName))) +
          (phase.insecure ? `\n\n$(warning) ${md(insecureTlsText())}` : '') +
          click(),
        ticking: false,
      };
    }
    case 'reconnecting': {
      const seconds = Math.max(0, Math.ceil((phase.retryAt - now) / 1000));
      return {
        text: t('$(sync) ARI: {0} reconnecting in {1} s', phase.profileName, seconds),
        icon: 'sync',
        background: 'statusBarItem.warningBackground',
        tooltip:
          t('Connection to **{0}** lost; retry {1} in {2} s.', md(phase.profileName), phase.attempt, seconds) +
          (phase.error ? `\n\n${md(phase.error)}` : '') +
          click(),
        ticking: true,
      };
    }
    case 'error':
      return {
        text: `$(error) ARI: ${phase.profileName}`,
        icon: 'error',
        background: 'statusBarItem.errorBackground',
        tooltip: t('Cannot connect to **{0}**: {1}', md(phase.profileName), md(phase.error)) + (phase.hint ? `\n\n${md(phase.hint)}` : '') + click(),
        ticking: false,
      };
  }
}

export interface StatusAction {
  id: 'switch' | 'connect' | 'reconnect' | 'disconnect' | 'events' | 'log' | 'add' | 'password';
  label: string;
  command: string;
}

/** The QuickPick behind a click on the item, depending on the state. */
export function statusActions(phase: ConnectionPhase): StatusAction[] {
  const out: StatusAction[] = [];
  if (phase.kind === 'noProfile') {
    out.push({ id: 'add', label: t('$(add) Add Connection Profile…'), command: 'ariExplorer.profiles.add' });
  } else {
    out.push({ id: 'switch', label: t('$(arrow-swap) Switch Profile…'), command: 'ariExplorer.profiles.switch' });
    if (phase.kind === 'disconnected') {
      out.push({ id: 'connect', label: t('$(plug) Connect'), command: 'ariExplorer.profiles.connect' });
    } else {
      if (phase.kind === 'error') out.push({ id: 'password', label: t('$(key) Update Stored Password…'), command: 'ariExplorer.profiles.updatePassword' });
      out.push({ id: 'reconnect', label: t('$(refresh) Reconnect'), command: 'ariExplorer.connection.reconnect' });
      out.push({ id: 'disconnect', label: t('$(debug-disconnect) Disconnect'), command: 'ariExplorer.profiles.disconnect' });
    }
  }
  out.push({ id: 'events', label: t('$(list-unordered) Show Event Stream'), command: 'ariExplorer.events.show' });
  out.push({ id: 'log', label: t('$(output) Show Log'), command: 'ariExplorer.connection.showLog' });
  return out;
}

/**
 * The explorer's message above the tree: while reconnecting the tree still shows the model from
 * before the drop (a resync replaces it once the socket is back), and must not pass for live.
 */
export function explorerMessage(phase: ConnectionPhase): string | undefined {
  // Not after a failed connect: a message hides the welcome view and its Connect buttons.
  if (phase.kind !== 'reconnecting') return undefined;
  return t('Connection to {0} lost: the tree shows the state before the drop, until it reconnects.', phase.profileName);
}

/** One profile's connection, as the summary of several lists it. */
export interface ServerPhase {
  readonly profileId: string;
  readonly phase: ConnectionPhase;
}

function phaseName(phase: ConnectionPhase): string {
  return 'profileName' in phase ? (phase.profileName ?? '') : '';
}

function phaseWord(phase: ConnectionPhase, now: number): string {
  switch (phase.kind) {
    case 'connected':
      return phase.version ? t('connected, Asterisk {0}', md(phase.version)) : t('connected');
    case 'connecting':
      return t('connecting…');
    case 'reconnecting':
      return t('reconnecting in {0} s', Math.max(0, Math.ceil((phase.retryAt - now) / 1000)));
    case 'error':
      return t('failed: {0}', md(phase.error));
    default:
      return t('disconnected');
  }
}

/**
 * The status bar with more than one connection: one item for all of them ("2 connected",
 * plus how many are reconnecting or failed), each listed in the tooltip. With one connection
 * or none, renderStatus() of that one.
 */
export function renderServersStatus(servers: readonly ServerPhase[], focused: ConnectionPhase, now: number): StatusView {
  if (servers.length < 2) return renderStatus(focused, now);
  const count = (...kinds: ConnectionPhase['kind'][]) => servers.filter((s) => kinds.includes(s.phase.kind)).length;
  const connected = count('connected');
  const reconnecting = count('reconnecting', 'connecting');
  const failed = count('error');
  const parts = [t('{0} connected', connected)];
  if (reconnecting) parts.push(t('{0} reconnecting', reconnecting));
  if (failed) parts.push(t('{0} failed', failed));
  const icon = failed ? 'error' : reconnecting ? 'sync' : 'pass-filled';
  const lines = servers.map((s) => `- **${md(phaseName(s.phase))}**: ${phaseWord(s.phase, now)}`);
  return {
    text: `$(${icon}) ARI: ${parts.join(', ')}`,
    icon,
    ...(failed
      ? { background: 'statusBarItem.errorBackground' as const }
      : reconnecting
        ? { background: 'statusBarItem.warningBackground' as const }
        : { color: 'charts.green' }),
    tooltip: t('ARI Explorer: {0} servers.', servers.length) + '\n\n' + lines.join('\n') + click(),
    ticking: servers.some((s) => s.phase.kind === 'reconnecting'),
  };
}

export interface ServerAction {
  label: string;
  description?: string;
  command: string;
  /** The profile the command acts on (its argument), if it is about one server. */
  profileId?: string;
}

/** The status item's menu with more than one connection: per server, then for all. */
export function serversActions(servers: readonly ServerPhase[], now: number): ServerAction[] {
  const out: ServerAction[] = [];
  for (const s of servers) {
    const name = phaseName(s.phase);
    const state = phaseWord(s.phase, now).replace(/\\(.)/g, '$1');
    if (s.phase.kind === 'error')
      out.push({
        label: t('$(key) {0}: Update Stored Password…', name),
        description: state,
        command: 'ariExplorer.profiles.updatePassword',
        profileId: s.profileId,
      });
    out.push({ label: t('$(refresh) {0}: Reconnect', name), description: state, command: 'ariExplorer.connection.reconnect', profileId: s.profileId });
    out.push({ label: t('$(debug-disconnect) {0}: Disconnect', name), description: state, command: 'ariExplorer.profiles.disconnect', profileId: s.profileId });
  }
  out.push({ label: t('$(plug) Connect Another Server…'), command: 'ariExplorer.profiles.connectAnother' });
  out.push({ label: t('$(debug-disconnect) Disconnect All'), command: 'ariExplorer.profiles.disconnectAll' });
  out.push({ label: t('$(list-unordered) Show Event Stream'), command: 'ariExplorer.events.show' });
  out.push({ label: t('$(output) Show Log'), command: 'ariExplorer.connection.showLog' });
  return out;
}
