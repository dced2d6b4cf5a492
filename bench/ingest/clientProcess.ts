// One measured path in its own process, driven over IPC by the orchestrator:
// connect -> ready -> (stream plays) -> done {events, wall, CPU} -> close.
// Usage (forked by ingest/runIngest.ts): node --import tsx clientProcess.ts <floor|project|ariClient>
import { Meter } from './meter';
import { installWakeupCounters } from './wakeups';
import { RunProfiler } from './runProfiler';
import type { FromClient, PathId, ToClient } from './protocol';
import { openAriClient } from './paths/ariClient';
import { openFloor } from './paths/floor';
import { openProject } from './paths/project';
import type { OpenPath, PathHandle } from './paths/types';

const OPENERS: Record<PathId, OpenPath> = { floor: openFloor, project: openProject, ariClient: openAriClient };

installWakeupCounters();

const pathId = process.argv[2] as PathId;
const open = OPENERS[pathId];
if (!open) throw new Error(`unknown path ${process.argv[2]}`);

function send(m: FromClient): void {
  process.send?.(m);
}

let handle: PathHandle | undefined;
let meter = new Meter();
let reported = false;
let profiler: RunProfiler | undefined;

function report(): void {
  if (reported) return;
  reported = true;
  const result = meter.result(handle?.notes() ?? {});
  if (!profiler) return send({ kind: 'done', result });
  profiler.stopRun().then(
    () => send({ kind: 'done', result }),
    (err: unknown) => send({ kind: 'error', message: String(err) }),
  );
}

process.on('message', (m: ToClient) => {
  void (async () => {
    try {
      switch (m.kind) {
        case 'connect':
          meter = new Meter();
          reported = false;
          if (profiler) await profiler.startRun();
          handle = await open(m.target, meter, report);
          send({ kind: 'ready' });
          return;
        case 'profileStart':
          profiler ??= new RunProfiler();
          profiler.reset();
          return;
        case 'profileSummary':
          if (profiler) send({ kind: 'profile', summary: profiler.summary() });
          return;
        case 'finish':
          report();
          return;
        case 'close':
          await handle?.close();
          handle = undefined;
          send({ kind: 'closed' });
          return;
      }
    } catch (err) {
      send({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  })();
});

process.on('disconnect', () => process.exit(0));
