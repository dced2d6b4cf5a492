// "Show Call Flow" on an expanded event row: the button, the message and the controller passing
// the panel's store (live or an opened log) to the host.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window, type Document, type HTMLElement } from 'happy-dom';
import { EventStore } from '../../../src/extension/webviews/eventStore';
import { EventViewController, type EventViewHost } from '../../../src/extension/webviews/eventViewController';
import { Emitter } from '../../../src/extension/util/emitter';
import { MemoryLogger } from '../../../src/extension/util/logger';
import { isWebviewToExtension, type DetailMessage } from '../../../src/shared/protocol';

test('the message is valid only with an event id', () => {
  assert.equal(isWebviewToExtension({ kind: 'showCallFlow', id: 3 }), true);
  assert.equal(isWebviewToExtension({ kind: 'showCallFlow', id: -1 }), false);
  assert.equal(isWebviewToExtension({ kind: 'showCallFlow' }), false);
});

test('the controller hands the event and its store to the host', async () => {
  const store = new EventStore(10);
  const n = store.push({ type: 'ChannelCreated', channel: { id: 'a', name: 'PJSIP/a-1', state: 'Down', dialplan: {} } }, 0);
  const asked: [EventStore, number, string][] = [];
  const host: EventViewHost = {
    liveStore: store,
    log: new MemoryLogger(),
    liveSource: () => ({ kind: 'live', label: 'live: pbx' }),
    eventTypes: () => [],
    exportEvents: async () => undefined,
    openLog: async () => undefined,
    liveStoreChanged: () => undefined,
    showCallFlow: async (s, id, label) => {
      asked.push([s, id, label]);
    },
  };
  const incoming = new Emitter<unknown>();
  const controller = new EventViewController({ postMessage: () => true, onDidReceiveMessage: (l) => incoming.event(l) }, host);
  await controller.handle({ kind: 'showCallFlow', id: n });
  assert.deepEqual(asked, [[store, n, 'live: pbx']]);
  controller.dispose();
});

test('an expanded event about a channel offers Show Call Flow; the list reports the click', async () => {
  const rows = (await import(pathToFileURL(resolve(__dirname, '../../../src/webview/rowElements.ts')).href)) as {
    makeDetail(doc: Document, id: number, detail: DetailMessage | undefined): HTMLElement;
  };
  const document = new Window().document;
  const withChannel = rows.makeDetail(document, 7, { kind: 'detail', id: 7, json: '{"type":"ChannelCreated"}', channelIds: ['a'], bridgeIds: [] });
  const button = withChannel.querySelector('.show-call-flow') as HTMLElement;
  assert.equal(button.textContent, 'Show Call Flow');
  assert.equal(button.dataset.callFlow, '7');
  const none = rows.makeDetail(document, 8, { kind: 'detail', id: 8, json: '{"type":"DeviceStateChanged"}', channelIds: [], bridgeIds: [] });
  assert.equal(none.querySelector('.show-call-flow'), null);
});
