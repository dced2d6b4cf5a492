import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AriEvent } from '../../../src/extension/ari/events.generated';
import { AriStateModel } from '../../../src/extension/state/model';
import { bridge, channel, ev, inStasis, playback } from './fixtures';
import { emptySnapshot } from './replay';

function fresh(): AriStateModel {
  const m = new AriStateModel();
  m.reset(emptySnapshot());
  m.takeChanges();
  return m;
}

describe('takeChanges', () => {
  test('one changed channel reports exactly that id, not structural', () => {
    const m = fresh();
    m.apply(ev.created(channel('a')));
    m.apply(ev.created(channel('b')));
    m.takeChanges();
    m.apply(ev.state(channel('a', { state: 'Ringing' })));
    const c = m.takeChanges();
    assert.equal(c.structural, false);
    assert.deepEqual(Object.keys(c.changed), ['channel']);
    assert.deepEqual([...c.changed.channel!], ['a']);
    assert.equal(m.channels.get('a')?.state, 'Ringing');
  });

  test('adding and removing are structural, and the ids are reported', () => {
    const m = fresh();
    m.apply(ev.created(channel('a')));
    let c = m.takeChanges();
    assert.equal(c.structural, true);
    assert.deepEqual([...c.structuralKinds!], ['channel']);
    assert.deepEqual([...c.changed.channel!], ['a']);
    m.apply(ev.destroyed(channel('a')));
    c = m.takeChanges();
    assert.equal(c.structural, true);
    assert.deepEqual([...c.changed.channel!], ['a']);
    assert.equal(m.channels.size, 0);
  });

  test('clears after each call; nothing pending reports nothing', () => {
    const m = fresh();
    m.apply(ev.created(channel('a')));
    assert.equal(m.hasChanges, true);
    m.takeChanges();
    assert.equal(m.hasChanges, false);
    const c = m.takeChanges();
    assert.equal(c.structural, false);
    assert.deepEqual(c.changed, {});
  });

  test('entering a bridge is structural for the channel and reports the bridge', () => {
    const m = fresh();
    m.apply(ev.stasisStart(inStasis('a')));
    m.takeChanges();
    m.apply(ev.entered(bridge('B', ['a']), inStasis('a')));
    const c = m.takeChanges();
    assert.equal(c.structural, true);
    assert.deepEqual([...c.changed.channel!], ['a']);
    assert.deepEqual([...c.changed.bridge!], ['B']);
  });

  test('reset reports every kind structural', () => {
    const m = fresh();
    m.reset(emptySnapshot());
    const c = m.takeChanges();
    assert.equal(c.structural, true);
    assert.equal(c.structuralKinds!.size, 7);
  });
});

describe('reset', () => {
  test('replaces ids: nothing old survives (after a restart ids start again)', () => {
    const m = fresh();
    m.apply(ev.stasisStart(inStasis('1796078122.51')));
    m.apply(ev.bridgeCreated(bridge('B')));
    m.reset({ ...emptySnapshot(), channels: [inStasis('1796078125.0')] });
    assert.deepEqual([...m.channels.keys()], ['1796078125.0']);
    assert.equal(m.bridges.size, 0);
    assert.equal(m.channels.get('1796078125.0')?.app, 'hello-world');
  });

  test('derives app and args from the dialplan, bridge from the bridge list', () => {
    const m = new AriStateModel();
    m.reset({
      ...emptySnapshot(),
      channels: [inStasis('a', 'hello-world', 'x,y'), channel('b')],
      bridges: [bridge('B', ['a'])],
    });
    const a = m.channels.get('a')!;
    assert.equal(a.app, 'hello-world');
    assert.deepEqual(a.appArgs, ['x', 'y']);
    assert.equal(a.bridgeId, 'B');
    assert.equal(m.channels.get('b')!.app, undefined);
    assert.deepEqual(
      m.channelsInApp('hello-world').map((c) => c.id),
      ['a'],
    );
  });

  test('keeps only ARI-controlled device states', () => {
    const m = new AriStateModel();
    m.reset({
      ...emptySnapshot(),
      deviceStates: [
        { name: 'Stasis:demo', state: 'INUSE' },
        { name: 'PJSIP/alice', state: 'NOT_INUSE' },
      ],
    });
    assert.deepEqual([...m.deviceStates.keys()], ['Stasis:demo']);
  });

  test('keeps a playback whose channel is still in Stasis, unless the snapshot lists playbacks', () => {
    const m = fresh();
    m.apply(ev.stasisStart(inStasis('a')));
    m.trackPlayback(playback('p', 'channel:a'));
    m.reset({ ...emptySnapshot(), channels: [inStasis('a')] });
    assert.ok(m.playbacks.has('p'));
    m.reset({ ...emptySnapshot(), channels: [channel('a')] });
    assert.equal(m.playbacks.size, 0, 'channel no longer in Stasis');
    m.reset({ ...emptySnapshot(), channels: [inStasis('a')], playbacks: [playback('q', 'channel:a', 'playing')] });
    assert.deepEqual([...m.playbacks.keys()], ['q']);
  });
});

describe('playbacks', () => {
  test('trackPlayback adds a queued playback; events win over it', () => {
    const m = fresh();
    m.apply(ev.stasisStart(inStasis('a')));
    const p = playback('p', 'channel:a');
    m.apply(ev.playbackStarted(p));
    m.trackPlayback(p); // the 201 arrived after PlaybackStarted
    assert.equal(m.playbacks.get('p')?.state, 'playing');
    m.apply(ev.playbackFinished(p));
    assert.equal(m.playbacks.size, 0);
    m.trackPlayback(p); // a late response must not bring it back
    assert.equal(m.playbacks.size, 0);
  });

  test('trackPlayback ignores a target the model does not know', () => {
    const m = fresh();
    m.trackPlayback(playback('p', 'channel:nobody'));
    assert.equal(m.playbacks.size, 0);
    assert.equal(m.hasChanges, false);
  });

  test('a playback that never starts goes when its channel leaves Stasis', () => {
    const m = fresh();
    m.apply(ev.stasisStart(inStasis('a')));
    m.trackPlayback(playback('p', 'channel:a'));
    assert.ok(m.playbacks.has('p'));
    m.apply(ev.stasisEnd(inStasis('a')));
    assert.equal(m.playbacks.size, 0);
    assert.ok(m.channels.has('a'), 'no hangup request: the channel stays');
  });

  test('a playback that never finishes goes when the next one starts on its target', () => {
    const m = fresh();
    m.apply(ev.stasisStart(inStasis('a')));
    m.apply(ev.playbackStarted(playback('bogus', 'channel:a', 'queued', 'bogus:thing')));
    m.trackPlayback(playback('next', 'channel:a'));
    assert.equal(m.playbacks.size, 2, 'queued behind it');
    m.apply(ev.playbackStarted(playback('next', 'channel:a')));
    assert.deepEqual([...m.playbacks.keys()], ['next']);
  });

  test('a bridge playback goes with its bridge', () => {
    const m = fresh();
    m.apply(ev.bridgeCreated(bridge('B')));
    m.apply(ev.playbackStarted(playback('p', 'bridge:B')));
    m.apply(ev.bridgeDestroyed(bridge('B')));
    assert.equal(m.playbacks.size, 0);
  });
});

describe('channels', () => {
  test('StasisEnd after a hangup request removes the channel; late events do not revive it', () => {
    const m = fresh();
    const c = inStasis('a');
    m.apply(ev.stasisStart(c));
    m.apply(ev.hangupRequest(c, 32, true));
    assert.equal(m.channels.get('a')?.hangupCause, undefined, 'a soft request’s cause 32 is not the hangup reason');
    assert.equal(m.channels.get('a')?.hangupRequested, true);
    m.apply(ev.stasisEnd(c));
    assert.equal(m.channels.has('a'), false);
    m.apply(ev.varset(c, 'STASISSTATUS', 'SUCCESS'));
    m.apply(ev.destroyed(c));
    assert.equal(m.channels.has('a'), false);
  });

  test('an explicit id reused by a new channel is not blocked', () => {
    const m = fresh();
    m.apply(ev.created(channel('golden')));
    m.apply(ev.destroyed(channel('golden')));
    m.apply(ev.state(channel('golden', { creationtime: '2026-11-30T00:09:00.000+0000' })));
    assert.ok(m.channels.has('golden'));
  });

  test('the firehose learns Stasis from the dialplan and STASISSTATUS', () => {
    const m = fresh();
    m.apply(ev.created(channel('a', { dialplan: { context: 'x', exten: 's', priority: 1, app_name: '', app_data: '' } })));
    m.apply(ev.dialplan(inStasis('a', 'other-app', 'arg1')));
    assert.equal(m.channels.get('a')?.app, 'other-app');
    assert.deepEqual(m.channels.get('a')?.appArgs, ['arg1']);
    assert.deepEqual(
      m.channelsInApp('other-app').map((c) => c.id),
      ['a'],
    );
    m.apply(ev.varset(inStasis('a', 'other-app', 'arg1'), 'STASISSTATUS', 'SUCCESS'));
    assert.equal(m.channels.get('a')?.app, undefined);
    // A later event with the stale Stasis dialplan does not put it back.
    m.apply(ev.hangupRequest(inStasis('a', 'other-app', 'arg1'), 16));
    assert.equal(m.channels.get('a')?.app, undefined);
    // Moving on in the dialplan after /continue keeps it out.
    m.apply(ev.dialplan(channel('a')));
    assert.equal(m.channels.get('a')?.app, undefined);
  });

  test('Stasis((null)) names no app', () => {
    const m = fresh();
    m.apply(ev.created(channel('a', { dialplan: { context: 'd', exten: 's', priority: 1, app_name: 'Stasis', app_data: '(null)' } })));
    assert.equal(m.channels.get('a')?.app, undefined);
  });

  test('events for unknown ids create or are ignored, never throw', () => {
    const m = fresh();
    const odd: AriEvent[] = [
      ev.destroyed(channel('x')),
      ev.stasisEnd(channel('y')),
      ev.left(bridge('B'), channel('z')),
      ev.bridgeDestroyed(bridge('B')),
      ev.playbackFinished(playback('p', 'channel:x')),
      { type: 'RecordingFinished', application: 'a', timestamp: '', recording: { name: 'r', format: 'wav', state: 'done', target_uri: 'channel:x' } },
      { type: 'ChannelVarset', application: 'a', timestamp: '', variable: 'G', value: '1' },
      { type: 'ChannelUserevent', application: 'a', timestamp: '', eventname: 'e', userevent: {} },
      { type: 'ApplicationReplaced', application: 'a', timestamp: '' },
      { type: 'EndpointStateChange', application: 'a', timestamp: '', endpoint: { technology: 'PJSIP', resource: 'alice', state: 'online', channel_ids: [] } },
      { type: 'DeviceStateChanged', application: 'a', timestamp: '', device_state: { name: 'Stasis:x', state: 'BUSY' } },
      { type: 'Unknown' } as unknown as AriEvent,
    ];
    for (const e of odd) m.apply(e);
    assert.equal(m.malformedEvents, 0);
    // Malformed ones (a server bug, a truncated frame) are counted, not thrown.
    m.apply({ type: 'ChannelStateChange', application: 'a', timestamp: '' } as unknown as AriEvent);
    m.apply({ type: 'PlaybackStarted' } as unknown as AriEvent);
    assert.equal(m.malformedEvents, 2);
    // A StasisEnd without a hangup request, a ChannelLeftBridge: both carry a live channel.
    assert.deepEqual([...m.channels.keys()], ['y', 'z']);
    assert.equal(m.bridges.size, 0);
    assert.ok(m.storedRecordings.has('r'));
    assert.ok(m.endpoints.has('PJSIP/alice'));
    assert.equal(m.deviceStates.get('Stasis:x')?.state, 'BUSY');
    assert.ok(m.replacedApplications.has('a'));
  });

  test('does not mutate event objects (the panel keeps them)', () => {
    const m = fresh();
    const c = inStasis('a');
    const frozen = Object.freeze({ ...ev.stasisStart(Object.freeze(c)) }) as AriEvent;
    m.apply(frozen);
    m.apply(Object.freeze(ev.hangupRequest(Object.freeze(inStasis('a')), 32)));
    m.apply(Object.freeze(ev.entered(Object.freeze(bridge('B', ['a'])), Object.freeze(inStasis('a')))));
    assert.equal(m.channels.get('a')?.bridgeId, 'B');
    assert.equal((c as { app?: string }).app, undefined);
  });
});

describe('bridges', () => {
  test('an app socket learns a bridge from ChannelEnteredBridge and drops it when it empties', () => {
    const m = fresh();
    m.apply(ev.stasisStart(inStasis('a')));
    m.apply(ev.stasisStart(inStasis('b')));
    m.apply(ev.entered(bridge('B', ['a']), inStasis('a')));
    m.apply(ev.entered(bridge('B', ['a', 'b']), inStasis('b')));
    assert.deepEqual(m.bridges.get('B')?.channels, ['a', 'b']);
    m.apply(ev.left(bridge('B', ['b']), inStasis('a')));
    assert.equal(m.channels.get('a')?.bridgeId, undefined);
    assert.equal(m.channels.get('b')?.bridgeId, 'B');
    m.apply(ev.left(bridge('B', []), inStasis('b')));
    assert.equal(m.bridges.size, 0);
    // It can come back (addChannel again).
    m.apply(ev.entered(bridge('B', ['a']), inStasis('a')));
    assert.ok(m.bridges.has('B'));
  });

  test('a created bridge stays when empty until BridgeDestroyed, which clears members', () => {
    const m = fresh();
    m.apply(ev.bridgeCreated(bridge('B')));
    m.apply(ev.stasisStart(inStasis('a')));
    m.apply(ev.entered(bridge('B', ['a']), inStasis('a')));
    m.apply(ev.left(bridge('B', []), inStasis('a')));
    assert.ok(m.bridges.has('B'));
    m.apply(ev.entered(bridge('B', ['a']), inStasis('a')));
    m.apply(ev.bridgeDestroyed(bridge('B', ['a'])));
    assert.equal(m.bridges.size, 0);
    assert.equal(m.channels.get('a')?.bridgeId, undefined);
    // A late ChannelLeftBridge does not bring it back.
    m.apply(ev.left(bridge('B', []), inStasis('a')));
    assert.equal(m.bridges.size, 0);
  });

  test('a channel destroyed inside a bridge leaves the member list', () => {
    const m = fresh();
    m.apply(ev.bridgeCreated(bridge('B')));
    m.apply(ev.entered(bridge('B', ['a']), inStasis('a')));
    m.apply(ev.destroyed(inStasis('a')));
    assert.deepEqual(m.bridges.get('B')?.channels, []);
  });
});
