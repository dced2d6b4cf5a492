// /ari/api-docs is generated from the route table; a generic invoker can use it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSimulator, type Simulator } from '../../../tools/ari-sim/index';
import { call, obj, type JsonMap } from './helpers';

let sim: Simulator;
before(async () => {
  sim = await startSimulator({ port: 0, timeScale: 0.05 });
});
after(async () => {
  await sim.close();
});

test('resources.json lists every resource document, each in the Swagger shape Asterisk serves', async () => {
  const res = obj((await call(sim.url, 'GET', '/api-docs/resources.json')).body);
  assert.equal(res.swaggerVersion, '1.1');
  const apis = res.apis as JsonMap[];
  const names = apis.map((a) => String(a.path).replace('/api-docs/', '').replace('.{format}', ''));
  assert.deepEqual(names.sort(), [
    'applications',
    'asterisk',
    'bridges',
    'channels',
    'deviceStates',
    'endpoints',
    'events',
    'mailboxes',
    'playbacks',
    'recordings',
    'sounds',
  ]);
  for (const name of names) {
    const doc = obj((await call(sim.url, 'GET', `/api-docs/${name}.json`)).body);
    assert.equal(doc.resourcePath, `/api-docs/${name}.{format}`);
    assert.ok((doc.apis as JsonMap[]).length > 0);
    for (const api of doc.apis as JsonMap[]) {
      for (const op of api.operations as JsonMap[]) {
        assert.match(String(op.httpMethod), /^(GET|POST|PUT|DELETE)$/);
        assert.equal(typeof op.nickname, 'string');
        assert.equal(typeof op.summary, 'string');
        assert.ok(Array.isArray(op.parameters));
      }
    }
  }
  assert.equal((await call(sim.url, 'GET', '/api-docs/nope.json')).status, 404);
});

test('a generic invoker built from api-docs can call an operation with path and query params', async () => {
  const doc = obj((await call(sim.url, 'GET', '/api-docs/asterisk.json')).body);
  const api = (doc.apis as JsonMap[]).find((a) => a.path === '/asterisk/info');
  assert.ok(api);
  const op = (api.operations as JsonMap[]).find((o) => o.nickname === 'getInfo');
  assert.ok(op);
  const only = (op.parameters as JsonMap[]).find((p) => p.name === 'only');
  assert.deepEqual(obj(only?.allowableValues).values, ['build', 'system', 'config', 'status']);
  const r = await call(sim.url, String(op.httpMethod), String(api.path), { query: { only: 'system' } });
  assert.deepEqual(Object.keys(obj(r.body)), ['system']);
  const chans = obj((await call(sim.url, 'GET', '/api-docs/channels.json')).body);
  const originate = (chans.apis as JsonMap[]).flatMap((a) => a.operations as JsonMap[]).find((o) => o.nickname === 'originate');
  const endpoint = (originate?.parameters as JsonMap[]).find((p) => p.name === 'endpoint');
  assert.equal(endpoint?.required, true);
  assert.equal(endpoint?.paramType, 'query');
});
