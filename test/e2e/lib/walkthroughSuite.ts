// The seed's walkthrough as a newcomer does it after `npm start`, in one display language: the
// seeded "Simulator" profile (apps: hello-world) with the simulator's demo traffic on (or a real
// Asterisk's profile, npm run test:asterisk), the
// "Get started with ARI" walkthrough, its one-click call into 1776@from-test, StasisStart in the
// event panel, the dialplan's lens counting the call, play sound:hello-world (PlaybackStarted,
// PlaybackFinished), hang up (StasisEnd); each step is marked done by the real events.
// What the user reads is looked up in the shipped translations (package.nls*.json, the l10n
// bundles), so the Russian run walks the Russian pages and buttons.
// Screenshots: test-results/e2e/walkthrough[-ru]/
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { startSimulator } from '../../../tools/ari-sim/index';
import { type BrowserSession } from './session';
import { openSeededSession, type SeededServer } from './seeded';
import { projectRoot } from './tools';
import { notifications, openAriContainer, quickInput, runCommand, statusBarItem, webview } from './workbench';

export type Locale = 'en' | 'ru';

function readJson(file: string): Record<string, string> {
  return JSON.parse(readFileSync(join(projectRoot, file), 'utf8')) as Record<string, string>;
}

/** The words of the walkthrough, as the user sees them in `locale`. */
function wordsFor(locale: Locale) {
  const nls = { ...readJson('package.nls.json'), ...(locale === 'en' ? {} : readJson(`package.nls.${locale}.json`)) };
  const bundle = locale === 'en' ? {} : readJson(`l10n/bundle.l10n.${locale}.json`);
  const key = (k: string): string => {
    const v = nls[k];
    if (v === undefined) throw new Error(`package.nls has no ${k}`);
    return v;
  };
  /** A runtime message (vscode.l10n.t) with its {n} placeholders filled. */
  const msg = (english: string, ...args: (string | number)[]): string =>
    (bundle[english] ?? english).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
  /** The text of the walkthrough link that runs `command`, in a step's description. */
  const link = (descriptionKey: string, command: string): string => {
    const m = new RegExp(`\\[([^\\]]+)\\]\\(command:${command.replace(/\./g, '\\.')}\\)`).exec(key(descriptionKey));
    if (!m) throw new Error(`${descriptionKey} has no link to ${command}`);
    return m[1]!;
  };
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const [arrivedBefore, arrivedAfter] = msg('{0} entered Stasis({1}) and waits for your app. Next:', '\u0000', 'hello-world').split('\u0000');
  return {
    walkthrough: key('walk.title'),
    showEvents: `ARI: ${key('command.events.show')}`,
    step: {
      server: key('walk.server.title'),
      connect: key('walk.connect.title'),
      dialplan: key('walk.dialplan.title'),
      call: key('walk.call.title'),
      play: key('walk.play.title'),
      hangup: key('walk.hangup.title'),
    },
    button: {
      serverConfig: link('walk.server.description', 'ariExplorer.walkthrough.openServerConfig'),
      testConnection: link('walk.connect.description', 'ariExplorer.profiles.test'),
      openDialplan: link('walk.dialplan.description', 'ariExplorer.walkthrough.openDialplan'),
      call: link('walk.call.description', 'ariExplorer.walkthrough.call'),
      play: link('walk.play.description', 'ariExplorer.walkthrough.play'),
      hangup: link('walk.hangup.description', 'ariExplorer.walkthrough.hangup'),
    },
    /** The announcement of the ;2 half: its name is the first group. */
    arrived: new RegExp(`${escape(arrivedBefore!)}(Local/1776@from-test-[0-9a-f]{8};2)${escape(arrivedAfter!.trimEnd())}`),
    arrivalButtons: [msg('Answer'), msg('Play…'), msg('Hang Up'), msg('More…')],
    lensOne: msg('1 live channel in {0}', 'hello-world'),
    lensNone: msg('{0} live channels in {1}', 0, 'hello-world'),
  };
}

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

/** The server the walkthrough calls into; by default a simulator with its demo traffic on. */
export interface WalkthroughServer extends SeededServer {
  close(): Promise<void>;
}

async function demoSimulator(): Promise<WalkthroughServer> {
  const sim = await startSimulator({ port: 0, demo: true });
  return { url: sim.url, name: 'Simulator', username: 'test', password: 'test_password', close: () => sim.close() };
}

export function walkthroughSuite(locale: Locale, server: () => Promise<WalkthroughServer> = demoSimulator, label = ''): void {
  const w = wordsFor(locale);
  const showWalkthroughTab = async (page: Page): Promise<void> => {
    await page
      .locator('.tabs-container .tab', { hasText: new RegExp(`${w.walkthrough}|Walkthrough|Welcome`) })
      .first()
      .click();
  };

  describe(`the "${w.walkthrough}" walkthrough from the seeded profile (${locale}${label})`, function () {
    this.timeout(120_000);
    let s: BrowserSession;
    let sim: WalkthroughServer;
    let failed = false;
    let name = '';

    before(async function () {
      this.timeout(180_000);
      sim = await server();
      const dir = `walkthrough${locale === 'en' ? '' : `-${locale}`}${label ? `-${label.replace(/\W+/g, '')}` : ''}`;
      s = await openSeededSession(dir, sim, locale === 'en' ? {} : { locale });
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
      await statusBarItem(page, `ARI: ${sim.name}`).locator('.codicon-pass-filled').waitFor({ timeout: 30_000 });
      // VS Code's own command: the test language pack translates only the extension.
      await runCommand(page, 'Welcome: Open Walkthrough');
      const input = quickInput(page);
      await input.fill(w.walkthrough);
      await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: w.walkthrough }).first().waitFor();
      await input.press('Enter');
      await walkthrough(page).getByText(w.step.server).first().waitFor();
      await s.step('walkthrough-open');
    });

    it('opens the http.conf and ari.conf snippets as new files', async () => {
      const page = s.page;
      await stepButton(page, w.step.server, w.button.serverConfig);
      await page.locator('.monaco-editor .view-lines', { hasText: 'password = test_password' }).first().waitFor();
      await s.step('server-config');
      await showWalkthroughTab(page);
      await stepDone(page, w.step.server);
    });

    it('calls 1776@from-test in one click: the ;2 half in Stasis(hello-world) is announced', async () => {
      const page = s.page;
      await stepButton(page, w.step.call, w.button.call);
      const toast = notifications(page).filter({ hasText: w.arrived }).first();
      await toast.waitFor();
      const text = (await toast.innerText()).replace(/\s+/g, ' ');
      const m = w.arrived.exec(text);
      assert.ok(m, text);
      name = m[1]!;
      // Every next step readable in full: three buttons and More…, no label cut short.
      const buttons = page
        .locator('.notifications-toasts .notification-toast', { hasText: name })
        .first()
        .locator('.notification-list-item-buttons-container .monaco-button');
      assert.deepEqual(
        (await buttons.allInnerTexts()).map((x) => x.trim()),
        w.arrivalButtons,
      );
      for (const b of await buttons.all()) assert.ok(await b.evaluate((el) => el.scrollWidth <= el.clientWidth), await b.innerText());
      await stepDone(page, w.step.call);
      await s.step('call-announced');
    });

    it('shows StasisStart for the call in the event panel', async () => {
      const page = s.page;
      await runCommand(page, w.showEvents);
      // Demo calls keep the list moving: follow this call as a user would, by its channel name
      // (the filter stays for the steps that follow).
      await webview(page).locator('#filter-channel').fill(name);
      await webview(page).locator('.event-row[data-type="StasisStart"]', { hasText: name }).first().waitFor();
      await s.step('stasis-start');
    });

    it('opens the dialplan: the Stasis(hello-world) line counts the call, as the tree does', async () => {
      const page = s.page;
      await showWalkthroughTab(page);
      await stepButton(page, w.step.dialplan, w.button.openDialplan);
      await page.locator('.codelens-decoration', { hasText: w.lensOne }).first().waitFor();
      await s.step('dialplan-lens');
    });

    it('plays sound:hello-world: PlaybackStarted, PlaybackFinished', async () => {
      const page = s.page;
      await showWalkthroughTab(page);
      await stepButton(page, w.step.play, w.button.play);
      await stepDone(page, w.step.play);
      await s.step('played');
      await runCommand(page, w.showEvents);
      const panel = webview(page);
      await panel.locator('.event-row[data-type="PlaybackStarted"]', { hasText: name }).first().waitFor();
      await panel.locator('.event-row[data-type="PlaybackFinished"]', { hasText: name }).first().waitFor();
      await s.step('playback-events');
    });

    it('hangs up: StasisEnd, and the last step is done', async () => {
      const page = s.page;
      await showWalkthroughTab(page);
      await stepButton(page, w.step.hangup, w.button.hangup);
      await stepDone(page, w.step.hangup);
      // Connected since start-up; "test it" is what the Connect step asks of a newcomer.
      await stepButton(page, w.step.connect, w.button.testConnection);
      const pick = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: sim.name }).first();
      await pick.click();
      await pick.waitFor({ state: 'hidden' });
      await stepDone(page, w.step.connect);
      await s.step('hung-up');
      await runCommand(page, w.showEvents);
      await webview(page).locator('.event-row[data-type="StasisEnd"]', { hasText: name }).first().waitFor();
      await s.step('stasis-end');
      // The lens follows the hangup: the tab opened by the dialplan step counts nobody now.
      await page.locator('.tabs-container .tab', { hasText: 'extensions.conf' }).first().click();
      await page.locator('.codelens-decoration', { hasText: w.lensNone }).first().waitFor();
    });
  });
}
