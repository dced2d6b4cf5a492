import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filterFromArgument } from '../../../src/extension/webviews/showArgument';
import { EMPTY_FILTER } from '../../../src/shared/protocol';

test('show takes { channelId, bridgeId, app } or a tree node', () => {
  assert.equal(filterFromArgument(undefined), undefined);
  assert.equal(filterFromArgument({}), undefined);
  assert.equal(filterFromArgument('1.2'), undefined);
  assert.deepEqual(filterFromArgument({ channelId: '1.2' }), { ...EMPTY_FILTER, channel: '1.2' });
  assert.deepEqual(filterFromArgument({ bridgeId: 'b', app: 'hello' }), { ...EMPTY_FILTER, bridge: 'b', app: 'hello' });
  assert.deepEqual(filterFromArgument({ kind: 'channel', id: '1.3' }, 'channel'), { ...EMPTY_FILTER, channel: '1.3' });
  assert.deepEqual(filterFromArgument({ kind: 'bridge', id: 'b2' }, 'bridge'), { ...EMPTY_FILTER, bridge: 'b2' });
  assert.deepEqual(filterFromArgument({ kind: 'application', id: 'app1' }), { ...EMPTY_FILTER, app: 'app1' });
  assert.equal(filterFromArgument({ kind: 'bridge', id: 'b2' }, 'channel'), undefined);
  assert.equal(filterFromArgument({ channelId: 5 }), undefined);
});
