// The vscode glue of the event panel (src/extension/webviews/index.ts) against a fake
// 'vscode': commands, panel options, HTML, the live feed and the message round trip.
import '../fakes/registerVscode';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fake, FakePanel, Uri } from '../fakes/vscode';
import { registerEventPanel } from '../../../src/extension/webviews/index';
import type { Services } from '../../../src/extension/services';
import { Emitter } from '../../../src/extension/util/emitter';
import { MemoryLogger } from '../../../src/extension/util/logger';
import type { LiveEventRecord } from '../../../src/extension/webviews/liveFeed';
import { EMPTY_FILTER, type ExtensionToWebview, type StateMessage } from '../../../src/shared/protocol';
import { channelCreated, stasisStart } from './fixtures';

function setup() {
  const events = new Emitter<LiveEventRecord[]>();
  const session = { onEvents: events.event };
  const serversChanged = new Emitter<void>();
  const connections = { servers: [{ profileId: 'p1', profileName: 'pbx1', session }], onDidChangeServers: serversChanged.event };
  const services = {
    context: { extensionUri: Uri.file('/ext'), subscriptions: [] },
    log: Object.assign(new MemoryLogger(), { show: () => undefined }),
    connections,
    probes: {},
  } as unknown as Services;
  const disposable = registerEventPanel(services);
  return { events, connections, serversChanged, services, disposable };
}

const run = (id: string, ...args: unknown[]) => Promise.resolve(fake.commands.get(id)?.(...args));
const lastPanel = (): FakePanel => fake.panels[fake.panels.length - 1];
const posted = (p: FakePanel) => p.webview.posted.splice(0) as ExtensionToWebview[];
const send = async (p: FakePanel, m: unknown) => {
  p.webview.incoming.fire(m);
  await new Promise<void>((r) => setImmediate(r)); // the controller's handler is async
};

test('registers the commands and the docked view; show opens one panel with a strict setup', async () => {
  const { disposable } = setup();
  try {
    for (const id of ['show', 'showForChannel', 'showForBridge', 'showForApp', 'openLog', 'export', 'clear']) {
      assert.ok(fake.commands.has(`ariExplorer.events.${id}`), id);
    }
    assert.ok(fake.viewProviders.has('ariExplorer.eventsView'));
    await run('ariExplorer.events.show');
    const panel = lastPanel();
    assert.equal(panel.viewType, 'ariExplorer.eventsPanel');
    assert.equal(panel.options.enableScripts, true);
    assert.equal(panel.options.retainContextWhenHidden, undefined, 'no retainContextWhenHidden');
    assert.deepEqual(
      (panel.options.localResourceRoots as Uri[]).map((u) => u.path),
      ['/ext/dist/webview', '/ext/media'],
    );
    assert.match(panel.webview.html, /default-src 'none'/);
    assert.match(panel.webview.html, /<html lang="en">/, "the page's language is VS Code's display language");
    assert.match(panel.webview.html, /src="file:\/\/\/webview\/ext\/dist\/webview\/main\.js"/);
    const count = fake.panels.length;
    await run('ariExplorer.events.show');
    assert.equal(fake.panels.length, count, 'one panel: the second show reveals it');
    assert.equal(panel.revealed, 1);
    panel.dispose();

    // After a window reload VS Code hands back the panel it restored.
    const restored = new FakePanel('ariExplorer.eventsPanel', 'ARI Events', {});
    await fake.serializers.get('ariExplorer.eventsPanel')?.deserializeWebviewPanel(restored, { filter: EMPTY_FILTER });
    assert.equal(restored.webview.options.enableScripts, true);
    assert.match(restored.webview.html, /Content-Security-Policy/);
    await send(restored, { kind: 'ready' });
    assert.equal(posted(restored)[0]?.kind, 'state');
    await run('ariExplorer.events.show');
    assert.equal(restored.revealed, 1, 'the restored panel is the panel');
    restored.dispose();
  } finally {
    disposable.dispose();
  }
});

test('session events reach the panel as one update per batch; a channel command filters', async () => {
  const { events, disposable, services } = setup();
  try {
    events.fire([{ receivedAt: 1, event: channelCreated('9.1') }]);
    assert.deepEqual(services.probes?.events?.(), {
      size: 1,
      typeCounts: { ChannelCreated: 1 },
      serverCounts: { pbx1: 1 },
      panelOpen: false,
      panelFilter: undefined,
      panelTotal: undefined,
    });
    await run('ariExplorer.events.show');
    assert.equal(services.probes?.events?.().panelOpen, true);
    const panel = lastPanel();
    assert.deepEqual(posted(panel), [], 'nothing before ready');
    await send(panel, { kind: 'ready' });
    const [state] = posted(panel) as StateMessage[];
    assert.equal(state.kind, 'state');
    assert.equal(state.total, 1, 'the buffer is replayed');
    assert.equal(state.source.label, 'live: pbx1');
    const next = panel.webview.nextPost();
    events.fire([
      { receivedAt: 2, event: stasisStart('9.1') },
      { receivedAt: 3, event: channelCreated('9.2') },
    ]);
    await next;
    const updates = posted(panel);
    assert.equal(updates.length, 1);
    assert.ok(updates[0].kind === 'update' && updates[0].total === 3 && updates[0].tail?.rows.length === 2);

    await run('ariExplorer.events.showForChannel', { kind: 'channel', id: '9.2' });
    const [filtered] = posted(panel) as StateMessage[];
    assert.deepEqual(filtered.filter, { ...EMPTY_FILTER, channel: '9.2' });
    assert.equal(filtered.total, 1);

    await send(panel, { kind: 'bogus' });
    assert.deepEqual(posted(panel), []);
    panel.dispose();
  } finally {
    disposable.dispose();
  }
});

test('export writes NDJSON of the view; open log loads good lines and reports bad ones', async () => {
  const { events, disposable } = setup();
  const dir = mkdtempSync(join(tmpdir(), 'ari-events-'));
  try {
    events.fire([
      { receivedAt: 1, event: channelCreated('7.1') },
      { receivedAt: 2, event: stasisStart('7.1') },
    ]);
    await run('ariExplorer.events.show');
    const panel = lastPanel();
    await send(panel, { kind: 'ready' });
    posted(panel);
    fake.saveAnswer = Uri.file(join(dir, 'events.ndjson'));
    await send(panel, { kind: 'export' });
    // The file is written to disk, then the panel is told.
    while (panel.webview.posted.length === 0) await panel.webview.nextPost();
    assert.ok(posted(panel).some((m) => m.kind === 'notice' && /Exported 2 events/.test(m.text)));
    const text = readFileSync(join(dir, 'events.ndjson'), 'utf8');
    assert.deepEqual(
      text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).type),
      ['ChannelCreated', 'StasisStart'],
    );

    writeFileSync(join(dir, 'log.ndjson'), `${text}not json\n`);
    fake.openAnswer = [Uri.file(join(dir, 'log.ndjson'))];
    await send(panel, { kind: 'openLog' });
    // The log is streamed from disk: its state and notice come once it has been read.
    while (panel.webview.posted.length < 2) await panel.webview.nextPost();
    const [state, notice] = posted(panel);
    assert.ok(state.kind === 'state' && state.source.kind === 'log' && state.total === 2);
    assert.ok(notice.kind === 'notice' && /line 3/.test(notice.text), JSON.stringify(notice));
    panel.dispose();
  } finally {
    disposable.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every session batch tells the live-event listeners (Call Flow grows from them)', () => {
  const { events, disposable } = setup();
  try {
    let changes = 0;
    const sub = disposable.liveEvents.onDidChange(() => changes++);
    events.fire([{ receivedAt: 1, event: channelCreated('9.1') }]);
    events.fire([{ receivedAt: 2, event: stasisStart('9.1') }]);
    assert.equal(changes, 2);
    assert.equal(disposable.liveEvents.store.size, 2);
    sub.dispose();
  } finally {
    disposable.dispose();
  }
});
