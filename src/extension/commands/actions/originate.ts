// Originate, and what became of it. ARI answers 200 as soon as the channel is allocated;
// whether the call worked is told by the events that follow: the channel turning Up (or
// entering Stasis), or ChannelDestroyed — e.g. cause 0 "Unknown" a moment after the 200
// when the extension does not exist (transcripts 16, 18).
import type { AriEvent, Channel } from '../../ari/models.generated';
import type { OriginateParams as AriOriginateParams } from '../../ari/resources/channels';
import { attempt } from '../failures';
import type { CommandSession } from '../session';

/** The typed client's originate parameters this command offers. `extension`/`context` or
 * `app` — ARI treats them as mutually exclusive; `timeout` in seconds, ARI's default 30,
 * -1 waits for ever. */
export type OriginateParams = Pick<
  AriOriginateParams,
  'endpoint' | 'extension' | 'context' | 'priority' | 'label' | 'app' | 'appArgs' | 'callerId' | 'timeout' | 'variables'
>;

export async function originate(session: CommandSession, p: OriginateParams): Promise<Channel> {
  const query = {
    endpoint: p.endpoint,
    extension: p.extension || undefined,
    context: p.context || undefined,
    priority: p.priority,
    label: p.label || undefined,
    app: p.app || undefined,
    appArgs: p.appArgs || undefined,
    callerId: p.callerId || undefined,
    timeout: p.timeout,
  };
  const hasVars = p.variables !== undefined && Object.keys(p.variables).length > 0;
  const r = await attempt(`originate a call to ${p.endpoint}`, () =>
    session.rest.request<Channel>('POST', '/channels', { query, body: hasVars ? { variables: p.variables } : undefined }),
  );
  return r.body;
}

export type OriginateOutcome =
  | { kind: 'up'; channel: Channel }
  | { kind: 'stasis'; channel: Channel; app: string }
  | { kind: 'destroyed'; channel: Channel; cause: number; causeText: string }
  | { kind: 'pending'; reason: 'cancelled' | 'no-events' };

/** What one event says about the originated channel, if anything final. Pure. */
export function outcomeFromEvent(channelId: string, event: AriEvent): OriginateOutcome | undefined {
  const channel = (event as { channel?: Channel }).channel;
  if (!channel || channel.id !== channelId) return undefined;
  if (event.type === 'ChannelDestroyed') {
    const e = event as AriEvent & { cause?: number; cause_txt?: string };
    return { kind: 'destroyed', channel, cause: e.cause ?? 0, causeText: e.cause_txt ?? '' };
  }
  if (event.type === 'StasisStart') {
    const app = (event as AriEvent & { application?: string }).application ?? '';
    return { kind: 'stasis', channel, app };
  }
  if (channel.state === 'Up') return { kind: 'up', channel };
  return undefined;
}

/** Plain words for the notification. Pure. */
export function describeOutcome(endpoint: string, o: OriginateOutcome): string {
  switch (o.kind) {
    case 'up':
      return `Call to ${endpoint} answered: channel ${o.channel.name} is Up.`;
    case 'stasis':
      return `Call to ${endpoint} answered: channel ${o.channel.name} entered Stasis${o.app ? ` (${o.app})` : ''}.`;
    case 'destroyed': {
      const cause = `cause ${o.cause}${o.causeText ? ` "${o.causeText}"` : ''}`;
      const why =
        o.cause === 0
          ? ' Asterisk accepted the originate (200) but could not place the call: usually the extension or context does not exist, or the endpoint is unreachable.'
          : '';
      return `Call to ${endpoint} failed: channel ${o.channel.name} was destroyed with ${cause}.${why}`;
    }
    case 'pending':
      return o.reason === 'cancelled'
        ? `Stopped waiting for the call to ${endpoint}; it continues on the server.`
        : `No events about the call to ${endpoint} arrived; check the channel list.`;
  }
}

export interface WatchOptions {
  signal?: AbortSignal;
  /** Gives up waiting after this long (the call's own timeout plus a margin). */
  maxWaitMs?: number;
}

/**
 * Sends the originate and waits for its outcome. Listens before sending because events
 * can arrive before the HTTP response (they travel on another socket).
 */
export async function originateAndWatch(
  session: CommandSession,
  p: OriginateParams,
  opts: WatchOptions = {},
): Promise<{ channel: Channel; outcome: OriginateOutcome }> {
  const seen: AriEvent[] = [];
  let channelId: string | undefined;
  let settle: ((o: OriginateOutcome) => void) | undefined;
  const done = new Promise<OriginateOutcome>((resolve) => (settle = resolve));
  const check = (event: AriEvent): void => {
    if (channelId === undefined) return;
    const o = outcomeFromEvent(channelId, event);
    if (o) settle?.(o);
  };
  const sub = session.onEvents((records) => {
    for (const r of records) {
      if (channelId === undefined) seen.push(r.event);
      else check(r.event);
    }
  });
  let timer: NodeJS.Timeout | undefined;
  const onAbort = (): void => settle?.({ kind: 'pending', reason: 'cancelled' });
  try {
    const channel = await originate(session, p);
    channelId = channel.id;
    for (const e of seen.splice(0)) check(e);
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    if (opts.signal?.aborted) onAbort();
    if (opts.maxWaitMs !== undefined) timer = setTimeout(() => settle?.({ kind: 'pending', reason: 'no-events' }), opts.maxWaitMs);
    const outcome = await done;
    return { channel, outcome };
  } finally {
    if (timer) clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
    sub.dispose();
  }
}
