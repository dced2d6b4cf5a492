// Words a user reads in the prompts: every hangup reason says the cause the other side will
// see (code and text, as Asterisk maps it), and the play prompt's "no language" choice says
// which language that is.
import '../fakes/registerVscode';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HANGUP_REASONS } from '../../../src/extension/commands/actions/channel';
import { hangupDescriptions } from '../../../src/extension/commands/channel';
import { defaultLanguageLabel } from '../../../src/extension/commands/media';
import { HANGUP_REASONS as SIM_CAUSE_OF, causeText } from '../../../tools/ari-sim/channel';

test('each of the 13 hangup reasons shows its cause code and text', () => {
  const d = hangupDescriptions();
  assert.equal(HANGUP_REASONS.length, 13);
  for (const r of HANGUP_REASONS) {
    const code = SIM_CAUSE_OF[r];
    assert.ok(d[r], `${r} has a description`);
    assert.ok(d[r].startsWith(`${code} ${causeText(code)}`), `${r}: "${d[r]}" starts with "${code} ${causeText(code)}"`);
  }
});

test('the default language choice names the channel language', () => {
  assert.equal(defaultLanguageLabel('ru'), '(channel language: ru)');
  assert.equal(defaultLanguageLabel(undefined), "(each channel's own language)");
});
