// (c) npm ari-client 2.2.0, the usual Node ARI library: `connect()` reads /ari/api-docs
// through swagger-client, `start(app, subscribeAll)` opens the socket, and every message is
// parsed, matched to its Swagger event model and its channels/bridges wrapped as resource
// instances before it is emitted as '*' and as its type.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type OpenPath } from './types';

interface AriClient {
  _connection: { host: string };
  on(event: string, listener: (...args: unknown[]) => void): void;
  start(apps: string, subscribeAll?: boolean): Promise<void>;
  stop(): void;
  _ws?: { once(event: 'close', listener: () => void): void; readyState: number };
}
interface AriClientModule {
  connect(url: string, user: string, password: string): Promise<AriClient>;
}

// Resolved from the repository (this file may run from a bundle in a temp folder), and only
// in the process that measures ari-client: the other paths must not carry its modules.
const loadAriClient = (): AriClientModule => createRequire(join(process.env.ARI_BENCH_ROOT ?? process.cwd(), 'package.json'))('ari-client') as AriClientModule;

export const openAriClient: OpenPath = async (target, meter, settled) => {
  const ari = loadAriClient();
  // The API description comes from the stream's own server (the simulator's /ari/api-docs).
  const client = await ari.connect(target.docsUrl ?? target.url, target.username, target.password);
  client._connection.host = new URL(target.url).host;
  client.on('*', () => {
    meter.event();
    if (meter.count === target.expected) settled();
  });
  await client.start(target.app, true);
  return {
    notes: () => ({}),
    close: () =>
      new Promise<void>((done) => {
        const ws = client._ws;
        if (!ws || ws.readyState !== 1) return done();
        ws.once('close', () => done());
        client.stop();
      }),
  };
};
