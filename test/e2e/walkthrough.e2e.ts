// The seed's walkthrough as a newcomer does it after `npm start`: the seeded "Simulator" profile
// (apps: hello-world) with the simulator's demo traffic on, the "Get started with ARI"
// walkthrough, its one-click call into 1776@from-test, StasisStart in the event panel, play
// sound:hello-world (PlaybackStarted, PlaybackFinished), hang up (StasisEnd); each step is marked
// done by the real events.   Screenshots: test-results/e2e/walkthrough/
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { startSimulator, type Simulator } from '../../tools/ari-sim/index';
import { type BrowserSession } from './lib/session';
import { openSeededSession } from './lib/seeded';
import { notifications, openAriContainer, quickInput, runCommand, statusBarItem, webview } from './lib/workbench';


/** The walkthrough editor (Getting Started), not a webview: plain workbench DOM. */
function walkthrough(page: Page): Locator {
  return page.locator('.gettingStartedContainer');
}

async function openStep(page: Page, title: string): Promise<void> {
  const step = walkthrough(page).locator('.getting-started-step', { hasText: title }).first();
  await step.locator('.step-title').first().click();
  await step.locator('.step-description-container').first().waitFor({ state: 'visible' });
}

async function stepButton(page: Page, title: string, button: string): Promise<void> {
  await openStep(page, title);
  const step = walkthrough(page).locator('.getting-started-step', { hasText: title }).first();
  await step.getByRole('button', { name: button }).first().click();
}

async function stepDone(page: Page, title: string): Promise<void> {
  // VS Code marks a done step on its checkbox: aria-checked, aria-label "<title>: Completed".
  await walkthrough(page).locator(`[role="checkbox"][aria-checked="true"][aria-label^="${title}"]`).first().waitFor();
}

async function showWalkthroughTab(page: Page): Promise<void> {
  await page.locator('.tabs-container .tab', { hasText: /Get started with ARI|Walkthrough|Welcome/ }).first().click();
}


describe('the "Get started with ARI" walkthrough from the seeded profile', function () {
  this.timeout(120_000);
  let s: BrowserSession;
  let sim: Simulator;
  let failed = false;
  let name = '';

  before(async function () {
    this.timeout(180_000);
    sim = await startSimulator({ port: 0, demo: true });
    s = await openSeededSession('walkthrough', sim);
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed') failed = true;
  });

  after(async function () {
    this.timeout(60_000);
    await s?.close(failed);
    await sim?.close();
  });

  it('opens the walkthrough from the seeded, connected profile', async () => {
    const page = s.page;
    await openAriContainer(page);
    await statusBarItem(page, 'ARI: Simulator').locator('.codicon-pass-filled').waitFor({ timeout: 30_000 });
    await runCommand(page, 'Welcome: Open Walkthrough');
    const input = quickInput(page);
    await input.fill('Get started with ARI');
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Get started with ARI' }).first().waitFor();
    await input.press('Enter');
    await walkthrough(page).getByText('Configure the server: http.conf and ari.conf').first().waitFor();
    await s.step('walkthrough-open');
  });

  it('opens the http.conf and ari.conf snippets as new files', async () => {
    const page = s.page;
    await stepButton(page, 'Configure the server', 'Open http.conf and ari.conf');
    await page.locator('.monaco-editor .view-lines', { hasText: 'password = test_password' }).first().waitFor();
    await s.step('server-config');
    await showWalkthroughTab(page);
    await stepDone(page, 'Configure the server');
  });

  it('calls 1776@from-test in one click: the ;2 half in Stasis(hello-world) is announced', async () => {
    const page = s.page;
    await stepButton(page, 'Make a call', 'Call 1776@from-test');
    const toast = notifications(page).filter({ hasText: /entered Stasis\(hello-world\)/ }).first();
    await toast.waitFor();
    const text = await toast.innerText();
    const m = /(Local\/1776@from-test-[0-9a-f]{8};2) entered Stasis\(hello-world\)/.exec(text);
    assert.ok(m, text);
    name = m[1];
    // Every next step readable in full: three buttons and More…, no label cut short.
    const buttons = page
      .locator('.notifications-toasts .notification-toast', { hasText: name })
      .first()
      .locator('.notification-list-item-buttons-container .monaco-button');
    assert.deepEqual((await buttons.allInnerTexts()).map((x) => x.trim()), ['Answer', 'Play…', 'Hang Up', 'More…']);
    for (const b of await buttons.all()) assert.ok(await b.evaluate((el) => el.scrollWidth <= el.clientWidth), await b.innerText());
    await stepDone(page, 'Make a call');
    await s.step('call-announced');
  });

  it('shows StasisStart for the call in the event panel', async () => {
    const page = s.page;
    await runCommand(page, 'ARI: Show Event Stream');
    // Demo calls keep the list moving: follow this call as a user would, by its channel name
    // (the filter stays for the steps that follow).
    await webview(page).locator('#filter-channel').fill(name);
    await webview(page).locator('.event-row[data-type="StasisStart"]', { hasText: name }).first().waitFor();
    await s.step('stasis-start');
  });

  it('opens the dialplan: the Stasis(hello-world) line counts the call, as the tree does', async () => {
    const page = s.page;
    await showWalkthroughTab(page);
    await stepButton(page, 'The dialplan', 'Open the Dialplan');
    await page.locator('.codelens-decoration', { hasText: '1 live channel in hello-world' }).first().waitFor();
    await s.step('dialplan-lens');
  });

  it('plays sound:hello-world: PlaybackStarted, PlaybackFinished', async () => {
    const page = s.page;
    await showWalkthroughTab(page);
    await stepButton(page, 'Play sound:hello-world', 'Play sound:hello-world');
    await stepDone(page, 'Play sound:hello-world');
    await s.step('played');
    await runCommand(page, 'ARI: Show Event Stream');
    const panel = webview(page);
    await panel.locator('.event-row[data-type="PlaybackStarted"]', { hasText: name }).first().waitFor();
    await panel.locator('.event-row[data-type="PlaybackFinished"]', { hasText: name }).first().waitFor();
    await s.step('playback-events');
  });

  it('hangs up: StasisEnd, and the last step is done', async () => {
    const page = s.page;
    await showWalkthroughTab(page);
    await stepButton(page, 'Hang up', 'Hang Up');
    await stepDone(page, 'Hang up');
    // Connected since start-up; "test it" is what the Connect step asks of a newcomer.
    await stepButton(page, 'Connect', 'Test Connection');
    const pick = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Simulator' }).first();
    await pick.click();
    await pick.waitFor({ state: 'hidden' });
    await stepDone(page, 'Connect');
    await s.step('hung-up');
    await runCommand(page, 'ARI: Show Event Stream');
    await webview(page).locator('.event-row[data-type="StasisEnd"]', { hasText: name }).first().waitFor();
    await s.step('stasis-end');
    // The lens follows the hangup: the tab opened by the dialplan step counts nobody now.
    await page.locator('.tabs-container .tab', { hasText: 'extensions.conf' }).first().click();
    await page.locator('.codelens-decoration', { hasText: '0 live channels in hello-world' }).first().waitFor();
  });
});
