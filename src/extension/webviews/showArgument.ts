// What `ariExplorer.events.show` and its per-node variants were given, as a filter. The
// argument is untrusted (any extension or a keybinding can pass anything), so it is checked
// field by field. No vscode import.

import { EMPTY_FILTER, type EventFilter } from '../../shared/protocol';
import { profileIdOf } from '../connection/servers';

export interface ShowEventsArgument {
  channelId?: string;
  bridgeId?: string;
  app?: string;
}

function str(x: unknown): string | undefined {
  return typeof x === 'string' && x !== '' && x.length <= 1000 ? x : undefined;
}

/**
 * `{ channelId?, bridgeId?, app? }`, or a tree node `{ kind, id }` (channel, bridge,
 * application). `expect` is the node kind a per-node command requires. Returns undefined
 * when there is nothing to filter on (then the panel keeps its filter). A node of one of
 * several servers (its `profileId`) also narrows to that server, through `serverName`: two
 * servers often run the same app (hello-world) and only the server tells their events apart.
 */
export function filterFromArgument(
  arg: unknown,
  expect?: 'channel' | 'bridge' | 'application',
  serverName: (profileId: string) => string | undefined = () => undefined,
): EventFilter | undefined {
  const filter = filterOf(arg, expect);
  const profileId = filter ? profileIdOf(arg) : undefined;
  const server = profileId === undefined ? undefined : serverName(profileId);
  return filter && server ? { ...filter, server } : filter;
}

function filterOf(arg: unknown, expect?: 'channel' | 'bridge' | 'application'): EventFilter | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const a = arg as Record<string, unknown>;
  const kind = str(a.kind);
  const id = str(a.id);
  if (kind && id) {
    if (expect && kind !== expect) return undefined;
    if (kind === 'channel') return { ...EMPTY_FILTER, channel: id };
    if (kind === 'bridge') return { ...EMPTY_FILTER, bridge: id };
    if (kind === 'application') return { ...EMPTY_FILTER, app: id };
    return undefined;
  }
  const channel = str(a.channelId) ?? '';
  const bridge = str(a.bridgeId) ?? '';
  const app = str(a.app) ?? '';
  if (!channel && !bridge && !app) return undefined;
  return { ...EMPTY_FILTER, channel, bridge, app };
}
