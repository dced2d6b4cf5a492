// One code-server with the packaged .vsix and one Chromium page for a browser scenario, with a
// screenshot per step and the logs kept on failure (test-results/e2e/).
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, type LaunchedBrowser } from './browser';
import { stopProcess } from './procs';
import { assertToolsInstalled, demoFolder, projectRoot, resultsDir } from './tools';
import { installVsix, serverDirs, startCodeServer, type RunningServer, type ServerDirs } from './vscodeServer';
import { waitForWorkbench } from './workbench';

export const e2eDir = join(resultsDir, 'e2e');

export function findVsix(): string {
  const fromEnv = process.env.ARI_EXPLORER_VSIX;
  if (fromEnv) return fromEnv;
  const built = join(resultsDir, 'ari-explorer.vsix');
  if (existsSync(built)) return built;
  const inRoot = readdirSync(projectRoot)
    .filter((f) => /^ari-explorer-.*\.vsix$/.test(f))
    .sort();
  if (inRoot.length > 0) return join(projectRoot, inRoot[inRoot.length - 1]!);
  throw new Error('no .vsix: run bash scripts/e2e-test.sh (or npm run package) first');
}

export interface BrowserSession {
  readonly page: Page;
  readonly server: RunningServer;
  readonly dirs: ServerDirs;
  readonly browser: LaunchedBrowser;
  readonly consoleLog: string[];
  step(name: string): Promise<void>;
  close(failed: boolean): Promise<void>;
}

export async function openBrowserSession(name: string, env: NodeJS.ProcessEnv = {}, opts: { locale?: string } = {}): Promise<BrowserSession> {
  assertToolsInstalled();
  const out = join(e2eDir, name);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const dirs = serverDirs(join(out, 'vscode'), opts);
  installVsix(dirs, findVsix());
  const server = await startCodeServer(dirs, demoFolder, { env, locale: opts.locale });
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  const consoleLog: string[] = [];
  page.on('console', (m) => consoleLog.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => consoleLog.push(`[pageerror] ${e.message}`));
  page.setDefaultTimeout(20_000);
  // A cold code-server on a busy machine can take longer than the default 20 s to serve the page.
  await page.goto(`${server.url}/?folder=${encodeURIComponent(demoFolder)}`, { timeout: 120_000 });
  await waitForWorkbench(page);
  let n = 0;
  return {
    page,
    server,
    dirs,
    browser,
    consoleLog,
    async step(stepName: string) {
      n += 1;
      const file = join(out, `${String(n).padStart(2, '0')}-${stepName.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
      await page.screenshot({ path: file });
    },
    async close(failed: boolean) {
      const keep = failed || process.env.ARI_EXPLORER_KEEP_LOGS === '1';
      if (keep) {
        writeFileSync(join(out, 'browser-console.log'), consoleLog.join('\n'));
      }
      if (failed) {
        await page.screenshot({ path: join(out, 'failure.png') }).catch(() => undefined);
        const html = await page.content().catch(() => '');
        writeFileSync(join(out, 'failure.html'), html);
      }
      await browser.close();
      await stopProcess(server.proc);
      if (keep) {
        // code-server's own logs (server, extension host, renderer) stay in its folders.
        console.error(`e2e ${name}: screenshots in ${out}; VS Code logs in ${join(dirs.userDataDir, 'logs')} and ${dirs.logFile}`);
      } else {
        rmSync(dirs.root, { recursive: true, force: true });
      }
    },
  };
}
