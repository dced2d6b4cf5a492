// Bridge operations as plain functions (no vscode).
import type { Bridge } from '../../ari/models.generated';
import { t } from '../../util/l10n';
import { attempt, CommandError, describeFailure, forEachId, type BatchResult } from '../failures';
import { ari, type ChannelView, type CommandSession } from '../session';

/** Bridge type attributes ARI's `type` accepts, comma-separated (bridges.json), with what each means. */
export function bridgeTypes(): { type: string; detail: string }[] {
  return [
    { type: 'mixing', detail: t('Everyone hears everyone (the usual conference/call bridge).') },
    { type: 'holding', detail: t('Participants hear music or announcements, not each other.') },
    { type: 'dtmf_events', detail: t('Generate ChannelDtmfReceived for bridged channels (disables native bridging).') },
    { type: 'proxy_media', detail: t('Media always flows through Asterisk (no native/direct media).') },
    { type: 'video_sfu', detail: t('Selective forwarding of video streams.') },
    { type: 'video_single', detail: t('One video source is sent to everyone.') },
    { type: 'sdp_label', detail: t('Label SDP streams with the channel id.') },
  ];
}

/**
 * The channels that can join a bridge: ARI's addChannel takes only channels in a Stasis
 * application (anything else is 422 "Channel not in Stasis application"), so a Local call's
 * ;1 half running Wait() is not one. `notInStasis` counts the others, so a picker can say why
 * they are missing.
 */
export function bridgeCandidates(channels: Iterable<ChannelView>, bridgeId: string): { candidates: ChannelView[]; notInStasis: number } {
  const candidates: ChannelView[] = [];
  let notInStasis = 0;
  for (const c of channels) {
    if (c.bridgeId === bridgeId) continue;
    if (c.app === undefined) notInStasis++;
    else candidates.push(c);
  }
  return { candidates, notInStasis };
}

/** A channel as a person reads it: its name (the id when the model does not know it). */
function channelName(session: CommandSession, id: string): string {
  return session.model.channels.get(id)?.name ?? id;
}

function bridgeName(session: CommandSession, id: string): string {
  const b = session.model.bridges.get(id);
  return b?.name ? b.name : t('bridge {0}', id);
}

export interface CreateBridgeParams {
  types: string[];
  name?: string;
  bridgeId?: string;
}

export async function createBridge(session: CommandSession, p: CreateBridgeParams): Promise<Bridge> {
  const params = { type: p.types.length > 0 ? p.types : undefined, name: p.name || undefined };
  return attempt(t('create a {0} bridge', p.types.join(',') || 'mixing'), () =>
    p.bridgeId ? ari(session).bridges.createWithId(p.bridgeId, params) : ari(session).bridges.create(params),
  );
}

export interface AddChannelOptions {
  role?: string;
  absorbDTMF?: boolean;
  mute?: boolean;
}

export async function addChannelsToBridge(
  session: CommandSession,
  bridgeId: string,
  channelIds: readonly string[],
  opts: AddChannelOptions = {},
): Promise<void> {
  if (channelIds.length === 0) return;
  const names = channelIds.map((id) => channelName(session, id)).join(', ');
  const action = t('add {0} to {1}', names, bridgeName(session, bridgeId));
  try {
    // One comma-separated value (the query builder joins arrays, as ARI reads a list), not repeated keys.
    await ari(session).bridges.addChannel(bridgeId, { channel: [...channelIds], role: opts.role || undefined, absorbDTMF: opts.absorbDTMF, mute: opts.mute });
  } catch (err) {
    const e = err as { status?: number; serverMessage?: string };
    // The generic 422 hint ("does not exist, or does not apply") misleads here: say what it is.
    if (e.status === 422 && /not in Stasis/i.test(e.serverMessage ?? '')) {
      const outside = channelIds.filter((id) => session.model.channels.get(id)?.app === undefined).map((id) => channelName(session, id));
      throw new CommandError(
        t(
          'Could not {0}: {1} is not in a Stasis application, and only channels in Stasis can join a bridge.',
          action,
          outside.length > 0 ? outside.join(', ') : names,
        ),
        422,
        err,
      );
    }
    throw describeFailure(action, err);
  }
}

export async function removeChannelsFromBridge(session: CommandSession, bridgeId: string, channelIds: readonly string[]): Promise<void> {
  if (channelIds.length === 0) return;
  await attempt(t('remove {0} from {1}', channelIds.map((id) => channelName(session, id)).join(', '), bridgeName(session, bridgeId)), () =>
    ari(session).bridges.removeChannel(bridgeId, [...channelIds]),
  );
}

export function destroyBridges(session: CommandSession, ids: readonly string[]): Promise<BatchResult> {
  return forEachId(
    ids,
    (id) => t('destroy {0}', bridgeName(session, id)),
    (id) => ari(session).bridges.destroy(id),
  );
}

export async function bridgeMoh(session: CommandSession, bridgeId: string, start: boolean, mohClass?: string): Promise<void> {
  await attempt(start ? t('start music on hold on {0}', bridgeName(session, bridgeId)) : t('stop music on hold on {0}', bridgeName(session, bridgeId)), () =>
    start ? ari(session).bridges.startMoh(bridgeId, mohClass || undefined) : ari(session).bridges.stopMoh(bridgeId),
  );
}
