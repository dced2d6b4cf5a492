import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explorerMessage, renderStatus, statusActions } from '../../../src/extension/views/statusModel';

test('each connection phase renders its text, icon and colour', () => {
  assert.equal(renderStatus({ kind: 'noProfile' }, 0).text, '$(plug) ARI');
  const d = renderStatus({ kind: 'disconnected', profileName: 'lab' }, 0);
  assert.equal(d.icon, 'debug-disconnect');
  assert.match(d.tooltip, /disconnected.*lab/);
  assert.equal(renderStatus({ kind: 'connecting', profileName: 'lab', attempt: 1 }, 0).text, '$(sync~spin) ARI: lab');
  const c = renderStatus({ kind: 'connected', profileName: 'lab', version: '22.10.1' }, 0);
  assert.equal(c.text, '$(pass-filled) ARI: lab (22.10.1)');
  assert.equal(c.color, 'charts.green');
  assert.match(c.tooltip, /Asterisk 22\\\.10\\\.1/);
  const e = renderStatus({ kind: 'error', profileName: 'lab', error: '401 Unauthorized', hint: 'Check the password' }, 0);
  assert.equal(e.background, 'statusBarItem.errorBackground');
  assert.match(e.tooltip, /Check the password/);
});

test('reconnecting counts down from retryAt and asks to be re-rendered', () => {
  const phase = { kind: 'reconnecting', profileName: 'lab', attempt: 2, retryAt: 10_000 } as const;
  const a = renderStatus(phase, 5_000);
  assert.equal(a.text, '$(sync) ARI: lab reconnecting in 5 s');
  assert.equal(a.ticking, true);
  assert.equal(a.background, 'statusBarItem.warningBackground');
  assert.equal(renderStatus(phase, 9_001).text, '$(sync) ARI: lab reconnecting in 1 s');
  assert.equal(renderStatus(phase, 12_000).text, '$(sync) ARI: lab reconnecting in 0 s');
});

test('the click menu offers what fits the state', () => {
  const ids = (k: Parameters<typeof statusActions>[0]) => statusActions(k).map((a) => a.id);
  assert.deepEqual(ids({ kind: 'noProfile' }), ['add', 'events', 'log']);
  assert.deepEqual(ids({ kind: 'disconnected', profileName: 'x' }), ['switch', 'connect', 'events', 'log']);
  assert.deepEqual(ids({ kind: 'connected', profileName: 'x' }), ['switch', 'reconnect', 'disconnect', 'events', 'log']);
  assert.deepEqual(ids({ kind: 'error', profileName: 'x', error: '401' }), ['switch', 'password', 'reconnect', 'disconnect', 'events', 'log']);
  assert.ok(statusActions({ kind: 'connected', profileName: 'x' }).some((a) => a.command === 'ariExplorer.events.show'));
});

test('while reconnecting the explorer says its tree is the state before the drop', () => {
  assert.match(
    explorerMessage({ kind: 'reconnecting', profileName: 'lab', attempt: 2, retryAt: 10_000 })!,
    /^Connection to lab lost: the tree shows the state before the drop/,
  );
  assert.equal(explorerMessage({ kind: 'connected', profileName: 'lab' }), undefined);
  assert.equal(explorerMessage({ kind: 'connecting', profileName: 'lab', attempt: 1 }), undefined);
  assert.equal(explorerMessage({ kind: 'disconnected' }), undefined);
  // A message would hide the welcome view's Connect / Add Connection buttons.
  assert.equal(explorerMessage({ kind: 'error', profileName: 'lab', error: '401 Unauthorized', hint: 'Check the password.' }), undefined);
});
