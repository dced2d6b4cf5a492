// The Call Flow webview in happy-dom, fed the model the host builds from a recorded call:
// lanes, virtualized rows, keyboard navigation, click → detail, live lanes, escaping.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window, type Document, type HTMLElement } from 'happy-dom';
import type { FlowModelMessage, FlowWebviewMessage } from '../../../src/shared/callflowProtocol';
import { buildCallFlowHtml } from '../../../src/extension/callflow/html';
import { EventStore } from '../../../src/extension/webviews/eventStore';
import { FlowController, type FlowHost } from '../../../src/extension/callflow/controller';
import { FlowSource } from '../../../src/extension/callflow/source';
import { nullLogger } from '../../../src/extension/util/logger';
import { channelId, transcriptEvents } from './transcript';

interface FlowAppLike {
  start(): void;
  handleMessage(data: unknown): void;
}
type FlowAppCtor = new (root: HTMLElement, api: { postMessage(m: FlowWebviewMessage): void }, opts: { viewportHeight: () => number }) => FlowAppLike;
let FlowApp: FlowAppCtor;
let ROW = 26;

before(async () => {
  const mod = (await import(pathToFileURL(resolve(__dirname, '../../../src/webview/callflow/app.ts')).href)) as Record<string, unknown>;
  FlowApp = mod.FlowApp as FlowAppCtor;
  ROW = mod.FLOW_ROW_HEIGHT as number;
});

const demo = transcriptEvents('22-demo-traffic.json');

/** The model the host sends for a call of the demo traffic. */
function modelOf(suffix: string, live: Set<string> = new Set()): FlowModelMessage {
  const store = new EventStore(10_000);
  for (const { event } of demo) store.push(event, 0);
  const source = new FlowSource(store, 'live');
  source.sync();
  let model: FlowModelMessage | undefined;
  const host: FlowHost = {
    log: nullLogger,
    isLiveChannel: (id) => live.has(id),
    goToDialplan: async () => undefined,
    channelCommands: async () => undefined,
    exportLadder: async () => undefined,
    titleChanged: () => undefined,
  };
  const c = new FlowController(
    { postMessage: (m) => (m.kind === 'model' ? (model = m) : undefined), onDidReceiveMessage: () => ({ dispose() {} }) },
    source,
    `c:${channelId(demo, suffix)}`,
    host,
  );
  void c.handle({ kind: 'ready' });
  if (!model) throw new Error('no model');
  return model;
}

function mount(rowsInView = 12) {
  const window = new Window();
  const document: Document = window.document;
  document.body.innerHTML = '<div id="app"></div>';
  const posted: FlowWebviewMessage[] = [];
  const app = new FlowApp(document.getElementById('app') as HTMLElement, { postMessage: (m) => posted.push(m) }, { viewportHeight: () => rowsInView * ROW });
  app.start();
  return { window, document, posted, app };
}

function rowLabels(document: Document): string[] {
  return [...document.querySelectorAll('.flow-row')]
    .sort((a, b) => Number((a as HTMLElement).dataset.row) - Number((b as HTMLElement).dataset.row))
    .map((r) => r.querySelector('.flow-label')?.textContent ?? '');
}

test('draws the lanes and the first rows of the call, with a status', () => {
  const { document, posted, app } = mount(40);
  assert.deepEqual(posted, [{ kind: 'ready' }]);
  app.handleMessage(modelOf('00000020;2'));
  const headers = [...document.querySelectorAll('.lane-header')].map((h) => [h.textContent, h.getAttribute('aria-label')]);
  assert.deepEqual(headers, [
    ['…rom-test-00000020;1', 'Local/1776@from-test-00000020;1\n"Carol" <1003>'],
    ['…rom-test-00000020;2', 'Local/1776@from-test-00000020;2\n"Carol" <1003>'],
    ['hello-world', 'hello-world\nStasis application'],
  ]);
  const labels = rowLabels(document);
  for (const want of [
    'created',
    'NoOp()',
    'Answer()',
    'Stasis(hello-world)',
    'StasisStart',
    '▶ sound:hello-world',
    'StasisEnd',
    'destroyed: 16 Normal Clearing',
  ]) {
    assert.ok(labels.includes(want), `${want} drawn`);
  }
  assert.ok(document.querySelector('.flow-row.kind-stasisStart .flow-arrow.right'), 'StasisStart is an arrow to the app lane');
  assert.ok(document.querySelector('.span-bar.span-playback.span-start'), 'the playback bar');
  assert.match(document.getElementById('flow-status')?.textContent ?? '', /^Call ended · \d+ elements$/);
});

test('only the rows in view (plus overscan) are in the DOM', () => {
  const { document, app } = mount(5);
  const model = modelOf('0000001e;2');
  assert.ok(model.elements.length > 40);
  app.handleMessage(model);
  const n = document.querySelectorAll('.flow-row').length;
  assert.ok(n > 0 && n < model.elements.length, `${n} rows of ${model.elements.length}`);
});

test('arrow keys select elements and ask for their JSON; Enter on a dialplan step asks to open it', () => {
  const { document, posted, app } = mount(60);
  const model = modelOf('00000020;2');
  app.handleMessage(model);
  const scroll = document.getElementById('flow-scroll') as HTMLElement;
  const key = (k: string): void => {
    scroll.dispatchEvent(new document.defaultView!.KeyboardEvent('keydown', { key: k, bubbles: true }));
  };
  key('ArrowDown');
  assert.deepEqual(posted[posted.length - 1], { kind: 'requestDetail', row: 0 });
  assert.equal(document.querySelector('.flow-row.selected')?.getAttribute('data-row'), '0');
  const stasis = model.elements.findIndex((e) => e.label === 'Stasis(hello-world)');
  for (let i = 0; i < stasis; i++) key('ArrowDown');
  assert.deepEqual(posted[posted.length - 1], { kind: 'requestDetail', row: stasis });
  assert.ok(document.querySelector('.go-dialplan'), 'the detail offers Go to Dialplan');
  key('Enter');
  assert.deepEqual(posted[posted.length - 1], { kind: 'goToDialplan', row: stasis });
  app.handleMessage({ kind: 'detail', row: stasis, json: '{"type":"ChannelDialplan"}' });
  assert.equal(document.querySelector('.detail-json')?.textContent, '{"type":"ChannelDialplan"}');
  key('End');
  assert.deepEqual(posted[posted.length - 1], { kind: 'requestDetail', row: model.elements.length - 1 });
});

test('a click selects the element under it', () => {
  const { document, posted, app } = mount(60);
  app.handleMessage(modelOf('00000020;2'));
  (document.querySelector('.flow-row[data-row="3"] .flow-label') as HTMLElement).click();
  assert.deepEqual(posted[posted.length - 1], { kind: 'requestDetail', row: 3 });
});

test('a live channel lane header offers its commands; an ended one does not', () => {
  const { document, posted, app } = mount();
  app.handleMessage(modelOf('00000020;2'));
  assert.equal(document.querySelectorAll('.lane-header.live').length, 0);
  const model = modelOf('00000020;2');
  model.lanes[1].live = true;
  app.handleMessage(model);
  (document.querySelector('.lane-header.live') as HTMLElement).click();
  assert.deepEqual(posted[posted.length - 1], { kind: 'laneCommands', lane: 1 });
});

test('export buttons ask the host', () => {
  const { document, posted, app } = mount();
  app.handleMessage(modelOf('00000020;2'));
  (document.getElementById('export-mermaid') as HTMLElement).click();
  (document.getElementById('export-svg') as HTMLElement).click();
  (document.getElementById('export-markdown') as HTMLElement).click();
  assert.deepEqual(posted.slice(-3), [
    { kind: 'export', format: 'mermaid' },
    { kind: 'export', format: 'svg' },
    { kind: 'export', format: 'markdown' },
  ]);
});

test('names from the server are text, never markup; malformed messages are ignored', () => {
  const { document, app } = mount();
  const model = modelOf('00000020;2');
  model.lanes[0].label = '<img src=x onerror=alert(1)>';
  model.elements[0].label = '<b>bold</b>';
  app.handleMessage(model);
  assert.equal(document.querySelectorAll('img, b').length, 0);
  assert.equal(document.querySelector('.lane-header')?.getAttribute('aria-label'), '<img src=x onerror=alert(1)>\n"Carol" <1003>');
  app.handleMessage({ kind: 'model', lanes: 'x' });
  assert.equal(document.querySelectorAll('.lane-header').length, 3);
});

test('the empty state says so', () => {
  const { document, app } = mount();
  app.handleMessage({ ...modelOf('00000020;2'), lanes: [], elements: [], spans: [] });
  assert.equal(document.getElementById('flow-status')?.textContent, 'No events of this call are in the buffer');
});

test('the panel HTML has a strict CSP: only the nonce script, nothing inline or remote', () => {
  const html = buildCallFlowHtml({
    cspSource: 'vscode-resource:',
    nonce: 'abc123',
    scriptUri: 'vscode-resource:/dist/webview/callflow.js',
    styleUri: 'vscode-resource:/media/callflow.css',
    codiconUri: 'vscode-resource:/c.css',
    title: 'Call "Flow" <x>',
    lang: 'ru',
  });
  assert.ok(html.includes('<html lang="ru">'), 'the page declares the display language');
  assert.match(html, /default-src 'none'; script-src 'nonce-abc123'; style-src vscode-resource: 'nonce-abc123'/);
  assert.equal((html.match(/<script /g) ?? []).length, 1);
  assert.match(html, /<script nonce="abc123" src="vscode-resource:\/dist\/webview\/callflow.js"><\/script>/);
  assert.ok(html.includes('<title>Call &quot;Flow&quot; &lt;x&gt;</title>'));
});
