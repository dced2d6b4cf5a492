import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseVariableList,
  validateDigits,
  validateDtmf,
  validateEndpoint,
  validateInteger,
  validateJson,
  validateRecordingName,
  validateSayNumber,
  validateStasisDevice,
  validateVariableName,
} from '../../../src/extension/commands/validate';

test('DTMF accepts 0-9, A-D, *, # and the "," pause, names the first bad character', () => {
  assert.equal(validateDtmf('0123456789ABCD*#,'), undefined);
  assert.equal(validateDtmf('1a'), undefined);
  assert.match(validateDtmf('12E') ?? '', /"E" is not a DTMF digit/);
  assert.match(validateDtmf('') ?? '', /at least one/);
  assert.match(validateDtmf('1 2') ?? '', /" " is not/);
});

test('endpoints must be Tech/resource', () => {
  assert.equal(validateEndpoint('PJSIP/alice'), undefined);
  assert.equal(validateEndpoint('Local/1776@from-test'), undefined);
  assert.match(validateEndpoint('alice') ?? '', /Tech\/resource/);
  assert.match(validateEndpoint('/alice') ?? '', /Tech\/resource/);
  assert.match(validateEndpoint('PJSIP/') ?? '', /Tech\/resource/);
  assert.match(validateEndpoint('  ') ?? '', /required/);
});

test('variable names: plain names and dialplan functions', () => {
  for (const ok of ['FOO', '__INHERITED', 'CALLERID(name)', 'CHANNEL(state)', 'PJSIP_HEADER(add,X-Foo)']) {
    assert.equal(validateVariableName(ok), undefined, ok);
  }
  for (const bad of ['', '1FOO', 'A B', 'A=B', 'F(()']) assert.ok(validateVariableName(bad), bad);
});

test('integers with bounds, optional empty', () => {
  assert.equal(validateInteger({ min: 0 })('30'), undefined);
  assert.match(validateInteger({ min: 0 })('-1') ?? '', /At least 0/);
  assert.match(validateInteger({ max: 10 })('11') ?? '', /At most 10/);
  assert.match(validateInteger()('1.5') ?? '', /whole number/);
  assert.match(validateInteger()('') ?? '', /required/);
  assert.equal(validateInteger({ optional: true })(''), undefined);
});

test('media argument validators', () => {
  assert.equal(validateDigits('12*#'), undefined);
  assert.ok(validateDigits('12a'));
  assert.equal(validateSayNumber('-42'), undefined);
  assert.ok(validateSayNumber('4.2'));
});

test('device names must be Stasis:<name>; recording names are relative', () => {
  assert.equal(validateStasisDevice('Stasis:demo'), undefined);
  assert.ok(validateStasisDevice('PJSIP/alice'));
  assert.ok(validateStasisDevice('Stasis:'));
  assert.equal(validateRecordingName('calls/rec-1'), undefined);
  assert.ok(validateRecordingName('../etc/passwd'));
  assert.ok(validateRecordingName('a b'));
});

test('KEY=VALUE lists: commas inside values survive, bad entries are named', () => {
  assert.deepEqual(parseVariableList(''), { ok: true, variables: {} });
  assert.deepEqual(parseVariableList('FOO=1, CALLERID(name)=Alice, BAR='), {
    ok: true,
    variables: { FOO: '1', 'CALLERID(name)': 'Alice', BAR: '' },
  });
  assert.deepEqual(parseVariableList('CALLERID(all)="Smith, John" <1001>,X=y'), {
    ok: true,
    variables: { 'CALLERID(all)': '"Smith, John" <1001>', X: 'y' },
  });
  // A comma not followed by KEY= belongs to the value before it.
  assert.deepEqual(parseVariableList('FOO=1, more'), { ok: true, variables: { FOO: '1, more' } });
  const bad = parseVariableList('nonsense, FOO=1');
  assert.ok(!bad.ok && bad.error.includes('nonsense'));
  assert.equal(parseVariableList('1X=2').ok, false);
  const noKey = parseVariableList('=1');
  assert.equal(noKey.ok, false);
});

test('JSON validator', () => {
  assert.equal(validateJson('{"a":1}'), undefined);
  assert.equal(validateJson(''), undefined);
  assert.match(validateJson('{a:1}') ?? '', /Not valid JSON/);
});
