// The panel's rows for the newest events of a session batch are described from the event the
// session already parsed: from socket frame to posted row, the frame is parsed once.
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { AriEventSocket } from '../../../src/extension/ari/events';
import { RECENT_PARSED } from '../../../src/extension/connection/eventBatch';
import { AriSession } from '../../../src/extension/connection/session';
import { EventStore } from '../../../src/extension/webviews/eventStore';
import { LiveFeed } from '../../../src/extension/webviews/liveFeed';
import { channel, ev } from '../state/fixtures';
import { FakeRest } from './fakes';

test('the newest events of a batch reach the store parsed: describing their rows parses nothing', async () => {
  const connection = { url: 'http://127.0.0.1:1', username: 'u', password: 'p' };
  const socket = new AriEventSocket({ ...connection, apps: ['app'] });
  const session = new AriSession({ connection, apps: ['app'], subscribeAll: true, batchMs: 5 }, { socket, rest: new FakeRest().asRest() });
  const store = new EventStore(1000);
  const feed = new LiveFeed({ active: session, onDidChangeActive: () => ({ dispose: () => undefined }) }, store, () => undefined);
  const flushed = new Promise<void>((resolve) => session.onEvents(() => resolve()));
  const total = RECENT_PARSED + 20;
  // Pretty-printed like Asterisk's frames, each inside a larger socket read.
  for (let i = 0; i < total; i++) socket.ingestFrame(Buffer.from(JSON.stringify(ev.created(channel(`c${i}`, { name: `PJSIP/alice-${i}` })), null, 2)));
  await flushed;
  assert.equal(store.size, total);

  const parse = mock.method(JSON, 'parse');
  try {
    for (let n = total - RECENT_PARSED; n < total; n++) assert.deepEqual(store.get(n)?.channelNames, [`PJSIP/alice-${n}`]);
    assert.equal(parse.mock.callCount(), 0, 'the newest rows: no second parse');
    assert.deepEqual(store.get(0)?.channelNames, ['PJSIP/alice-0']);
    assert.equal(parse.mock.callCount(), 1, 'an older row parses its frame');
  } finally {
    parse.mock.restore();
    feed.dispose();
    session.dispose();
  }
});
