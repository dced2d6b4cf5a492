// The contract between connections and everything that shows or acts on a server: the list
// of live servers (one per connected profile) and how a tree node or command argument names
// the server it belongs to. No vscode import: views, commands and tests share it.
import type { AriSession } from './session';

/** A profile with a live session (connecting, connected or reconnecting). */
export interface LiveServer {
  readonly profileId: string;
  readonly profileName: string;
  readonly session: AriSession;
}

export interface ServerListener {
  (servers: readonly LiveServer[]): unknown;
}

/** What ConnectionManager offers views: the live servers, in the order they were connected. */
export interface LiveServers {
  readonly servers: readonly LiveServer[];
  onDidChangeServers(listener: ServerListener): { dispose(): void };
}

/**
 * A tree node or command argument that belongs to one server carries its profile id, so a
 * command run from it acts on that server whatever else is connected.
 */
export interface ServerScoped {
  readonly profileId?: string;
}

/** The profile id an argument names, if it names one. */
export function profileIdOf(arg: unknown): string | undefined {
  const id = (arg as ServerScoped | undefined)?.profileId;
  return typeof id === 'string' && id ? id : undefined;
}
