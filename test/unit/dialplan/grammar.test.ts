import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scopeOf, scopesOf, tokenize } from './grammarHarness';
import { fixture } from './fixtures';

test('grammar: context headers, exten/same, priorities and applications in the seed dialplan', async () => {
  const t = await tokenize(fixture('extensions.conf'));
  assert.equal(scopeOf(t, 'from-test', 8), 'entity.name.section.context.asterisk');
  assert.equal(scopeOf(t, '[', 8), 'punctuation.definition.section.begin.asterisk');
  assert.equal(scopeOf(t, 'exten', 9), 'keyword.other.exten.asterisk');
  assert.equal(scopeOf(t, '=>', 9), 'keyword.operator.assignment.asterisk');
  assert.equal(scopeOf(t, '1776', 9), 'entity.name.function.extension.asterisk');
  assert.equal(scopeOf(t, '1', 9), 'constant.numeric.priority.asterisk');
  assert.equal(scopeOf(t, 'NoOp', 9), 'support.function.application.asterisk');
  assert.equal(scopeOf(t, 'same', 11), 'keyword.other.same.asterisk');
  assert.equal(scopeOf(t, 'n', 11), 'constant.language.priority.next.asterisk');
  assert.equal(scopeOf(t, 'Stasis', 11), 'support.function.application.asterisk');
  assert.ok(scopesOf(t, 'hello-world', 11).includes('meta.arguments.asterisk'));
  assert.equal(scopeOf(t, ';', 0), 'punctuation.definition.comment.asterisk');
  assert.ok(t.filter((x) => x.line === 0).every((x) => x.scopes.includes('comment.line.semicolon.asterisk')));
  assert.equal(scopeOf(t, 'static', 2), 'variable.other.property.asterisk');
});

test('grammar: templates, include, labels, hint, variables, substrings, expressions, functions, comments', async () => {
  const t = await tokenize(fixture('extensions_features.conf'));
  // Block comment over two lines, with code-looking text inside.
  assert.equal(scopeOf(t, ';--', 1), 'punctuation.definition.comment.begin.asterisk');
  assert.ok(t.filter((x) => x.line === 2).every((x) => x.scopes.includes('comment.block.asterisk')));
  assert.equal(scopeOf(t, 'tmpl-hangup', 4), 'entity.name.section.context.asterisk');
  assert.equal(scopeOf(t, '!', 4), 'storage.modifier.template.asterisk');
  assert.equal(scopeOf(t, 'tmpl-hangup', 7), 'entity.other.inherited-class.template.asterisk');
  assert.equal(scopeOf(t, 'include', 8), 'keyword.other.include.asterisk');
  assert.equal(scopeOf(t, 'default', 8), 'entity.name.section.context.reference.asterisk');
  assert.equal(scopeOf(t, '_1XX', 9), 'entity.name.function.extension.asterisk');
  // ${EXTEN:1:2}
  assert.equal(scopeOf(t, '${', 9), 'punctuation.definition.variable.begin.asterisk');
  assert.equal(scopeOf(t, 'EXTEN', 9), 'variable.other.asterisk');
  assert.equal(scopeOf(t, ':', 9), 'keyword.operator.substring.asterisk');
  assert.equal(scopeOf(t, '2', 9), 'constant.numeric.asterisk');
  // n(dial)
  assert.equal(scopeOf(t, 'dial', 10), 'entity.name.label.asterisk');
  assert.equal(scopeOf(t, 'Dial', 10), 'support.function.application.asterisk');
  // $[ ... ] in GotoIf
  assert.equal(scopeOf(t, '$[', 11), 'punctuation.definition.expression.begin.asterisk');
  assert.ok(scopesOf(t, 'DIALSTATUS', 11).includes('meta.expression.asterisk'));
  assert.equal(scopeOf(t, '=', 11), 'keyword.operator.asterisk');
  assert.equal(scopeOf(t, 'hint', 19), 'keyword.other.priority.hint.asterisk');
  assert.equal(scopeOf(t, 'Custom:desk', 19), 'string.unquoted.hint.asterisk');
  // ${LEN(${EXTEN})} and ${CALLERID(num)}
  assert.equal(scopeOf(t, 'LEN', 20), 'support.function.builtin.asterisk');
  assert.equal(scopeOf(t, 'CALLERID', 21), 'support.function.builtin.asterisk');
  assert.equal(scopeOf(t, 'comment with Stasis(nope)', 21), 'comment.line.semicolon.asterisk');
  assert.equal(scopeOf(t, 'Verbose', 21), 'support.function.application.asterisk');
  // The line after a closed application is back to normal: next context header.
  assert.equal(scopeOf(t, 'support', 23), 'entity.name.section.context.asterisk');
});

test('grammar: an unclosed parenthesis does not leak into the next line', async () => {
  const t = await tokenize('[a]\nexten => 1,1,NoOp(${X\nexten => 2,1,Answer\n');
  assert.equal(scopeOf(t, 'exten', 2), 'keyword.other.exten.asterisk');
  assert.equal(scopeOf(t, 'Answer', 2), 'support.function.application.asterisk');
});

test('grammar: nested block comments and ;--- separators', async () => {
  const t = await tokenize(';-----------------\n[a]\n;-- outer ;-- inner --; still comment\nexten => 9,1,NoOp() --;\nexten => 1,1,NoOp()\n');
  assert.ok(t.filter((x) => x.line === 0).every((x) => x.scopes.includes('comment.line.semicolon.asterisk')));
  assert.equal(scopeOf(t, 'a', 1), 'entity.name.section.context.asterisk');
  assert.ok(t.filter((x) => x.line === 3).every((x) => x.scopes.includes('comment.block.asterisk')));
  assert.equal(scopeOf(t, 'exten', 4), 'keyword.other.exten.asterisk');
});

test('grammar: a function written by Set() and variables inside expression strings', async () => {
  const t = await tokenize('[a]\nexten => 100,1,Set(CALLERID(name)=Alice)\n same => n,ExecIf($["${X}" = ""]?Hangup())\n');
  assert.equal(scopeOf(t, 'CALLERID', 1), 'support.function.builtin.asterisk');
  assert.equal(scopeOf(t, 'X', 2), 'variable.other.asterisk');
  assert.ok(scopesOf(t, 'X', 2).includes('string.quoted.double.asterisk'));
});
