// Secrets stay secret under every failure: no password, base64 user:pass, Authorization value
// or api_key in the logs (all levels, frame tracing on), in any AriError message/hint/server
// message, in URLs (socket URL, request URLs logged), in exported curl lines (default modes)
// or in exported NDJSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as net from 'node:net';
import { AriRestClient, parseAriUrl } from '../../../src/extension/ari/rest';
import { AriEventSocket } from '../../../src/extension/ari/events';
import { AriError, credentialForms, errorFromNetwork, errorFromResponse } from '../../../src/extension/ari/errors';
import { AriSession } from '../../../src/extension/connection/session';
import { formatCurl } from '../../../src/extension/commands/invoker/curl';
import { toNdjson } from '../../../src/extension/webviews/ndjson';
import { EventStore } from '../../../src/extension/webviews/eventStore';
import { startSimulator } from '../../../tools/ari-sim/index';
import { PASSWORD, USER, WatchLogger, assertNoSecrets, next, startLocalAri } from './helpers';

function errorText(e: AriError): string {
  return [e.message, e.hint, e.serverMessage ?? '', e.path, e.method, String(e.stack ?? '')].join('\n');
}

test('every failure kind: AriError message and hint carry no credential', async () => {
  const errors: AriError[] = [];
  const log = new WatchLogger();
  // A server that answers each path with a different failure; the bodies echo credentials
  // back, as a misconfigured proxy might.
  const b64 = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
  const ari = await startLocalAri({
    rest: (path, req, res) => {
      const echo = `Authorization: Basic ${b64} api_key=${USER}:${PASSWORD} http://${USER}:${PASSWORD}@host/`;
      if (path.endsWith('/401')) {
        res.writeHead(401, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ message: `Authentication required (${echo})` }));
      } else if (path.endsWith('/403')) {
        res.writeHead(403, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: echo }));
      } else if (path.endsWith('/404')) {
        res.writeHead(404, { 'Content-Type': 'text/html' });
        res.end(`<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>${echo}</p></body></html>`);
      } else if (path.endsWith('/400')) {
        // The bare secrets, not in any header-like form redact() knows.
        res.writeHead(400, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ message: `bad credentials ${PASSWORD} (${b64})` }));
      } else if (path.endsWith('/500')) {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(echo);
      } else if (path.endsWith('/reset')) {
        req.socket.destroy();
      } else if (path.endsWith('/slow')) {
        // never answers
      } else {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('[]');
      }
    },
    accept: (req) => !(req.url ?? '').includes('refuse'),
  });
  const rest = new AriRestClient({ url: ari.url, username: USER, password: PASSWORD, log, timeoutMs: 200 });
  const grab = (p: Promise<unknown>): Promise<void> =>
    p.then(
      () => assert.fail('expected a failure'),
      (e: unknown) => {
        assert.ok(e instanceof AriError, String(e));
        errors.push(e);
      },
    );
  try {
    await grab(rest.request('GET', '/401'));
    await grab(rest.request('GET', '/403'));
    await grab(rest.request('GET', '/404'));
    await grab(rest.request('GET', '/400'));
    assert.equal(errors.at(-1)!.serverMessage, 'bad credentials *** (***)');
    await grab(rest.request('POST', '/500', { body: { password: 'not-ours' } }));
    await grab(rest.request('GET', '/reset'));
    await grab(rest.request('GET', '/slow'));
    // A query that someone filled with api_key (the invoker lets users type queries).
    await grab(rest.request('GET', '/401', { query: { api_key: `${USER}:${PASSWORD}` } }));
    // Connection refused.
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const refused = new AriRestClient({ url: `http://127.0.0.1:${port}`, username: USER, password: PASSWORD, log });
    await grab(refused.asterisk.ping());
    refused.dispose();
    // A URL with credentials in it (pasted from somewhere): they never reach a request or a message.
    const inUrl = new AriRestClient({ url: `http://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/ari`, username: USER, password: PASSWORD, log });
    assert.ok(!inUrl.baseUrl.includes('@'), inUrl.baseUrl);
    await grab(inUrl.asterisk.ping());
    inUrl.dispose();
    try {
      parseAriUrl(`ftp://${USER}:${PASSWORD}@host`);
    } catch (e) {
      errors.push(e as AriError);
    }
    try {
      parseAriUrl(`http://${USER}:${PASSWORD}@[bad`);
    } catch (e) {
      errors.push(e as AriError);
    }
    // TLS failures and socket drops, built the way the client builds them.
    for (const code of ['DEPTH_ZERO_SELF_SIGNED_CERT', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID', 'EPROTO']) {
      errors.push(
        errorFromNetwork('GET', '/ari/events', new URL(`https://${USER}:${PASSWORD}@pbx:8089/ari/events`), Object.assign(new Error(`x ${code}`), { code })),
      );
    }
    errors.push(errorFromResponse('GET', '/ari/events', 401, JSON.stringify({ message: `bad ${b64}` }), 'application/json', credentialForms(USER, PASSWORD)));

    // The event socket: 401 on the upgrade, and a refused upgrade.
    const srvBad = await startLocalAri({ accept: () => false });
    // An upgrade answered 401 with a body that echoes the credentials back.
    const echo401 = await startLocalAri({});
    echo401.server.removeAllListeners('upgrade');
    echo401.server.on('upgrade', (_req, socket) => {
      const body = JSON.stringify({ message: `Authentication required for ${b64} / ${PASSWORD}` });
      socket.end(
        `HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    });
    const sock401 = new AriEventSocket({ url: echo401.url, username: USER, password: PASSWORD, apps: ['a'], log });
    const sockRefused = new AriEventSocket({ url: srvBad.url, username: USER, password: PASSWORD, apps: ['a'], log, backoff: { initialMs: 10, maxMs: 10 } });
    try {
      assertNoSecrets(sock401.url, 'socket URL');
      sock401.connect();
      const f = await next(sock401.onState, (s) => s.kind === 'failed', 5000, 'the 401 upgrade');
      if (f.kind === 'failed') {
        assert.equal(f.error.status, 401);
        assert.match(f.error.serverMessage ?? '', /Authentication required for \*\*\* \/ \*\*\*/);
        errors.push(f.error);
      }
      assert.match(sockRefused.url, /^ws:\/\/127\.0\.0\.1:\d+\/ari\/events\?app=a$/);
      sockRefused.connect();
      const st = await next(sockRefused.onState, (s) => s.kind === 'reconnecting', 5000, 'a refused upgrade');
      if (st.kind === 'reconnecting' && st.error) errors.push(st.error);
    } finally {
      sock401.dispose();
      sockRefused.dispose();
      await srvBad.close();
      await echo401.close();
    }
  } finally {
    rest.dispose();
    await ari.close();
  }
  const codes = new Set(errors.map((e) => e.code ?? String(e.status)));
  for (const c of ['HTTP', 'ECONNRESET', 'ETIMEDOUT', 'ECONNREFUSED', 'TLS', 'EINVALIDURL']) assert.ok(codes.has(c), `covered ${c}: ${[...codes].join()}`);
  assert.ok(errors.length >= 17, `${errors.length} errors`);
  for (const e of errors) {
    assert.ok(e.hint.length > 10, `every error has a hint: ${e.message}`);
    assertNoSecrets(errorText(e), `AriError ${e.code} ${e.status ?? ''}`);
  }
  // The request lines logged, including the api_key query, hide it.
  assert.ok(
    log.lines.some((l) => /GET \/ari\/401\?api_key=\*\*\* -> 401/.test(l)),
    log.lines.join('\n'),
  );
  assertNoSecrets(log.text(), 'client log');
});

test('a session at full verbosity (trace, frame tracing) against the simulator logs no credential', async () => {
  const sim = await startSimulator({ port: 0, user: USER, password: PASSWORD, endpoints: false });
  const log = new WatchLogger();
  const session = new AriSession({
    connection: { url: sim.url, username: USER, password: PASSWORD, log, timeoutMs: 1000 },
    apps: ['fault-observer'],
    subscribeAll: true,
    batchMs: 10,
    resyncRetryMs: 20,
    socket: { traceFrames: true, pingIntervalMs: 100, backoff: { initialMs: 10, maxMs: 50 } },
  });
  try {
    await session.start();
    assertNoSecrets(session.socket.url, 'socket URL');
    await sim.originateFromCli('Local/100@default', { context: 'default', exten: '100' });
    await next(session.onEvents, () => true, 5000, 'events');
    sim.faults.failRequests(3, 503);
    await session.resync().catch(() => undefined);
    sim.faults.dropSockets();
    await next(session.socket.onOpen, (o) => o.reconnect, 5000, 'the reconnect');
    sim.faults.setPassword('changed-' + PASSWORD);
    sim.faults.dropSockets();
    await next(session.onState, (s) => s.kind === 'failed', 5000, 'the 401');
    await session.rest.channels.list().catch(() => undefined);
  } finally {
    session.dispose();
    await sim.close();
  }
  assert.ok(
    log.lines.some((l) => l.startsWith('trace ARI event')),
    'frames were traced',
  );
  assertNoSecrets(log.text(), 'session log');
  assertNoSecrets(log.text(), 'session log', ['changed-' + PASSWORD]);
});

test('exported curl lines carry no password by default; NDJSON export carries none', async () => {
  const req = {
    method: 'POST',
    path: '/channels',
    query: { endpoint: 'Local/100@default', app: 'x', api_key: `${USER}:${PASSWORD}` },
    body: { variables: { A: '1' } },
  };
  const base = `http://${USER}:${PASSWORD}@pbx.example:8088/ari`;
  const prompt = formatCurl(base, req as never, { kind: 'prompt', username: USER });
  const env = formatCurl(base, req as never, { kind: 'env', username: USER });
  for (const line of [prompt, env]) {
    assertNoSecrets(line, 'curl line');
    assert.ok(!line.includes('-k'), 'no -k unless the profile is insecure');
  }
  assert.match(prompt, /-u explorer /);
  assert.match(env, /-u "explorer:\$ARI_PASSWORD"/);
  // Only an explicit choice embeds it (and -k only when asked).
  assert.ok(formatCurl(base, req as never, { kind: 'password', username: USER, password: PASSWORD }, { insecure: true }).includes(PASSWORD));

  // NDJSON: events that happen to carry credential-shaped text (a URL with user:pass, an
  // api_key query, an Authorization header in a user event) go out redacted.
  const b64 = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
  const store = new EventStore(10);
  store.push(
    {
      type: 'ChannelUserevent',
      eventname: 'x',
      userevent: { url: `http://${USER}:${PASSWORD}@host/ari/events?api_key=${USER}:${PASSWORD}`, header: `Authorization: Basic ${b64}` },
    },
    0,
  );
  store.push({ type: 'ChannelVarset', variable: 'CURLOPT', value: `authorization=Basic ${b64}` }, 0);
  const lines: string[] = [];
  for (let n = store.firstN; n < store.nextN; n++) lines.push(store.get(n)!.json);
  const out = toNdjson(lines);
  assertNoSecrets(out, 'NDJSON export');
  assert.equal(out.trim().split('\n').length, 2);
});

test('the secret is never in the socket URL or the REST base URL, whatever the profile URL holds', () => {
  for (const url of [`http://${USER}:${PASSWORD}@pbx:8088`, `https://${USER}:${encodeURIComponent(PASSWORD)}@pbx:8089/asterisk/ari/`]) {
    const rest = new AriRestClient({ url, username: USER, password: PASSWORD });
    const sock = new AriEventSocket({ url, username: USER, password: PASSWORD, apps: ['a', 'b'], subscribeAll: true }, { agent: rest.agent });
    try {
      assertNoSecrets(rest.baseUrl, 'REST base URL');
      assertNoSecrets(sock.url, 'socket URL');
      assert.ok(!sock.url.includes('@') && !rest.baseUrl.includes('@'));
    } finally {
      sock.dispose();
      rest.dispose();
    }
  }
});
