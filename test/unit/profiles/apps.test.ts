import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appsInUse, appsToRegister, applicationReplacedMessage, observerAppName } from '../../../src/extension/connection/apps';

test('the observer app name is unique and recognisable', () => {
  const a = observerAppName();
  assert.match(a, /^ari-explorer-[0-9a-f]{8}$/);
  assert.notEqual(a, observerAppName());
});

test('apps in use are found; skipped ones are not registered; the observer always is', () => {
  assert.deepEqual(appsInUse(['hello-world', 'mine'], [{ name: 'hello-world' }, { name: 'other' }]), ['hello-world']);
  assert.deepEqual(appsToRegister('ari-explorer-1', []), ['ari-explorer-1']);
  assert.deepEqual(appsToRegister('ari-explorer-1', ['hello-world', 'mine'], ['hello-world']), ['ari-explorer-1', 'mine']);
});

test('ApplicationReplaced says what happened', () => {
  assert.match(
    applicationReplacedMessage('hello-world', 'lab', 'ari-explorer-1'),
    /Another connection to lab registered the Stasis app "hello-world".*no longer/,
  );
  assert.match(applicationReplacedMessage('ari-explorer-1', 'lab', 'ari-explorer-1'), /observer app/);
});
