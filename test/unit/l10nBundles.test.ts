// The Russian text reaches the user the way VS Code loads it: package.json's "l10n" names the
// folder of bundle.l10n.<locale>.json (runtime t() messages), and package.nls.<locale>.json beside
// package.json replaces every "%key%" of the manifest. A key or message that Russian lacks shows
// up in English in a Russian VS Code, so each is checked here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './shared/fixtures';
import { formatMessage, setTranslator } from '../../src/extension/util/l10n';
import { validateDtmf, validateInteger } from '../../src/extension/commands/validate';
import { errorFromResponse } from '../../src/extension/ari/errors';

type Json = Record<string, unknown>;
const readJson = (rel: string): Json => JSON.parse(readFileSync(path.join(repoRoot, rel), 'utf8')) as Json;
const pkg = readJson('package.json');
const nlsEn = readJson('package.nls.json') as Record<string, string>;
const nlsRu = readJson('package.nls.ru.json') as Record<string, string>;

// What VS Code does with display language `ru`: the manifest's %key% from package.nls.ru.json,
// falling back to package.nls.json; t() messages looked up in <l10n>/bundle.l10n.ru.json.
function manifestText(value: string, nls: Record<string, string>): string {
  const m = /^%([^%]+)%$/.exec(value);
  return m ? (nls[m[1]] ?? nlsEn[m[1]] ?? value) : value;
}
function runtimeBundle(locale?: string): Record<string, string> {
  const dir = pkg.l10n as string;
  return readJson(path.join(dir, locale ? `bundle.l10n.${locale}.json` : 'bundle.l10n.json')) as Record<string, string>;
}

const placeholders = (s: string): string[] => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

// Text fields of the manifest, with where they are; names of the product and of ARI stay as is.
const BRAND = new Set(['ARI', 'ARI Explorer']);
function manifestTexts(): { where: string; value: string }[] {
  const c = pkg.contributes as Json;
  const out: { where: string; value: string }[] = [];
  const add = (where: string, value: unknown): void => {
    if (typeof value === 'string' && !BRAND.has(value)) out.push({ where, value });
  };
  for (const cmd of (c.commands ?? []) as { command: string; title: string }[]) add(cmd.command, cmd.title);
  for (const list of Object.values((c.views ?? {}) as Record<string, { id: string; name: string }[]>)) {
    for (const v of list) add(v.id, v.name);
  }
  for (const list of Object.values((c.viewsContainers ?? {}) as Record<string, { id: string; title: string }[]>)) {
    for (const v of list) add(v.id, v.title);
  }
  for (const [i, w] of ((c.viewsWelcome ?? []) as { contents: string }[]).entries()) add(`viewsWelcome[${i}]`, w.contents);
  const configs = Array.isArray(c.configuration) ? (c.configuration as Json[]) : [c.configuration as Json];
  for (const conf of configs) {
    if (!conf) continue;
    add('configuration.title', conf.title);
    for (const [key, p] of Object.entries((conf.properties ?? {}) as Record<string, Json>)) {
      add(key, p.description);
      add(key, p.markdownDescription);
      for (const d of (p.enumDescriptions ?? []) as unknown[]) add(`${key} enum`, d);
      for (const d of (p.markdownEnumDescriptions ?? []) as unknown[]) add(`${key} enum`, d);
    }
  }
  for (const w of (c.walkthroughs ?? []) as { id: string; title: string; description: string; steps?: Json[] }[]) {
    add(w.id, w.title);
    add(w.id, w.description);
    for (const s of w.steps ?? []) {
      add(`${w.id}/${String(s.id)}`, s.title);
      add(`${w.id}/${String(s.id)}`, s.description);
    }
  }
  return out;
}

test('package.json points VS Code at the l10n folder and the Russian bundles sit where it looks', () => {
  assert.equal(pkg.l10n, './l10n');
  for (const f of ['l10n/bundle.l10n.json', 'l10n/bundle.l10n.ru.json', 'package.nls.json', 'package.nls.ru.json']) {
    assert.ok(existsSync(path.join(repoRoot, f)), `${f} exists`);
  }
});

test('every manifest text is a %key% with English and Russian', () => {
  const literal = manifestTexts().filter(({ value }) => !/^%[^%]+%$/.test(value));
  assert.deepEqual(literal, [], 'put these in contrib/nls/<fragment>.json and .ru.json');
  for (const { where, value } of manifestTexts()) {
    const key = value.slice(1, -1);
    assert.ok(nlsEn[key], `${where}: %${key}% has English`);
    assert.ok(nlsRu[key], `${where}: %${key}% has Russian`);
  }
});

test('a Russian VS Code shows translated commands, views and settings', () => {
  const c = pkg.contributes as {
    commands: { command: string; title: string }[];
    views: Record<string, { id: string; name: string }[]>;
    configuration: Json | Json[];
  };
  const title = (id: string, nls: Record<string, string>): string => manifestText(c.commands.find((x) => x.command === id)?.title ?? '', nls);
  assert.equal(title('ariExplorer.channel.hangup', nlsEn), 'Hang Up…');
  assert.equal(title('ariExplorer.channel.hangup', nlsRu), 'Завершить вызов…');
  assert.equal(title('ariExplorer.channel.play', nlsRu), 'Воспроизвести на канале…');
  assert.equal(title('ariExplorer.profiles.connect', nlsRu), 'Подключиться');
  assert.equal(title('ariExplorer.dialplan.reload', nlsRu), 'Перезагрузить диалплан');
  const views = Object.values(c.views).flat();
  assert.equal(manifestText(views.find((v) => v.id === 'ariExplorer.eventsView')?.name ?? '', nlsRu), 'События');
  const props = Object.assign({}, ...(Array.isArray(c.configuration) ? c.configuration : [c.configuration]).map((x) => x.properties)) as Record<
    string,
    { markdownDescription?: string; enumDescriptions?: string[] }
  >;
  const reload = props['ariExplorer.dialplan.reloadOnSave'];
  assert.match(manifestText(reload.markdownDescription ?? '', nlsRu), /^Что делать после сохранения файла диалплана/);
  assert.match(manifestText(reload.enumDescriptions?.[2] ?? '', nlsRu), /«ARI: Перезагрузить диалплан»/);
  // Russian is not English copied over: most keys read differently.
  const same = Object.keys(nlsRu).filter((k) => nlsRu[k] === nlsEn[k]);
  assert.ok(same.length <= Object.keys(nlsRu).length / 20, `copied English: ${same.join(', ')}`);
});

test('runtime messages load from bundle.l10n.ru.json with their placeholders intact', () => {
  const en = runtimeBundle();
  assert.deepEqual(en, readJson('l10n/bundle.l10n.json'));
  const ru = runtimeBundle('ru');
  assert.deepEqual(Object.keys(ru).sort(), Object.keys(en).sort(), 'every message has Russian');
  for (const [message, text] of Object.entries(ru)) {
    assert.deepEqual(placeholders(text), placeholders(message), `placeholders of "${message}"`);
  }
});

test('the Russian welcome texts link the same commands as the English ones', () => {
  for (const w of (pkg.contributes as { viewsWelcome: { contents: string }[] }).viewsWelcome) {
    const links = (s: string): string[] => [...s.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]);
    const en = manifestText(w.contents, nlsEn);
    assert.ok(links(en).length > 0, en);
    assert.deepEqual(links(manifestText(w.contents, nlsRu)), links(en), w.contents);
  }
});

test('with the Russian bundle installed as activation installs vscode.l10n.t, code speaks Russian', () => {
  const ru = runtimeBundle('ru');
  setTranslator((message, ...args) => formatMessage(ru[message] ?? message, ...args));
  try {
    assert.equal(validateDtmf('x'), '«x» — не цифра DTMF: используйте 0-9, A-D, * и #, а «,» для паузы.');
    assert.equal(validateInteger({ min: 1 })('0'), 'Не меньше 1.');
    const err = errorFromResponse('GET', '/ari/channels', 401, '{"message":"Authentication required"}', 'application/json');
    assert.match(err.hint, /^Проверьте имя пользователя и пароль профиля/);
  } finally {
    setTranslator(undefined);
  }
  assert.equal(validateInteger({ min: 1 })('0'), 'At least 1.');
});
