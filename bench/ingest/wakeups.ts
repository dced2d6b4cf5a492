// Counts what wakes a client process up: socket reads ('data' events of net.Socket) and timer
// callbacks (setTimeout / setInterval / setImmediate). Installed once per client process
// before any path opens, identically for all three paths, so the counts compare paths.
// Counts per 1,000 events are stable even on a loaded machine, unlike CPU time.
import net from 'node:net';

export interface WakeupCounts {
  reads: number;
  timers: number;
}

export const wakeups: WakeupCounts = { reads: 0, timers: 0 };

let installed = false;

export function installWakeupCounters(): void {
  if (installed) return;
  installed = true;
  type AnyFn = (...a: unknown[]) => unknown;
  const proto = net.Socket.prototype as unknown as { emit: AnyFn };
  const emit = proto.emit;
  proto.emit = function (this: unknown, ...args: unknown[]): unknown {
    if (args[0] === 'data') wakeups.reads++;
    return emit.apply(this, args);
  };
  const wrap = <F>(f: F): F => {
    const orig = f as unknown as AnyFn;
    return function (this: unknown, cb: unknown, ...rest: unknown[]): unknown {
      if (typeof cb !== 'function') return orig.call(this, cb, ...rest);
      const fn = cb as AnyFn;
      const counted = function (this: unknown, ...a: unknown[]): void {
        wakeups.timers++;
        fn.apply(this, a);
      };
      return orig.call(this, counted, ...rest);
    } as unknown as F;
  };
  globalThis.setTimeout = wrap(globalThis.setTimeout);
  globalThis.setInterval = wrap(globalThis.setInterval);
  globalThis.setImmediate = wrap(globalThis.setImmediate);
}

export function snapshotWakeups(): WakeupCounts {
  return { ...wakeups };
}
