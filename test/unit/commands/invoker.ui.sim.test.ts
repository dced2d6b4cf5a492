// "Invoke Operation…" and "Rerun Operation…" end to end with the fake vscode module (plus a
// scripted createQuickPick of ../fakes/vscode) and the simulator.
import '../fakes/registerVscode';
import { script, sendNow, titles, typeValue } from '../fakes/vscode';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { fake, InMemoryMemento, InMemorySecretStorage, MemoryLogOutputChannel } from '../fakes/vscode';
import type { Services } from '../../../src/extension/services';
import { registerInvokerCommands } from '../../../src/extension/commands/invoker';
import type { ResponseDocuments } from '../../../src/extension/commands/responseDocuments';
import type { ResponseDocument } from '../../../src/extension/commands/invoker/send';
import { HISTORY_KEY, type HistoryEntry } from '../../../src/extension/commands/invoker/history';
import type { ApiOperation } from '../../../src/extension/commands/invoker/swagger';
import { startSimSession, type SimSession } from './simHarness';

describe('invoker through the fake vscode', () => {
  let s: SimSession;
  const shown: ResponseDocument[] = [];
  const workspaceState = new InMemoryMemento();
  const history = (): HistoryEntry[] => workspaceState.get<HistoryEntry[]>(HISTORY_KEY) ?? [];

  before(async () => {
    s = await startSimSession();
    const services = {
      context: { workspaceState, secrets: new InMemorySecretStorage() } as unknown as vscode.ExtensionContext,
      log: new MemoryLogOutputChannel() as unknown as vscode.LogOutputChannel,
      connections: {
        servers: [],
        requireSession: () => s,
        activeProfile: { id: 'p', name: 'sim', url: s.url, username: 'test', apps: [] },
      } as unknown as Services['connections'],
      probes: {},
    };
    const documents = { show: async (_title: string, content: unknown) => void shown.push(content as ResponseDocument) } as unknown as ResponseDocuments;
    registerInvokerCommands(services, documents);
  });
  after(async () => {
    await s?.close();
  });

  test('Invoke channels.play: live channel id offered, media typed, then "send now"', async () => {
    const id = await s.stasisChannel();
    let offered: string[] = [];
    fake.quickPickAnswers.push((items) => (items as { op?: ApiOperation }[]).find((i) => i.op?.resource === 'channels' && i.op.nickname === 'play'));
    script.push(
      (qp) => {
        offered = qp.items.map((i) => i.label);
        qp.choose((i) => i.value === id);
      },
      typeValue('sound:hello-world'),
      sendNow,
    );
    await fake.commands.get('ariExplorer.api.invoke')?.();
    assert.deepEqual(
      fake.messages.filter((m) => m.level === 'error'),
      [],
    );
    assert.ok(offered.includes(id), `live channel ids offered: ${offered.join(', ')}`);
    assert.match(titles[0], /^POST \/channels\/\{channelId\}\/play — channelId \(1\/\d+\)$/);
    const doc = shown.at(-1);
    assert.equal(doc?.status, 201, JSON.stringify(doc));
    assert.equal((doc?.body as { media_uri: string }).media_uri, 'sound:hello-world');
    const [last] = history();
    assert.equal(last.nickname, 'play');
    assert.deepEqual(last.request.query, { media: 'sound:hello-world' });
  });

  test('an invalid typed value keeps the picker open with the reason', async () => {
    fake.quickPickAnswers.push((items) => (items as { op?: ApiOperation }[]).find((i) => i.op?.resource === 'deviceStates' && i.op.nickname === 'update'));
    let reason = '';
    script.push(typeValue('Stasis:inv'), (qp) => {
      qp.type('FOO_BAR');
      reason = qp.items[0].description ?? '';
      qp.choose((i) => i.label === 'FOO_BAR'); // refused: stays open
      qp.choose((i) => i.label === 'RINGING');
    });
    await fake.commands.get('ariExplorer.api.invoke')?.();
    assert.match(reason, /not one of NOT_INUSE, INUSE/);
    assert.equal(shown.at(-1)?.status, 204);
    const got = (await s.rest.request<{ state: string }>('GET', '/deviceStates/Stasis:inv')).body;
    assert.equal(got.state, 'RINGING');
  });

  test('an error answer is shown as a document with the hint, and kept in the history', async () => {
    fake.quickPickAnswers.push((items) => (items as { op?: ApiOperation }[]).find((i) => i.op?.resource === 'channels' && i.op.nickname === 'get'));
    script.push(typeValue('no-such-channel'));
    await fake.commands.get('ariExplorer.api.invoke')?.();
    const doc = shown.at(-1);
    assert.equal(doc?.status, 404);
    assert.ok(doc?.hint);
    assert.equal(history()[0].status, 404);
  });

  test('Rerun sends an earlier call again', async () => {
    const before = shown.length;
    fake.quickPickAnswers.push(
      (items) => (items as { entry?: HistoryEntry }[]).find((i) => i.entry?.nickname === 'update'),
      (items) => (items as { edit?: boolean }[]).find((i) => i.edit === false),
    );
    await fake.commands.get('ariExplorer.api.rerun')?.();
    assert.equal(shown.length, before + 1);
    assert.equal(shown.at(-1)?.status, 204);
    assert.equal(history()[0].nickname, 'update');
  });
});
