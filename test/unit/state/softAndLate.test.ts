// Soft hangup requests and events after ChannelDestroyed, in the order a real Asterisk sent
// them (22-demo-traffic, 21-hangup-causes): the soft request's cause is never shown as the
// reason, and a destroyed channel stays destroyed whatever arrives for it later.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Channel } from '../../../src/extension/ari/models.generated';
import type { AriEvent } from '../../../src/extension/ari/events.generated';
import { AriStateModel } from '../../../src/extension/state/model';
import { channelDescription } from '../../../src/extension/views/tree/labels';
import { describeEvent } from '../../../src/extension/webviews/eventSummary';
import { EventStore } from '../../../src/extension/webviews/eventStore';
import { EventView } from '../../../src/extension/webviews/eventView';
import { EMPTY_FILTER } from '../../../src/shared/protocol';
import { repoRoot } from '../shared/fixtures';

interface Entry {
  kind: string;
  ws?: string;
  body?: AriEvent & { channel?: Channel };
}

function events(file: string, ws: string): AriEvent[] {
  const entries = JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures/ari-transcripts', file), 'utf8')) as Entry[];
  return entries.filter((e) => e.kind === 'event' && e.ws === ws && e.body && typeof e.body.type === 'string').map((e) => e.body as AriEvent);
}

test('22-demo-traffic: late events after ChannelDestroyed never bring a channel back', () => {
  const evs = events('22-demo-traffic.json', 'firehose');
  const m = new AriStateModel();
  const destroyed = new Set<string>();
  let late = 0;
  for (const ev of evs) {
    m.apply(ev);
    const id = (ev as { channel?: Channel }).channel?.id;
    if (ev.type === 'ChannelDestroyed' && id) destroyed.add(id);
    else if (id && destroyed.has(id)) late++;
    for (const d of destroyed) assert.equal(m.channels.has(d), false, `${d} came back after ${ev.type}`);
  }
  assert.ok(late > 0, 'the recording does have events after ChannelDestroyed');
  assert.ok(destroyed.size >= 20);
});

test('21-hangup-causes: a soft request does not set the cause; the hard one (the chosen reason) does', () => {
  const m = new AriStateModel();
  let softSeen = 0;
  for (const ev of events('21-hangup-causes.json', 'firehose')) {
    const before = ev.type === 'ChannelHangupRequest' ? m.channels.get(ev.channel.id)?.hangupCause : undefined;
    m.apply(ev);
    if (ev.type !== 'ChannelHangupRequest') continue;
    const ch = m.channels.get(ev.channel.id);
    if (!ch) continue;
    if (ev.soft === true) {
      softSeen++;
      assert.equal(ch.hangupCause, before, 'the soft request leaves the cause as it was');
      assert.equal(ch.hangupRequested, true);
      if (before === undefined) {
        assert.doesNotMatch(channelDescription(ch), /hangup \(/, 'the soft cause is not shown as the reason');
        assert.match(channelDescription(ch), /hanging up/);
      }
    } else assert.equal(ch.hangupCause, ev.cause);
  }
  assert.ok(softSeen > 0);
});

test('the panel row of a soft request says so and shows no cause', () => {
  const soft = describeEvent({ type: 'ChannelHangupRequest', cause: 32, soft: true, channel: { id: '1', name: 'Local/1776@from-test-00000000;2' } });
  assert.doesNotMatch(soft.summary, /32/);
  assert.match(soft.summary, /soft/);
  const hard = describeEvent({ type: 'ChannelHangupRequest', cause: 17, channel: { id: '1', name: 'x' } });
  assert.match(hard.summary, /cause 17/);
});

test('22-demo-traffic in the panel: events after their channel’s ChannelDestroyed are marked, nothing before it', () => {
  const store = new EventStore(10_000);
  for (const ev of events('22-demo-traffic.json', 'firehose')) store.push(ev, 0);
  const view = new EventView(store, EMPTY_FILTER);
  const rows = view.rows(0, view.total);
  const late = rows.filter((r) => r.afterDestroy);
  assert.ok(late.length > 0);
  const lateTypes = new Set(late.map((r) => r.type));
  assert.ok(
    ['ChannelCallerId', 'ChannelVarset', 'ChannelLeftBridge', 'StasisEnd'].some((t) => lateTypes.has(t)),
    [...lateTypes].join(','),
  );
  assert.ok(!lateTypes.has('ChannelCreated') && !lateTypes.has('ChannelDestroyed'));
  // Every marked row's channel really was destroyed earlier in the stream.
  const destroyedAt = new Map<string, number>();
  rows.forEach((r, i) => {
    const ch = store.channelIdAt(r.id);
    if (r.type === 'ChannelDestroyed' && !destroyedAt.has(ch)) destroyedAt.set(ch, i);
  });
  rows.forEach((r, i) => {
    if (r.afterDestroy) assert.ok((destroyedAt.get(store.channelIdAt(r.id)) ?? Infinity) < i);
  });
});
