// Issue 17 item 9: a playback row names its channel, and the Channel filter finds it by name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventStore } from '../../../src/extension/webviews/eventStore';
import { EventView } from '../../../src/extension/webviews/eventView';
import { EMPTY_FILTER } from '../../../src/shared/protocol';
import { channelCreated } from './fixtures';

function playback(type: string, channelId: string, state: string): Record<string, unknown> {
  return {
    type,
    application: 'hello-world',
    timestamp: '2026-11-30T12:00:01.000+0000',
    playback: { id: 'pb-1', media_uri: 'sound:hello-world', target_uri: `channel:${channelId}`, state, language: 'en' },
  };
}

test('playback rows name the channel, not channel:<id>; a part of the name in the Channel filter finds them', () => {
  const s = new EventStore(10);
  s.push(channelCreated('1796326162.179'), 1);
  s.push(playback('PlaybackStarted', '1796326162.179', 'playing'), 2);
  s.push(playback('PlaybackFinished', '1796326162.179', 'done'), 3);
  s.push(playback('PlaybackStarted', '1796326162.999', 'playing'), 4);
  const v = new EventView(s);
  const rows = v.rows(0, 4);
  assert.equal(rows[1].summary, 'playing sound:hello-world on Local/1776@from-test-1796326162.179;1');
  assert.equal(rows[3].summary, 'playing sound:hello-world on channel:1796326162.999', 'an unknown channel keeps its URI');
  v.setFilter({ ...EMPTY_FILTER, channel: 'from-test-1796326162.179' });
  assert.equal(v.total, 3, 'the ChannelCreated and both playback events of that channel');
});
