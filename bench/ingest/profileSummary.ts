// Summarises V8 CPU profiles (inspector Profiler.stop, one per measured run): self time per
// function summed over runs, the top entries with their main caller, GC and idle as V8 names
// them. What `--profile` prints.
import { basename } from 'node:path';

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileEntry {
  name: string;
  selfMs: number;
  /** The caller that accounts for most of this self time. */
  caller: string;
}

export interface ProfileSummary {
  /** Sampled time that was not idle, ms. */
  busyMs: number;
  idleMs: number;
  gcMs: number;
  top: ProfileEntry[];
}

function label(n: ProfileNode): string {
  const f = n.callFrame;
  const fn = f.functionName || '(anonymous)';
  if (!f.url) return fn;
  if (!f.url.includes('/')) return `${fn} node:${f.url}:${f.lineNumber + 1}`;
  // Bundled files: the bundle's name says little; the function name and line say where.
  const file = basename(f.url.replace(/^file:\/\//, ''));
  return `${fn} ${file}:${f.lineNumber + 1}`;
}

/** Self time per function (µs) and, per function, self time per caller: adds into `into`. */
export function accumulateProfile(prof: CpuProfile, into: ProfileTotals = newTotals()): ProfileTotals {
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, ProfileNode>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n);
  const samples = prof.samples ?? [];
  const deltas = prof.timeDeltas ?? [];
  // A sample's time is the delta to the next sample (V8's convention: deltas[i+1]).
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]);
    if (!node) continue;
    const us = deltas[i + 1] ?? 0;
    const key = label(node);
    into.self.set(key, (into.self.get(key) ?? 0) + us);
    const up = parent.get(node.id);
    const callerKey = `${key}\u0000${up ? label(up) : ''}`;
    into.callers.set(callerKey, (into.callers.get(callerKey) ?? 0) + us);
  }
  return into;
}

export interface ProfileTotals {
  self: Map<string, number>;
  callers: Map<string, number>;
}

export function newTotals(): ProfileTotals {
  return { self: new Map(), callers: new Map() };
}

export function summariseTotals(t: ProfileTotals, topN = 12): ProfileSummary {
  const ms = (us: number | undefined): number => (us ?? 0) / 1000;
  const idleMs = ms(t.self.get('(idle)'));
  const gcMs = ms(t.self.get('(garbage collector)'));
  let busyUs = 0;
  for (const [k, v] of t.self) if (k !== '(idle)') busyUs += v;
  const topCaller = (name: string): string => {
    let best = '';
    let bestUs = -1;
    for (const [k, v] of t.callers) {
      const sep = k.indexOf('\u0000');
      if (k.slice(0, sep) === name && v > bestUs) {
        bestUs = v;
        best = k.slice(sep + 1);
      }
    }
    return best;
  };
  const top = [...t.self.entries()]
    .filter(([k]) => k !== '(idle)' && k !== '(program)' && k !== '(garbage collector)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, topN)
    .map(([name, us]) => ({ name, selfMs: us / 1000, caller: topCaller(name) }));
  return { busyMs: busyUs / 1000, idleMs, gcMs, top };
}
