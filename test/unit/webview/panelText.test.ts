// The event panel in a Russian VS Code: the host translates the panel's words, puts them in
// the page, and the webview builds its toolbar and list header from them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window, type HTMLElement, type HTMLInputElement } from 'happy-dom';
import { formatMessage, setTranslator } from '../../../src/extension/util/l10n';
import { panelText } from '../../../src/extension/webviews/panelText';
import { buildEventPanelHtml } from '../../../src/extension/webviews/html';
import { ENGLISH_PANEL_TEXT, readPanelText } from '../../../src/shared/panelText';
import { repoRoot } from '../shared/fixtures';

interface AppLike {
  start(): void;
}
type AppCtor = new (root: HTMLElement, api: unknown, opts: { viewportHeight: () => number }) => AppLike;

function pageWith(lang: string | undefined): string {
  const ru = JSON.parse(readFileSync(resolve(repoRoot, 'l10n/bundle.l10n.ru.json'), 'utf8')) as Record<string, string>;
  if (lang === 'ru') setTranslator((m, ...a) => formatMessage(ru[m] ?? m, ...a));
  try {
    return buildEventPanelHtml({
      cspSource: 'vscode-resource:',
      nonce: 'n0nce',
      scriptUri: 's.js',
      styleUri: 's.css',
      codiconUri: 'c.css',
      variant: 'panel',
      text: panelText(),
      lang,
    });
  } finally {
    setTranslator(undefined);
  }
}

test('the page carries the translated words; the webview builds its toolbar from them', async () => {
  const html = pageWith('ru');
  assert.match(html, /<html lang="ru">/);
  const window = new Window();
  const document = window.document;
  document.body.innerHTML = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)![1].replace(/<script[\s\S]*?<\/script>/, '');
  const root = document.getElementById('app') as HTMLElement;
  const load = (rel: string): Promise<Record<string, unknown>> => import(pathToFileURL(resolve(__dirname, rel)).href);
  const uiText = await load('../../../src/webview/uiText.ts');
  (uiText.loadPanelText as (json: string | undefined) => void)(root.dataset.text);
  try {
    const EventApp = (await load('../../../src/webview/app.ts')).EventApp as AppCtor;
    const api = { postMessage: () => undefined, getState: () => undefined, setState: () => undefined };
    new EventApp(root, api, { viewportHeight: () => 220 }).start();
    assert.equal((document.getElementById('filter-text') as HTMLInputElement).placeholder, 'Фильтр по тексту в JSON');
    assert.equal(document.getElementById('pause')?.textContent, 'Пауза');
    assert.equal(document.querySelector('.col-time')?.textContent, 'Время');
    assert.equal(document.querySelector('.type-filter-label')?.textContent, 'Все типы');
  } finally {
    (uiText.loadPanelText as (json: string | undefined) => void)(JSON.stringify(ENGLISH_PANEL_TEXT));
  }
});

test('without a translator the host sends English; bad data from the page falls back to English', () => {
  assert.deepEqual(panelText(), ENGLISH_PANEL_TEXT);
  const read = readPanelText({ pause: 'Пауза', resume: 42, unknown: 'x', clear: 'x'.repeat(501) });
  assert.equal(read.pause, 'Пауза');
  assert.equal(read.resume, 'Resume');
  assert.equal(read.clear, 'Clear');
  assert.ok(!('unknown' in read));
});

test("the list's summaries are in the display language; Asterisk's own values stay as sent", async () => {
  const ru = JSON.parse(readFileSync(resolve(repoRoot, 'l10n/bundle.l10n.ru.json'), 'utf8')) as Record<string, string>;
  const { describeEvent } = await import('../../../src/extension/webviews/eventSummary');
  const channel = { id: '1.1', name: 'PJSIP/alice-0001', state: 'Up', caller: { name: '', number: '' }, dialplan: {} };
  setTranslator((m, ...a) => formatMessage(ru[m] ?? m, ...a));
  try {
    assert.equal(describeEvent({ type: 'ChannelStateChange', channel }).summary, 'состояние Up');
    assert.equal(describeEvent({ type: 'ChannelDtmfReceived', channel, digit: '5', duration_ms: 120 }).summary, 'цифра 5 (120 мс)');
    assert.equal(describeEvent({ type: 'StasisEnd', channel, application: 'hello-world' }).summary, 'покинул hello-world');
  } finally {
    setTranslator(undefined);
  }
  assert.equal(describeEvent({ type: 'ChannelStateChange', channel }).summary, 'state Up');
});
