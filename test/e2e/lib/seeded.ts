// The profile `npm start` seeds (test/e2e/start.ts): the seed's user and app, connected at
// start-up. Suites that play a newcomer after `npm start` open code-server with it.
import type { Simulator } from '../../../tools/ari-sim/index';
import { openBrowserSession, type BrowserSession } from './session';

// The seed's app: the user plays hello-world (the demo runs in its own app, demo-ivr), so a call
// into from-test,1776 waits in Stasis for the user's next step.
export function seededProfile(url: string) {
  return { name: 'Simulator', url, username: 'test', password: 'test_password', apps: ['hello-world'], connect: true };
}

export function openSeededSession(name: string, sim: Simulator, opts: { locale?: string } = {}): Promise<BrowserSession> {
  return openBrowserSession(name, { ARI_EXPLORER_SEED_PROFILE: JSON.stringify(seededProfile(sim.url)) }, opts);
}
