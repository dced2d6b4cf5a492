// The status-bar line of a playback: names the target (not the playback's UUID), and stops
// saying "playing" when the playback's PlaybackFinished arrives, or when its channel is gone.
import '../fakes/registerVscode';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fake } from '../fakes/vscode';
import type { AriEvent } from '../../../src/extension/ari/events.generated';
import type { CommandSession, EventRecordView } from '../../../src/extension/commands/session';
import { playbackOutcome, showPlaybackStatus } from '../../../src/extension/commands/playbackStatus';

const NAME = 'Local/1776@from-test-00000001;2';

function playbackEvent(type: 'PlaybackStarted' | 'PlaybackFinished', id: string, state: string): AriEvent {
  return {
    type,
    application: 'hello-world',
    timestamp: '2026-12-05T02:00:00.000+0000',
    playback: { id, media_uri: 'sound:hello-world', target_uri: 'channel:1', language: 'en', state },
  } as unknown as AriEvent;
}

function fakeSession() {
  const listeners = new Set<(r: readonly EventRecordView[]) => void>();
  const session = {
    onEvents: (l: (r: readonly EventRecordView[]) => void) => {
      listeners.add(l);
      return { dispose: () => listeners.delete(l) };
    },
  } as unknown as CommandSession;
  const emit = (...events: AriEvent[]): void => {
    for (const l of [...listeners]) l(events.map((event) => ({ event })));
  };
  return { session, emit, listeners };
}

test('the line names the channel, not the playback id, and turns to "finished" on PlaybackFinished', () => {
  fake.reset();
  const { session, emit, listeners } = fakeSession();
  showPlaybackStatus(session, 'c0ffee00-1111-2222-3333-444455556666', ['sound:hello-world'], NAME, () => true);
  assert.deepEqual(fake.statusBarShowing, [`$(play) ARI: playing sound:hello-world on ${NAME}`]);
  assert.ok(!fake.statusBarShowing[0].includes('c0ffee00'), 'no UUID in the status bar');

  emit(playbackEvent('PlaybackStarted', 'c0ffee00-1111-2222-3333-444455556666', 'playing'));
  emit(playbackEvent('PlaybackFinished', 'another-playback', 'done'));
  assert.match(fake.statusBarShowing[0], /playing/, 'other playbacks do not end it');

  emit(playbackEvent('PlaybackFinished', 'c0ffee00-1111-2222-3333-444455556666', 'done'));
  assert.deepEqual(fake.statusBarShowing, [`ARI: finished playing sound:hello-world on ${NAME}`]);
  assert.equal(listeners.size, 0, 'stops listening once finished');
});

test('a hung-up channel ends the line even without PlaybackFinished', () => {
  fake.reset();
  const { session, emit } = fakeSession();
  let there = true;
  showPlaybackStatus(session, 'pb-2', ['sound:demo-congrats'], NAME, () => there);
  emit({ type: 'ChannelVarset' } as unknown as AriEvent);
  assert.match(fake.statusBarShowing[0], /playing/);
  there = false;
  emit({ type: 'ChannelDestroyed' } as unknown as AriEvent);
  assert.deepEqual(fake.statusBarShowing, [`ARI: playback of sound:demo-congrats on ${NAME} ended with its target`]);
});

test('a failed playback says so', () => {
  assert.equal(playbackOutcome(playbackEvent('PlaybackFinished', 'p', 'failed'), 'p'), 'failed');
  assert.equal(playbackOutcome(playbackEvent('PlaybackStarted', 'p', 'failed'), 'p'), 'failed');
  assert.equal(playbackOutcome(playbackEvent('PlaybackStarted', 'p', 'playing'), 'p'), undefined);
  assert.equal(playbackOutcome(playbackEvent('PlaybackFinished', 'p', 'done'), 'q'), undefined);
});
