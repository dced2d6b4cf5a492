// What `npm start` sets up: code-server started with ARI_EXPLORER_SEED_PROFILE and a simulator
// making demo calls. The profile exists without any input, connects by itself, and the demo's
// calls show up in the tree.   Screenshots: test-results/e2e/seeded/
import { startSimulator, type Simulator } from '../../tools/ari-sim/index';
import { type BrowserSession } from './lib/session';
import { openSeededSession } from './lib/seeded';
import { openAriContainer, sidebar, statusBarItem } from './lib/workbench';

describe('seeded profile (the npm start setup)', function () {
  this.timeout(60_000);
  let s: BrowserSession;
  let sim: Simulator;
  let failed = false;

  before(async function () {
    this.timeout(180_000);
    sim = await startSimulator({ port: 0, demo: true });
    s = await openSeededSession('seeded', sim);
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed') failed = true;
  });

  after(async function () {
    this.timeout(60_000);
    await s?.close(failed);
    await sim?.close();
  });

  it('connects by itself: the status bar says connected', async () => {
    await openAriContainer(s.page);
    await statusBarItem(s.page, 'ARI: Simulator').locator('.codicon-pass-filled').waitFor();
    await s.step('seeded-connected');
  });

  it('shows the demo calls in the tree', async () => {
    const channels = sidebar(s.page)
      .getByRole('treeitem', { name: /^Channels/ })
      .first();
    if ((await channels.getAttribute('aria-expanded')) === 'false') await channels.click();
    // The demo places a call into its own app, Stasis(demo-ivr), every few seconds. A call
    // may hang up a moment after it shows, so seeing its row once (waitFor: visible, or the
    // test fails) is the check; asking again later would race the demo's own hang-ups.
    const call = sidebar(s.page)
      .getByRole('treeitem', { name: /Local\/1000@demo/ })
      .first();
    await call.waitFor({ state: 'visible', timeout: 30_000 });
    await s.step('demo-calls');
  });
});
