// `npm start` after scripts/start.sh has installed and packaged: the ARI simulator with demo
// traffic, then code-server (127.0.0.1, --auth none) with the .vsix installed, a "Simulator"
// profile seeded through ARI_EXPLORER_SEED_PROFILE, and the demo/ workspace open.
// Ctrl+C (or SIGTERM) stops everything it started.
//   env: ARI_SIM_PORT (default 8088, or a free port when taken), PORT (code-server, default 8080
//        or a free port), ARI_EXPLORER_START_DIR (VS Code's user data; default .vscode-test/start)
import { join } from 'node:path';
import { createServer } from 'node:net';
import { freePort, isStopping, onCleanup, spawnDetached, stopAll, waitForUrl } from './lib/procs';
import { assertToolsInstalled, demoFolder, projectRoot } from './lib/tools';
import { installVsix, serverDirs, startCodeServer } from './lib/vscodeServer';
import { findVsix } from './lib/session';
import { seededProfile } from './lib/seeded';

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

async function pickPort(envValue: string | undefined, preferred: number): Promise<number> {
  if (envValue) return Number(envValue);
  return (await portIsFree(preferred)) ? preferred : freePort();
}

async function main(): Promise<void> {
  assertToolsInstalled();
  const t0 = Date.now();
  const root = process.env.ARI_EXPLORER_START_DIR ?? join(projectRoot, '.vscode-test', 'start');
  const dirs = serverDirs(root);

  const simPort = await pickPort(process.env.ARI_SIM_PORT, 8088);
  const sim = spawnDetached(
    'ari-sim',
    process.execPath,
    [
      '--import',
      'tsx',
      join(projectRoot, 'tools', 'ari-sim', 'cli.ts'),
      '--port',
      String(simPort),
      '--demo',
      '--dialplan',
      join(demoFolder, 'extensions.conf'),
    ],
    { cwd: projectRoot, logFile: join(root, 'simulator.log') },
  );
  const simUrl = `http://127.0.0.1:${simPort}`;
  // Any HTTP answer (401 without credentials) means ARI is up.
  await waitForUrl(`${simUrl}/ari/asterisk/info`, 30_000, { proc: sim });
  console.log(`ARI simulator: ${simUrl}/ari (user test; demo traffic on)   log: ${sim.logFile}`);

  const vsix = findVsix();
  installVsix(dirs, vsix);
  console.log(`installed ${vsix}`);

  const seed = seededProfile(simUrl);
  const port = await pickPort(process.env.PORT, 8080);
  const cs = await startCodeServer(dirs, demoFolder, {
    port,
    env: { ARI_EXPLORER_SEED_PROFILE: JSON.stringify(seed) },
  });
  const url = `${cs.url}/?folder=${encodeURIComponent(demoFolder)}`;
  console.log(`code-server log: ${cs.proc.logFile}`);
  console.log(`ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log('');
  console.log(`  Open ${url}`);
  console.log('  (the "ARI" icon in the activity bar; profile "Simulator" connects by itself and owns app hello-world)');
  console.log('  Ctrl+C stops the simulator and code-server.');
  console.log('');

  onCleanup(() => console.log('stopping…'));
  const first = await Promise.race([
    sim.exited.then((c) => `simulator exited (${c}); see ${sim.logFile}`),
    cs.proc.exited.then((c) => `code-server exited (${c}); see ${cs.proc.logFile}`),
  ]);
  if (isStopping()) return;
  console.error(first);
  await stopAll();
  process.exit(1);
}

main().catch(async (err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  await stopAll();
  process.exit(1);
});
