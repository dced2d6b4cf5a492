// Two simulators at once in code-server (#16), one behind an http prefix: two profiles
// connected, one root per server in the tree, one status item for both, and a hang-up from a
// channel row of the prefixed server that acts on that server only (the two fresh simulators
// number their channels alike, so the same name lives on both).
//   ARI_EXPLORER_VSIX=... mocha ... test/e2e/multi.e2e.ts
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { startSimulator, type Simulator } from '../../tools/ari-sim/index';
import { openBrowserSession, type BrowserSession } from './lib/session';
import { answerQuickInput, notifications, openAriContainer, runCommand, runContextMenu, sidebar, statusBarItem, treeRows, webview } from './lib/workbench';

const AUTH = `Basic ${Buffer.from('test:test_password').toString('base64')}`;

function treeItem(page: Page, name: string | RegExp): Locator {
  return sidebar(page).getByRole('treeitem', { name });
}

async function expand(row: Locator): Promise<void> {
  if ((await row.getAttribute('aria-expanded')) === 'false') await row.click();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** POST /ari/channels into from-test,1776; the name of the half that enters Stasis(hello-world). */
async function originate(sim: Simulator): Promise<string> {
  const res = await fetch(`${sim.url}/ari/channels?endpoint=Local/1776@from-test&extension=100&context=default`, {
    method: 'POST',
    headers: { Authorization: AUTH },
  });
  assert.equal(res.status, 200, `originate answered ${res.status}`);
  return ((await res.json()) as { name: string }).name.replace(/;1$/, ';2');
}

async function channelNames(sim: Simulator): Promise<string[]> {
  const res = await fetch(`${sim.url}/ari/channels`, { headers: { Authorization: AUTH } });
  return ((await res.json()) as { name: string }[]).map((c) => c.name);
}

describe('several servers at once in code-server', function () {
  this.timeout(60_000);
  let s: BrowserSession;
  let alpha: Simulator;
  let beta: Simulator;
  let failed = false;

  before(async function () {
    this.timeout(180_000);
    alpha = await startSimulator({ port: 0 });
    beta = await startSimulator({ port: 0, prefix: '/asterisk' });
    s = await openBrowserSession('multi-server');
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed') failed = true;
  });

  after(async function () {
    this.timeout(60_000);
    await s?.close(failed);
    await alpha?.close();
    await beta?.close();
  });

  const addAndConnect = async (name: string, url: string) => {
    const page = s.page;
    await runCommand(page, 'ARI: Add Connection Profile');
    await answerQuickInput(page, name, /A name for this connection/);
    await answerQuickInput(page, url, /ARI server URL/);
    await answerQuickInput(page, 'test', /ARI user/);
    await answerQuickInput(page, 'test_password', /Password/);
    await answerQuickInput(page, 'hello-world', /Stasis apps to register/);
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: `Profile "${name}" saved` });
    await toast.getByRole('button', { name: 'Connect', exact: true }).click();
  };

  it('connects two profiles: one status item for both, a root per server', async () => {
    const page = s.page;
    await openAriContainer(page);
    await treeRows(page).first().or(sidebar(page).getByText('No ARI connection profile yet')).first().waitFor();
    await addAndConnect('Alpha', alpha.url);
    await statusBarItem(page, 'ARI: Alpha').locator('.codicon-pass-filled').waitFor();
    assert.match(beta.url, /\/asterisk$/);
    await addAndConnect('Beta', beta.url);
    await statusBarItem(page, /ARI: 2 connected/).waitFor();
    await treeItem(page, /ARI server Alpha/)
      .first()
      .waitFor();
    await treeItem(page, /ARI server Beta/)
      .first()
      .waitFor();
    assert.equal(
      await notifications(page)
        .filter({ hasText: /failed|error/i })
        .count(),
      0,
    );
    await s.step('two-servers');
  });

  it('a hang-up from a channel row under Beta acts on Beta only', async () => {
    const page = s.page;
    const onAlpha = await originate(alpha);
    const onBeta = await originate(beta);
    assert.equal(onAlpha, onBeta, 'two fresh simulators number their channels alike');
    // The same name under both roots, in root order: Alpha's row first, Beta's second.
    const rows = treeItem(page, new RegExp(escape(onBeta)));
    await rows.nth(1).waitFor();
    await expand(treeItem(page, /^Channels/).nth(1));
    assert.equal(await rows.count(), 2, 'one row per server');
    const row = rows.nth(1);
    await row.filter({ hasText: 'Stasis(hello-world' }).waitFor();
    await s.step('beta-channel');
    await runContextMenu(page, row, /Hang Up/);
    await answerQuickInput(page, 'normal', /Hangup reason/);
    await rows.nth(1).waitFor({ state: 'detached' });
    assert.equal(await rows.count(), 1, "Alpha's row stays");
    assert.ok(!(await channelNames(beta)).includes(onBeta), 'hung up on Beta');
    assert.ok((await channelNames(alpha)).includes(onAlpha), "Alpha's channel of the same name is still there");
    await s.step('beta-hung-up');
  });

  it('the event panel merges both servers: a server column, and a filter that shows one', async () => {
    const page = s.page;
    await runCommand(page, 'ARI: Show Event Stream');
    const panel = webview(page);
    const serverCells = panel.locator('.event-row .col-server');
    await panel.locator('.list-header .col-server', { hasText: 'Server' }).waitFor();
    await serverCells
      .filter({ hasText: /^Alpha$/ })
      .first()
      .waitFor();
    await serverCells
      .filter({ hasText: /^Beta$/ })
      .first()
      .waitFor();
    await s.step('events-both-servers');
    await panel.locator('#filter-server').selectOption('Beta');
    await serverCells
      .filter({ hasText: /^Alpha$/ })
      .first()
      .waitFor({ state: 'detached' });
    const shown = await serverCells.allInnerTexts();
    assert.ok(shown.length > 0, 'Beta has events');
    assert.deepEqual([...new Set(shown)], ['Beta']);
    await s.step('events-beta-only');
    await panel.locator('#filter-server').selectOption('');
    await serverCells
      .filter({ hasText: /^Alpha$/ })
      .first()
      .waitFor();
    await runCommand(page, 'View: Close Editor');
  });

  it("Disconnect from Beta's root ends Beta only; Alpha stays", async () => {
    const page = s.page;
    await runContextMenu(page, treeItem(page, /ARI server Beta/).first(), /^Disconnect$/);
    await statusBarItem(page, 'ARI: Alpha').locator('.codicon-pass-filled').waitFor();
    await treeItem(page, /ARI server Beta/)
      .first()
      .waitFor({ state: 'detached' });
    await s.step('alpha-left');
  });
});
