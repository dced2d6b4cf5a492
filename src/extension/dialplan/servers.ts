// Which connected server a dialplan command acts on. The dialplan is a workspace file, not a
// tree node of one server, so with several servers connected the user says which (as
// commands/prompts.ts sessionOf does for the palette); an argument naming a server wins.
import * as vscode from 'vscode';
import { CancelledError } from '../connection/cancelled';
import { profileIdOf } from '../connection/servers';
import { t } from '../util/l10n';
import type { DialplanServer, DialplanSessionSource } from './sessionView';

/** The item of the reload pick that stands for every connected server. */
export const ALL_SERVERS = '*';

interface ServerItem extends vscode.QuickPickItem {
  key: string;
}

/** "prod, lab": servers named in one message. */
export function serverNames(servers: readonly DialplanServer[]): string {
  return servers.map((s) => s.profileName).join(', ');
}

/** The app names of a server's profile (the calling side offers them, the Call toast names them). */
export function appsOf(source: DialplanSessionSource, server: DialplanServer): readonly string[] {
  const profile = source.profiles?.get(server.profileId) ?? (server.session === source.active ? source.activeProfile : undefined);
  return profile?.apps ?? [];
}

/** The server `arg` names (a tree node's profileId), if any; throws when that one is not connected. */
export function serverNamedBy(source: DialplanSessionSource, arg: unknown): DialplanServer | undefined {
  const id = profileIdOf(arg);
  if (!id) return undefined;
  const server = source.servers.find((s) => s.profileId === id);
  if (server) return server;
  const name = source.profiles?.get(id)?.name;
  throw new Error(name ? t('"{0}" is not connected.', name) : t('That server is no longer connected.'));
}

async function ask(items: ServerItem[], placeHolder: string, preferred: string | undefined): Promise<string> {
  // The last choice first, so that Enter repeats it (a save with reloadOnSave = always asks each time).
  items.sort((a, b) => Number(b.key === preferred) - Number(a.key === preferred));
  const pick = await vscode.window.showQuickPick(items, { placeHolder, ignoreFocusOut: true, matchOnDescription: true });
  if (!pick) throw new CancelledError();
  return pick.key;
}

function itemOf(s: DialplanServer): ServerItem {
  const version = s.session.info?.system?.version;
  return { label: s.profileName, description: version ? t('Asterisk {0}', version) : undefined, key: s.profileId };
}

/**
 * The one server a command acts on: the one `arg` names, the only one connected, or the one
 * the user picks. Throws `notConnected()` with none, CancelledError when the pick is dismissed.
 */
export async function pickServer(source: DialplanSessionSource, arg: unknown, placeHolder: string, notConnected: () => Error): Promise<DialplanServer> {
  const servers = source.servers;
  const fromArg = serverNamedBy(source, arg);
  if (fromArg) return fromArg;
  if (servers.length === 0) throw notConnected();
  if (servers.length === 1) return servers[0];
  const active = servers.find((s) => s.session === source.active);
  const key = await ask(servers.map(itemOf), placeHolder, active?.profileId);
  const one = servers.find((s) => s.profileId === key);
  // The server went away while the pick was open.
  if (!one) throw notConnected();
  return one;
}

/**
 * Like pickServer, with an "All connected servers" item: the servers picked and the key of the
 * choice (a profile id or ALL_SERVERS), which the caller may hand back as `preferred`.
 */
export async function pickServers(
  source: DialplanSessionSource,
  arg: unknown,
  o: { placeHolder: string; notConnected: () => Error; preferred?: string },
): Promise<{ servers: DialplanServer[]; key: string }> {
  const servers = source.servers;
  const fromArg = serverNamedBy(source, arg);
  if (fromArg) return { servers: [fromArg], key: fromArg.profileId };
  if (servers.length === 0) throw o.notConnected();
  if (servers.length === 1) return { servers: [servers[0]], key: servers[0].profileId };
  const all: ServerItem = { label: t('$(server-environment) All connected servers'), description: serverNames(servers), key: ALL_SERVERS };
  const key = await ask([...servers.map(itemOf), all], o.placeHolder, o.preferred);
  if (key === ALL_SERVERS) return { servers: [...servers], key };
  const one = servers.find((s) => s.profileId === key);
  // The server went away while the pick was open.
  if (!one) throw o.notConnected();
  return { servers: [one], key };
}
