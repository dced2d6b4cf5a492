// A CommandSession on the ARI simulator for the command tests: the real AriSession (REST
// client, event socket, state model) and an event recorder to await what the server did.
import type { AriEvent } from '../../../src/extension/ari/events.generated';
import type { CommandSession } from '../../../src/extension/commands/session';

export const APP = 'hello-world';

export interface SimSession extends CommandSession {
  /** Resolves with the first event (already received or future) that matches. */
  waitFor<E extends AriEvent = AriEvent>(pred: (e: AriEvent) => boolean, what: string): Promise<E>;
  /** A channel in Stasis(hello-world): the ;1 half of a Local/100@default call. */
  stasisChannel(): Promise<string>;
  readonly events: AriEvent[];
  /** The simulator's URL (profile form, without /ari). */
  readonly url: string;
  close(): Promise<void>;
}

/** The real AriSession (REST client, event socket, state model) on a simulator. */
export async function startSimSession(): Promise<SimSession> {
  const { startSimulator } = await import('../../../tools/ari-sim/index');
  const { AriSession } = await import('../../../src/extension/connection/session');

  const sim = await startSimulator({ port: 0, timeScale: 0.05 });
  const session = new AriSession({
    connection: { url: sim.url, username: 'test', password: 'test_password' },
    apps: [APP],
    subscribeAll: true,
    batchMs: 5,
  });
  const events: AriEvent[] = [];
  const waiters: { pred: (e: AriEvent) => boolean; resolve: (e: AriEvent) => void }[] = [];
  session.onEvents((records) => {
    for (const { event } of records) {
      events.push(event);
      for (const w of [...waiters]) {
        if (w.pred(event)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(event);
        }
      }
    }
  });
  await session.start();

  const waitFor = <E extends AriEvent = AriEvent>(pred: (e: AriEvent) => boolean, _what: string): Promise<E> => {
    const seen = events.find(pred);
    if (seen) return Promise.resolve(seen as E);
    return new Promise<E>((resolve) => waiters.push({ pred, resolve: (e) => resolve(e as E) }));
  };

  return {
    rest: session.rest,
    model: session.model,
    onEvents: session.onEvents,
    events,
    url: sim.url,
    waitFor,
    async stasisChannel() {
      const id = await sim.originateFromCli('Local/100@default', { app: 'Stasis', data: APP });
      await waitFor((e) => e.type === 'StasisStart' && e.channel.id === id, `StasisStart ${id}`);
      return id;
    },
    async close() {
      session.dispose();
      await sim.close();
    },
  };
}

export function channelIdOf(e: AriEvent): string | undefined {
  return (e as { channel?: { id: string } }).channel?.id;
}
