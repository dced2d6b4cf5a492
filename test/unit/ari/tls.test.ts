// TLS against a local https server with certificates made by the openssl CLI at test time:
// self-signed -> a TLS error that says so; trusted by caFile / ca text / insecure -> works;
// host name mismatch -> named; the event socket uses the same agent and fails the same way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { AriRestClient } from '../../../src/extension/ari/rest';
import { AriEventSocket } from '../../../src/extension/ari/events';
import { AriError } from '../../../src/extension/ari/errors';
import { createAgent } from '../../../src/extension/ari/agent';
import { next } from './helpers';

const creds = { username: 'test', password: 'test_password' };

function makeCert(dir: string, name: string, san: string): { key: string; cert: string; certFile: string } | undefined {
  const keyFile = path.join(dir, `${name}.key`);
  const certFile = path.join(dir, `${name}.pem`);
  const r = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '2',
      '-subj',
      '/CN=ari-test',
      '-addext',
      `subjectAltName=${san}`,
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) return undefined;
  return { key: fs.readFileSync(keyFile, 'utf8'), cert: fs.readFileSync(certFile, 'utf8'), certFile };
}

async function httpsServer(key: string, cert: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = https.createServer({ key, cert }, (req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{"ping":"pong"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

test('TLS: self-signed, trusted CA (file and text), insecure, host name mismatch, event socket', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ari-tls-'));
  try {
    const good = makeCert(dir, 'good', 'IP:127.0.0.1,DNS:localhost');
    const other = makeCert(dir, 'other', 'DNS:other.example');
    if (!good || !other) {
      console.log('# skipped: the openssl CLI could not make test certificates');
      return t.skip('no openssl');
    }
    const srv = await httpsServer(good.key, good.cert);
    const srv2 = await httpsServer(other.key, other.cert);
    const clients: AriRestClient[] = [];
    const mk = (url: string, tls?: { caFile?: string; ca?: string; insecure?: boolean }): AriRestClient => {
      const c = new AriRestClient({ url, ...creds, tls });
      clients.push(c);
      return c;
    };
    try {
      await assert.rejects(mk(srv.url).asterisk.ping(), (e: unknown) => {
        assert.ok(e instanceof AriError);
        assert.equal(e.code, 'TLS');
        assert.match(e.message, /self-signed/);
        assert.match(e.hint, /CA file/);
        return true;
      });
      assert.deepEqual(await mk(srv.url, { caFile: good.certFile }).asterisk.ping(), { ping: 'pong' });
      assert.deepEqual(await mk(srv.url, { ca: good.cert }).asterisk.ping(), { ping: 'pong' });
      assert.deepEqual(await mk(srv.url, { insecure: true }).asterisk.ping(), { ping: 'pong' });
      await assert.rejects(mk(srv2.url, { ca: other.cert }).asterisk.ping(), (e: unknown) => {
        assert.ok(e instanceof AriError);
        assert.equal(e.code, 'TLS');
        assert.match(e.message, /another host name/);
        return true;
      });
      // http:// against a TLS port: the server drops the plain request.
      await assert.rejects(mk(srv.url.replace('https', 'http')).asterisk.ping(), (e: unknown) => {
        assert.ok(e instanceof AriError);
        assert.match(e.hint, /https/);
        return true;
      });
      assert.throws(() => createAgent(srv.url, { caFile: path.join(dir, 'missing.pem') }), /Cannot read the CA file/);

      const sock = new AriEventSocket({ url: srv.url, ...creds, apps: ['a'] }, { agent: clients[0].agent });
      try {
        const s = next(sock.onState, (x) => x.kind === 'failed' || x.kind === 'reconnecting');
        sock.connect();
        const st = await s;
        assert.equal(st.kind, 'failed');
        if (st.kind === 'failed') assert.equal(st.error.code, 'TLS');
      } finally {
        sock.dispose();
      }
    } finally {
      for (const c of clients) c.dispose();
      await srv.close();
      await srv2.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
