// The ladder model of recorded calls: lanes, element order, spans, gaps and causes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildLadder, orderEvents } from '../../../src/extension/callflow/core/ladder';
import { parseNdjson, toNdjson } from '../../../src/extension/webviews/ndjson';
import { ladderOfChannel, steps, transcriptEvents } from './transcript';

const demo = transcriptEvents('22-demo-traffic.json');

/** `wanted` appears in `all` in this order (other elements may come between). */
function assertSubsequence(all: string[], wanted: string[]): void {
  let i = 0;
  for (const s of all) if (i < wanted.length && s === wanted[i]) i++;
  assert.equal(i, wanted.length, `missing "${wanted[i]}" in order in:\n${all.join('\n')}`);
}

test("the seed's hello-world call: created, NoOp, Answer, Stasis, StasisStart, playback, StasisEnd, destroyed", () => {
  const { ladder } = ladderOfChannel(demo, '00000020;2');
  assert.deepEqual(
    ladder.lanes.map((l) => `${l.kind} ${l.label}`),
    ['channel Local/1776@from-test-00000020;1', 'channel Local/1776@from-test-00000020;2', 'app hello-world'],
  );
  assertSubsequence(steps(ladder), [
    '00000020;2: created',
    '00000020;2: NoOp()',
    '00000020;2: Answer()',
    '00000020;2: Stasis(hello-world)',
    '00000020;2 -> hello-world: StasisStart',
    '00000020;2: ▶ sound:hello-world',
    '00000020;2: ■ sound:hello-world done',
    '00000020;2 -> hello-world: StasisEnd',
    '00000020;2: destroyed: 16 Normal Clearing',
  ]);
  assert.equal(ladder.spans.length, 1);
  const [span] = ladder.spans;
  assert.equal(ladder.elements[span.fromRow].kind, 'playbackStart');
  assert.equal(ladder.elements[span.toRow].kind, 'playbackEnd');
  assert.equal(span.failed, false);
  assert.equal(ladder.inProgress, false);
  assert.ok(ladder.lanes.every((l) => l.ended));
  const step = ladder.elements.find((e) => e.label === 'Stasis(hello-world)')?.dialplan;
  assert.deepEqual(step, { context: 'from-test', exten: '1776', priority: 3 });
});

test('StasisStart after the Stasis() step and StasisEnd before destruction, though another socket delivered them out of order', () => {
  const { ladder } = ladderOfChannel(demo, '00000020;2');
  const kinds = ladder.elements.filter((e) => ladder.lanes[e.lane].label.endsWith('00000020;2')).map((e) => e.kind);
  assert.ok(kinds.indexOf('stasisStart') > kinds.lastIndexOf('dialplan'));
  assert.ok(kinds.indexOf('stasisEnd') < kinds.indexOf('destroyed'));
  const times = ladder.elements.map((e) => e.time);
  assert.deepEqual(
    times,
    [...times].sort((a, b) => a - b),
    'elements in time order',
  );
});

test('a bridged call: both channels enter the one bridge lane and leave it, the bridge is destroyed last', () => {
  const { ladder } = ladderOfChannel(demo, '0000001e;2');
  const bridge = ladder.lanes.findIndex((l) => l.kind === 'bridge');
  assert.equal(ladder.lanes[bridge].label, 'demo-2');
  assert.equal(ladder.lanes.filter((l) => l.kind === 'channel').length, 4);
  const enters = ladder.elements.filter((e) => e.kind === 'bridgeEnter' && e.to === bridge).map((e) => ladder.lanes[e.lane].label);
  assert.deepEqual(enters, ['Local/1776@from-test-0000001e;2', 'Local/1776@from-test-0000001f;2']);
  assert.equal(ladder.elements.filter((e) => e.kind === 'bridgeLeave' && e.to === bridge).length, 2);
  assert.equal(ladder.elements[ladder.elements.length - 1].kind, 'bridgeDestroyed');
  assert.equal(ladder.lanes[bridge].lastRow, ladder.elements.length - 1);
});

test('dial outcomes: answered, no answer (cause 19) and the dial status on the peer', () => {
  const dial = transcriptEvents('16-dial.json');
  const answered = ladderOfChannel(dial, '0000000e;1').ladder;
  assert.ok(steps(answered).includes('0000000e;1: Dial ANSWER'));
  const noAnswer = ladderOfChannel(dial, '00000010;1').ladder;
  assertSubsequence(steps(noAnswer), ['00000010;1: Dial 103@default', '00000010;1: Dial RINGING', '00000010;1: destroyed: 19 User alerting, no answer']);
  const destroyed = noAnswer.elements.filter((e) => e.kind === 'destroyed');
  assert.ok(
    destroyed.every((e) => e.failed),
    'a cause other than normal clearing is marked',
  );
});

test('hangup causes: each DELETE reason ends its call with the cause Asterisk reports', () => {
  const events = transcriptEvents('21-hangup-causes.json');
  const causes = ['00000014;2', '00000015;2', '00000017;2', '00000018;2', '0000001c;2'].map((s) => {
    const el = ladderOfChannel(events, s).ladder.elements.filter((e) => e.kind === 'destroyed');
    return el.map((e) => e.label);
  });
  assert.deepEqual(
    causes.map((c) => c[c.length - 1]),
    [
      'destroyed: 17 User busy',
      'destroyed: 34 Circuit/channel congestion',
      'destroyed: 18 No user responding',
      'destroyed: 21 Call Rejected',
      'destroyed: 127 Interworking, unspecified',
    ],
  );
});

test('a call still in progress: open lanes, an open playback span', () => {
  const { ladder } = ladderOfChannel(demo, '00000020;2');
  const cut = ladder.elements.findIndex((e) => e.kind === 'playbackStart');
  const partial = ladderOfChannel(demo, '00000020;2');
  const events = partial.index.eventsOf(partial.key);
  const upToPlayback = new Set(events.slice(0, events.findIndex((n) => demo[n].event.type === 'PlaybackStarted') + 1));
  const live = buildLadder(demo.filter((e) => upToPlayback.has(e.n)));
  assert.equal(live.inProgress, true);
  assert.equal(live.spans[0].toRow, -1);
  assert.equal(live.elements.length, cut + 1);
});

test('gaps between elements in ms; runs of variable sets collapse into one element with a count', () => {
  const ch = { id: 'x', name: 'PJSIP/x-1', state: 'Up' };
  const at = (ms: number): string => new Date(Date.UTC(2026, 0, 1, 0, 0, 0, ms)).toISOString().replace('Z', '+0000');
  const ladder = buildLadder([
    { n: 0, event: { type: 'ChannelCreated', timestamp: at(0), channel: ch } },
    { n: 1, event: { type: 'ChannelVarset', timestamp: at(5), variable: 'A', value: '1', channel: ch } },
    { n: 2, event: { type: 'ChannelVarset', timestamp: at(6), variable: 'B', value: '2', channel: ch } },
    { n: 3, event: { type: 'ChannelVarset', timestamp: at(7), variable: 'C', value: '3', channel: ch } },
    { n: 4, event: { type: 'ChannelDtmfReceived', timestamp: at(3500), digit: '5', duration_ms: 100, channel: ch } },
  ]);
  assert.deepEqual(
    ladder.elements.map((e) => e.label),
    ['created', '3 variables set', 'DTMF 5'],
  );
  assert.deepEqual(ladder.elements[1].events, [1, 2, 3]);
  assert.equal(ladder.elements[1].detail, 'A=1\nB=2\nC=3');
  assert.deepEqual(
    ladder.elements.map((e) => e.gapMs),
    [undefined, 5, 3495],
  );
  assert.equal(ladder.inProgress, true);
});

test('untrusted text is cut, and a malformed event draws nothing', () => {
  const long = 'L'.repeat(5000);
  const ladder = buildLadder([
    { n: 0, event: { type: 'ChannelCreated', channel: { id: 'x', name: long, state: 'Up' } } },
    { n: 1, event: { type: 'ChannelDialplan', channel: 'nope', dialplan_app: 'X' } },
    { n: 2, event: { type: 'PlaybackStarted', playback: { id: 'p', target_uri: 42 } } },
  ]);
  assert.equal(ladder.elements.length, 1);
  assert.ok(ladder.lanes[0].label.length <= 257);
});

test('an imported NDJSON log draws the same ladder as the live buffer', () => {
  const live = ladderOfChannel(demo, '0000001e;2').ladder;
  const parsed = parseNdjson(toNdjson(demo.map((e) => JSON.stringify(e.event))));
  const fromLog = ladderOfChannel(
    parsed.events.map((p, n) => ({ n, event: p.event as Record<string, unknown> })),
    '0000001e;2',
  ).ladder;
  assert.deepEqual(steps(fromLog), steps(live));
});

test('one app stream keeps its own order', () => {
  const events = demo.filter((e) => e.event.application === 'firehose-app');
  assert.deepEqual(
    orderEvents(events).map((e) => e.n),
    events.map((e) => e.n),
  );
});
