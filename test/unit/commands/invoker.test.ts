import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  groupByResource,
  isInvokable,
  operationsFromDeclaration,
  resourceFilesFromListing,
  resourceNameOf,
  type ApiOperation,
} from '../../../src/extension/commands/invoker/swagger';
import { bodyTemplate, buildRequest, promptOrder, requestUrl, validateParamValue } from '../../../src/extension/commands/invoker/request';
import { formatCurl, shellQuote } from '../../../src/extension/commands/invoker/curl';
import { apiDocsDir } from '../shared/fixtures';

const docsDir = apiDocsDir;

function loadOperations(): ApiOperation[] {
  const listing: unknown = JSON.parse(readFileSync(path.join(docsDir, 'resources.json'), 'utf8'));
  return resourceFilesFromListing(listing).flatMap((file) =>
    operationsFromDeclaration(resourceNameOf(file), JSON.parse(readFileSync(path.join(docsDir, file), 'utf8'))),
  );
}

function find(ops: ApiOperation[], resource: string, nickname: string): ApiOperation {
  const op = ops.find((o) => o.resource === resource && o.nickname === nickname);
  assert.ok(op, `${resource}.${nickname}`);
  return op;
}

test('operation list from the API description (test/fixtures/ari-api-docs)', () => {
  const ops = loadOperations();
  assert.equal(ops.length, 109);
  assert.equal(ops.filter(isInvokable).length, 108, 'only the /events WebSocket is not a REST call');
  const groups = groupByResource(ops);
  assert.deepEqual(
    groups.map((g) => g.resource),
    ['asterisk', 'endpoints', 'channels', 'bridges', 'recordings', 'sounds', 'playbacks', 'deviceStates', 'mailboxes', 'events', 'applications'],
  );
  assert.equal(groups.find((g) => g.resource === 'channels')?.operations.length, 35);
  const hangup = find(ops, 'channels', 'hangup');
  assert.equal(hangup.method, 'DELETE');
  assert.equal(hangup.path, '/channels/{channelId}');
  const reason = hangup.parameters.find((p) => p.name === 'reason');
  assert.equal(reason?.allowableValues?.valueType, 'LIST');
  // The misspelt "descriptioni" in endpoints.json still gives a description.
  const send = find(ops, 'endpoints', 'sendMessage');
  assert.ok(send.parameters.find((p) => p.name === 'variables')?.description.includes('variables'));
});

test('param mapping: path, query, body, arrays, allowableValues, types', () => {
  const ops = loadOperations();
  const originate = find(ops, 'channels', 'originate');
  const r = buildRequest(originate, {
    endpoint: 'Local/1776@from-test',
    app: 'hello-world',
    timeout: '30',
    callerId: '"Alice" <1001>',
    variables: '{"variables": {"CALLERID(name)": "Alice"}}',
    context: '',
  });
  assert.ok(r.ok);
  assert.deepEqual(r.request, {
    method: 'POST',
    path: '/channels',
    query: { endpoint: 'Local/1776@from-test', app: 'hello-world', timeout: '30', callerId: '"Alice" <1001>' },
    body: { variables: { 'CALLERID(name)': 'Alice' } },
  });

  const addChannel = find(ops, 'bridges', 'addChannel');
  const add = buildRequest(addChannel, { bridgeId: 'br/1', channel: 'a, b ,c' });
  assert.ok(add.ok);
  assert.equal(add.request.path, '/bridges/br%2F1/addChannel');
  assert.equal(add.request.query.channel, 'a,b,c');

  const missing = buildRequest(addChannel, { channel: 'a' });
  assert.equal(missing.ok, false);
  assert.ok(!missing.ok && missing.errors.some((e) => e.includes('bridgeId')));

  const hangup = find(ops, 'channels', 'hangup');
  assert.equal(buildRequest(hangup, { channelId: 'x', reason: 'busy' }).ok, true);
  const bad = buildRequest(hangup, { channelId: 'x', reason: 'bogus' });
  assert.ok(!bad.ok && /not one of normal, busy/.test(bad.errors[0]));

  const record = find(ops, 'channels', 'record');
  const maxDur = record.parameters.find((p) => p.name === 'maxDurationSeconds');
  assert.ok(maxDur);
  assert.match(validateParamValue(maxDur, '-1') ?? '', /at least 0/);
  assert.match(validateParamValue(maxDur, 'ten') ?? '', /not a whole number/);
  const beep = record.parameters.find((p) => p.name === 'beep');
  assert.ok(beep);
  assert.equal(validateParamValue(beep, 'TRUE'), undefined);
  assert.ok(validateParamValue(beep, 'yes'));
  const rec = buildRequest(record, { channelId: 'c1', name: 'r1', format: 'wav', beep: 'TRUE' });
  assert.ok(rec.ok && rec.request.query.beep === 'true');

  const update = find(ops, 'deviceStates', 'update');
  assert.equal(validateParamValue(update.parameters.find((p) => p.name === 'deviceState')!, 'inuse'), undefined);

  const setVars = find(ops, 'channels', 'setChannelVars');
  const body = setVars.parameters.find((p) => p.paramType === 'body')!;
  assert.equal(bodyTemplate(body), '{"variables": {}}');
  assert.match(validateParamValue(body, '{nope') ?? '', /not valid JSON/);

  // Required path/query parameters are asked first, optional ones after.
  assert.deepEqual(
    promptOrder(record)
      .map((p) => p.name)
      .slice(0, 3),
    ['channelId', 'name', 'format'],
  );
});

test('requestUrl encodes query values without "+", keeps : @ / , readable', () => {
  assert.equal(
    requestUrl('http://h:8088/ari/', { path: '/channels', query: { endpoint: 'Local/1 2@x', a: 'b&c=d', channel: 'a,b', callerId: '"A" <1>' } }),
    'http://h:8088/ari/channels?endpoint=Local/1%202@x&a=b%26c%3Dd&channel=a,b&callerId=%22A%22%20%3C1%3E',
  );
});

test('curl: no password by default, $ARI_PASSWORD on request, password only when asked', () => {
  const req = {
    method: 'POST' as const,
    path: '/channels',
    query: { endpoint: 'Local/1776@from-test', api_key: 'test:test_password' },
    body: { variables: { NAME: "O'Brien" } },
  };
  const prompt = formatCurl('http://test:test_password@127.0.0.1:8088/ari', req, { kind: 'prompt', username: 'test' });
  assert.ok(!prompt.includes('test_password'), prompt);
  assert.ok(!prompt.includes('api_key'), prompt);
  assert.match(prompt, / -u test /);
  assert.match(prompt, / -X POST /);
  assert.ok(prompt.includes(`--data-raw '{"variables":{"NAME":"O'\\''Brien"}}'`), prompt);
  assert.ok(prompt.endsWith(` 'http://127.0.0.1:8088/ari/channels?endpoint=Local/1776@from-test'`), prompt);

  const env = formatCurl('http://127.0.0.1:8088/ari', { method: 'GET', path: '/channels', query: {} }, { kind: 'env', username: 'te"st' });
  assert.equal(env, `curl -sS -u "te\\"st:$ARI_PASSWORD" http://127.0.0.1:8088/ari/channels`);

  const withPw = formatCurl(
    'https://h/ari',
    { method: 'DELETE', path: '/channels/1', query: {} },
    { kind: 'password', username: 'test', password: "pa ss'" },
    { insecure: true },
  );
  assert.equal(withPw, `curl -sS -k -X DELETE -u 'test:pa ss'\\''' https://h/ari/channels/1`);
});

test('shellQuote leaves plain words alone and quotes the rest', () => {
  assert.equal(shellQuote('abc'), 'abc');
  assert.equal(shellQuote(''), "''");
  assert.equal(shellQuote('a b'), "'a b'");
  assert.equal(shellQuote('$HOME'), "'$HOME'");
  assert.equal(shellQuote("it's"), "'it'\\''s'");
});
