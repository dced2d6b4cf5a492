// One measured path in its own process, driven over IPC by the orchestrator:
// connect -> ready -> (stream plays) -> done {events, wall, CPU} -> close.
// Usage (forked by ingest/run-ingest.ts): node --import tsx client-process.ts <floor|project|ariClient>
import { Meter } from './meter';
import type { FromClient, PathId, ToClient } from './protocol';
import { openAriClient } from './paths/ari-client';
import { openFloor } from './paths/floor';
import { openProject } from './paths/project';
import type { OpenPath, PathHandle } from './paths/types';

const OPENERS: Record<PathId, OpenPath> = { floor: openFloor, project: openProject, ariClient: openAriClient };

const pathId = process.argv[2] as PathId;
const open = OPENERS[pathId];
if (!open) throw new Error(`unknown path ${process.argv[2]}`);

function send(m: FromClient): void {
  process.send?.(m);
}

let handle: PathHandle | undefined;
let meter = new Meter();
let reported = false;

function report(): void {
  if (reported) return;
  reported = true;
  send({ kind: 'done', result: meter.result(handle?.notes() ?? {}) });
}

process.on('message', (m: ToClient) => {
  void (async () => {
    try {
      switch (m.kind) {
        case 'connect':
          meter = new Meter();
          reported = false;
          handle = await open(m.target, meter, report);
          send({ kind: 'ready' });
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
