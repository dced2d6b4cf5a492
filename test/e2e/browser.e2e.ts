// The browser suite: what a user sees in code-server with the packaged .vsix, against an ARI
// simulator started here.   bash scripts/e2e-test.sh browser
// Screenshots of each step: test-results/e2e/user-flow/ (plus VS Code's logs on failure).
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { startSimulator, type Simulator } from '../../tools/ari-sim/index';
import { openBrowserSession, type BrowserSession } from './lib/session';
import {
  answerQuickInput,
  notifications,
  openAriContainer,
  quickInput,
  runCommand,
  runContextMenu,
  sidebar,
  statusBarItem,
  treeRows,
  webview,
} from './lib/workbench';

const PROFILE = 'E2E Simulator';
const AUTH = `Basic ${Buffer.from('test:test_password').toString('base64')}`;

async function expand(row: Locator): Promise<void> {
  if ((await row.getAttribute('aria-expanded')) === 'false') await row.click();
}

function treeItem(page: Page, name: string | RegExp): Locator {
  return sidebar(page).getByRole('treeitem', { name });
}

describe('ARI Explorer in code-server', function () {
  this.timeout(60_000);
  let s: BrowserSession;
  let sim: Simulator;
  let failed = false;
  let stasisChannel = '';

  before(async function () {
    this.timeout(180_000);
    sim = await startSimulator({ port: 0 });
    s = await openBrowserSession('user-flow');
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed') failed = true;
  });

  after(async function () {
    this.timeout(60_000);
    await s?.close(failed);
    await sim?.close();
  });

  it('shows the ARI container in the activity bar and opens it', async () => {
    await openAriContainer(s.page);
    await treeRows(s.page).first().or(sidebar(s.page).getByText('No ARI connection profile yet')).first().waitFor();
    await s.step('ari-container');
    const title = await sidebar(s.page).locator('.composite.title').innerText();
    assert.match(title, /ARI/i);
  });

  it('adds a profile with "ARI: Add Connection Profile…" (multi-step input)', async () => {
    const page = s.page;
    await runCommand(page, 'ARI: Add Connection Profile');
    await answerQuickInput(page, PROFILE, /A name for this connection/);
    await answerQuickInput(page, sim.url, /ARI server URL/);
    await answerQuickInput(page, 'test', /ARI user/);
    await s.step('password-step');
    await answerQuickInput(page, 'test_password', /Password/);
    await answerQuickInput(page, 'hello-world', /Stasis apps to register/);
    const saved = notifications(page).filter({ hasText: `Profile "${PROFILE}" saved` });
    await saved.waitFor();
    await s.step('profile-saved');
  });

  it('connects: the status bar says connected', async () => {
    const page = s.page;
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: `Profile "${PROFILE}" saved` });
    await toast.getByRole('button', { name: 'Connect', exact: true }).click();
    const item = statusBarItem(page, `ARI: ${PROFILE}`);
    await item.locator('.codicon-pass-filled').waitFor();
    await s.step('connected');
  });

  it('shows a channel in the tree when a call enters Stasis(hello-world)', async () => {
    const page = s.page;
    stasisChannel = await originate(sim);
    await expand(treeItem(page, /^Channels/).first());
    const row = treeItem(page, new RegExp(escape(stasisChannel))).first();
    await row.waitFor();
    await s.step('channel-in-tree');
  });

  it('channel rows differ at the default sidebar width: the unique tail and ;1/;2 lead', async () => {
    const page = s.page;
    const second = await originate(sim);
    await treeItem(page, new RegExp(escape(second)))
      .first()
      .waitFor();
    const rows = treeItem(page, /Local\/1776@from-test-[0-9a-f]+;[12],/);
    await rows.nth(3).waitFor();
    const labels = await rows.locator('.label-name').allInnerTexts();
    assert.equal(new Set(labels).size, labels.length, labels.join(' | '));
    for (const l of labels) assert.match(l, /^[0-9a-f]{8};[12] · Local\/1776@from-test$/);
    // What differs (the unique tail and ;1/;2, before " · ") is visible without hovering; the
    // common rest of the name may be cut by the sidebar's width.
    const hidden = await rows.locator('.label-name').evaluateAll(
      (els) =>
        els.filter((e) => {
          const box = (e.closest('.monaco-icon-label-container') ?? e).getBoundingClientRect();
          const doc = e.ownerDocument;
          const node = doc.createTreeWalker(e, 4 /* NodeFilter.SHOW_TEXT */).nextNode();
          const end = node?.textContent?.indexOf(' · ') ?? -1;
          if (!node || end <= 0) return true;
          const range = doc.createRange();
          range.setStart(node, 0);
          range.setEnd(node, end);
          return range.getBoundingClientRect().right > box.right + 1;
        }).length,
    );
    assert.equal(hidden, 0, 'the unique tail and ;1/;2 of every row are visible');
    await s.step('distinct-channel-rows');
  });

  it('the menu of an Up channel in Stasis offers no Unhold, Unmute, Stop Ringing or Answer', async () => {
    const page = s.page;
    const row = treeItem(page, new RegExp(escape(stasisChannel))).first();
    // The ;2 half turns Up half a second before StasisStart (Answer's media wait); the menu
    // follows the row's state, so it is opened once the row says Stasis(hello-world).
    await row.filter({ hasText: 'Stasis(hello-world' }).waitFor();
    await row.click({ button: 'right' });
    const items = page.getByRole('menuitem');
    await items
      .filter({ hasText: /Hang Up/ })
      .first()
      .waitFor({ state: 'visible' });
    const names = await items.allInnerTexts();
    await s.step('channel-menu');
    await page.keyboard.press('Escape');
    const text = names.join(' | ');
    for (const absent of [/Unhold/, /Unmute/, /Stop Ringing/, /Answer/, /Stop Music on Hold/, /Stop Silence/]) assert.doesNotMatch(text, absent, text);
    for (const present of [/Hold Channel/, /Mute Channel/, /Play Media on Channel/]) assert.match(text, present, text);
  });

  it('the Server node is live: its uptime moves without a reconnect', async () => {
    const page = s.page;
    await expand(treeItem(page, /^Server/).first());
    const uptime = treeItem(page, /^Uptime/).first();
    await uptime.waitFor();
    const first = await uptime.locator('.label-description').innerText();
    await uptime
      .locator('.label-description')
      .filter({ hasNotText: new RegExp(`^${escape(first)}$`) })
      .waitFor({ timeout: 10_000 });
    await treeItem(page, /^Modules/)
      .first()
      .locator('.label-description', { hasText: /\d+/ })
      .waitFor();
    await s.step('server-live');
    await treeItem(page, /^Server/)
      .first()
      .click();
  });

  it('opens the event panel', async () => {
    await runCommand(s.page, 'ARI: Show Event Stream');
    await webview(s.page).locator('.event-row[data-type="StasisStart"]').first().waitFor();
    await s.step('event-panel');
  });

  it("plays sound:hello-world from the channel's context menu: PlaybackStarted, PlaybackFinished", async () => {
    const page = s.page;
    const row = treeItem(page, new RegExp(escape(stasisChannel))).first();
    await runContextMenu(page, row, /Play Media on Channel/);
    await answerQuickInput(page, 'sound:', /What kind of media/);
    await answerQuickInput(page, 'hello-world', /sounds/);
    // hello-world exists in two languages: keep the channel's.
    await page
      .locator('.quick-input-widget')
      .getByPlaceholder(/Language of hello-world/)
      .waitFor();
    await s.step('language-pick');
    await quickInput(page).press('Enter');
    const panel = webview(page);
    await panel.locator('.event-row[data-type="PlaybackStarted"]').first().waitFor();
    await panel.locator('.event-row[data-type="PlaybackFinished"]').first().waitFor();
    await s.step('playback-events');
  });

  it('filters the event panel', async () => {
    const panel = webview(s.page);
    await panel.locator('#filter-text').fill('PlaybackFinished');
    await panel.locator('.event-row[data-type="StasisStart"]').first().waitFor({ state: 'detached' });
    // The filtered rows arrive after the old ones go (the webview asks the extension for them).
    await panel.locator('.event-row[data-type="PlaybackFinished"]').first().waitFor();
    assert.ok((await panel.locator('.event-row[data-type="PlaybackFinished"]').count()) > 0);
    await s.step('panel-filtered');
    await panel.locator('#filter-text').fill('');
    await panel.locator('.event-row[data-type="StasisStart"]').first().waitFor();
  });

  it('pauses the event panel: events are held, Resume shows them', async () => {
    const page = s.page;
    const panel = webview(page);
    const starts = panel.locator('.event-row[data-type="StasisStart"]');
    const before = await starts.count();
    await panel.locator('#pause').click();
    await panel.locator('#pause', { hasText: 'Resume' }).waitFor();
    const second = await originate(sim);
    // The tree shows the call: its events have arrived, and the paused panel holds them.
    await treeItem(page, new RegExp(escape(second)))
      .first()
      .waitFor();
    await panel.locator('.held:not([hidden])').waitFor();
    await s.step('panel-paused');
    assert.equal(await starts.count(), before, 'no new rows while paused');
    await panel.locator('#pause').click();
    await starts.nth(before).waitFor();
    await s.step('panel-resumed');
  });

  it('hangs up from the context menu: the channel leaves the tree', async () => {
    const page = s.page;
    const row = treeItem(page, new RegExp(escape(stasisChannel))).first();
    await runContextMenu(page, row, /Hang Up/);
    await answerQuickInput(page, 'normal', /Hangup reason/);
    await row.waitFor({ state: 'detached' });
    await s.step('hung-up');
  });
});

/** POST /ari/channels into from-test,1776; returns the name of the half that enters Stasis(hello-world). */
async function originate(sim: Simulator): Promise<string> {
  const res = await fetch(`${sim.url}/ari/channels?endpoint=Local/1776@from-test&extension=100&context=default`, {
    method: 'POST',
    headers: { Authorization: AUTH },
  });
  assert.equal(res.status, 200, `originate answered ${res.status}`);
  const originated = (await res.json()) as { name: string };
  // The ;1 half runs default,100; the ;2 half runs from-test,1776 and enters Stasis(hello-world).
  return originated.name.replace(/;1$/, ';2');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
