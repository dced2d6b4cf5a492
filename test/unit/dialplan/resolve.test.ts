import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDialplan } from '../../../src/extension/dialplan/core/parser';
import { DialplanIndex, type LocationResult } from '../../../src/extension/dialplan/core/dialplanIndex';
import { comparePatternSpecificity, extensionMatches } from '../../../src/extension/dialplan/core/patterns';
import { gotoTargets, stasisApp } from '../../../src/extension/dialplan/core/targets';
import { channelLocationNote } from '../../../src/extension/dialplan/core/channelLocation';
import type { DialplanPriority } from '../../../src/extension/dialplan/core/types';
import { fixture } from './fixtures';

function index(): DialplanIndex {
  return new DialplanIndex([
    { uri: 'file:///ext.conf', file: parseDialplan(fixture('extensions.conf')) },
    { uri: 'file:///features.conf', file: parseDialplan(fixture('extensions_features.conf')) },
  ]);
}

function where(r: LocationResult): string {
  if (r.found === 'priority') return `${r.uri}:${r.priority.line}`;
  if (r.found === 'extension') return `ext ${r.uri}:${r.extension.line}`;
  if (r.found === 'context') return `ctx ${r.uri}:${r.context.line}`;
  return 'none';
}

function line(ix: DialplanIndex, context: string, exten: string, n: number): DialplanPriority {
  const hit = ix.contexts(context)[0].context.extensions.find((e) => e.name === exten)!;
  return hit.priorities[n];
}

test('extension patterns: X Z N, sets, ranges, . and !', () => {
  assert.ok(extensionMatches('_1XX', '150'));
  assert.ok(!extensionMatches('_1XX', '1500'));
  assert.ok(extensionMatches('_NXXXXXX', '5551212'));
  assert.ok(!extensionMatches('_NXXXXXX', '1551212'));
  assert.ok(extensionMatches('_Z!', '1'));
  assert.ok(extensionMatches('_9.', '9123'));
  assert.ok(!extensionMatches('_9.', '9'));
  assert.ok(extensionMatches('_[1-3a]0', 'A0'));
  assert.ok(extensionMatches('555-1212', '5551212'));
  assert.ok(comparePatternSpecificity('_15X', '_1XX') < 0);
  assert.ok(comparePatternSpecificity('_1XX', '_X.') < 0);
});

test('locate: the channel positions of the transcripts, n counted from 1', () => {
  const ix = index();
  assert.equal(where(ix.locate('from-test', '1776', 3)), 'file:///ext.conf:11');
  assert.equal(where(ix.locate('default', '100', 2)), 'file:///ext.conf:21');
  assert.equal(where(ix.locate('default', '200', 1)), 'file:///ext.conf:32');
});

test('locate: patterns, labels, included contexts, templates, and plain reasons when not found', () => {
  const ix = index();
  // 150 is an exact extension in [office]; 120 falls to _1XX; label lookups by name.
  assert.equal(where(ix.locate('office', '150', 1)), 'file:///features.conf:14');
  assert.equal(where(ix.locate('office', '120', 2)), 'file:///features.conf:10');
  assert.equal(where(ix.locate('office', '120', 'busy')), 'file:///features.conf:12');
  // 5551212 only matches _NXXXXXX; h comes from the template; 200 from the included [default].
  assert.equal(where(ix.locate('office', '5551212', 2)), 'file:///features.conf:21');
  assert.equal(where(ix.locate('office', 'h', 1)), 'file:///features.conf:5');
  assert.equal(where(ix.locate('office', '200', 3)), 'file:///ext.conf:34');
  const noPriority = ix.locate('from-test', '1776', 9);
  assert.equal(noPriority.found, 'extension');
  assert.match(noPriority.found === 'extension' ? noPriority.reason : '', /Priority 9 of 1776@from-test/);
  const noExten = ix.locate('from-test', '1778', 1);
  assert.equal(where(noExten), 'ctx file:///ext.conf:8');
  const noContext = ix.locate('nowhere', '1', 1);
  assert.equal(noContext.found, 'none');
  assert.match(noContext.found === 'none' ? noContext.reason : '', /\[nowhere\] is not defined/);
});

test('Goto targets: absolute, relative, labels, GotoIf branches, Gosub arguments', () => {
  const ix = index();
  const gotoIf = line(ix, 'office', '_1XX', 2);
  const targets = gotoTargets(gotoIf);
  assert.deepEqual(
    targets.map((t) => [t.context, t.exten, t.priority]),
    [
      [undefined, undefined, 'busy'],
      [undefined, undefined, 'out'],
    ],
  );
  const text = ' same => n,GotoIf($[${DIALSTATUS} = BUSY]?busy:out)';
  assert.equal(text.slice(targets[0].span.start, targets[0].span.end), 'busy');
  assert.equal(text.slice(targets[1].span.start, targets[1].span.end), 'out');
  assert.equal(where(ix.resolveTarget(targets[0], 'office', gotoIf)), 'file:///features.conf:12');

  const absolute = line(ix, 'office', '150', 0);
  const [t150] = gotoTargets(absolute);
  assert.deepEqual([t150.context, t150.exten, t150.priority], ['support', 's', '1']);
  assert.equal(where(ix.resolveTarget(t150, 'office', absolute)), 'file:///features.conf:24');

  const gosub = line(ix, 'office', '151', 0);
  const [tSub] = gotoTargets(gosub);
  assert.deepEqual([tSub.context, tSub.exten, tSub.priority], ['sub-log', 's', '1']);
  assert.equal(where(ix.resolveTarget(tSub, 'office', gosub)), 'file:///features.conf:30');

  const twoPart = line(ix, 'office', '151', 1);
  assert.equal(where(ix.resolveTarget(gotoTargets(twoPart)[0], 'office', twoPart)), 'file:///features.conf:10');
  const plusOne = line(ix, 'office', '151', 2);
  assert.equal(where(ix.resolveTarget(gotoTargets(plusOne)[0], 'office', plusOne)), 'file:///features.conf:18');
  const byVariable = line(ix, 'office', '151', 3);
  assert.equal(where(ix.resolveTarget(gotoTargets(byVariable)[0], 'office', byVariable)), 'file:///features.conf:15');
});

test('Stasis app names, with arguments and escaped commas', () => {
  const ix = index();
  assert.equal(stasisApp(line(ix, 'from-test', '1776', 2))?.app, 'hello-world');
  assert.equal(stasisApp(line(ix, 'support', 's', 2))?.app, 'support-app');
  assert.equal(stasisApp(line(ix, 'support', 's', 1)), undefined);
});

test('a channel placed by ARI reports a line it does not run: say so', () => {
  const ix = index();
  const answer = ix.locate('default', '100', 1);
  assert.equal(answer.found, 'priority');
  if (answer.found !== 'priority') return;
  assert.match(
    channelLocationNote({ app_name: 'Stasis', app_data: 'hello-world' }, answer.priority) ?? '',
    /runs Stasis\(hello-world\), not this line's Answer\(\): ARI placed it/,
  );
  assert.match(channelLocationNote({ app_name: 'AppDial2', app_data: '(Outgoing Line)' }, answer.priority) ?? '', /dialling half/);
  assert.equal(channelLocationNote({ app_name: 'Answer', app_data: '' }, answer.priority), undefined);
  const stasis = ix.locate('from-test', '1776', 3);
  assert.equal(stasis.found === 'priority' && channelLocationNote({ app_name: 'Stasis', app_data: 'hello-world' }, stasis.priority), undefined);
});
