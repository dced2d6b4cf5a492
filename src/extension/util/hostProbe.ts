// Extension-host probe for `npm run bench -- --only=host`, never active for users: extension.ts
// starts it only when the environment variable ARI_EXPLORER_HOST_PROBE names a folder (the
// bench sets it for the code-server it starts). The bench writes the current phase's name to
// <folder>/phase; when it changes, the probe appends one JSON line for the phase that ended to
// <folder>/phases.ndjson: event-loop lag (perf_hooks.monitorEventLoopDelay), the extension
// host's CPU time, events ingested, webview posts and their bytes, and memory (RSS and
// arrayBuffers, not only the heap). No vscode import.
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export const HOST_PROBE_ENV = 'ARI_EXPLORER_HOST_PROBE';

/** Set while the probe runs: the event panels report each message they post. */
export let notePost: ((message: unknown, webview: string) => void) | undefined;

export interface PhaseReport {
  phase: string;
  ms: number;
  /** Event-loop lag: how late the monitor's 10 ms timer ran (its interval taken off). */
  lagP50Ms: number;
  lagP99Ms: number;
  lagMaxMs: number;
  cpuMs: number;
  events: number;
  posts: number;
  /** Posts by webview and message kind ('panel update', 'view rows'…): which make up the rate. */
  postKinds: Record<string, number>;
  postBytes: number;
  /** Age of each update's newest row when posted (now minus the event's timestamp), p50 and p99; -1 without updates. */
  postAgeP50Ms: number;
  postAgeP99Ms: number;
  /** Memory at the phase's end, after a full collection when `collected` (so garbage not yet collected does not count). */
  rssMiB: number;
  arrayBuffersMiB: number;
  heapUsedMiB: number;
  collected: boolean;
  rssMaxMiB: number;
}

const TICK_MS = 250;
/** The lag monitor's sampling interval: its histogram holds interval + lag, so this is taken off. */
const LAG_RESOLUTION_MS = 10;
const MiB = 1024 * 1024;

/**
 * A full garbage collection, for memory figures that compare live memory, not how much garbage
 * the collector happened to leave: without it, arrayBuffers read in an idle phase moved by
 * ±20 MiB from run to run. Only the bench's probe asks for it; undefined where it cannot be had.
 */
function fullCollection(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose_gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? () => (gc as () => void)() : undefined;
  } catch {
    return undefined;
  }
}

/** Starts the probe writing into `dir`; `events()` is the count of events ingested so far;
 *  `onPhase` hears each phase once the probe has taken it (the previous one is written by then). */
export function startHostProbe(dir: string, events: () => number, onPhase?: (phase: string) => void): { dispose(): void } {
  const collect = fullCollection();
  const lag = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
  lag.enable();
  let phase = '';
  let started = performance.now();
  let cpu0 = process.cpuUsage();
  let events0 = events();
  let posts = 0;
  let postKinds: Record<string, number> = {};
  let postBytes = 0;
  let postAges: number[] = [];
  let rssMax = 0;
  notePost = (m, webview) => {
    posts++;
    const kind = `${webview} ${String((m as { kind?: unknown }).kind)}`;
    postKinds[kind] = (postKinds[kind] ?? 0) + 1;
    postBytes += Buffer.byteLength(JSON.stringify(m));
    const rows = (m as { kind?: string; tail?: { rows?: { time?: unknown }[] } }).tail?.rows;
    const time = rows?.[rows.length - 1]?.time;
    if (typeof time === 'number' && postAges.length < 100_000) postAges.push(Date.now() - time);
  };
  const readPhase = (): string => {
    try {
      return readFileSync(join(dir, 'phase'), 'utf8').trim();
    } catch {
      return '';
    }
  };
  const finish = (): void => {
    const cpu = process.cpuUsage(cpu0);
    // After the CPU reading: the collection is the probe's cost, not the phase's.
    const rssNow = process.memoryUsage.rss();
    collect?.();
    const mem = process.memoryUsage();
    const ms = (ns: number): number => Math.max(0, Math.round(ns / 1e4) / 100 - LAG_RESOLUTION_MS);
    const report: PhaseReport = {
      phase,
      ms: Math.round(performance.now() - started),
      lagP50Ms: ms(lag.percentile(50)),
      lagP99Ms: ms(lag.percentile(99)),
      lagMaxMs: ms(lag.max),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      events: events() - events0,
      posts,
      postKinds,
      postBytes,
      // -1, not NaN: the report is JSON, and a phase without posts must still say so.
      postAgeP50Ms: postAges.length > 0 ? percentile(postAges, 50) : -1,
      postAgeP99Ms: postAges.length > 0 ? percentile(postAges, 99) : -1,
      rssMiB: Math.round((mem.rss / MiB) * 10) / 10,
      arrayBuffersMiB: Math.round((mem.arrayBuffers / MiB) * 10) / 10,
      heapUsedMiB: Math.round((mem.heapUsed / MiB) * 10) / 10,
      collected: collect !== undefined,
      rssMaxMiB: Math.round((Math.max(rssMax, rssNow) / MiB) * 10) / 10,
    };
    appendFileSync(join(dir, 'phases.ndjson'), `${JSON.stringify(report)}\n`);
  };
  const tick = setInterval(() => {
    rssMax = Math.max(rssMax, process.memoryUsage.rss());
    const next = readPhase();
    if (next === phase) return;
    if (phase !== '') finish();
    phase = next;
    lag.reset();
    // The lag monitor records the collection's pause at its next sample, after this reset: drop it.
    if (collect) setTimeout(() => lag.reset(), 2 * LAG_RESOLUTION_MS).unref?.();
    started = performance.now();
    cpu0 = process.cpuUsage();
    events0 = events();
    posts = 0;
    postKinds = {};
    postBytes = 0;
    postAges = [];
    rssMax = 0;
    onPhase?.(phase);
  }, TICK_MS);
  return {
    dispose: () => {
      clearInterval(tick);
      lag.disable();
      notePost = undefined;
    },
  };
}

/** The p-th percentile (nearest rank) of xs; NaN when there are none. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
