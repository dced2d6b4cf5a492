// `npm run bench`: ingest throughput (three paths, three streams), tree at 10k channels,
// the event panel's buffer, bundle size and activation, printed as one table.
// The tree, panel and breakdown measurements run from an esbuild bundle in a child process
// (util/bundled.ts; the panel's with --expose-gc for heapUsed after gc), the ingest paths in
// one bundled process each; everything exits by itself, servers and client processes closed.
// Options: --quick (fewer repetitions, smaller burst: a smoke run, figures not for the record)
//          --only=ingest,tree,panel,activation
//          --streams=load50,load200,burst (which ingest streams; all by default)
//          --only=host: the in-VS-Code bench (code-server + the packaged .vsix; not in the default set)
//          --host-seconds=60, --host-rate=13000 (the host bench's sustained hangup churn)
//          --profile (ingest: a V8 CPU profile per path and stream, its top functions printed)
import { cpus } from 'node:os';
import { join } from 'node:path';
import { runActivationBench, type ActivationReport } from './activation/runActivation';
import type { BreakdownReport } from './ingest/breakdown';
import { runIngest, type IngestReport } from './ingest/runIngest';
import { runHostBench, type HostReport } from './host/runHost';
import type { PanelReport } from './panel';
import { renderProfiles, renderTable } from './report';
import type { TreeReport } from './tree';
import { runBundled } from './util/bundled';

const ENTRY = join(__dirname, 'measureProcess.ts');

const quick = process.argv.includes('--quick');
const profile = process.argv.includes('--profile');
const onlyArg = process.argv.find((a) => a.startsWith('--only='));
const streamsArg = process.argv.find((a) => a.startsWith('--streams='));
const streams = streamsArg ? streamsArg.slice('--streams='.length).split(',') : undefined;
const only = new Set(onlyArg ? onlyArg.slice('--only='.length).split(',') : ['ingest', 'breakdown', 'tree', 'panel', 'activation']);
const numArg = (name: string, dflt: number): number => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  const n = a ? Number(a.slice(name.length + 3)) : NaN;
  return Number.isFinite(n) && n > 0 ? n : dflt;
};
const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

async function main(): Promise<void> {
  const started = Date.now();
  const cpu = cpus();
  log(`ARI Explorer bench — ${new Date().toISOString()} — ${cpu.length} × ${cpu[0]?.model ?? '?'} — node ${process.version}${quick ? ' — QUICK' : ''}`);
  let ingest: IngestReport | undefined;
  let tree: TreeReport | undefined;
  let panel: PanelReport | undefined;
  let breakdown: BreakdownReport | undefined;
  let activation: ActivationReport | undefined;
  let host: HostReport | undefined;
  if (only.has('tree')) {
    log('tree…');
    tree = await runBundled<TreeReport>(ENTRY, ['tree', String(quick ? 3 : 9)]);
  }
  if (only.has('panel')) {
    log('panel…');
    panel = await runBundled<PanelReport>(ENTRY, ['panel', String(quick ? 2 : 5)], ['--expose-gc']);
  }
  if (only.has('breakdown')) {
    log('ingest breakdown (no network)…');
    breakdown = await runBundled<BreakdownReport>(ENTRY, ['breakdown', String(quick ? 1 : 5)]);
  }
  if (only.has('activation')) {
    log('bundle and activation…');
    activation = await runActivationBench(quick ? 2 : 5);
  }
  if (only.has('ingest')) {
    log('ingest…');
    ingest = await runIngest({ reps: quick ? 1 : 5, burstEvents: quick ? 20_000 : 100_000, log, streams, profile });
  }
  if (only.has('host')) {
    log('in VS Code (code-server + the packaged extension)…');
    host = await runHostBench({ log, burstSeconds: numArg('host-seconds', quick ? 10 : 60), burstRate: numArg('host-rate', 13_000) });
  }
  process.stdout.write(`\n${renderTable({ ingest, breakdown, tree, panel, activation, host })}\n\n`);
  if (ingest && profile) process.stdout.write(`${renderProfiles(ingest)}\n\n`);
  if (ingest) process.stdout.write(`ari-client read its API description from ${ingest.ariClientDocs}.\n`);
  process.stdout.write(`Finished in ${((Date.now() - started) / 1000).toFixed(0)} s.\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
