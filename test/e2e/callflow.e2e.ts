// Call Flow in code-server with the packaged .vsix, against the simulator: the seed's call
// (Stasis(hello-world), a playback) is bridged with a second call, then the flow is opened
// from the channel's context menu in the tree and grows live as the call ends.
//   bash scripts/e2e-test.sh browser        Screenshots: test-results/e2e/call-flow/
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { startSimulator, type Simulator } from '../../tools/ari-sim/index';
import { type BrowserSession } from './lib/session';
import { openSeededSession } from './lib/seeded';
import { openAriContainer, runContextMenu, sidebar, statusBarItem, webview } from './lib/workbench';

const AUTH = `Basic ${Buffer.from('test:test_password').toString('base64')}`;

describe('Call Flow', function () {
  this.timeout(60_000);
  let s: BrowserSession;
  let sim: Simulator;
  let failed = false;
  let first = { id: '', name: '' };
  let second = { id: '', name: '' };
  let bridgeId = '';

  async function ari(method: string, path: string): Promise<unknown> {
    const res = await fetch(`${sim.url}/ari${path}`, { method, headers: { Authorization: AUTH } });
    assert.ok(res.status < 300, `${method} ${path} answered ${res.status}`);
    const text = await res.text();
    return text ? (JSON.parse(text) as unknown) : undefined;
  }

  /** Originates into from-test,1776 and returns the ;2 half once it is in Stasis(hello-world). */
  async function call(): Promise<{ id: string; name: string }> {
    const originated = (await ari('POST', '/channels?endpoint=Local/1776@from-test&extension=100&context=default')) as { name: string };
    const name = originated.name.replace(/;1$/, ';2');
    for (let i = 0; i < 100; i++) {
      const channels = (await ari('GET', '/channels')) as { id: string; name: string; dialplan: { app_name: string } }[];
      const half = channels.find((c) => c.name === name && c.dialplan.app_name === 'Stasis');
      if (half) return { id: half.id, name };
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${name} did not reach Stasis`);
  }

  function treeItem(page: Page, name: string): Locator {
    return sidebar(page).getByRole('treeitem', { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
  }

  before(async function () {
    this.timeout(180_000);
    sim = await startSimulator({ port: 0 });
    s = await openSeededSession('call-flow', sim);
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed') failed = true;
  });

  after(async function () {
    this.timeout(60_000);
    await s?.close(failed);
    await sim?.close();
  });

  it('makes the seed call with a playback and bridges it with a second call', async () => {
    await openAriContainer(s.page);
    await statusBarItem(s.page, 'ARI: Simulator').locator('.codicon-pass-filled').waitFor();
    first = await call();
    const playback = (await ari('POST', `/channels/${first.id}/play?media=sound:hello-world`)) as { id: string };
    for (let i = 0; i < 100; i++) {
      const res = await fetch(`${sim.url}/ari/playbacks/${playback.id}`, { headers: { Authorization: AUTH } });
      if (res.status === 404) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    second = await call();
    const bridge = (await ari('POST', '/bridges?type=mixing&name=e2e-flow')) as { id: string };
    bridgeId = bridge.id;
    await ari('POST', `/bridges/${bridgeId}/addChannel?channel=${first.id},${second.id}`);
    const channels = sidebar(s.page)
      .getByRole('treeitem', { name: /^Channels/ })
      .first();
    if ((await channels.getAttribute('aria-expanded')) === 'false') await channels.click();
    await treeItem(s.page, first.name).first().waitFor();
    // The tree's last change for this call: a menu opened before it can lose its node.
    await sidebar(s.page)
      .getByRole('treeitem', { name: /e2e-flow.*2 channels/ })
      .first()
      .waitFor();
  });

  it("opens from the channel's context menu: lanes and elements of the whole call", async () => {
    await runContextMenu(s.page, treeItem(s.page, first.name).first(), /Show Call Flow/);
    const flow = webview(s.page);
    // Under load VS Code can run a context-menu command without its node (the row re-rendered
    // meanwhile); then the command asks which call, and the only call is this one.
    const picker = s.page.locator('.quick-input-widget .quick-input-box input[placeholder^="Call whose flow"]');
    await flow.locator('.flow-row').first().or(picker).first().waitFor();
    if (await picker.isVisible()) await picker.press('Enter');
    await flow.locator('.flow-row').first().waitFor();
    const lanes = await flow.locator('.lane-header').evaluateAll((els) => els.map((e) => (e.getAttribute('aria-label') ?? '').split('\n')[0]));
    assert.ok(lanes.includes(first.name), `lanes: ${lanes.join(', ')}`);
    assert.ok(lanes.includes(second.name), 'the bridged call is part of the flow');
    assert.ok(lanes.includes('hello-world'), 'the Stasis app lane');
    assert.ok(lanes.includes('e2e-flow'), 'the bridge lane');
    for (const kind of ['created', 'dialplan', 'stasisStart', 'playbackStart', 'playbackEnd', 'bridgeCreated', 'bridgeEnter']) {
      await flow.locator(`.flow-row.kind-${kind}`).first().waitFor();
    }
    assert.equal(await flow.locator('.flow-row.kind-bridgeEnter').count(), 2, 'two members entered the bridge');
    await flow.locator('#flow-status[data-state="live"]').waitFor();
    await s.step('call-flow');
  });

  it('shows the event JSON of a selected element', async () => {
    const flow = webview(s.page);
    await flow.locator('.flow-row.kind-stasisStart').first().click();
    await flow.locator('.detail-json', { hasText: '"type": "StasisStart"' }).waitFor();
    await s.step('call-flow-detail');
  });

  it('grows live: hanging up ends the call with its cause', async () => {
    await ari('DELETE', `/channels/${first.id}`);
    await ari('DELETE', `/channels/${second.id}`);
    await ari('DELETE', `/bridges/${bridgeId}`);
    const flow = webview(s.page);
    await flow.locator('.flow-scroll').press('End');
    await flow.locator('.flow-row.kind-stasisEnd').first().waitFor();
    await flow.locator('#flow-status[data-state="ended"]').waitFor();
    await s.step('call-flow-ended');
  });
});
