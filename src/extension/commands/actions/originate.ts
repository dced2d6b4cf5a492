// Originate, and what became of it. ARI answers 200 as soon as the channel is allocated;
// whether the call worked is told by the events that follow: the channel turning Up (or
// entering Stasis), or ChannelDestroyed — e.g. cause 0 "Unknown" a moment after the 200
// when the extension does not exist (transcripts 16, 18).
import type { Channel } from '../../ari/models.generated';
import type { AriEvent } from '../../ari/events.generated';
import type { OriginateParams as AriOriginateParams } from '../../ari/resources/channels';
import { attempt } from '../failures';
import { ari, type CommandSession } from '../session';
import { callOutcomeFromEvent } from '../../dialplan/core/call';
import { t } from '../../util/l10n';

/**
 * How long a Local call that turned Up may still take to reach Stasis before "answered" is
 * said: its ;2 half answers, then enters Stasis a dialplan step later (transcripts 01, 22).
 */
export const LOCAL_STASIS_GRACE_MS = 2000;

/** The typed client's originate parameters this command offers. `extension`/`context` or
 * `app` — ARI treats them as mutually exclusive; `timeout` in seconds, ARI's default 30,
 * -1 waits for ever. */
export type OriginateParams = Pick<
  AriOriginateParams,
  'endpoint' | 'extension' | 'context' | 'priority' | 'label' | 'app' | 'appArgs' | 'callerId' | 'timeout' | 'variables'
>;

export async function originate(session: CommandSession, p: OriginateParams): Promise<Channel> {
  const hasVars = p.variables !== undefined && Object.keys(p.variables).length > 0;
  return attempt(`originate a call to ${p.endpoint}`, () =>
    ari(session).channels.originate({
      endpoint: p.endpoint,
      extension: p.extension || undefined,
      context: p.context || undefined,
      priority: p.priority,
      label: p.label || undefined,
      app: p.app || undefined,
      appArgs: p.appArgs || undefined,
      callerId: p.callerId || undefined,
      timeout: p.timeout,
      variables: hasVars ? p.variables : undefined,
    }),
  );
}

export type OriginateOutcome =
  | { kind: 'up'; channel: Channel }
  | { kind: 'stasis'; channel: Channel; app: string }
  | { kind: 'destroyed'; channel: Channel; cause: number; causeText: string }
  | { kind: 'pending'; reason: 'cancelled' | 'no-events' };

/** The channel POST /channels returned: for a Local channel its `;1` half. */
export type Originated = Pick<Channel, 'id' | 'name'>;

/** A Local channel's `;1` half: the `;2` half runs the dialled extension. */
export function isLocalHalf(name: string): boolean {
  return name.startsWith('Local/') && name.endsWith(';1');
}

/**
 * What one event says about the originated channel, if anything final. Pure. StasisStart of
 * either Local half and the channel's end read as for the one-click call (dialplan/core/call.ts);
 * a StasisStart names the half that entered Stasis (usually `;2`).
 */
export function outcomeFromEvent(originated: Originated, event: AriEvent): OriginateOutcome | undefined {
  const call = callOutcomeFromEvent(originated, event);
  if (call && call.kind !== 'no-stasis') return call;
  const channel = (event as { channel?: Channel }).channel;
  if (channel?.id === originated.id && channel.state === 'Up') return { kind: 'up', channel };
  return undefined;
}

/** Plain words for the notification, worded as the one-click call's (dialplan/core/call.ts). Pure. */
export function describeOutcome(endpoint: string, o: OriginateOutcome): string {
  switch (o.kind) {
    case 'up':
      return t('Called {0}: {1} answered and is Up.', endpoint, o.channel.name);
    case 'stasis':
      return t('Called {0}: {1} entered Stasis({2}).', endpoint, o.channel.name, o.app);
    case 'destroyed':
      if (o.cause === 0) {
        return t(
          'Call to {0} failed: {1} was destroyed at once (cause 0). Usually the extension or context does not exist on the server.',
          endpoint,
          o.channel.name,
        );
      }
      return t('Call to {0} ended: {1} was hung up with cause {2} "{3}".', endpoint, o.channel.name, o.cause, o.causeText);
    case 'pending':
      return o.reason === 'cancelled'
        ? t('Stopped waiting for the call to {0}; it continues on the server.', endpoint)
        : t('No events about the call to {0} arrived; check the channel list.', endpoint);
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
  let originated: Originated | undefined;
  let settle: ((o: OriginateOutcome) => void) | undefined;
  const done = new Promise<OriginateOutcome>((resolve) => (settle = resolve));
  let grace: NodeJS.Timeout | undefined;
  const check = (event: AriEvent): void => {
    if (originated === undefined) return;
    const o = outcomeFromEvent(originated, event);
    if (!o) return;
    // A Local call's Up comes a step before its StasisStart: name the half in Stasis if one gets there.
    if (o.kind === 'up' && isLocalHalf(originated.name)) {
      grace ??= setTimeout(() => settle?.(o), LOCAL_STASIS_GRACE_MS);
      return;
    }
    settle?.(o);
  };
  const sub = session.onEvents((records) => {
    for (const r of records) {
      if (originated === undefined) seen.push(r.event);
      else check(r.event);
    }
  });
  let timer: NodeJS.Timeout | undefined;
  const onAbort = (): void => settle?.({ kind: 'pending', reason: 'cancelled' });
  try {
    const channel = await originate(session, p);
    originated = channel;
    for (const e of seen.splice(0)) check(e);
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    if (opts.signal?.aborted) onAbort();
    if (opts.maxWaitMs !== undefined) timer = setTimeout(() => settle?.({ kind: 'pending', reason: 'no-events' }), opts.maxWaitMs);
    const outcome = await done;
    return { channel, outcome };
  } finally {
    if (timer) clearTimeout(timer);
    if (grace) clearTimeout(grace);
    opts.signal?.removeEventListener('abort', onAbort);
    sub.dispose();
  }
}
