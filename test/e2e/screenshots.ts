// The README's pictures, taken from the packaged extension in code-server against the ARI
// simulator with demo calls: the live tree, the event stream panel and the dialplan lenses.
// Not a test (nothing is asserted beyond what each picture needs to show); the maintainer
// reruns it after a visible change: `bash scripts/screenshots.sh` writes media/screenshots/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { startSimulator } from '../../tools/ari-sim/index';
import { openSeededSession } from './lib/seeded';
import { projectRoot } from './lib/tools';
import { openAriContainer, runCommand, sidebar, statusBarItem, webview } from './lib/workbench';

const OUT = join(projectRoot, 'media', 'screenshots');
const VIEWPORT = { width: 1280, height: 760 };

async function expand(row: Locator): Promise<void> {
  await row.waitFor();
  if ((await row.getAttribute('aria-expanded')) === 'false') await row.click();
}

/** The whole window, or only `part` of it. */
async function shot(page: Page, name: string, part?: Locator): Promise<void> {
  // Move the pointer off the tree so no hover card covers the picture.
  await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height - 5);
  const file = join(OUT, `${name}.png`);
  await (part ?? page).screenshot({ path: file });
  console.log(`wrote ${file}`);
}

/** Drags the sash between the sidebar and the editor, so channel names fit. */
async function widenSidebar(page: Page, width: number): Promise<void> {
  const box = await sidebar(page).boundingBox();
  if (!box) throw new Error('no sidebar');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 5 });
  await page.mouse.up();
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const sim = await startSimulator({ port: 0, demo: true });
  const s = await openSeededSession('screenshots', sim);
  let failed = true;
  try {
    const page = s.page;
    await page.setViewportSize(VIEWPORT);
    await openAriContainer(page);
    await widenSidebar(page, 470);
    await statusBarItem(page, 'ARI: Simulator').locator('.codicon-pass-filled').waitFor({ timeout: 60_000 });

    // 1. The tree: a call of the user's in Stasis(hello-world), demo calls in their own app, a
    // bridge, the server node.
    await sim.originateFromCli('Local/1776@from-test', { context: 'default', exten: '100' });
    await expand(
      sidebar(page)
        .getByRole('treeitem', { name: /^Channels/ })
        .first(),
    );
    // Two demo calls (four Local halves), so the picture shows how rows pair up.
    await sidebar(page)
      .getByRole('treeitem', { name: /Local\/1000@demo/ })
      .nth(3)
      .waitFor({ timeout: 30_000 });
    await expand(
      sidebar(page)
        .getByRole('treeitem', { name: /^Applications/ })
        .first(),
    );
    await expand(
      sidebar(page)
        .getByRole('treeitem', { name: /^Server/ })
        .first(),
    );
    await shot(page, 'tree', sidebar(page));

    // 1b. The Events view docked under the tree: one compact toolbar row, rows in sight.
    const eventsHeader = sidebar(page).locator('.pane-header', { hasText: /^Events/ });
    await expand(eventsHeader);
    await webview(page).locator('.event-row').nth(5).waitFor({ timeout: 30_000 });
    await shot(page, 'events-view', sidebar(page));
    await eventsHeader.click(); // collapsed again, so the panel below is the only events webview

    // 2. The dialplan with its lenses: live channels per Stasis() line and Originate.
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget .quick-input-box input').fill('extensions.conf');
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'extensions.conf' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page
      .locator('.codelens-decoration', { hasText: /hello-world/ })
      .first()
      .waitFor({ timeout: 30_000 });
    await shot(page, 'dialplan-lenses');

    // 3. The event stream panel with the demo's events.
    await runCommand(page, 'ARI: Show Event Stream');
    await page.keyboard.press('Control+B'); // the panel's columns get the whole width
    await webview(page).locator('.event-row').nth(12).waitFor({ timeout: 30_000 });
    await shot(page, 'event-panel');

    // 4. Call Flow of the user's call, with a playback on it.
    const auth = { Authorization: `Basic ${Buffer.from('test:test_password').toString('base64')}` };
    const channels = (await (await fetch(`${sim.url}/ari/channels`, { headers: auth })).json()) as { id: string; name: string }[];
    const mine = channels.find((c) => /^Local\/1776@from-test-[0-9a-f]+;2$/.test(c.name));
    if (!mine) throw new Error('the 1776 call is not in Stasis');
    await fetch(`${sim.url}/ari/channels/${mine.id}/play?media=sound:hello-world`, { method: 'POST', headers: auth });
    await runCommand(page, 'ARI: Show Call Flow');
    await page.locator('.quick-input-widget .quick-input-box input').fill('1776');
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: '1776' }).first().waitFor();
    await page.keyboard.press('Enter');
    await webview(page).locator('.flow-row.kind-stasisStart').first().waitFor({ timeout: 30_000 });
    await webview(page).locator('.flow-row.kind-playbackEnd').first().waitFor({ timeout: 30_000 });
    await shot(page, 'call-flow');
    failed = false;
  } finally {
    await s.close(failed);
    await sim.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
