// Reconnect delays: exponential, capped, with "equal jitter" (half fixed, half random) so that
// many clients do not reconnect in step after an Asterisk restart, and no delay is ever ~0.

export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 30_000 };

/** Delay before reconnect attempt `failures` (1 for the first retry). `random` is in [0, 1). */
export function backoffDelay(failures: number, opts: BackoffOptions, random: () => number = Math.random): number {
  const exp = Math.min(30, Math.max(0, failures - 1));
  const base = Math.min(opts.maxMs, opts.initialMs * 2 ** exp);
  return Math.round(base / 2 + (random() * base) / 2);
}
