// Where path (b)'s CPU goes, without a network: the same 100k frames handed to
// AriEventSocket.ingestFrame() (the public per-frame entry the socket's 'message' handler calls),
// stage by stage, each stage in a fresh session, stages interleaved over repetitions.
import { AriEventSocket } from '../../src/extension/ari/events';
import { AriSession } from '../../src/extension/connection/session';
import { EventStore } from '../../src/extension/webviews/eventStore';
import { LiveFeed } from '../../src/extension/webviews/liveFeed';
import { buildBurstFrames } from './frames';
import { median } from '../util/stats';

export interface BreakdownReport {
  events: number;
  /** Median µs CPU per event, by stage. */
  stages: { id: string; label: string; cpuUs: number }[];
}

type Stage = { id: string; label: string; wire: (session: AriSession) => void };

const noDispose = { dispose: (): void => undefined };
const CHUNK = 1000;

const STAGES: Stage[] = [
  { id: 'parse', label: 'JSON.parse only', wire: () => undefined },
  { id: 'model', label: 'socket.ingestFrame → session batch → AriStateModel.apply', wire: () => undefined },
  {
    id: 'store',
    label: '… + LiveFeed → EventStore (as shipped: the frame text handed over)',
    wire: (session) => {
      new LiveFeed({ active: session, onDidChangeActive: () => noDispose }, new EventStore(50_000), () => undefined);
    },
  },
];

// Frames as Buffers; per event a fresh view (as ws hands the message handler) decoded to a
// fresh string, so a stage that keeps the text or the bytes pays for keeping them.
async function runStage(stage: Stage, frames: readonly Buffer[]): Promise<number> {
  const url = 'http://127.0.0.1:9';
  const creds = { url, username: 'bench', password: 'bench' };
  if (stage.id === 'parse') {
    const c0 = process.cpuUsage();
    let sink = 0;
    for (let i = 0; i < frames.length; i += CHUNK) {
      for (let j = i; j < Math.min(i + CHUNK, frames.length); j++) sink += (JSON.parse(frames[j].subarray(0).toString('utf8')) as { type: string }).type.length;
      await new Promise((r) => setImmediate(r));
    }
    const c = process.cpuUsage(c0);
    return sink > 0 ? (c.user + c.system) / frames.length : NaN;
  }
  // Never connected: the session applies straight to the model (no snapshot in flight).
  const socket = new AriEventSocket({ ...creds, apps: ['bench-observer'], subscribeAll: true });
  const session = new AriSession({ connection: creds, apps: ['bench-observer'], subscribeAll: true }, { socket });
  stage.wire(session);
  session.onModelChange(() => undefined);
  const c0 = process.cpuUsage();
  for (let i = 0; i < frames.length; i += CHUNK) {
    for (let j = i; j < Math.min(i + CHUNK, frames.length); j++) socket.ingestFrame(frames[j].subarray(0));
    await new Promise((r) => setImmediate(r));
  }
  await new Promise((r) => setTimeout(r, 150)); // the last batch
  const c = process.cpuUsage(c0);
  session.dispose();
  return (c.user + c.system) / frames.length;
}

export async function runBreakdown(reps = 5, events = 100_000): Promise<BreakdownReport> {
  const frames = buildBurstFrames(events).frames.map((f) => Buffer.from(f, 'utf8'));
  const byStage = new Map<string, number[]>(STAGES.map((s) => [s.id, []]));
  // One warm-up round, then rotating order.
  for (const s of STAGES) await runStage(s, frames);
  for (let r = 0; r < reps; r++) {
    for (let k = 0; k < STAGES.length; k++) {
      const s = STAGES[(k + r) % STAGES.length];
      byStage.get(s.id)!.push(await runStage(s, frames));
    }
  }
  return { events, stages: STAGES.map((s) => ({ id: s.id, label: s.label, cpuUs: median(byStage.get(s.id)!) })) };
}
