// The webview's DOM logic in happy-dom: the app is given a fake VS Code API and fed the
// messages the extension would send.
//
// The webview sources use the DOM lib, which the root tsconfig (Node) does not have, so
// they are loaded at run time by path and this file types the DOM with happy-dom's classes.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window, type Document, type HTMLElement, type HTMLInputElement, type HTMLButtonElement } from 'happy-dom';
import type { PersistedState, VsCodeApi } from '../../../src/webview/vscodeApi';
import { EMPTY_FILTER, type RowSummary, type StateMessage, type WebviewToExtension } from '../../../src/shared/protocol';

interface EventAppLike {
  start(): void;
  handleMessage(data: unknown): void;
}
type EventAppCtor = new (root: HTMLElement, api: VsCodeApi, opts: { viewportHeight: () => number }) => EventAppLike;
type EventApp = EventAppLike;
let EventApp: EventAppCtor;
let ROW_HEIGHT = 22;

before(async () => {
  const load = (rel: string): Promise<Record<string, unknown>> => import(pathToFileURL(resolve(__dirname, rel)).href);
  EventApp = (await load('../../../src/webview/app.ts')).EventApp as EventAppCtor;
  ROW_HEIGHT = (await load('../../../src/webview/virtualList.ts')).ROW_HEIGHT as number;
});

class FakeApi implements VsCodeApi {
  posted: WebviewToExtension[] = [];
  state: unknown;
  constructor(initial?: PersistedState) {
    this.state = initial;
  }
  postMessage(m: WebviewToExtension): void {
    this.posted.push(m);
  }
  getState(): unknown {
    return this.state;
  }
  setState(s: PersistedState): void {
    this.state = s;
  }
  take<K extends WebviewToExtension['kind']>(kind: K): Extract<WebviewToExtension, { kind: K }>[] {
    const out = this.posted.filter((m) => m.kind === kind) as Extract<WebviewToExtension, { kind: K }>[];
    this.posted = this.posted.filter((m) => m.kind !== kind);
    return out;
  }
}

function mount(initial?: PersistedState, viewportHeight: () => number = () => 10 * ROW_HEIGHT, variant = 'panel', lang = 'en') {
  const window = new Window();
  const document: Document = window.document;
  document.documentElement.lang = lang;
  document.body.innerHTML = `<div id="app" data-variant="${variant}"></div>`;
  const api = new FakeApi(initial);
  const app = new EventApp(document.getElementById('app') as HTMLElement, api, { viewportHeight });
  app.start();
  return { window, document, api, app };
}

function state(patch: Partial<StateMessage> = {}): StateMessage {
  return {
    kind: 'state',
    epoch: 1,
    total: 0,
    base: 0,
    held: 0,
    typeCounts: {},
    serverCounts: {},
    filter: EMPTY_FILTER,
    paused: false,
    source: { kind: 'live', label: 'live: test' },
    eventTypes: ['ChannelCreated', 'StasisStart', 'BridgeCreated'],
    bufferSize: 50000,
    ...patch,
  };
}

function rows(from: number, to: number): RowSummary[] {
  const out: RowSummary[] = [];
  for (let i = from; i < to; i++) {
    const type = i % 2 ? 'StasisStart' : 'ChannelCreated';
    out.push({ id: i, time: 1796077989000 + i, type, family: i % 2 ? 'stasis' : 'channel', object: `Local/${i}`, summary: `row ${i}` });
  }
  return out;
}

/** Answers the app's pending row requests like the extension would. */
function serve(api: FakeApi, app: EventApp, epoch = 1, base = 0): number {
  const reqs = api.take('requestRows');
  for (const r of reqs) {
    const from = Math.max(r.from, base);
    app.handleMessage({ kind: 'rows', requestId: r.requestId, epoch, from, rows: rows(from, Math.max(from, r.to)) });
  }
  return reqs.length;
}

test('says ready with its saved filter', () => {
  const saved: PersistedState = { filter: { ...EMPTY_FILTER, text: 'hello' }, followTail: false, scrollTop: 0 };
  const { api, document } = mount(saved);
  assert.deepEqual(api.take('ready'), [{ kind: 'ready', filter: saved.filter }]);
  assert.equal((document.getElementById('filter-text') as HTMLInputElement).value, 'hello');
});

test('the virtual list keeps only the visible rows in the DOM, following the tail', () => {
  const { api, app, document } = mount();
  app.handleMessage(state({ total: 100_000, typeCounts: { ChannelCreated: 50_000, StasisStart: 50_000 } }));
  const [req] = api.take('requestRows');
  assert.ok(req, 'asks for the rows it shows');
  assert.equal(req.to, 100_000, 'follow-tail shows the newest rows');
  assert.ok(req.to - req.from <= 40, `a window, not everything (${req.to - req.from})`);
  app.handleMessage({ kind: 'rows', requestId: req.requestId, epoch: 1, from: req.from, rows: rows(req.from, req.to) });
  const rendered = document.querySelectorAll('.event-row');
  assert.ok(rendered.length > 0 && rendered.length <= 40, `rendered ${rendered.length}`);
  const last = rendered[rendered.length - 1] as HTMLElement;
  assert.equal(last.dataset.type, 'StasisStart');
  assert.ok(last.classList.contains('fam-stasis'));
  assert.equal(last.querySelector('.col-object')?.textContent, 'Local/99999');
  assert.equal(
    document.querySelectorAll('.event-row[data-type="ChannelCreated"]').length + document.querySelectorAll('.event-row[data-type="StasisStart"]').length,
    rendered.length,
  );
});

test('a batch update adds rows at the tail', () => {
  const { api, app, document } = mount();
  app.handleMessage(state({ total: 5 }));
  serve(api, app);
  assert.equal(document.querySelectorAll('.event-row').length, 5);
  app.handleMessage({ kind: 'update', epoch: 1, total: 8, base: 0, held: 0, typeCounts: { ChannelCreated: 4, StasisStart: 4 }, serverCounts: {} });
  const [req] = api.take('requestRows');
  assert.deepEqual([req.from, req.to], [5, 8], 'only the new rows are fetched');
  app.handleMessage({ kind: 'rows', requestId: req.requestId, epoch: 1, from: 5, rows: rows(5, 8) });
  assert.equal(document.querySelectorAll('.event-row').length, 8);
  assert.equal(document.getElementById('row-count')?.textContent?.startsWith('8 events'), true);
});

test('a following view draws the tail rows an update carries, without asking', () => {
  const { api, app, document } = mount();
  app.handleMessage(state({ total: 5 }));
  serve(api, app);
  app.handleMessage({ kind: 'update', epoch: 1, total: 7, base: 0, held: 0, typeCounts: {}, serverCounts: {}, tail: { from: 5, rows: rows(5, 7) } });
  assert.deepEqual(api.take('requestRows'), []);
  assert.equal(document.querySelectorAll('.event-row').length, 7);
});

test('typing a filter and picking types send setFilter', () => {
  const { api, app, document, window } = mount();
  app.handleMessage(state({ total: 0, typeCounts: { StasisStart: 3 } }));
  const text = document.getElementById('filter-text') as HTMLInputElement;
  text.value = 'needle';
  text.dispatchEvent(new window.KeyboardEvent('keydown', { key: 'Enter' }));
  const [f1] = api.take('setFilter');
  assert.equal(f1.filter.text, 'needle');

  const typeFilter = document.getElementById('type-filter') as HTMLElement;
  (typeFilter.querySelector('.type-filter-toggle') as HTMLButtonElement).click();
  const option = typeFilter.querySelector('.type-option[data-type="StasisStart"]') as HTMLElement;
  assert.equal(option.querySelector('.type-count')?.textContent, '3', 'live count per type');
  const box = option.querySelector('input') as HTMLInputElement;
  box.checked = true;
  box.dispatchEvent(new window.Event('change', { bubbles: true }));
  const [f2] = api.take('setFilter');
  assert.deepEqual(f2.filter.types, ['StasisStart']);
  assert.equal(f2.filter.text, 'needle');
  app.handleMessage({ kind: 'update', epoch: 1, total: 0, base: 0, held: 0, typeCounts: { StasisStart: 7 }, serverCounts: {} });
  assert.equal(option.querySelector('.type-count')?.textContent, '7');
  assert.equal((api.state as PersistedState).filter.types[0], 'StasisStart', 'filters are persisted with setState');
});

test('pause button and held count', () => {
  const { api, app, document } = mount();
  app.handleMessage(state());
  (document.getElementById('pause') as HTMLElement).click();
  assert.deepEqual(api.take('setPaused'), [{ kind: 'setPaused', paused: true }]);
  app.handleMessage(state({ paused: true, held: 12 }));
  assert.equal(document.getElementById('held-count')?.textContent, '12');
  assert.equal(document.getElementById('pause')?.textContent, 'Resume');
  (document.getElementById('pause') as HTMLElement).click();
  assert.deepEqual(api.take('setPaused'), [{ kind: 'setPaused', paused: false }]);
});

test('the docked view pauses from an icon button whose label says what a click does', () => {
  const { api, app, document } = mount(undefined, undefined, 'view');
  app.handleMessage(state());
  const pause = document.getElementById('pause') as HTMLElement;
  assert.equal(pause.tagName.toLowerCase(), 'vscode-toolbar-button');
  assert.equal(pause.getAttribute('label'), 'Pause');
  pause.click();
  assert.deepEqual(api.take('setPaused'), [{ kind: 'setPaused', paused: true }]);
  app.handleMessage(state({ paused: true, held: 3 }));
  assert.equal(pause.getAttribute('label'), 'Resume');
  assert.equal(pause.getAttribute('title'), 'Resume');
  assert.equal(pause.getAttribute('icon'), 'debug-continue');
  assert.equal(pause.textContent, '', 'an icon button carries no text that would widen the row');
});

test('counts are written the way the display language writes numbers', () => {
  const en = mount();
  en.app.handleMessage(state({ total: 12345 }));
  assert.match(en.document.querySelector('.status')?.textContent ?? '', /12,345.*50,000/);
  const ru = mount(undefined, undefined, 'panel', 'ru');
  ru.app.handleMessage(state({ total: 12345 }));
  assert.match(ru.document.querySelector('.status')?.textContent ?? '', /12\u00a0345.*50\u00a0000/);
  mount(); // the page's language is the module's: English again for the tests that follow
});

test('a row expands to highlighted JSON, with a timeline action', () => {
  const { api, app, document } = mount();
  app.handleMessage(state({ total: 3 }));
  serve(api, app);
  const row = document.querySelector('.event-row[data-id="1"]') as HTMLElement;
  row.click();
  assert.deepEqual(api.take('requestDetail'), [{ kind: 'requestDetail', id: 1 }]);
  const json = JSON.stringify({ type: 'StasisStart', channel: { id: '1.1', name: '<b>x</b>' }, args: [], n: 5, ok: true });
  app.handleMessage({ kind: 'detail', id: 1, json, channelIds: ['1.1'], bridgeIds: [] });
  const detail = document.querySelector('.event-detail') as HTMLElement;
  assert.ok(detail);
  assert.ok(detail.querySelector('.json-key'));
  assert.equal(detail.querySelector('.json-number')?.textContent, '5');
  assert.equal(detail.querySelector('.json-boolean')?.textContent, 'true');
  assert.equal(detail.querySelector('b'), null, 'event text is never parsed as HTML');
  assert.ok(row.classList.contains('expanded'));
  assert.equal((api.state as PersistedState).followTail, false, 'expanding a row stops following the tail');
  (detail.querySelector('.detail-action') as HTMLElement).click();
  const [f] = api.take('setFilter');
  assert.equal(f.filter.channel, '1.1');
  assert.ok(document.body.classList.contains('show-delta'), 'one channel: deltas are shown');
});

test('malformed messages are ignored', () => {
  const { app, document } = mount();
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    app.handleMessage({ kind: 'state', total: 'many' });
    app.handleMessage(null);
    app.handleMessage({ kind: 'rows', requestId: 1, epoch: 1, from: 0, rows: [{ id: 'x' }] });
  } finally {
    console.warn = warn;
  }
  assert.equal(document.querySelectorAll('.event-row').length, 0);
});

test('buttons send clear, export and open-log', () => {
  const { api, document } = mount();
  for (const id of ['clear', 'export', 'open-log']) (document.getElementById(id) as HTMLElement).click();
  assert.deepEqual(
    api.posted.filter((m) => m.kind !== 'ready').map((m) => m.kind),
    ['clear', 'export', 'openLog'],
  );
});

test('keyboard: arrows move a cursor row, Enter expands it, and leaving the tail stops following', () => {
  const { api, app, document, window } = mount();
  app.handleMessage(state({ total: 200 }));
  serve(api, app);
  const list = document.getElementById('list') as HTMLElement;
  const key = (k: string): void => {
    list.dispatchEvent(new window.KeyboardEvent('keydown', { key: k, bubbles: true }));
    serve(api, app);
  };
  key('End');
  assert.equal(document.querySelector('.event-row.cursor')?.getAttribute('data-id'), '199');
  key('ArrowUp');
  assert.equal(document.querySelector('.event-row.cursor')?.getAttribute('data-id'), '198');
  assert.equal((api.state as PersistedState).followTail, false);
  key('Home');
  assert.equal(list.scrollTop, 0);
  assert.equal(document.querySelector('.event-row.cursor')?.getAttribute('data-id'), '0');
  key('Enter');
  assert.deepEqual(api.take('requestDetail'), [{ kind: 'requestDetail', id: 0 }]);
});

test('scroll position is saved and restored; rows dropped from the front keep the view steady', () => {
  const { api, app, document, window } = mount();
  app.handleMessage(state({ total: 1000 }));
  serve(api, app);
  const list = document.getElementById('list') as HTMLElement;
  list.scrollTop = 300 * ROW_HEIGHT;
  list.dispatchEvent(new window.Event('scroll'));
  serve(api, app);
  const saved = api.state as PersistedState;
  assert.equal(saved.followTail, false, 'scrolling up leaves the tail');
  assert.equal(saved.scrollTop, 300 * ROW_HEIGHT);
  // 50 rows fall out of the ring buffer: the same events stay in view.
  app.handleMessage({ kind: 'update', epoch: 1, total: 1000, base: 50, held: 0, typeCounts: {}, serverCounts: {} });
  assert.equal(list.scrollTop, 250 * ROW_HEIGHT);
  serve(api, app, 1, 50);
  const first = document.querySelector('.event-row') as HTMLElement;
  assert.ok(Number(first.dataset.id) >= 290, `row ${first.dataset.id}`);

  const again = mount(saved);
  again.app.handleMessage(state({ total: 1000 }));
  assert.equal((again.document.getElementById('list') as HTMLElement).scrollTop, 300 * ROW_HEIGHT);
});

test('a window the extension cannot fill is not asked for again until new counts arrive', () => {
  const { api, app } = mount();
  app.handleMessage(state({ total: 5 }));
  const [req] = api.take('requestRows');
  app.handleMessage({ kind: 'rows', requestId: req.requestId, epoch: 1, from: 2, rows: rows(2, 5) });
  assert.deepEqual(api.take('requestRows'), [], 'no request loop');
  app.handleMessage({ kind: 'update', epoch: 1, total: 3, base: 2, held: 0, typeCounts: {}, serverCounts: {} });
  assert.deepEqual(api.take('requestRows'), [], 'everything visible is cached now');
});

test('clicking filters, the toolbar, the status line or the list itself keeps following the tail', () => {
  const { api, app, document, window } = mount();
  app.handleMessage(state({ total: 200 }));
  serve(api, app);
  const list = document.getElementById('list') as HTMLElement;
  const bottom = 200 * ROW_HEIGHT - 10 * ROW_HEIGHT;
  assert.equal(list.scrollTop, bottom);
  const following = (): boolean => (api.state as PersistedState).followTail;

  (document.getElementById('filter-text') as HTMLElement).click();
  (document.querySelector('.type-filter-toggle') as HTMLElement).click();
  (document.querySelector('.type-filter-toggle') as HTMLElement).click();
  (document.querySelector('.status') as HTMLElement).click();
  (list.querySelector('.list-spacer') as HTMLElement).click();
  assert.equal(following(), true, 'clicks outside the rows do not touch following');
  assert.deepEqual(api.take('requestDetail'), [], 'and expand nothing');

  // Clicking or tabbing into the list focuses it; the browser may then scroll on its own
  // (bringing the focused element into view). That is not the user leaving the tail.
  list.dispatchEvent(new window.FocusEvent('focusin', { bubbles: true }));
  list.scrollTop = 150 * ROW_HEIGHT;
  list.dispatchEvent(new window.Event('scroll'));
  assert.equal(following(), true, 'a scroll caused by focus keeps following');
  assert.equal(list.scrollTop, bottom, 'and the view is put back on the newest row');
  assert.equal((document.getElementById('follow-tail') as HTMLElement & { checked?: boolean }).checked, true);

  // New events still scroll into view.
  app.handleMessage({ kind: 'update', epoch: 1, total: 203, base: 0, held: 0, typeCounts: {}, serverCounts: {}, tail: { from: 200, rows: rows(200, 203) } });
  assert.equal(list.scrollTop, 203 * ROW_HEIGHT - 10 * ROW_HEIGHT);
  assert.ok(document.querySelector('.event-row[data-id="202"]'), 'the newest row is drawn');

  // The wheel is the user: scrolling up with it leaves the tail, even right after a focus.
  list.dispatchEvent(new window.Event('wheel'));
  list.scrollTop = 100 * ROW_HEIGHT;
  list.dispatchEvent(new window.Event('scroll'));
  assert.equal(following(), false, 'the user scrolling up stops following');
});

test('the list changing height (toolbar wrapping, panel resized) does not stop following', () => {
  let height = 10 * ROW_HEIGHT;
  const { api, app, document, window } = mount(undefined, () => height);
  app.handleMessage(state({ total: 200 }));
  serve(api, app);
  const list = document.getElementById('list') as HTMLElement;
  // The toolbar wraps: the list is a row shorter and the browser re-lays it out.
  height = 9 * ROW_HEIGHT;
  list.dispatchEvent(new window.Event('scroll'));
  assert.equal((api.state as PersistedState).followTail, true);
  assert.equal(list.scrollTop, 200 * ROW_HEIGHT - 9 * ROW_HEIGHT, 'back on the newest row');
  // A scroll with nothing else to explain it is still the user's (the scrollbar, say).
  list.scrollTop = 20 * ROW_HEIGHT;
  list.dispatchEvent(new window.Event('scroll'));
  assert.equal((api.state as PersistedState).followTail, false);
});

test('the expanded row names its channel and bridge; the id is in the tooltip and is what filters', () => {
  const { api, app, document } = mount();
  app.handleMessage(state({ total: 3 }));
  serve(api, app);
  (document.querySelector('.event-row[data-id="2"]') as HTMLElement).click();
  const json = JSON.stringify({
    type: 'ChannelEnteredBridge',
    channel: { id: '1700000000.42', name: 'PJSIP/alice-00000007' },
    bridge: { id: 'b-9f2', name: 'conference-7' },
  });
  app.handleMessage({ kind: 'detail', id: 2, json, channelIds: ['1700000000.42'], bridgeIds: ['b-9f2', 'b-unnamed'] });
  const actions = [...document.querySelectorAll('.detail-action')] as HTMLElement[];
  assert.deepEqual(
    actions.map((a) => [a.textContent, a.title, a.dataset.value]),
    [
      ['Timeline of channel PJSIP/alice-00000007', 'Channel id: 1700000000.42', '1700000000.42'],
      ['Events of bridge conference-7', 'Bridge id: b-9f2', 'b-9f2'],
      ['Events of bridge b-unnamed', 'Bridge id: b-unnamed', 'b-unnamed'],
      ['Show Call Flow', 'The ladder diagram of the call this event belongs to', undefined],
    ],
  );
  actions[3]!.click();
  assert.deepEqual(api.take('showCallFlow'), [{ kind: 'showCallFlow', id: 2 }], "the flow of the event's call");
  actions[0]!.click();
  assert.equal(api.take('setFilter')[0]?.filter.channel, '1700000000.42', 'filters by the exact id');
});

test('events of two servers: a server column, a server filter with counts, and the server in the detail', () => {
  const { api, app, document } = mount();
  app.handleMessage(state({ total: 2, serverCounts: { Lab: 1 } }));
  const select = document.getElementById('filter-server') as unknown as HTMLElement & {
    value: string;
    options: ArrayLike<{ value: string; textContent: string | null }>;
  };
  assert.ok(select.hidden, 'one server: no server filter');
  assert.ok(!document.body.classList.contains('multi-server'), 'one server: no server column');
  app.handleMessage({ kind: 'update', epoch: 1, total: 3, base: 0, held: 0, typeCounts: {}, serverCounts: { Lab: 1, Prod: 2 } });
  assert.ok(!select.hidden);
  assert.ok(document.body.classList.contains('multi-server'));
  assert.deepEqual(
    Array.from(select.options).map((o) => o.textContent),
    ['All servers', 'Lab (1)', 'Prod (2)'],
  );
  select.value = 'Prod';
  select.dispatchEvent(new document.defaultView!.Event('change'));
  const [f] = api.take('setFilter');
  assert.equal(f.filter.server, 'Prod');
  app.handleMessage(state({ total: 1, filter: { ...EMPTY_FILTER, server: 'Prod' }, serverCounts: { Lab: 1, Prod: 2 } }));
  assert.equal(select.value, 'Prod');
  api.take('requestRows');
  app.handleMessage({ kind: 'rows', requestId: 99, epoch: 1, from: 0, rows: [{ ...rows(0, 1)[0], server: 'Prod' }] });
  serve(api, app);
  const row = document.querySelector('.event-row[data-id="0"]') as HTMLElement;
  assert.equal(row.querySelector('.col-server')?.textContent, 'Prod');
  assert.equal(document.querySelector('.list-header .col-server')?.textContent, 'Server');
  row.click();
  app.handleMessage({ kind: 'detail', id: 0, json: '{"type":"StasisStart"}', channelIds: [], bridgeIds: [], server: 'Prod' });
  assert.equal(document.querySelector('.detail-server')?.textContent, 'Server: Prod');
});
