// The event panel's webview is untrusted: every message from it goes through the protocol
// guard and the controller. Malformed, oversized, hostile and cyclic messages must neither
// throw nor act (no post back, no filter/pause/store change, no export or file dialog), and
// the HTML must forbid inline scripts without the nonce and any remote load, whatever the
// URIs it is given contain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventStore } from '../../../src/extension/webviews/eventStore';
import { EventViewController, type EventViewHost, type WebviewPort } from '../../../src/extension/webviews/eventViewController';
import { buildEventPanelHtml, makeNonce } from '../../../src/extension/webviews/html';
import type { TimerApi } from '../../../src/extension/webviews/batcher';
import { Emitter } from '../../../src/extension/util/emitter';
import { MemoryLogger } from '../../../src/extension/util/logger';
import { EMPTY_FILTER, MAX_FILTER_TEXT, MAX_ROWS_PER_REQUEST, isWebviewToExtension, type ExtensionToWebview } from '../../../src/shared/protocol';

const noTimers: TimerApi = { setTimeout: () => 0, clearTimeout: () => undefined };

class Port implements WebviewPort {
  readonly posted: ExtensionToWebview[] = [];
  readonly incoming = new Emitter<unknown>();
  postMessage(m: ExtensionToWebview): Promise<boolean> {
    this.posted.push(m);
    return Promise.resolve(true);
  }
  onDidReceiveMessage(l: (m: unknown) => void) {
    return this.incoming.event(l);
  }
}

function hostile(): unknown[] {
  const goodFilter = { ...EMPTY_FILTER };
  const cyclic: Record<string, unknown> = { kind: 'setFilter' };
  cyclic.filter = cyclic;
  const cyclicTypes: unknown[] = [];
  cyclicTypes.push(cyclicTypes);
  return [
    undefined,
    null,
    0,
    NaN,
    true,
    'ready',
    'setFilter',
    [],
    [{ kind: 'ready' }],
    {},
    { kind: 1 },
    { kind: null },
    { kind: 'READY' },
    { kind: 'ready ' },
    { kind: 'deleteEverything' },
    { kind: 'eval', code: 'process.exit(1)' },
    { kind: '__proto__' },
    { kind: 'constructor' },
    { kind: 'toString' },
    JSON.parse('{"kind":"hasOwnProperty"}'),
    { kind: 'ready', filter: 'all' },
    { kind: 'ready', filter: { ...goodFilter, text: 1 } },
    { kind: 'setFilter' },
    { kind: 'setFilter', filter: null },
    { kind: 'setFilter', filter: [] },
    { kind: 'setFilter', filter: { ...goodFilter, types: 'ChannelCreated' } },
    { kind: 'setFilter', filter: { ...goodFilter, types: [1, 2] } },
    { kind: 'setFilter', filter: { ...goodFilter, types: cyclicTypes } },
    { kind: 'setFilter', filter: { ...goodFilter, types: new Array(10_000).fill('ChannelCreated') } },
    { kind: 'setFilter', filter: { ...goodFilter, types: ['x'.repeat(10_000)] } },
    { kind: 'setFilter', filter: { ...goodFilter, text: 'x'.repeat(MAX_FILTER_TEXT + 1) } },
    { kind: 'setFilter', filter: { ...goodFilter, text: 'y'.repeat(5 * 1024 * 1024) } },
    { kind: 'setFilter', filter: { ...goodFilter, channel: { $regex: '.*' } } },
    { kind: 'setFilter', filter: { types: [], text: '' } },
    cyclic,
    { kind: 'requestRows' },
    { kind: 'requestRows', requestId: 1, epoch: 0, from: -1, to: 10 },
    { kind: 'requestRows', requestId: 1, epoch: 0, from: 0, to: -1 },
    { kind: 'requestRows', requestId: 1, epoch: 0, from: 10, to: 5 },
    { kind: 'requestRows', requestId: 1, epoch: 0, from: 0, to: MAX_ROWS_PER_REQUEST + 1 },
    { kind: 'requestRows', requestId: 1, epoch: 0, from: 0, to: Number.MAX_SAFE_INTEGER },
    { kind: 'requestRows', requestId: 1, epoch: 0, from: 0.5, to: 10 },
    { kind: 'requestRows', requestId: 1, epoch: 0, from: NaN, to: 10 },
    { kind: 'requestRows', requestId: 1, epoch: 0, from: Infinity, to: Infinity },
    { kind: 'requestRows', requestId: 1, epoch: 0, from: '0', to: '10' },
    { kind: 'requestRows', requestId: -1, epoch: 0, from: 0, to: 10 },
    { kind: 'requestRows', requestId: 1, epoch: -1, from: 0, to: 10 },
    { kind: 'requestRows', requestId: 1, epoch: 0, from: 2 ** 60, to: 2 ** 60 + 10 },
    { kind: 'requestDetail' },
    { kind: 'requestDetail', id: -1 },
    { kind: 'requestDetail', id: 1.5 },
    { kind: 'requestDetail', id: '1' },
    { kind: 'requestDetail', id: 2 ** 64 },
    { kind: 'requestDetail', id: [1] },
    { kind: 'setPaused' },
    { kind: 'setPaused', paused: 'true' },
    { kind: 'setPaused', paused: 1 },
    { kind: 'setPaused', paused: null },
  ];
}

function setup() {
  const store = new EventStore(100);
  for (let i = 0; i < 20; i++) store.push({ type: 'ChannelVarset', variable: 'X', value: String(i), channel: { id: `c${i}`, name: `n${i}` } }, i);
  const log = new MemoryLogger();
  const calls: string[] = [];
  const host: EventViewHost = {
    liveStore: store,
    log,
    liveSource: () => ({ kind: 'live', label: 'live: test' }),
    eventTypes: () => ['ChannelVarset'],
    exportEvents: async () => {
      calls.push('export');
      return 'exported';
    },
    openLog: async () => {
      calls.push('openLog');
      return undefined;
    },
    liveStoreChanged: () => calls.push('liveStoreChanged'),
  };
  const port = new Port();
  const controller = new EventViewController(port, host, undefined, noTimers);
  return { store, log, calls, port, controller };
}

test('the protocol guard rejects every hostile message without throwing', () => {
  for (const m of hostile()) {
    let ok: boolean | undefined;
    assert.doesNotThrow(() => (ok = isWebviewToExtension(m)), `guard threw on ${String((m as { kind?: unknown })?.kind)}`);
    assert.equal(ok, false, `accepted: ${safeJson(m)}`);
  }
});

test('hostile messages through the controller: none throws, none acts, each is logged (truncated)', async () => {
  const { store, log, calls, port, controller } = setup();
  await controller.handle({ kind: 'ready' });
  port.posted.length = 0;
  const before = {
    filter: structuredClone(controller.view.filter),
    paused: controller.view.paused,
    size: store.size,
    next: store.nextN,
    total: controller.view.total,
  };
  const messages = hostile();
  for (const m of messages) await assert.doesNotReject(controller.handle(m));
  // Also the way the host wires it: straight from the webview's onDidReceiveMessage.
  for (const m of messages) port.incoming.fire(m);
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(port.posted, [], 'nothing was posted back');
  assert.deepEqual(calls, [], 'no export, no file dialog, no clear');
  assert.deepEqual(controller.view.filter, before.filter);
  assert.equal(controller.view.paused, before.paused);
  assert.equal(store.size, before.size);
  assert.equal(store.nextN, before.next);
  assert.equal(controller.view.total, before.total);
  const warned = log.lines.filter((l) => l.includes('ignored a malformed message'));
  assert.equal(warned.length, messages.length * 2);
  for (const l of log.lines) assert.ok(l.length < 400, `a log line of ${l.length} chars`);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  controller.dispose();
});

test('well-formed but abusive messages are answered safely (bounded, no crash)', async () => {
  const { store, port, controller } = setup();
  await controller.handle({ kind: 'ready' });
  port.posted.length = 0;
  // Prototype keys arrive as own properties after JSON: the filter is used as data only.
  const polluting = JSON.parse(
    '{"kind":"setFilter","filter":{"types":[],"text":"","channel":"","bridge":"","app":"","__proto__":{"polluted":true}}}',
  ) as unknown;
  await controller.handle(polluting);
  assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype pollution');
  // A regex-looking text filter is matched as text, not compiled.
  await controller.handle({ kind: 'setFilter', filter: { ...EMPTY_FILTER, text: '(a+)+$'.repeat(100) } });
  assert.equal(controller.view.total, 0);
  await controller.handle({ kind: 'setFilter', filter: EMPTY_FILTER });
  // Rows far beyond the buffer: an empty window, not an error.
  await controller.handle({ kind: 'requestRows', requestId: 7, epoch: controller.view.epoch, from: 1e12, to: 1e12 + 1000 });
  const rows = port.posted.find((m) => m.kind === 'rows');
  assert.ok(rows && rows.kind === 'rows' && rows.rows.length === 0);
  // Detail of an event that is not (or no longer) there.
  await controller.handle({ kind: 'requestDetail', id: 1e12 });
  const detail = port.posted.find((m) => m.kind === 'detail');
  assert.ok(detail && detail.kind === 'detail' && detail.json === undefined);
  assert.equal(store.size, 20);
  controller.dispose();
});

test('the panel HTML: scripts only with the nonce, no inline script, no remote load, even with hostile URIs', () => {
  const cspSource = 'https://file+.vscode-resource.vscode-cdn.net';
  const nonce = makeNonce();
  const evil = `${cspSource}/x.js"><script>alert(1)</script><img src="https://evil.example/p.png`;
  const html = buildEventPanelHtml({
    cspSource,
    nonce,
    scriptUri: evil,
    styleUri: `${cspSource}/s.css' onload='x`,
    codiconUri: `${cspSource}/c.css`,
    variant: 'panel',
  });
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  assert.ok(meta);
  const directives = Object.fromEntries(
    meta[1]
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k, v]),
  );
  assert.deepEqual(directives['default-src'], ["'none'"]);
  assert.deepEqual(directives['script-src'], [`'nonce-${nonce}'`], 'scripts: only with the nonce (no unsafe-inline, no unsafe-eval, no hosts)');
  for (const [k, v] of Object.entries(directives)) {
    for (const src of v) {
      assert.ok(!/unsafe-inline|unsafe-eval|^\*$|^https?:$|^data:$/.test(src) || (k === 'img-src' && src === 'data:'), `${k} allows ${src}`);
      if (/^https?:\/\//.test(src)) assert.equal(src, cspSource, `${k} allows a remote host ${src}`);
    }
  }
  // Exactly one script element, with the nonce and no inline body; the injected tags are inert text.
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.equal(scripts.length, 1, html);
  assert.match(scripts[0][1], new RegExp(`nonce="${nonce}"`));
  assert.equal(scripts[0][2].trim(), '', 'no inline script body');
  assert.ok(!/<img\b/.test(html), 'no injected element');
  // Outside double-quoted attribute values (where a ' is inert) there is no event handler.
  assert.ok(!/\son\w+\s*=/i.test(html.replace(/"[^"]*"/g, '""')), 'no injected handler attribute');
  // Every URL in an attribute is on the extension's own origin.
  for (const m of html.matchAll(/\s(?:src|href)="([^"]*)"/g)) assert.ok(m[1].startsWith(cspSource), `remote URL ${m[1]}`);
  assert.notEqual(makeNonce(), nonce, 'a fresh nonce per load');
  assert.ok(nonce.length >= 16);
});

function safeJson(x: unknown): string {
  try {
    return (JSON.stringify(x) ?? String(x)).slice(0, 120);
  } catch {
    return String(x);
  }
}
