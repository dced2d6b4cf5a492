// Bridge operations as plain functions (no vscode).
import type { Bridge } from '../../ari/models.generated';
import { attempt, forEachId, type BatchResult } from '../failures';
import { seg, type CommandSession } from '../session';

/** Bridge type attributes ARI's `type` accepts, comma-separated (bridges.json). */
export const BRIDGE_TYPES = [
  { type: 'mixing', detail: 'Everyone hears everyone (the usual conference/call bridge).' },
  { type: 'holding', detail: 'Participants hear music or announcements, not each other.' },
  { type: 'dtmf_events', detail: 'Generate ChannelDtmfReceived for bridged channels (disables native bridging).' },
  { type: 'proxy_media', detail: 'Media always flows through Asterisk (no native/direct media).' },
  { type: 'video_sfu', detail: 'Selective forwarding of video streams.' },
  { type: 'video_single', detail: 'One video source is sent to everyone.' },
  { type: 'sdp_label', detail: 'Label SDP streams with the channel id.' },
] as const;

export interface CreateBridgeParams {
  types: string[];
  name?: string;
  bridgeId?: string;
}

export async function createBridge(session: CommandSession, p: CreateBridgeParams): Promise<Bridge> {
  const query = { type: p.types.length > 0 ? p.types.join(',') : undefined, name: p.name || undefined };
  const r = await attempt(`create a ${p.types.join(',') || 'mixing'} bridge`, () =>
    p.bridgeId
      ? session.rest.request<Bridge>('POST', `/bridges/${seg(p.bridgeId)}`, { query })
      : session.rest.request<Bridge>('POST', '/bridges', { query }),
  );
  return r.body;
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
  await attempt(`add ${channelIds.join(', ')} to bridge ${bridgeId}`, () =>
    session.rest.request('POST', `/bridges/${seg(bridgeId)}/addChannel`, {
      // One comma-separated value (as ARI reads a list), not repeated keys.
      query: { channel: channelIds.join(','), role: opts.role || undefined, absorbDTMF: opts.absorbDTMF, mute: opts.mute },
    }),
  );
}

export async function removeChannelsFromBridge(session: CommandSession, bridgeId: string, channelIds: readonly string[]): Promise<void> {
  if (channelIds.length === 0) return;
  await attempt(`remove ${channelIds.join(', ')} from bridge ${bridgeId}`, () =>
    session.rest.request('POST', `/bridges/${seg(bridgeId)}/removeChannel`, { query: { channel: channelIds.join(',') } }),
  );
}

export function destroyBridges(session: CommandSession, ids: readonly string[]): Promise<BatchResult> {
  return forEachId(
    ids,
    (id) => `destroy bridge ${id}`,
    (id) => session.rest.request('DELETE', `/bridges/${seg(id)}`),
  );
}

export async function bridgeMoh(session: CommandSession, bridgeId: string, start: boolean, mohClass?: string): Promise<void> {
  await attempt(`${start ? 'start' : 'stop'} music on hold on bridge ${bridgeId}`, () =>
    session.rest.request(start ? 'POST' : 'DELETE', `/bridges/${seg(bridgeId)}/moh`, {
      query: start ? { mohClass: mohClass || undefined } : undefined,
    }),
  );
}
