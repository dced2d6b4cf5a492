// The steps of "Originate Call…": which steps, their counter, validation, remembered answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_DRAFT, parseTarget, restoreDraft, stepsFor, stepTitle, toParams, validateStep } from '../../../src/extension/commands/originateSteps';

test('originate steps: the destination decides the steps and the counter', () => {
  const app = { ...DEFAULT_DRAFT, dest: 'app' as const };
  const plan = { ...DEFAULT_DRAFT, dest: 'dialplan' as const };
  assert.deepEqual(stepsFor(app), ['endpoint', 'dest', 'app', 'appArgs', 'callerId', 'timeout', 'variables']);
  assert.deepEqual(stepsFor(plan), ['endpoint', 'dest', 'target', 'callerId', 'timeout', 'variables']);
  assert.equal(stepTitle(2, stepsFor(plan)), 'Originate Call (3/6)');
});

test('originate steps: validation and the parameters they make', () => {
  assert.ok(validateStep('endpoint', 'nonsense'));
  assert.equal(validateStep('endpoint', 'Local/1776@from-test'), undefined);
  assert.ok(validateStep('target', '100'));
  assert.deepEqual(parseTarget('100@default'), { extension: '100', context: 'default', priority: 1 });
  assert.deepEqual(parseTarget('s@ivr,3'), { extension: 's', context: 'ivr', priority: 3 });
  assert.ok(validateStep('timeout', '-2'));
  assert.ok(validateStep('app', ' '));
  assert.deepEqual(toParams({ ...DEFAULT_DRAFT, endpoint: 'Local/1776@from-test', dest: 'dialplan', target: '100@default,2', variables: 'FOO=bar' }), {
    endpoint: 'Local/1776@from-test',
    extension: '100',
    context: 'default',
    priority: 2,
    callerId: undefined,
    timeout: 30,
    variables: { FOO: 'bar' },
  });
  assert.deepEqual(toParams({ ...DEFAULT_DRAFT, endpoint: 'PJSIP/alice', app: 'hello-world', timeout: '' }), {
    endpoint: 'PJSIP/alice',
    app: 'hello-world',
    appArgs: undefined,
    callerId: undefined,
    timeout: undefined,
    variables: undefined,
  });
});

test('originate steps: remembered answers are restored typed and bounded', () => {
  assert.deepEqual(restoreDraft(undefined), DEFAULT_DRAFT);
  const back = restoreDraft({ endpoint: 'PJSIP/bob', dest: 'dialplan', timeout: 5, app: 'x'.repeat(5000), evil: 'y' });
  assert.equal(back.endpoint, 'PJSIP/bob');
  assert.equal(back.dest, 'dialplan');
  assert.equal(back.timeout, DEFAULT_DRAFT.timeout);
  assert.equal(back.app, DEFAULT_DRAFT.app);
  assert.ok(!('evil' in back));
});
