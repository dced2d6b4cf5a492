import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AriRestClient, parseAriUrl } from '../../../src/extension/ari/rest';
import { AriError } from '../../../src/extension/ari/errors';
import { MemoryLogger } from '../../../src/extension/util/logger';
import { fixtureDir, json, startHttpServer } from './helpers';

const creds = { username: 'test', password: 'test_password' };
const basic = `Basic ${Buffer.from('test:test_password').toString('base64')}`;

test('parseAriUrl keeps the prefix, drops credentials, trailing slash and a trailing /ari', () => {
  assert.deepEqual(parseAriUrl('http://h:8088'), { baseUrl: 'http://h:8088/ari', basePath: '/ari' });
  assert.deepEqual(parseAriUrl('https://u:p@h:8089/asterisk/'), { baseUrl: 'https://h:8089/asterisk/ari', basePath: '/asterisk/ari' });
  assert.equal(parseAriUrl('http://h:8088/ari/').baseUrl, 'http://h:8088/ari');
  assert.throws(() => parseAriUrl('ftp://h'), AriError);
  assert.throws(() => parseAriUrl('not a url'), AriError);
});

test('REST: Basic auth header, never api_key; JSON bodies; comma-joined arrays; booleans', async () => {
  const srv = await startHttpServer((req, res) => {
    if (req.path === '/ari/channels' && req.method === 'POST') return json(res, 200, { id: 'c1', name: 'Local/100@default-1;1' });
    if (req.path.endsWith('/play')) return json(res, 201, { id: 'p1', state: 'queued' }, { Location: '/ari/playbacks/p1' });
    return json(res, 204, undefined);
  });
  const log = new MemoryLogger();
  const client = new AriRestClient({ url: srv.url, ...creds, log });
  try {
    const ch = await client.channels.originate({ endpoint: 'Local/100@default', app: 'hello-world', variables: { A: '1' }, formats: ['ulaw', 'alaw'] });
    assert.equal(ch.id, 'c1');
    await client.bridges.addChannel('b1', { channel: ['A', 'B'], absorbDTMF: true, mute: false });
    const pb = await client.channels.play('c1', { media: ['sound:a', 'sound:b'] });
    assert.equal(pb.id, 'p1');
    assert.equal(await client.channels.answer('c1'), undefined);

    const [orig, add, play] = srv.requests;
    for (const r of srv.requests) {
      assert.equal(r.headers.authorization, basic);
      assert.ok(!r.url.includes('api_key'));
    }
    assert.equal(orig.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(orig.body), { variables: { A: '1' } });
    assert.equal(orig.query.get('formats'), 'ulaw,alaw');
    assert.equal(orig.query.get('variables'), null);
    assert.equal(add.path, '/ari/bridges/b1/addChannel');
    assert.match(add.url, /channel=A,B/);
    assert.equal(add.query.get('absorbDTMF'), 'true');
    assert.equal(add.query.get('mute'), 'false');
    assert.equal(add.body, '');
    assert.match(play.url, /media=sound:a,sound:b/);
    assert.ok(!log.text().includes('test_password'));
    assert.ok(!log.text().includes(basic.slice(6)));
    assert.match(log.text(), /POST \/ari\/channels.* -> 200/);
  } finally {
    client.dispose();
    await srv.close();
  }
});

test('REST: request() gives status, lower-case headers, body and text; Location maps back to a path', async () => {
  const srv = await startHttpServer((req, res) => json(res, 201, { id: 'p1' }, { Location: '/ari/playbacks/p1' }));
  const client = new AriRestClient({ url: `${srv.url}/asterisk`, ...creds });
  try {
    const r = await client.request<{ id: string }>('POST', '/channels/c%201/play', { query: { media: 'sound:x', lang: undefined } });
    assert.equal(r.status, 201);
    assert.equal(r.headers.location, '/ari/playbacks/p1');
    assert.deepEqual(r.body, { id: 'p1' });
    assert.equal(r.text, '{"id":"p1"}');
    assert.equal(srv.requests[0].path, '/asterisk/ari/channels/c%201/play');
    assert.equal(srv.requests[0].url, '/asterisk/ari/channels/c%201/play?media=sound:x');
    // Behind http.conf prefix Asterisk still answers unprefixed Location headers (transcript 14).
    assert.equal(client.pathFromLocation('/ari/playbacks/p1'), '/playbacks/p1');
    assert.equal(client.pathFromLocation('/asterisk/ari/playbacks/p1'), '/playbacks/p1');
    assert.equal(client.pathFromLocation('http://h:1/ari/recordings/live/r'), '/recordings/live/r');
    // A path given with /ari is accepted too.
    await client.request('GET', '/ari/asterisk/ping');
    assert.equal(srv.requests[1].path, '/asterisk/ari/asterisk/ping');
    // Path segments keep ':' and '@' and escape the rest.
    await client.deviceStates.get('Local:100@default');
    await client.channels.get('a/b c');
    assert.equal(srv.requests[2].path, '/asterisk/ari/deviceStates/Local:100@default');
    assert.equal(srv.requests[3].path, '/asterisk/ari/channels/a%2Fb%20c');
  } finally {
    client.dispose();
    await srv.close();
  }
});

test('REST: binary mode resolves to the bytes (stored recording file)', async () => {
  const bytes = Buffer.from([0x52, 0x49, 0x46, 0x46, 0, 1, 2, 255]);
  const srv = await startHttpServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'audio/wav' });
    res.end(bytes);
  });
  const client = new AriRestClient({ url: srv.url, ...creds });
  try {
    const file = await client.recordings.getStoredFile('rec 1');
    assert.ok(Buffer.isBuffer(file));
    assert.deepEqual(file, bytes);
    assert.equal(srv.requests[0].path, '/ari/recordings/stored/rec%201/file');
  } finally {
    client.dispose();
    await srv.close();
  }
});

test('REST: timeout fires and says so', async () => {
  const srv = await startHttpServer(() => {
    /* never answers */
  });
  const client = new AriRestClient({ url: srv.url, ...creds, timeoutMs: 30 });
  try {
    await assert.rejects(client.asterisk.ping(), (e: unknown) => {
      assert.ok(e instanceof AriError);
      assert.equal(e.code, 'ETIMEDOUT');
      assert.match(e.message, /no answer .* within 30 ms/);
      assert.match(e.hint, /slow or unreachable/);
      return true;
    });
    await assert.rejects(client.request('GET', '/asterisk/ping', { timeoutMs: 20 }), /within 20 ms/);
  } finally {
    client.dispose();
    await srv.close();
  }
});

test('REST: connection refused names host and port and hints at http.conf', async () => {
  const srv = await startHttpServer(() => undefined);
  const url = srv.url;
  await srv.close();
  const client = new AriRestClient({ url, ...creds });
  try {
    await assert.rejects(client.asterisk.info(), (e: unknown) => {
      assert.ok(e instanceof AriError);
      assert.equal(e.code, 'ECONNREFUSED');
      assert.match(e.message, /connection refused by 127\.0\.0\.1:\d+/);
      assert.match(e.hint, /enabled = yes/);
      assert.ok(!e.message.includes('test_password'));
      return true;
    });
  } finally {
    client.dispose();
  }
});

interface Entry {
  kind: string;
  method?: string;
  path?: string;
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  query?: Record<string, unknown>;
}

test('REST: every error answer in transcripts 12, 13, 14, 16, 17, 20 maps to an AriError with the server message and a hint', async () => {
  const dir = fixtureDir('ari-transcripts');
  const cases: { method: string; path: string; status: number; contentType: string; body: unknown }[] = [];
  for (const f of ['12-http-errors.json', '13-ws-errors.json', '14-http-prefix.json', '16-dial.json', '17-device-states.json', '20-app-lifecycle.json']) {
    const entries = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Entry[];
    for (const e of entries) {
      if (e.kind === 'response' && (e.status ?? 0) >= 400 && e.method !== 'PATCH') {
        cases.push({ method: e.method!, path: e.path!, status: e.status!, contentType: e.headers?.['Content-Type'] ?? '', body: e.body });
      }
    }
  }
  const statuses = new Set(cases.map((c) => c.status));
  for (const s of [400, 401, 404, 405, 409, 422, 500]) assert.ok(statuses.has(s), `transcripts have a ${s}`);
  let i = 0;
  const srv = await startHttpServer((req, res) => {
    const c = cases[i];
    res.writeHead(c.status, { 'Content-Type': c.contentType });
    res.end(typeof c.body === 'string' ? c.body : JSON.stringify(c.body));
  });
  const client = new AriRestClient({ url: srv.url, ...creds });
  try {
    for (i = 0; i < cases.length; i++) {
      const c = cases[i];
      const err = await client.request(c.method as 'GET', c.path).then(
        () => assert.fail(`${c.method} ${c.path} should fail`),
        (e: unknown) => e,
      );
      assert.ok(err instanceof AriError);
      assert.equal(err.status, c.status);
      assert.equal(err.method, c.method);
      assert.equal(err.path, srv.requests[i].path);
      const expected =
        typeof c.body === 'string'
          ? /<p>(.*?)<\/p>/.exec(c.body)![1]
          : ((c.body as { message?: string; error?: string }).message ?? (c.body as { error?: string }).error);
      assert.equal(err.serverMessage, expected, `${c.method} ${c.path}`);
      assert.ok(err.message.includes(String(c.status)) && err.message.includes(expected!));
      assert.ok(err.hint.length > 10);
      if (c.status === 401) assert.match(err.hint, /username and password.*ari\.conf/);
      if (c.status === 404 && c.contentType.includes('html')) assert.match(err.hint, /prefix.*res_ari/);
      if (c.status === 409) assert.match(err.hint, /Stasis/);
      if (c.status === 500 && (c.body as { error?: string }).error) assert.equal(err.serverMessage, 'Allocation failed');
    }
    console.log(`# ${cases.length} error answers checked, statuses ${[...statuses].sort().join(', ')}`);
  } finally {
    client.dispose();
    await srv.close();
  }
});
