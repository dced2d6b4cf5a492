import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDialplan } from '../../../src/extension/dialplan/core/parser';
import { fixture } from './fixtures';

test('the seed dialplan: contexts, extensions and same => n priorities counted', () => {
  const f = parseDialplan(fixture('extensions.conf'));
  assert.deepEqual(
    f.contexts.map((c) => c.name),
    ['general', 'globals', 'from-test', 'default'],
  );
  assert.deepEqual(
    f.contexts.map((c) => c.isSpecial),
    [true, true, false, false],
  );
  const fromTest = f.contexts[2];
  assert.deepEqual(
    fromTest.extensions.map((e) => e.name),
    ['1776', '1777'],
  );
  const x1776 = fromTest.extensions[0];
  assert.deepEqual(
    x1776.priorities.map((p) => [p.priority, p.app, p.appArgs]),
    [
      [1, 'NoOp', ''],
      [2, 'Answer', ''],
      [3, 'Stasis', 'hello-world'],
      [4, 'Hangup', ''],
    ],
  );
  assert.equal(x1776.line, 9);
  assert.equal(x1776.endLine, 12);
  assert.deepEqual(x1776.nameSpan, { line: 9, start: 9, end: 13 });
  const stasis = x1776.priorities[2];
  assert.deepEqual(stasis.appSpan, { line: 11, start: 11, end: 17 });
  assert.deepEqual(stasis.argsSpan, { line: 11, start: 18, end: 29 });
  const def = f.contexts[3];
  assert.deepEqual(
    def.extensions.map((e) => e.name),
    ['100', '102', '103', '104', '200'],
  );
  assert.equal(def.extensions[2].priorities[0].appArgs, 'rings forever, never answers');
  assert.equal(def.endLine, 34);
});

test('labels, hints, numbers after n, templates, includes and block comments', () => {
  const f = parseDialplan(fixture('extensions_features.conf'));
  assert.deepEqual(f.blockComments, [{ startLine: 1, endLine: 2 }]);
  assert.deepEqual(
    f.contexts.map((c) => c.name),
    ['tmpl-hangup', 'office', 'support', 'sub-log', 'closed'],
  );
  const [tmpl, office] = f.contexts;
  assert.equal(tmpl.isTemplate, true);
  assert.deepEqual(office.templates, ['tmpl-hangup']);
  assert.deepEqual(
    office.includes.map((i) => i.context),
    ['default'],
  );
  const pattern = office.extensions.find((e) => e.name === '_1XX')!;
  assert.deepEqual(
    pattern.priorities.map((p) => [p.priority, p.label ?? '']),
    [
      [1, ''],
      [2, 'dial'],
      [3, ''],
      [4, 'busy'],
      [5, 'out'],
    ],
  );
  const hint = office.extensions.find((e) => e.name === '160')!.priorities[0];
  assert.equal(hint.kind, 'hint');
  assert.equal(hint.priority, -1);
  const verbose = office.extensions.find((e) => e.name === '_NXXXXXX')!.priorities[1];
  // The comment after `;` is gone: no Stasis(nope) in the arguments.
  assert.equal(verbose.appArgs, '1, ${CALLERID(num)} $[1 + 2]');
});

test('n follows the previous line of the section, whatever its extension, and restarts per section', () => {
  const f = parseDialplan(
    '[a]\nexten => 1,5,NoOp()\nexten => 2,n,NoOp()\n[b]\nexten => 3,1,NoOp()\nsame => n(x),NoOp()\nexten => 3,x,Verbose(same as label)\n',
  );
  assert.deepEqual(
    f.contexts[0].extensions.map((e) => e.priorities[0].priority),
    [5, 6],
  );
  assert.deepEqual(
    f.contexts[1].extensions[0].priorities.map((p) => p.priority),
    [1, 2, 2],
  );
});

test('escaped semicolons are kept and block comments end mid-line', () => {
  const f = parseDialplan('[c]\nexten => 1,1,Set(A=x\\;y) ; real comment\n;-- gone --; exten => 2,1,NoOp()\n');
  assert.equal(f.contexts[0].extensions[0].priorities[0].appArgs, 'A=x\\;y');
  assert.deepEqual(
    f.contexts[0].extensions.map((e) => e.name),
    ['1', '2'],
  );
});

test('block comments nest, and ;--- separator lines are plain line comments', () => {
  const f = parseDialplan(';-----------------\n[a]\n;-- outer ;-- inner --; still comment\nexten => 9,1,NoOp() --;\nexten => 1,1,NoOp()\n');
  assert.deepEqual(
    f.contexts.map((c) => c.name),
    ['a'],
  );
  assert.deepEqual(
    f.contexts[0].extensions.map((e) => e.name),
    ['1'],
  );
  assert.deepEqual(f.blockComments, [{ startLine: 2, endLine: 3 }]);
});

test('#include and #tryinclude directives are collected with their path spans', () => {
  const f = parseDialplan('#include "dialplan/a.conf"\n[c]\n#tryinclude b.conf ; optional\n#include <x/*.conf>\n');
  assert.deepEqual(
    f.fileIncludes.map((i) => [i.path, i.optional, i.line, i.span.start, i.span.end]),
    [
      ['dialplan/a.conf', false, 0, 10, 25],
      ['b.conf', true, 2, 12, 18],
      ['x/*.conf', false, 3, 10, 18],
    ],
  );
});
