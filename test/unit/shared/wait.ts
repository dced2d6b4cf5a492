// Waiting with deadlines, shared by the client and the fault suites: a broken test fails
// instead of hanging (a deadline, not a measurement).
import type { Event } from '../../../src/extension/util/emitter';

/** Rejects after `ms` so a broken test fails instead of hanging. */
export function withDeadline<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]);
}

/** The next value of `event` that satisfies `pred`, within `ms`. */
export function nextWithin<T>(event: Event<T>, pred: (v: T) => boolean, ms: number, what: string): Promise<T> {
  return withDeadline(
    new Promise<T>((resolve) => {
      const d = event((v) => {
        if (pred(v)) {
          d.dispose();
          resolve(v);
        }
      });
    }),
    ms,
    what,
  );
}
