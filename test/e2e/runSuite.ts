// Runs the extension-host mocha suite (out/test/suite/index.js, built by
// scripts/e2e-build-suite.mjs) inside VS Code's server from code-server, opened in headless
// Chromium: the same suite test/run-electron.mjs runs with @vscode/test-electron.
// Exit code: the suite's (0 = all passed). Logs: test-results/suite/.
//   node --import tsx test/e2e/runSuite.ts
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { launchBrowser } from './lib/browser';
import { onCleanup, stopAll } from './lib/procs';
import { assertToolsInstalled, demoFolder, projectRoot, resultsDir } from './lib/tools';
import { serverDirs, startServerMain } from './lib/vscodeServer';

// Harmless workbench chatter (and marketplace errors on a machine without it): kept in
// test-results/suite/console.log, not printed.
const NOISE = [
  /ENOTFOUND open-vsx\.org/,
  /vsda/,
  /connection token/,
  /Creating a socket/,
  /\[Service Worker\]/,
  /\[reconnection-grace-time\]/,
  /Updating additional builtin extensions cache/,
  /\[AgentHost/,
  /\[AccountPolicyGate\]/,
  /authentication provider 'github'/,
  /Creation of workbench contribution/,
];
const SUITE_TIMEOUT_MS = Number(process.env.ARI_EXPLORER_SUITE_TIMEOUT_MS ?? 300_000);
const out = join(resultsDir, 'suite');

async function main(): Promise<number> {
  assertToolsInstalled();
  const started = Date.now();
  rmSync(out, { recursive: true, force: true });
  const dirs = serverDirs(join(out, 'vscode'));
  // The seeding contract (docs/ARCHITECTURE.md): a profile handed in by the environment, not
  // connected (nothing listens there); test/suite/profiles.test.ts checks it and its secret.
  const seed = { name: 'Seeded by the suite', url: 'http://127.0.0.1:9', username: 'seeded', password: 'seeded-secret', apps: ['hello-world'], connect: false };
  // ARI_EXPLORER_TEST_PROBES: the suite reads the explorer and the event buffer through them.
  const server = await startServerMain(dirs, { ARI_EXPLORER_SEED_PROFILE: JSON.stringify(seed), ARI_EXPLORER_TEST_PROBES: '1' });
  console.log(`[suite] VS Code server up at ${server.url} in ${Date.now() - started} ms`);

  const browser = await launchBrowser();
  onCleanup(() => browser.close());
  const page = await browser.context.newPage();
  const consoleLog: string[] = [];
  const hostLog: string[] = [];
  page.on('console', (m) => consoleLog.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => consoleLog.push(`[pageerror] ${e.message}`));

  let resolveExit!: (code: number) => void;
  const exit = new Promise<number>((r) => (resolveExit = r));
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
    // The extension host's console arguments, printf-style (mocha's reporter uses %s, %d).
    const text = format(...(Array.isArray(args) ? args : [args]));
    hostLog.push(`[${type}] ${text}`);
    if (NOISE.some((re) => re.test(text))) return;
    if (type === 'error') process.stderr.write(`${text}\n`);
    else process.stdout.write(`${text}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(code));

  const remote = (p: string) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(process.env.ARI_EXPLORER_EXTENSION_PATH ?? projectRoot)],
    ['extensionTestsPath', remote(join(projectRoot, 'out', 'test', 'suite', 'index.js'))],
    ['skipWelcome', 'true'],
  ];
  const url = `${server.url}/?folder=${encodeURIComponent(demoFolder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url);

  let timer: NodeJS.Timeout | undefined;
  let finished = false;
  const code = await Promise.race([
    exit,
    new Promise<number>((r) => {
      timer = setTimeout(() => {
        console.error(`[suite] no exit code after ${SUITE_TIMEOUT_MS} ms`);
        r(2);
      }, SUITE_TIMEOUT_MS);
    }),
    server.proc.exited.then((c) => {
      if (finished) return 0;
      console.error(`[suite] VS Code server exited (${c}); see ${dirs.logFile}`);
      return 3;
    }),
  ]);
  finished = true;
  if (timer) clearTimeout(timer);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'console.log'), hostLog.join('\n'));
  if (code !== 0) {
    await page.screenshot({ path: join(out, 'failure.png') }).catch(() => undefined);
    writeFileSync(join(out, 'browser-console.log'), consoleLog.join('\n'));
    console.error(`[suite] failed (exit ${code}); screenshot, browser console and VS Code logs in ${out}`);
  }
  console.log(`[suite] finished in ${Date.now() - started} ms`);
  return code;
}

main()
  .then(async (code) => {
    await stopAll();
    // VS Code's folders are kept only for a failure.
    if (code === 0) rmSync(join(out, 'vscode'), { recursive: true, force: true });
    process.exit(code);
  })
  .catch(async (err: unknown) => {
    console.error(err instanceof Error ? err.stack : err);
    await stopAll();
    process.exit(1);
  });
