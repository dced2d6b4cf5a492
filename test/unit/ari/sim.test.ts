// The client against the project's ARI simulator (tools/ari-sim): prefix, dedupe with two apps,
// Location headers, a restart (1006, refused, HTML 404, back) and bad credentials. The core
// tests above use their own tiny servers; this one checks the pieces fit together.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AriRestClient } from '../../../src/extension/ari/rest';
import { AriEventSocket } from '../../../src/extension/ari/events';
import { AriError } from '../../../src/extension/ari/errors';
import type { AriEvent } from '../../../src/extension/ari/events.generated';
import { startSimulator } from '../../../tools/ari-sim/index';
import { next } from './helpers';

const creds = { username: 'test', password: 'test_password' };

test('simulator: prefix, two apps with subscribeAll, Location, restart, 401', async () => {
  const sim = await startSimulator({ port: 0, prefix: '/asterisk', timeScale: 0.05, endpoints: false });
  const rest = new AriRestClient({ url: sim.url, ...creds });
  const sock = new AriEventSocket(
    { url: sim.url, ...creds, apps: ['hello-world', 'ari-explorer-test'], subscribeAll: true, backoff: { initialMs: 20, maxMs: 200 } },
    { agent: rest.agent },
  );
  try {
    assert.equal(rest.baseUrl, `${sim.url}/ari`);
    assert.equal((await rest.asterisk.ping()).ping, 'pong');

    const events: AriEvent[] = [];
    sock.onEvent((e) => events.push(e));
    const opened = next(sock.onOpen, () => true, 5000, 'open');
    sock.connect();
    assert.deepEqual(await opened, { reconnect: false });

    const started = next(sock.onEvent, (e) => e.type === 'StasisStart', 5000, 'StasisStart');
    const ch = await rest.channels.originate({ endpoint: 'Local/100@default', app: 'hello-world' });
    await started;
    const created = events.filter((e) => e.type === 'ChannelCreated' && e.channel.id === ch.id);
    assert.equal(created.length, 1, 'ChannelCreated once although two apps get it');
    assert.ok(sock.stats.duplicates > 0);

    const res = await rest.request<{ id: string }>('POST', `/channels/${ch.id}/play`, { query: { media: 'sound:hello-world' } });
    assert.equal(res.status, 201);
    const loc = res.headers.location;
    if (loc) assert.equal(rest.pathFromLocation(loc), `/playbacks/${res.body.id}`);

    const reopened = next(sock.onOpen, (o) => o.reconnect, 10000, 'reconnect after restart');
    await sim.faults.restart({ closeDelayMs: 20, refusedMs: 50, notFoundMs: 50 });
    await reopened;
    assert.deepEqual(await rest.channels.list(), []);

    const bad = new AriRestClient({ url: sim.url, username: 'test', password: 'nope' });
    try {
      await assert.rejects(bad.asterisk.info(), (e: unknown) => e instanceof AriError && e.status === 401);
    } finally {
      bad.dispose();
    }
    const badSock = new AriEventSocket({ url: sim.url, username: 'test', password: 'nope', apps: ['x'] });
    try {
      const st = next(badSock.onState, (s) => s.kind === 'failed' || s.kind === 'reconnecting', 5000, 'failed');
      badSock.connect();
      const s = await st;
      assert.equal(s.kind, 'failed');
    } finally {
      badSock.dispose();
    }
  } finally {
    sock.dispose();
    rest.dispose();
    await sim.close();
  }
});
