// The profile `npm start` seeds (test/e2e/start.ts): the seed's user and app, connected at
// start-up. Suites that play a newcomer after `npm start` open code-server with it.
import type { Simulator } from '../../../tools/ari-sim/index';
import { openBrowserSession, type BrowserSession } from './session';

// The seed's app: the user plays hello-world (the demo runs in its own app, demo-ivr), so a call
// into from-test,1776 waits in Stasis for the user's next step.
export function seededProfile(url: string, server: Partial<SeededServer> = {}) {
  return {
    name: server.name ?? 'Simulator',
    url,
    username: server.username ?? 'test',
    password: server.password ?? 'test_password',
    apps: ['hello-world'],
    connect: true,
  };
}

/** The server a seeded profile points at: the simulator, or a real Asterisk (npm run test:asterisk). */
export interface SeededServer {
  url: string;
  name: string;
  username: string;
  password: string;
}

export function openSeededSession(
  name: string,
  server: Pick<Simulator, 'url'> & Partial<SeededServer>,
  opts: { locale?: string } = {},
): Promise<BrowserSession> {
  return openBrowserSession(name, { ARI_EXPLORER_SEED_PROFILE: JSON.stringify(seededProfile(server.url, server)) }, opts);
}
