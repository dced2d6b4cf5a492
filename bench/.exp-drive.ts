import { AriEventSocket } from '../src/extension/ari/events';
import { AriSession } from '../src/extension/connection/session';
import { EventStore } from '../src/extension/webviews/event-store';
import { LiveFeed } from '../src/extension/webviews/live-feed';
import { buildBurstFrames } from './ingest/frames';
const noDispose = { dispose: (): void => undefined };
async function run(store: boolean, frames: Buffer[]): Promise<number> {
  const creds = { url: 'http://127.0.0.1:9', username: 'b', password: 'b' };
  const socket = new AriEventSocket({ ...creds, apps: ['o'], subscribeAll: true });
  const session = new AriSession({ connection: creds, apps: ['o'], subscribeAll: true }, { socket });
  if (store) new LiveFeed({ active: session, onDidChangeActive: () => noDispose }, new EventStore(50_000), () => undefined);
  session.onModelChange(() => undefined);
  const c0 = process.cpuUsage();
  for (let i = 0; i < frames.length; i += 1000) {
    for (let j = i; j < Math.min(i + 1000, frames.length); j++) socket.ingestFrame(frames[j].subarray(0));
    await new Promise((r) => setImmediate(r));
  }
  await new Promise((r) => setTimeout(r, 150));
  const c = process.cpuUsage(c0);
  session.dispose();
  return (c.user + c.system) / frames.length;
}
async function main(): Promise<void> {
  const frames = buildBurstFrames(100_000).frames.map((f) => Buffer.from(f, 'utf8'));
  const store = process.argv[2] === 'store';
  const out: string[] = [];
  for (let r = 0; r < 6; r++) out.push((await run(store, frames)).toFixed(2));
  console.log(process.argv[2], out.join(' '));
}
void main();
