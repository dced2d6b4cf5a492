// `npm run bench -- --only=host`: the extension measured inside a real VS Code. code-server
// with the packaged extension (test-results/ari-explorer.vsix, `bash scripts/e2e-test.sh
// package`), the simulator's load modes, the tree's Channels expanded and the event panel open
// and following. The extension host's figures come from the test-flag-gated probe
// (src/extension/util/hostProbe.ts, enabled by ARI_EXPLORER_HOST_PROBE); the webview's from the
// page through Playwright. Never part of npm test.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { startSimulator } from '../../tools/ari-sim/index';
import { percentile, type PhaseReport } from '../../src/extension/util/hostProbe';
import { launchBrowser, type LaunchedBrowser } from '../../test/e2e/lib/browser';
import { stopProcess } from '../../test/e2e/lib/procs';
import { findVsix } from '../../test/e2e/lib/session';
import { assertToolsInstalled, demoFolder } from '../../test/e2e/lib/tools';
import { installVsix, serverDirs, startCodeServer, type RunningServer } from '../../test/e2e/lib/vscodeServer';
import { openAriContainer, runCommand, sidebar, statusBarItem, waitForWorkbench } from '../../test/e2e/lib/workbench';

export interface HostReport {
  phases: PhaseReport[];
  /** Firehose events/s the burst phase (the simulator's churn of calls) asked for. */
  burstRate: number;
  /** Calls (Local pairs) the churn made and hung up. */
  churnPairs?: number;
  burstSeconds: number;
  scroll?: {
    events: number;
    seconds: number;
    frames: number;
    fps: number;
    longestFrameMs: number;
    /** Event rows in the DOM at points of the scroll (0: only placeholders, awaiting the host's rows). */
    rowSamples: number[];
  };
  /** Event timestamp -> painted; arrive*: event timestamp -> the update reached the webview. */
  frameToPaint?: { samples: number; p50Ms: number; p99Ms: number; maxMs: number; arriveP50Ms: number; arriveP99Ms: number };
  bufferSize: number;
}

const BUFFER = 100_000;

/** What the page functions below use of the webview's window (the bench compiles without the DOM lib). */
interface PageGlobals {
  document: { querySelector(sel: string): unknown; querySelectorAll(sel: string): { length: number } };
  requestAnimationFrame(cb: (t: number) => void): void;
  addEventListener(type: 'message', listener: (e: { data: unknown }) => void): void;
  __ftp: number[];
  __arrive: number[];
  __frames: number[];
  __counting: boolean;
}
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The events panel's inner frame: the one whose document has event rows. */
async function panelFrame(page: Page, timeoutMs = 60_000): Promise<Frame> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    for (const f of page.frames()) {
      const has = await f.evaluate(() => (globalThis as unknown as PageGlobals).document.querySelector('.event-row') !== null).catch(() => false);
      if (has) return f;
    }
    await sleep(500);
  }
  throw new Error('the events panel shows no rows');
}

/**
 * The 200-pair load runs this many times back to back: one run gives only 5–6 panel updates,
 * too few for a p99 of frame to paint to mean more than its maximum.
 */
const LOAD200_ROUNDS = 8;

export async function runHostBench(opts: { log: (line: string) => void; burstSeconds: number; burstRate: number }): Promise<HostReport> {
  assertToolsInstalled();
  const { log } = opts;
  const probeDir = mkdtempSync(join(tmpdir(), 'ari-bench-host-'));
  const phase = (name: string): void => writeFileSync(join(probeDir, 'phase'), name);
  const sim = await startSimulator({ port: 0 });
  const dirs = serverDirs(join(probeDir, 'vscode'));
  // A 100k buffer, so the scroll measurement has 100k events to scroll through (and the byte
  // budget to hold them: 32 MiB by default holds about half).
  const settingsFile = join(dirs.userDataDir, 'User', 'settings.json');
  const settings = JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
  writeFileSync(settingsFile, JSON.stringify({ ...settings, 'ariExplorer.events.bufferSize': BUFFER, 'ariExplorer.events.maxBufferMegabytes': 256 }, null, 2));
  let server: RunningServer | undefined;
  let browser: LaunchedBrowser | undefined;
  const report: HostReport = { phases: [], burstRate: opts.burstRate, burstSeconds: opts.burstSeconds, bufferSize: BUFFER };
  try {
    const vsix = findVsix();
    log(`host: installing ${vsix}`);
    installVsix(dirs, vsix);
    const seed = { name: 'Bench', url: sim.url, username: 'test', password: 'test_password', apps: ['bench-observer'], connect: true };
    server = await startCodeServer(dirs, demoFolder, { env: { ARI_EXPLORER_SEED_PROFILE: JSON.stringify(seed), ARI_EXPLORER_HOST_PROBE: probeDir } });
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    page.setDefaultTimeout(30_000);
    // Generous: on a loaded machine the workbench takes long to load.
    await page.goto(`${server.url}/?folder=${encodeURIComponent(demoFolder)}`, { timeout: 180_000 });
    await waitForWorkbench(page, 180_000);
    await openAriContainer(page);
    await statusBarItem(page, 'ARI: Bench').locator('.codicon-pass-filled').waitFor({ timeout: 60_000 });
    const channels = sidebar(page)
      .getByRole('treeitem', { name: /^Channels/ })
      .first();
    if ((await channels.getAttribute('aria-expanded')) === 'false') await channels.click();
    await runCommand(page, 'ARI: Show Event Stream');
    log('host: connected, tree expanded, panel open');
    phase('idle');
    await sleep(3000);

    // Frame-to-paint during load 200: from an event's own timestamp (the simulator stamps it as
    // it sends) to the frame after its row was drawn, for the newest row of each update.
    phase('warm-up');
    await sim.load(10);
    await sleep(1500);
    const frame = await panelFrame(page);
    await frame.evaluate(() => {
      const w = globalThis as unknown as PageGlobals;
      w.__ftp = [];
      w.__arrive = [];
      w.addEventListener('message', (e) => {
        const m = e.data as { kind?: string; tail?: { rows: { time: number }[] } };
        if (m?.kind !== 'update' || !m.tail || m.tail.rows.length === 0) return;
        const t = m.tail.rows[m.tail.rows.length - 1].time;
        const arrived = Date.now();
        w.__arrive.push(arrived - t);
        w.requestAnimationFrame(() => setTimeout(() => w.__ftp.push(Date.now() - t), 0));
      });
    });

    for (const pairs of [50, 200]) {
      log(`host: load ${pairs} pairs`);
      if (pairs === 200)
        await frame.evaluate(() => {
          const w = globalThis as unknown as PageGlobals;
          w.__ftp = [];
          w.__arrive = [];
        });
      phase(`load${pairs}`);
      for (let round = pairs === 200 ? LOAD200_ROUNDS : 1; round > 0; round--) await sim.load(pairs);
      await sleep(1000);
      if (pairs === 200) {
        const [ftp, arrive] = await frame.evaluate(() => {
          const w = globalThis as unknown as PageGlobals;
          return [w.__ftp, w.__arrive];
        });
        report.frameToPaint = {
          samples: ftp.length,
          p50Ms: percentile(ftp, 50),
          p99Ms: percentile(ftp, 99),
          maxMs: Math.max(...ftp),
          arriveP50Ms: percentile(arrive, 50),
          arriveP99Ms: percentile(arrive, 99),
        };
      }
    }
    // The sustained hangup stream: the load's calls made and hung up at burstRate firehose
    // events/s, so channels come and go in every batch (the tree's Channels is re-read each
    // time), as on a busy server. The phase ends when the last pair is gone.
    log(`host: sustained hangup churn, ${opts.burstRate} ev/s for ${opts.burstSeconds} s`);
    phase('burst');
    const churned = await sim.churn({ rate: opts.burstRate, seconds: opts.burstSeconds });
    report.churnPairs = churned.pairs;
    phase('after-burst');
    await sleep(3000);
    phase('settled');
    await sleep(3000);

    // Scrolling the full buffer: wheel steps over the list, frames counted in the webview.
    log('host: scrolling');
    phase('scroll');
    const box = await page.locator('iframe.webview.ready').last().boundingBox();
    if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    // A string, not a function: tsx's keepNames would wrap a named inner function in a helper
    // the page does not have.
    await frame.evaluate(`(() => {
      window.__frames = [];
      window.__counting = true;
      const loop = (t) => {
        window.__frames.push(t);
        if (window.__counting) requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    })()`);
    const countRows = (): Promise<number> => frame.evaluate(() => (globalThis as unknown as PageGlobals).document.querySelectorAll('.event-row').length);
    // Rows drawn at a few points of the scroll: frames counted over placeholders alone say little.
    const rowSamples: number[] = [];
    const scrollStart = Date.now();
    for (let i = 0; i < 120; i++) {
      await page.mouse.wheel(0, i < 60 ? -2400 : 2400);
      await sleep(16);
      if (i % 30 === 29) rowSamples.push(await countRows());
    }
    const seconds = (Date.now() - scrollStart) / 1000;
    const frames = await frame.evaluate(() => {
      const w = globalThis as unknown as PageGlobals;
      w.__counting = false;
      return w.__frames;
    });
    let longest = 0;
    for (let i = 1; i < frames.length; i++) longest = Math.max(longest, frames[i] - frames[i - 1]);
    log(`host: rows in the DOM during the scroll: ${rowSamples.join(', ')}`);
    const shot = process.env.ARI_BENCH_SCREENSHOT;
    if (shot) await page.screenshot({ path: shot });
    report.scroll = { events: BUFFER, seconds, frames: frames.length, fps: frames.length / seconds, longestFrameMs: longest, rowSamples };
    phase('done');
    await sleep(600);
    report.phases = readFileSync(join(probeDir, 'phases.ndjson'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as PhaseReport);
    return report;
  } finally {
    await browser?.close().catch(() => undefined);
    if (server) await stopProcess(server.proc);
    await sim.close();
    rmSync(probeDir, { recursive: true, force: true });
  }
}
