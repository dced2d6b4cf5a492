// Small numeric helpers for the bench report.
import { performance } from 'node:perf_hooks';

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function minMax(xs: readonly number[]): [number, number] {
  return [Math.min(...xs), Math.max(...xs)];
}

/** Wall time of fn in ms. */
export function timeMs(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/** Median wall time of `reps` runs of fn (setup outside the timing). */
export function medianMs<S>(reps: number, setup: () => S, fn: (s: S) => void): number {
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const s = setup();
    times.push(timeMs(() => fn(s)));
  }
  return median(times);
}

/** 12345.6 -> "12,346"; small numbers keep `digits` decimals. */
export function fmt(n: number, digits = 0): string {
  if (!Number.isFinite(n)) return 'n/a';
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function fmtBytes(n: number): string {
  if (n >= 1024 * 1024) return `${fmt(n / (1024 * 1024), 1)} MiB`;
  return `${fmt(n / 1024, 1)} KiB`;
}
