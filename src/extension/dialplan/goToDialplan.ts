// "Go to Dialplan Location" for a live channel: opens the workspace's dialplan at the
// channel's context, extension and priority, or says plainly what could not be found.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { registerCommand } from '../util/commands';
import type { LocationResult } from './core/dialplanIndex';
import { channelLocationNote } from './core/channelLocation';
import { locationOf } from './core/definition';
import { toRange } from './language';
import type { DialplanServer, DialplanSession, DialplanSessionSource } from './sessionView';
import { serverNamedBy } from './servers';
import type { WorkspaceDialplans } from './workspaceDialplans';
import { t } from '../util/l10n';
import { shown as sanitized } from '../util/sanitize';

export const GO_TO_DIALPLAN_COMMAND = 'ariExplorer.channel.goToDialplan';

interface ChannelNode {
  kind: string;
  id: string;
  /** The node's server (set by the tree of that server). */
  profileId?: unknown;
  /** The name the tree last showed (views/tree/nodes.ts AriNode). */
  name?: unknown;
}

function isChannelNode(v: unknown): v is ChannelNode {
  return typeof v === 'object' && v !== null && (v as ChannelNode).kind === 'channel' && typeof (v as ChannelNode).id === 'string';
}

/** A dialplan step seen in an event (Call Flow): it opens without a live channel or a connection. */
interface DialplanStepArg {
  kind: 'dialplanStep';
  context: string;
  exten: string;
  priority: number;
  channel: string;
}

function isDialplanStep(v: unknown): v is DialplanStepArg {
  const a = v as DialplanStepArg;
  return (
    typeof v === 'object' &&
    v !== null &&
    a.kind === 'dialplanStep' &&
    typeof a.context === 'string' &&
    typeof a.exten === 'string' &&
    typeof a.priority === 'number' &&
    typeof a.channel === 'string'
  );
}

/** Picks among the live channels of every connected server; the session is the channel's own. */
async function pickChannel(servers: readonly DialplanServer[]): Promise<{ id: string; name: string; session: DialplanSession } | undefined> {
  const several = servers.length > 1;
  const items = servers.flatMap((s) =>
    [...s.session.model.channels.values()].map((c) => {
      const where = c.dialplan ? t('{0}, priority {1}', `${c.dialplan.exten}@${c.dialplan.context}`, c.dialplan.priority) : '';
      return {
        label: c.name,
        // Channel ids and names repeat across servers: the server tells them apart.
        description: several ? [s.profileName, where].filter(Boolean).join(' · ') : where,
        detail: c.dialplan?.app_name ? `${c.dialplan.app_name}(${c.dialplan.app_data ?? ''})` : undefined,
        id: c.id,
        session: s.session,
      };
    }),
  );
  if (items.length === 0)
    throw new Error(several ? t('There are no live channels on the connected servers.') : t('There are no live channels on this server.'));
  const pick = await vscode.window.showQuickPick(items, { placeHolder: t('Channel whose dialplan location to open'), matchOnDescription: several });
  return pick && { id: pick.id, name: pick.label, session: pick.session };
}

/** The session a channel node belongs to: its server's, else (a node without one) the focused server's. */
function sessionOfNode(source: DialplanSessionSource, node: ChannelNode): DialplanSession | undefined {
  const server = serverNamedBy(source, node);
  if (server) return server.session;
  return source.active ?? (source.servers.length === 1 ? source.servers[0].session : undefined);
}

export function registerGoToDialplan(services: Services, source: DialplanSessionSource, dialplans: WorkspaceDialplans): vscode.Disposable {
  return registerCommand(services, GO_TO_DIALPLAN_COMMAND, async (arg) => {
    if (isDialplanStep(arg)) {
      await show((await dialplans.index()).locate(arg.context, arg.exten, arg.priority), arg.channel, dialplans);
      return;
    }
    const notConnected = () => new Error(t('Not connected to an Asterisk server: connect a profile to see live channels.'));
    let picked: { id: string; name?: string; session: DialplanSession } | undefined;
    if (isChannelNode(arg)) {
      const session = sessionOfNode(source, arg);
      if (!session) throw notConnected();
      picked = { id: arg.id, name: typeof arg.name === 'string' && arg.name ? arg.name : undefined, session };
    } else {
      if (source.servers.length === 0) throw notConnected();
      picked = await pickChannel(source.servers);
    }
    if (!picked) return;
    const ch = picked.session.model.channels.get(picked.id);
    if (!ch) throw new Error(t('Channel {0} is no longer live.', picked.name ?? picked.id));
    const dp = ch.dialplan;
    if (!dp?.context || !dp.exten) {
      void vscode.window.showInformationMessage(
        sanitized(t('{0} has no dialplan location (it was created by ARI and has not run the dialplan).', ch.name), 600),
      );
      return;
    }
    const result = (await dialplans.index()).locate(dp.context, dp.exten, dp.priority);
    await show(result, ch.name, dialplans);
    const note = result.found === 'priority' ? channelLocationNote(dp, result.priority) : undefined;
    if (note) void vscode.window.showInformationMessage(sanitized(t('{0}: {1}', ch.name, note), 600));
  });
}

async function show(result: LocationResult, channel: string, dialplans: WorkspaceDialplans): Promise<void> {
  const [where] = locationOf(result);
  if (!where) {
    const n = dialplans.fileCount;
    void vscode.window.showWarningMessage(
      sanitized(
        `${channel}: ${result.found === 'none' ? result.reason : ''} ${
          n === 1
            ? t('Searched 1 dialplan file (extensions*.conf, files associated with the Asterisk language, and what they #include).')
            : t('Searched {0} dialplan files (extensions*.conf, files associated with the Asterisk language, and what they #include).', n)
        }`,
        800,
      ),
    );
    return;
  }
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(where.uri));
  const range = toRange(where.span);
  // Where the file is already shown, there (not a second copy in whichever group is active).
  const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === doc.uri.toString());
  await vscode.window.showTextDocument(doc, { selection: range, preview: true, viewColumn: shown?.viewColumn });
  if (result.found !== 'priority' && result.found !== 'none')
    void vscode.window.showInformationMessage(sanitized(t('{0}: {1} Showing the closest match.', channel, result.reason), 600));
}
