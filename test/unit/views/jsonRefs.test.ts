import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isStale, jsonPath, parseJsonPath } from '../../../src/extension/views/tree/jsonRefs';

test('document paths round-trip ids with / and :', () => {
  for (const ref of [
    { kind: 'endpoint', id: 'PJSIP/alice' },
    { kind: 'channel', id: '1764500000.12' },
    { kind: 'deviceState', id: 'Stasis:demo' },
  ]) {
    assert.deepEqual(parseJsonPath(jsonPath(ref)), ref);
  }
  assert.equal(parseJsonPath('/nope'), undefined);
});

test('a document is stale when its id changed or its kind changed structure', () => {
  const ref = { kind: 'channel', id: '1' };
  assert.equal(isStale(ref, { structural: false, changed: { channel: new Set(['1']) } }), true);
  assert.equal(isStale(ref, { structural: false, changed: { channel: new Set(['2']) } }), false);
  assert.equal(isStale(ref, { structural: true, structuralKinds: new Set(['bridge']), changed: {} }), false);
  assert.equal(isStale(ref, { structural: true, structuralKinds: new Set(['channel']), changed: {} }), true);
  assert.equal(isStale({ kind: 'storedRecording', id: 'x' }, { structural: true, changed: {} }), true);
  assert.equal(isStale({ kind: 'server', id: 'server' }, { structural: true, changed: {} }), false);
});
