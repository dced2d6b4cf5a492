import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AriError, errorFromNetwork, errorFromResponse, extractServerMessage } from '../../../src/extension/ari/errors';
import { backoffDelay } from '../../../src/extension/ari/backoff';
import { EventDeduper, stripApplication } from '../../../src/extension/ari/dedupe';
import { buildQuery } from '../../../src/extension/ari/query';

test('extractServerMessage: {message}, {error}, HTML page, plain text', () => {
  assert.equal(extractServerMessage('{"message":"Channel not found"}', 'application/json'), 'Channel not found');
  assert.equal(extractServerMessage('{"error":"Allocation failed"}', 'application/json'), 'Allocation failed');
  assert.equal(
    extractServerMessage('<html><title>404 Not Found</title><p>The requested URL was not found on this server.</p></html>', 'text/html'),
    'The requested URL was not found on this server.',
  );
  assert.equal(extractServerMessage('<html><title>503 Busy</title></html>', undefined), '503 Busy');
  assert.equal(extractServerMessage('', 'text/plain'), undefined);
  assert.equal(extractServerMessage('x'.repeat(1000), 'text/plain')!.length, 301);
});

test('errorFromResponse: message says what happened, hint what to do; credentials are redacted', () => {
  const e = errorFromResponse('GET', '/ari/asterisk/info', 401, '{"message":"Authentication required"}', 'application/json');
  assert.ok(e instanceof AriError && e instanceof Error);
  assert.equal(e.message, 'GET /ari/asterisk/info failed: 401 Authentication required');
  assert.equal(e.status, 401);
  const leaky = errorFromResponse('GET', '/ari/x', 500, 'boom api_key=test:secret Authorization: Basic dGVzdDpzZWNyZXQ=', 'text/plain');
  assert.ok(!leaky.message.includes('secret') && !leaky.message.includes('dGVzdDpzZWNyZXQ='));
  assert.ok(!leaky.serverMessage!.includes('secret'));
});

test('errorFromNetwork: refused, not found, reset, timeout, each TLS problem', () => {
  const url = new URL('https://pbx.example:8089/ari/asterisk/info');
  const mk = (code: string, message = `x ${code}`) => errorFromNetwork('GET', '/ari/asterisk/info', url, Object.assign(new Error(message), { code }));
  assert.match(mk('ECONNREFUSED').message, /refused by pbx\.example:8089/);
  assert.match(mk('ENOTFOUND').message, /host pbx\.example not found/);
  assert.match(mk('ECONNRESET').hint, /https/);
  assert.equal(errorFromNetwork('GET', '/p', url, new Error('aborted'), 1234).code, 'ETIMEDOUT');
  const tls: [string, RegExp][] = [
    ['DEPTH_ZERO_SELF_SIGNED_CERT', /self-signed/],
    ['SELF_SIGNED_CERT_IN_CHAIN', /self-signed CA/],
    ['CERT_HAS_EXPIRED', /expired/],
    ['ERR_TLS_CERT_ALTNAME_INVALID', /another host name/],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', /unknown CA/],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', /unknown CA/],
    ['ERR_SSL_WRONG_VERSION_NUMBER', /did not answer with TLS/],
  ];
  for (const [code, re] of tls) {
    const e = mk(code);
    assert.equal(e.code, 'TLS', code);
    assert.match(e.message, re, code);
    assert.ok(e.hint.length > 20);
  }
  // node-fetch wraps the system error: the code is found on the cause too.
  const wrapped = errorFromNetwork('GET', '/p', url, { message: 'request failed', cause: { code: 'CERT_HAS_EXPIRED' } });
  assert.match(wrapped.message, /expired/);
});

test('backoff: exponential, capped, jittered, never ~0', () => {
  const o = { initialMs: 100, maxMs: 1000 };
  assert.deepEqual(
    [1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, o, () => 0)),
    [50, 100, 200, 400, 500, 500],
  );
  assert.deepEqual(
    [1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, o, () => 0.999999)),
    [100, 200, 400, 800, 1000, 1000],
  );
  assert.equal(
    backoffDelay(1000, o, () => 0.5),
    750,
  );
});

test('stripApplication: removes only the application value, compact or pretty', () => {
  assert.equal(stripApplication('{"type":"X","application":"a1","n":1}'), '{"type":"X","application":,"n":1}');
  assert.equal(stripApplication('{\n  "application" : "a2",\n  "n": 1\n}'), '{\n  "application" : ,\n  "n": 1\n}');
  assert.equal(stripApplication('{"type":"X"}'), undefined);
  assert.equal(stripApplication('{"application":null,"x":"y"}'), undefined);
});

test('EventDeduper: window eviction keeps memory bounded', () => {
  const d = new EventDeduper(['a', 'b'], 4);
  for (let i = 0; i < 100; i++) assert.equal(d.isDuplicate(`{"n":${i},"application":"a"}`), false);
  assert.equal(d.isDuplicate('{"n":99,"application":"b"}'), true);
  assert.equal(d.isDuplicate('{"n":0,"application":"b"}'), false, 'evicted long ago');
  assert.equal(d.isDuplicate('{"n":0,"application":"c"}'), false, 'unknown app passes');
});

test('buildQuery: arrays comma-joined, booleans true/false, undefined left out', () => {
  assert.equal(buildQuery({ channel: ['A', 'B'], mute: false, beep: true, n: 3, x: undefined, e: [] }), '?channel=A,B&mute=false&beep=true&n=3');
  assert.equal(buildQuery({ media: 'sound:a b', endpoint: 'Local/100@default', v: 'a&b=c' }), '?media=sound:a%20b&endpoint=Local/100@default&v=a%26b%3Dc');
  assert.equal(buildQuery(undefined), '');
});
