// npm run test:asterisk, browser part: the seed's walkthrough (test/e2e/lib/walkthroughSuite.ts)
// in a real VS Code against the server ARI_EXPLORER_TEST_URL names (with _USER, _PASSWORD), or
// against the simulator without it. The server needs the seed's dialplan (from-test,1776 →
// Stasis(hello-world); default,100).
import { walkthroughSuite, type WalkthroughServer } from '../e2e/lib/walkthroughSuite';
import { startSimulator } from '../../tools/ari-sim/index';

const url = process.env.ARI_EXPLORER_TEST_URL || process.env.ARI_REAL_URL;

async function serverUnderTest(): Promise<WalkthroughServer> {
  const username = process.env.ARI_EXPLORER_TEST_USER || 'test';
  const password = process.env.ARI_EXPLORER_TEST_PASSWORD || 'test_password';
  if (url && url !== 'sim') return { url: url.replace(/\/+$/, ''), name: 'Asterisk', username, password, close: async () => undefined };
  const sim = await startSimulator({ port: 0 });
  return { url: sim.url, name: 'Simulator', username: 'test', password: 'test_password', close: () => sim.close() };
}

walkthroughSuite('en', serverUnderTest, url && url !== 'sim' ? ' against the server under test' : ' against a simulator, no demo');
