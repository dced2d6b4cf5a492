import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EMPTY_FILTER, isExtensionToWebview, isWebviewToExtension } from '../../../src/shared/protocol';
import { eventFamily } from '../../../src/shared/eventFamily';

test('accepts every well-formed webview message', () => {
  for (const m of [
    { kind: 'ready' },
    { kind: 'ready', filter: EMPTY_FILTER },
    { kind: 'setFilter', filter: { ...EMPTY_FILTER, types: ['StasisStart'], text: 'x' } },
    { kind: 'requestRows', requestId: 1, epoch: 2, from: 0, to: 50 },
    { kind: 'requestDetail', id: 7 },
    { kind: 'setPaused', paused: true },
    { kind: 'clear' },
    { kind: 'export' },
    { kind: 'openLog' },
    { kind: 'showLive' },
  ]) {
    assert.ok(isWebviewToExtension(m), JSON.stringify(m));
  }
});

test('rejects malformed or unknown webview messages', () => {
  for (const m of [
    null,
    undefined,
    'ready',
    42,
    [],
    {},
    { kind: 'nope' },
    { kind: 'ready', filter: { types: 'StasisStart' } },
    { kind: 'setFilter' },
    { kind: 'setFilter', filter: { ...EMPTY_FILTER, text: 5 } },
    { kind: 'setFilter', filter: { ...EMPTY_FILTER, types: [1, 2] } },
    { kind: 'setFilter', filter: { ...EMPTY_FILTER, text: 'x'.repeat(5000) } },
    { kind: 'requestRows', requestId: 1, epoch: 1, from: 10, to: 5 },
    { kind: 'requestRows', requestId: 1, epoch: 1, from: -1, to: 5 },
    { kind: 'requestRows', requestId: 1, epoch: 1, from: 0, to: 1e9 },
    { kind: 'requestRows', requestId: 1, epoch: 1, from: 0.5, to: 5 },
    { kind: 'requestRows', requestId: '1', epoch: 1, from: 0, to: 5 },
    { kind: 'requestDetail', id: 'x' },
    { kind: 'setPaused', paused: 'yes' },
  ]) {
    assert.equal(isWebviewToExtension(m), false, JSON.stringify(m));
  }
});

test('validates extension messages on the webview side too', () => {
  const counts = { epoch: 1, total: 2, base: 0, held: 0, typeCounts: { StasisStart: 2 }, serverCounts: {} };
  assert.ok(isExtensionToWebview({ kind: 'update', ...counts }));
  assert.ok(
    isExtensionToWebview({
      kind: 'state',
      ...counts,
      filter: EMPTY_FILTER,
      paused: false,
      source: { kind: 'live', label: 'live: pbx' },
      eventTypes: ['StasisStart'],
      bufferSize: 50000,
    }),
  );
  assert.ok(
    isExtensionToWebview({
      kind: 'rows',
      requestId: 1,
      epoch: 1,
      from: 0,
      rows: [{ id: 1, time: 5, type: 'Dial', family: 'channel', object: 'x', summary: '' }],
    }),
  );
  assert.ok(isExtensionToWebview({ kind: 'detail', id: 1, json: '{}', channelIds: [], bridgeIds: [] }));
  assert.equal(isExtensionToWebview({ kind: 'update', ...counts, total: -1 }), false);
  assert.equal(isExtensionToWebview({ kind: 'rows', requestId: 1, epoch: 1, from: 0, rows: [{ id: 1 }] }), false);
  assert.equal(isExtensionToWebview({ kind: 'notice', level: 'loud', text: 'x' }), false);
});

test('event families', () => {
  assert.equal(eventFamily('StasisStart'), 'stasis');
  assert.equal(eventFamily('ChannelVarset'), 'channel');
  assert.equal(eventFamily('Dial'), 'channel');
  assert.equal(eventFamily('BridgeCreated'), 'bridge');
  assert.equal(eventFamily('PlaybackFinished'), 'playback');
  assert.equal(eventFamily('RecordingStarted'), 'recording');
  assert.equal(eventFamily('ApplicationReplaced'), 'application');
  assert.equal(eventFamily('DeviceStateChanged'), 'device');
  assert.equal(eventFamily('EndpointStateChange'), 'endpoint');
  assert.equal(eventFamily('PeerStatusChange'), 'endpoint');
  assert.equal(eventFamily('Mystery'), 'other');
});
