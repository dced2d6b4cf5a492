// Entry for the in-process measurements, run from an esbuild bundle (util/bundled.ts):
//   node [--expose-gc] measure.js <tree|panel|breakdown> <reps>
// Prints the report as one JSON line.
import { runBreakdown } from './ingest/breakdown';
import { runPanelBench } from './panel';
import { runTreeBench } from './tree';

const [what, repsArg] = process.argv.slice(2);
const reps = Number(repsArg) || 5;

async function main(): Promise<unknown> {
  switch (what) {
    case 'tree':
      return runTreeBench(reps);
    case 'panel':
      return runPanelBench(reps);
    case 'breakdown':
      return runBreakdown(reps);
    default:
      throw new Error(`unknown measurement ${what}`);
  }
}

main().then(
  (r) => {
    process.stdout.write(`${JSON.stringify(r)}\n`);
    process.exit(0);
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
