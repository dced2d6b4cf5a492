// Channel states from a REST snapshot: GET /channels has no "app" or "bridge" field, so the
// app comes from the dialplan location (a channel inside Stasis sits at `Stasis(app,args)`,
// also the ;1 half of POST /channels?app=, transcript 09) and the bridge from GET /bridges.
import type { Application, Bridge, Channel } from '../ari/models.generated';
import { channelState } from './channelState';
import { isStasis, stasisAppOf, stasisArgsOf } from './stasis';
import type { ChannelState } from './types';

export function channelsFromSnapshot(channels: Channel[], bridges: Bridge[], applications: Application[]): ChannelState[] {
  const bridgeOf = new Map<string, string>();
  for (const b of bridges) for (const id of b.channels) bridgeOf.set(id, b.id);
  // Apps listing a channel (also mere subscriptions): only a stand-in when the dialplan data
  // names no app (`Stasis((null))`).
  const listedBy = new Map<string, string>();
  for (const a of applications) for (const id of a.channel_ids) if (!listedBy.has(id)) listedBy.set(id, a.name);

  return channels.map((c) => {
    const st = channelState(c, undefined);
    st.bridgeId = bridgeOf.get(c.id);
    if (isStasis(c.dialplan)) {
      const named = stasisAppOf(c.dialplan.app_data);
      st.app = named ?? listedBy.get(c.id);
      if (st.app !== undefined) st.appArgs = named !== undefined ? stasisArgsOf(c.dialplan.app_data) : [];
    }
    return st;
  });
}
