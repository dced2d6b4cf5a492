import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDialplan } from '../../../src/extension/dialplan/core/parser';
import { DialplanIndex } from '../../../src/extension/dialplan/core/dialplanIndex';
import { documentOutline, foldingRanges } from '../../../src/extension/dialplan/core/outline';
import { hoverAt, hoverMarkdown } from '../../../src/extension/dialplan/core/hover';
import { definitionAt } from '../../../src/extension/dialplan/core/definition';
import { originateLenses, parseExtenAtContext, stasisLenses } from '../../../src/extension/dialplan/core/lenses';
import { decideOnSave, resolveConfigFolder } from '../../../src/extension/dialplan/core/reloadPolicy';
import { associationMatches } from '../../../src/extension/dialplan/core/glob';
import { applicationDoc, functionDoc } from '../../../src/extension/dialplan/core/appDocs';
import { fixture } from './fixtures';

const seedText = fixture('extensions.conf');
const featText = fixture('extensions_features.conf');
const seed = parseDialplan(seedText);
const feat = parseDialplan(featText);
const index = new DialplanIndex([
  { uri: 'a', file: seed },
  { uri: 'b', file: feat },
]);

function col(text: string, line: number, needle: string): number {
  const c = text.split('\n')[line].indexOf(needle);
  assert.ok(c >= 0, `${needle} on line ${line}`);
  return c;
}

test('outline: contexts with extensions, priorities and labels as children', () => {
  const outline = documentOutline(seed);
  assert.deepEqual(
    outline.map((n) => [n.name, n.kind]),
    [
      ['general', 'settings'],
      ['globals', 'settings'],
      ['from-test', 'context'],
      ['default', 'context'],
    ],
  );
  const x1776 = outline[2].children[0];
  assert.equal(x1776.name, '1776');
  assert.equal(x1776.detail, '4 priorities');
  assert.deepEqual(
    x1776.children.map((p) => `${p.name} ${p.detail}`),
    ['1 NoOp()', '2 Answer()', '3 Stasis(hello-world)', '4 Hangup()'],
  );
  const office = documentOutline(feat)[1];
  assert.equal(office.detail, 'uses tmpl-hangup');
  assert.equal(office.children[0].name, 'include default');
  assert.deepEqual(
    office.children[1].children.map((p) => p.name),
    ['1', '2(dial)', '3', '4(busy)', '5(out)'],
  );
  assert.equal(documentOutline(feat)[0].kind, 'template');
});

test('folding: by context, by extension, and block comments', () => {
  const ranges = foldingRanges(seed);
  assert.ok(
    ranges.some((r) => r.start === 8 && r.end === 17 && !r.comment),
    'from-test context',
  );
  assert.ok(
    ranges.some((r) => r.start === 9 && r.end === 12),
    '1776 extension',
  );
  assert.ok(foldingRanges(feat).some((r) => r.start === 1 && r.end === 2 && r.comment));
});

test('hover: applications and functions, nothing on other words', () => {
  const onStasis = hoverAt(seed, 11, col(seedText, 11, 'Stasis') + 2, seedText.split('\n')[11]);
  assert.equal(onStasis?.doc.name, 'Stasis');
  assert.match(onStasis!.doc.signature, /Stasis\(app/);
  const verboseLine = featText.split('\n')[21];
  assert.equal(hoverAt(feat, 21, col(featText, 21, 'CALLERID') + 1, verboseLine)?.doc.name, 'CALLERID');
  assert.equal(hoverAt(feat, 21, col(featText, 21, 'num'), verboseLine), undefined);
  assert.equal(hoverAt(seed, 11, col(seedText, 11, 'hello') + 1, seedText.split('\n')[11]), undefined);
  // The summary is Markdown: `app` renders as code, not as literal backticks; the rest is escaped.
  assert.equal(hoverMarkdown(onStasis!.doc), '*Application*: Hands the channel to the ARI application `app`; the dialplan resumes when the app lets go\\.');
  assert.match(hoverMarkdown(functionDoc('EXTEN')!), /`\$\{EXTEN:1\}` drops/);
  assert.match(hoverMarkdown(applicationDoc('Macro')!), /\\\[macro\\-name\\\]/);
});

test('definition: Goto targets, include => and template references', () => {
  const gotoLine = 27; // same => n,Goto(office,150,1)
  const defs = definitionAt(index, feat, gotoLine, col(featText, gotoLine, '150'));
  assert.deepEqual(
    defs.map((d) => [d.uri, d.span.line]),
    [['b', 14]],
  );
  const inc = definitionAt(index, feat, 8, col(featText, 8, 'default') + 1);
  assert.deepEqual(
    inc.map((d) => [d.uri, d.span.line]),
    [['a', 19]],
  );
  const tmpl = definitionAt(index, feat, 7, col(featText, 7, 'tmpl-hangup') + 1);
  assert.deepEqual(
    tmpl.map((d) => [d.uri, d.span.line]),
    [['b', 4]],
  );
  assert.deepEqual(definitionAt(index, feat, gotoLine, 2), []);
});

test('lenses: Stasis counts from the model, originate on dialable extensions', () => {
  const apps: Record<string, number> = { 'hello-world': 1 };
  const model = { channelsInApp: (app: string) => new Array(apps[app] ?? 0).fill({}) };
  assert.deepEqual(
    stasisLenses(seed, model).map((l) => [l.span.line, l.title, l.args[0]]),
    [
      [11, '1 live channel in hello-world', 'hello-world'],
      [16, '0 live channels in other-app', 'other-app'],
    ],
  );
  assert.deepEqual(
    originateLenses(seed).map((l) => l.title),
    [
      'Originate to 1776@from-test',
      'Originate to 1777@from-test',
      'Originate to 100@default',
      'Originate to 102@default',
      'Originate to 103@default',
      'Originate to 104@default',
      'Originate to 200@default',
    ],
  );
  // No lens on patterns, templates or hint-only extensions.
  assert.deepEqual(
    originateLenses(feat).map((l) => l.title),
    ['Originate to 150@office', 'Originate to 151@office', 'Originate to s@support', 'Originate to s@sub-log', 'Originate to s@closed'],
  );
});

test('reload on save: setting, connection and the server config folder', () => {
  const base = { connected: true, filePath: '/ws/etc/extensions.conf' };
  assert.equal(decideOnSave({ ...base, setting: 'ask' }).kind, 'ask');
  assert.equal(decideOnSave({ ...base, setting: 'always' }).kind, 'reload');
  assert.equal(decideOnSave({ ...base, setting: 'never' }).kind, 'none');
  assert.equal(decideOnSave({ ...base, connected: false, setting: 'always' }).kind, 'none');
  assert.equal(decideOnSave({ ...base, setting: 'always', serverConfigFolder: '/ws/etc' }).kind, 'reload');
  assert.deepEqual(decideOnSave({ ...base, setting: 'always', serverConfigFolder: '/ws/other' }), { kind: 'notServerFile', folder: '/ws/other' });
  assert.equal(decideOnSave({ ...base, setting: 'ask', serverConfigFolder: '/ws/etcetera' }).kind, 'notServerFile');
  assert.equal(resolveConfigFolder('etc', '/ws'), '/ws/etc');
  assert.equal(resolveConfigFolder('/etc/asterisk', '/ws'), '/etc/asterisk');
  assert.equal(resolveConfigFolder('  ', '/ws'), undefined);
});

test('files.associations globs', () => {
  assert.ok(associationMatches('*.conf', '/x/y/sip.conf'));
  assert.ok(associationMatches('**/asterisk/*.conf', '/x/asterisk/pjsip.conf'));
  assert.ok(!associationMatches('**/asterisk/*.conf', '/x/other/pjsip.conf'));
  assert.ok(associationMatches('extensions{,_custom}.conf', '/x/extensions_custom.conf'));
  assert.ok(associationMatches('extensions*.conf', 'C:\\etc\\extensions_ari.conf'));
});

test('the calling side as exten@context', () => {
  assert.deepEqual(parseExtenAtContext('100@default'), { extension: '100', context: 'default' });
  assert.deepEqual(parseExtenAtContext(' 200 '), { extension: '200', context: 'default' });
  assert.equal(parseExtenAtContext('a b@c'), undefined);
  assert.equal(parseExtenAtContext(''), undefined);
});

test('hover docs cover the most used applications and functions', () => {
  const apps =
    'Answer Hangup Stasis Playback Dial Goto GotoIf Gosub Return Set NoOp Wait Background Record Playtones Ringing Busy Congestion MusicOnHold Progress Read SayDigits SayNumber Verbose Log WaitExten Echo ConfBridge Queue VoiceMail MixMonitor System';
  for (const a of apps.split(' ')) {
    const doc = applicationDoc(a.toLowerCase());
    assert.ok(doc, a);
    assert.ok(doc.signature.startsWith(`${a}(`) && doc.summary.length > 10, a);
  }
  for (const f of 'CALLERID CHANNEL CUT LEN IF STRFTIME DB'.split(' ')) assert.ok(functionDoc(f)?.signature.startsWith(`${f}(`), f);
});

test('application and function help reads in the display language', async () => {
  const { readFileSync } = await import('node:fs');
  const { resolve } = await import('node:path');
  const { formatMessage, setTranslator } = await import('../../../src/extension/util/l10n');
  const { applicationDoc, functionDoc } = await import('../../../src/extension/dialplan/core/appDocs');
  const ru = JSON.parse(readFileSync(resolve(__dirname, '../../../l10n/bundle.l10n.ru.json'), 'utf8')) as Record<string, string>;
  setTranslator((m, ...a) => formatMessage(ru[m] ?? m, ...a));
  try {
    assert.match(applicationDoc('stasis')?.summary ?? '', /^Передаёт канал ARI-приложению/);
    assert.match(functionDoc('CALLERID')?.summary ?? '', /^Читает или задаёт части caller id/);
  } finally {
    setTranslator(undefined);
  }
  assert.match(applicationDoc('Echo')?.summary ?? '', /^Sends the caller's audio straight back/);
});
