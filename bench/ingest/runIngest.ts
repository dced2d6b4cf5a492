// Events/s and CPU per event for the three paths on three streams, measured in one run:
// every repetition plays each stream once per path, one path at a time, in a rotating order,
// so each (a)/(b)/(c) triple shares the machine's noise of that moment. Ratios are taken per
// repetition, then the median is reported.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type Simulator } from '../../tools/ari-sim/index';
import { BurstServer, encodeFrames } from './burstServer';
import { buildClientBundle, ClientProcess } from './clientPool';
import { buildBurstFrames } from './frames';
import type { RunResult } from './meter';
import type { ProfileSummary } from './profileSummary';
import type { ConnectTarget, PathId } from './protocol';

export const PATHS: readonly PathId[] = ['floor', 'project', 'ariClient'];

export interface StreamSpec {
  id: string;
  label: string;
  kind: 'load' | 'burst';
  /** Local pairs for a load stream. */
  pairs?: number;
}

export interface StreamResult {
  spec: StreamSpec;
  /** runs[path][rep] */
  runs: Record<PathId, RunResult[]>;
  /** With --profile: each path's CPU profile over this stream's measured runs (connect to done). */
  profiles?: Partial<Record<PathId, ProfileSummary>>;
  /** Frames and bytes of the burst (undefined for load streams). */
  burst?: { events: number; meanBytes: number; channels: number };
}

export interface IngestReport {
  streams: StreamResult[];
  /** Where ari-client read its Swagger docs and why. */
  ariClientDocs: string;
}

const USER = 'test';
const PASSWORD = 'test_password';
const APP = 'bench-observer';
/** After load() resolves: longer than the session's 100 ms + panel's 50 ms batches. */
const SETTLE_MS = 600;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Does the simulator describe event models (ari-client needs them to dispatch)? */
async function simHasEventModels(sim: Simulator): Promise<boolean> {
  const res = await fetch(`${sim.url}/ari/api-docs/events.json`, {
    headers: { Authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}` },
  });
  if (!res.ok) return false;
  const doc = (await res.json()) as { models?: Record<string, unknown> };
  const models = Object.keys(doc.models ?? {});
  return ['StasisStart', 'ChannelCreated', 'Dial', 'ChannelDestroyed'].every((m) => models.includes(m));
}

export async function runIngest(opts: {
  reps: number;
  burstEvents: number;
  log: (line: string) => void;
  streams?: readonly string[];
  /** A V8 CPU profile per path and stream (fresh client processes per stream), summarised. */
  profile?: boolean;
}): Promise<IngestReport> {
  const sim = await startSimulator({ port: 0 });
  const burstServer = new BurstServer();
  await burstServer.listen();
  const built = buildBurstFrames(opts.burstEvents);
  burstServer.setStream(encodeFrames(built.frames));
  // ari-client dispatches events by the models in events.json: the simulator serves them
  // (tools/ari-sim/models.ts), and so does the burst server (the same generator).
  if (!(await simHasEventModels(sim))) throw new Error("the simulator's /ari/api-docs/events.json has no event models: ari-client cannot dispatch events");
  const ariClientDocs =
    "the simulator's own /ari/api-docs (event and resource models from tools/ari-sim/models.ts; the burst server serves the same documents)";

  const bundleDir = mkdtempSync(join(tmpdir(), 'ari-bench-client-'));
  const bundle = await buildClientBundle(bundleDir);
  const clients = new Map(PATHS.map((p) => [p, new ClientProcess(p, bundle)] as const));
  const streams: StreamSpec[] = [
    { id: 'load50', label: 'load 50 pairs', kind: 'load', pairs: 50 },
    { id: 'load200', label: 'load 200 pairs', kind: 'load', pairs: 200 },
    { id: 'burst', label: `burst ${Math.round(opts.burstEvents / 1000)}k`, kind: 'burst' },
  ].filter((s) => !opts.streams || opts.streams.includes(s.id)) as StreamSpec[];

  const runOne = async (path: PathId, spec: StreamSpec): Promise<RunResult> => {
    const client = clients.get(path)!;
    const burst = spec.kind === 'burst';
    const target: ConnectTarget = {
      url: burst ? burstServer.url : sim.url,
      app: APP,
      username: USER,
      password: PASSWORD,
      expected: burst ? built.frames.length : undefined,
    };
    const ready = client.expect('ready', 30_000);
    client.send({ kind: 'connect', target });
    await ready;
    const done = client.expect('done', 120_000);
    if (burst) {
      await burstServer.play();
    } else {
      await sim.load(spec.pairs ?? 50);
      await sleep(SETTLE_MS);
      client.send({ kind: 'finish' });
    }
    const { result } = await done;
    const closed = client.expect('closed', 30_000);
    client.send({ kind: 'close' });
    await closed;
    return result;
  };

  const results: StreamResult[] = [];
  try {
    for (const spec of streams) {
      const runs: Record<PathId, RunResult[]> = { floor: [], project: [], ariClient: [] };
      // One unmeasured round first: JIT warm-up and the first connect's one-off costs.
      for (const p of PATHS) await runOne(p, spec);
      if (opts.profile) for (const c of clients.values()) c.send({ kind: 'profileStart' });
      for (let rep = 0; rep < opts.reps; rep++) {
        const order = PATHS.map((_, i) => PATHS[(i + rep) % PATHS.length]);
        for (const p of order) runs[p].push(await runOne(p, spec));
        opts.log(`  ${spec.label}: repetition ${rep + 1}/${opts.reps}`);
      }
      let profiles: StreamResult['profiles'];
      if (opts.profile) {
        profiles = {};
        for (const [p, c] of clients) {
          const answer = c.expect('profile', 30_000);
          c.send({ kind: 'profileSummary' });
          profiles[p] = (await answer).summary;
        }
      }
      results.push({
        spec,
        runs,
        profiles,
        burst: spec.kind === 'burst' ? { events: built.frames.length, meanBytes: built.bytes / built.frames.length, channels: built.channels } : undefined,
      });
    }
  } finally {
    await Promise.all([...clients.values()].map((c) => c.stop()));
    await burstServer.close();
    await sim.close();
    rmSync(bundleDir, { recursive: true, force: true });
  }
  return { streams: results, ariClientDocs };
}
