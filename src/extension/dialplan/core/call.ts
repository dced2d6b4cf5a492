// One-click "Call exten@context": originate Local/<exten>@<context> with the other half parked
// on the wait extension, then tell which half entered Stasis. For a Local channel the ;1 half
// is the one POST /channels returns (it runs the wait extension); the ;2 half runs the dialled
// extension and is the one that reaches Stasis(app) (transcripts 01, 22). Pure: no vscode.
import type { Channel } from '../../ari/models.generated';
import type { AriEvent } from '../../ari/events.generated';
import type { OriginateParams } from '../../ari/resources/channels';
import type { Disposable } from '../../util/emitter';
import { t } from '../../util/l10n';
import type { OriginateTarget } from './lenses';

/** How long a call may take to reach Stasis before we say it did not (NoOp, Answer ~0.5 s, Stasis). */
export const CALL_STASIS_WAIT_MS = 10_000;

/** A call target; `app`: the Stasis app its dialplan line names, when known. */
export interface CallTarget extends OriginateTarget {
  app?: string;
}

export interface WaitExtension {
  extension: string;
  context: string;
}

export function callParams(target: OriginateTarget, wait: WaitExtension): OriginateParams {
  return { endpoint: `Local/${target.exten}@${target.context}`, extension: wait.extension, context: wait.context, priority: 1 };
}

/** `Local/1776@from-test-00000001;1` -> `…;2`; other channel names stay as they are. */
export function otherHalfName(name: string): string {
  return /;1$/.test(name) ? name.slice(0, -1) + '2' : name;
}

export type CallOutcome =
  | { kind: 'stasis'; channel: Channel; app: string }
  | { kind: 'destroyed'; channel: Channel; cause: number; causeText: string }
  | { kind: 'no-stasis' };

/** What one event says about the call whose ;1 half is `originated`. */
export function callOutcomeFromEvent(originated: Pick<Channel, 'id' | 'name'>, event: AriEvent): CallOutcome | undefined {
  const channel = (event as { channel?: Channel }).channel;
  if (!channel) return undefined;
  if (event.type === 'StasisStart' && (channel.id === originated.id || channel.name === otherHalfName(originated.name))) {
    return { kind: 'stasis', channel, app: (event as AriEvent & { application?: string }).application ?? '' };
  }
  if (event.type === 'ChannelDestroyed' && channel.id === originated.id) {
    const e = event as AriEvent & { cause?: number; cause_txt?: string };
    return { kind: 'destroyed', channel, cause: e.cause ?? 0, causeText: e.cause_txt ?? '' };
  }
  return undefined;
}

export interface CallDeps {
  originate(p: OriginateParams): Promise<Channel>;
  onEvents(listener: (records: readonly { readonly event: AriEvent }[]) => void): Disposable | (() => void);
}

/** Places the call and waits for StasisStart of either half, its end, or `waitMs`. */
export async function placeCall(
  deps: CallDeps,
  target: OriginateTarget,
  wait: WaitExtension,
  waitMs = CALL_STASIS_WAIT_MS,
): Promise<{ channel: Channel; outcome: CallOutcome }> {
  const early: AriEvent[] = [];
  let originated: Channel | undefined;
  let settle: (o: CallOutcome) => void = () => undefined;
  const done = new Promise<CallOutcome>((resolve) => (settle = resolve));
  const check = (e: AriEvent): void => {
    const o = originated && callOutcomeFromEvent(originated, e);
    if (o) settle(o);
  };
  // Listen before sending: events travel on another socket and can beat the HTTP answer.
  const sub = deps.onEvents((records) => {
    for (const r of records) {
      if (originated) check(r.event);
      else early.push(r.event);
    }
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    originated = await deps.originate(callParams(target, wait));
    for (const e of early.splice(0)) check(e);
    timer = setTimeout(() => settle({ kind: 'no-stasis' }), waitMs);
    return { channel: originated, outcome: await done };
  } finally {
    if (timer) clearTimeout(timer);
    if (typeof sub === 'function') sub();
    else sub.dispose();
  }
}

/** The toast after a call. `apps`: the apps the profile registers. */
export function describeCall(target: CallTarget, channel: Channel, outcome: CallOutcome, apps: readonly string[]): string {
  const where = `${target.exten}@${target.context}`;
  switch (outcome.kind) {
    case 'stasis':
      return t('Called {0}: {1} entered Stasis({2}).', where, outcome.channel.name, outcome.app);
    case 'destroyed':
      if (outcome.cause === 0) {
        return t(
          'Call to {0} failed: {1} was destroyed at once (cause 0). Usually the extension or context does not exist on the server.',
          where,
          channel.name,
        );
      }
      if (target.app && !apps.includes(target.app)) {
        // Stasis() of an app nobody registered fails (STASISSTATUS=FAILED) and the dialplan goes on to Hangup.
        return t(
          "Call to {0} ended without entering Stasis({1}): this profile does not register {1}, so Asterisk skipped it. Add {1} to the profile's apps.",
          where,
          target.app,
        );
      }
      return t('Call to {0} ended: {1} was hung up with cause {2} "{3}".', where, channel.name, outcome.cause, outcome.causeText);
    case 'no-stasis':
      return apps.length === 0
        ? t(
            'Called {0} ({1}), but no StasisStart arrived: the profile registers no Stasis app, so ARI does not tell this extension. Add the app to the profile.',
            where,
            otherHalfName(channel.name),
          )
        : t(
            'Called {0} ({1}), but no StasisStart arrived for the apps this profile registers ({2}) within 10 s.',
            where,
            otherHalfName(channel.name),
            apps.join(', '),
          );
  }
}
