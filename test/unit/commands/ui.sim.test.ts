// The registered commands with the fake vscode module, against the simulator: palette
// invocations answer QuickPicks, tree invocations pass nodes and a multi-selection, and
// failures reach the user as a specific message with "Show Log".
import '../fakes/registerVscode';
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { fake, InMemoryMemento, InMemorySecretStorage, MemoryLogOutputChannel, script } from '../fakes/vscode';
import type { Services } from '../../../src/extension/services';
import type { Bridge } from '../../../src/extension/ari/models.generated';
import { registerChannelCommands } from '../../../src/extension/commands/channel';
import { registerBridgeCommands } from '../../../src/extension/commands/bridge';
import { registerServerCommands } from '../../../src/extension/commands/server';
import { registerInvokerCommands } from '../../../src/extension/commands/invoker';
import type { ResponseDocuments } from '../../../src/extension/commands/responseDocuments';
import { HISTORY_KEY, type HistoryEntry } from '../../../src/extension/commands/invoker/history';
import { secretKey } from '../../../src/extension/profiles/profile';
import { channelIdOf, startSimSession, type SimSession } from './simHarness';

type Item = { id?: string; value?: string; label?: string; entry?: HistoryEntry; mode?: string };
const byId = (id: string) => (items: readonly unknown[]) => (items as Item[]).find((i) => i.id === id);
const manyById =
  (...ids: string[]) =>
  (items: readonly unknown[]) =>
    (items as Item[]).filter((i) => i.id !== undefined && ids.includes(i.id));
const byValue = (v: string) => (items: readonly unknown[]) => (items as Item[]).find((i) => i.value === v);

describe('commands through the fake vscode', () => {
  let s: SimSession;
  let services: Services;
  let log: MemoryLogOutputChannel;
  let secrets: InMemorySecretStorage;
  let workspaceState: InMemoryMemento;
  const run = (id: string, ...args: unknown[]): Promise<unknown> => {
    const handler = fake.commands.get(id);
    assert.ok(handler, `${id} is registered`);
    return Promise.resolve(handler(...args));
  };

  before(async () => {
    s = await startSimSession();
    log = new MemoryLogOutputChannel();
    secrets = new InMemorySecretStorage();
    workspaceState = new InMemoryMemento();
    const profile = { id: 'p1', name: 'sim', url: s.url, username: 'test', apps: [] };
    services = {
      context: { workspaceState, secrets } as unknown as vscode.ExtensionContext,
      log: log as unknown as vscode.LogOutputChannel,
      connections: { servers: [], requireSession: () => s, activeProfile: profile } as unknown as Services['connections'],
      probes: {},
    };
    const documents = { show: async () => undefined } as unknown as ResponseDocuments;
    registerChannelCommands(services);
    registerBridgeCommands(services);
    registerServerCommands(services, documents);
    registerInvokerCommands(services, documents);
  });
  after(async () => {
    await s?.close();
  });
  beforeEach(() => {
    fake.inputBoxAnswers = [];
    fake.inputBoxes = [];
    fake.quickPickAnswers = [];
    fake.messages = [];
    fake.messageAnswers = [];
  });

  test('Hang Up from the palette: pick the channel, then the reason', async () => {
    const id = await s.stasisChannel();
    fake.quickPickAnswers.push(manyById(id), byValue('busy'));
    await run('ariExplorer.channel.hangup');
    await s.waitFor((e) => e.type === 'ChannelDestroyed' && channelIdOf(e) === id, 'destroyed');
    assert.match(fake.messages.at(-1)?.text ?? '', /^Hung up .* \(busy\)\.$/);
  });

  test('Hang Up from the tree acts on the multi-selection', async () => {
    const a = await s.stasisChannel();
    const b = await s.stasisChannel();
    const na = { kind: 'channel', id: a };
    fake.quickPickAnswers.push(byValue('normal'));
    await run('ariExplorer.channel.hangup', na, [na, { kind: 'channel', id: b }]);
    await s.waitFor((e) => e.type === 'ChannelDestroyed' && channelIdOf(e) === b, 'b destroyed');
    await s.waitFor((e) => e.type === 'ChannelDestroyed' && channelIdOf(e) === a, 'a destroyed');
    assert.match(fake.messages.at(-1)?.text ?? '', /Hung up 2 channels/);
  });

  test('a stale node: the error names the action and the server message, with Show Log', async () => {
    fake.quickPickAnswers.push(byValue('normal'));
    await run('ariExplorer.channel.hangup', { kind: 'channel', id: 'gone.1' });
    const m = fake.messages.at(-1);
    assert.equal(m?.level, 'error');
    assert.match(m?.text ?? '', /^Could not hang up channel gone\.1: 404 /);
    assert.deepEqual(m?.items, ['Show Log']);
    assert.match(log.text(), /ariExplorer\.channel\.hangup: Could not hang up channel gone\.1/);
  });

  test('Send DTMF validates inline, then sends', async () => {
    const id = await s.stasisChannel();
    fake.inputBoxAnswers.push('12#');
    await run('ariExplorer.channel.sendDtmf', { kind: 'channel', id });
    const validate = fake.inputBoxes[0]?.validateInput;
    assert.ok(validate);
    assert.match(String(await validate('12E')), /"E" is not a DTMF digit/);
    assert.equal(await validate('12#'), undefined);
    assert.ok(!fake.messages.some((m) => m.level === 'error'), JSON.stringify(fake.messages));
    fake.quickPickAnswers.push(byValue('normal'));
    await run('ariExplorer.channel.hangup', { kind: 'channel', id });
  });

  test('Create Bridge, then Add Channels from the bridge node (multi-pick)', async () => {
    const a = await s.stasisChannel();
    const b = await s.stasisChannel();
    fake.quickPickAnswers.push((items) => (items as Item[]).filter((i) => i.label === 'mixing'));
    fake.inputBoxAnswers.push('ui-bridge');
    await run('ariExplorer.bridge.create');
    const bridges = (await s.rest.request<Bridge[]>('GET', '/bridges')).body;
    const bridge = bridges.find((x) => x.name === 'ui-bridge');
    assert.ok(bridge, JSON.stringify(fake.messages));
    fake.quickPickAnswers.push(manyById(a, b));
    await run('ariExplorer.bridge.addChannels', { kind: 'bridge', id: bridge.id });
    const full = (await s.rest.request<Bridge>('GET', `/bridges/${bridge.id}`)).body;
    assert.deepEqual([...full.channels].sort(), [a, b].sort());
    fake.messageAnswers.push('Destroy');
    await run('ariExplorer.bridge.destroy', { kind: 'bridge', id: bridge.id });
    await assert.rejects(s.rest.request('GET', `/bridges/${bridge.id}`));
  });

  test('Update Device State from the palette: a new Stasis device, validated', async () => {
    fake.inputBoxAnswers.push('Stasis:ui-demo');
    fake.quickPickAnswers.push((items) => (items as Item[]).find((i) => i.label === 'BUSY'));
    await run('ariExplorer.deviceState.update');
    const validate = fake.inputBoxes[0]?.validateInput;
    assert.match(String(await validate?.('PJSIP/alice')), /Stasis:<name>/);
    const got = (await s.rest.request<{ state: string }>('GET', '/deviceStates/Stasis:ui-demo')).body;
    assert.equal(got.state, 'BUSY');
  });

  test('Copy as curl: no password unless "include the password" is chosen', async () => {
    const entry: HistoryEntry = {
      at: 1,
      resource: 'channels',
      nickname: 'originate',
      operationPath: '/channels',
      request: { method: 'POST', path: '/channels', query: { endpoint: 'Local/100@default' }, body: { variables: { A: "it's" } } },
      values: {},
      baseUrl: `${s.url}/ari`,
      username: 'test',
      status: 200,
    };
    await workspaceState.update(HISTORY_KEY, [entry]);
    await secrets.store(secretKey('p1'), 'test_password');
    const pickEntry = (items: readonly unknown[]) => (items as Item[])[0];
    fake.quickPickAnswers.push(pickEntry, (items) => (items as Item[]).find((i) => i.mode === 'prompt'));
    await run('ariExplorer.api.copyAsCurl');
    assert.ok(fake.clipboard.startsWith('curl -sS -X POST -u test '), fake.clipboard);
    assert.ok(!fake.clipboard.includes('test_password'));

    fake.quickPickAnswers.push(pickEntry, (items) => (items as Item[]).find((i) => i.mode === 'env'));
    await run('ariExplorer.api.copyAsCurl');
    assert.match(fake.clipboard, / -u "test:\$ARI_PASSWORD" /);

    fake.quickPickAnswers.push(pickEntry, (items) => (items as Item[]).find((i) => i.mode === 'password'));
    await run('ariExplorer.api.copyAsCurl');
    assert.match(fake.clipboard, / -u test:test_password /);
    assert.ok(!log.text().includes('test_password'), 'never logged');
  });

  test('Play Media from the tree: digits: validated, playback started', async () => {
    const id = await s.stasisChannel();
    fake.quickPickAnswers.push((items) => (items as Item[]).find((i) => i.label === 'digits:'));
    fake.inputBoxAnswers.push('123');
    await run('ariExplorer.channel.play', { kind: 'channel', id });
    assert.match(String(await fake.inputBoxes[0]?.validateInput?.('12a')), /Digits only/);
    const started = await s.waitFor((e) => e.type === 'PlaybackStarted' && e.playback.target_uri === `channel:${id}`, 'PlaybackStarted');
    assert.equal((started as { playback: { media_uri: string } }).playback.media_uri, 'digits:123');
    fake.quickPickAnswers.push(byValue('normal'));
    await run('ariExplorer.channel.hangup', { kind: 'channel', id });
  });

  test('Play Media from the palette: a server sound from GET /sounds', async () => {
    const id = await s.stasisChannel();
    fake.quickPickAnswers.push(
      byId(id),
      (items) => (items as Item[]).find((i) => i.label === 'sound:'),
      (items) => (items as Item[]).find((i) => i.label === 'hello-world'),
      // a language QuickPick only comes when the sound exists in several
      (items) => (items as Item[]).find((i) => i.value === 'en'),
    );
    await run('ariExplorer.channel.play');
    const started = await s.waitFor((e) => e.type === 'PlaybackStarted' && e.playback.target_uri === `channel:${id}`, 'PlaybackStarted');
    assert.equal((started as { playback: { media_uri: string } }).playback.media_uri, 'sound:hello-world');
    fake.quickPickAnswers.push(byValue('normal'));
    await run('ariExplorer.channel.hangup', { kind: 'channel', id });
  });

  test('Originate to a missing extension: one multi-step input with Back; a plain warning from the events, not the 200', async () => {
    // endpoint, Back from the destination, endpoint again, Dialplan extension, target, caller id, timeout, variables
    fake.inputBoxAnswers.push('Local/1@nowhere', 'Local/9999@from-test', '100@default', '', '30', 'FOO=bar');
    script.push(
      (qp) => qp.pressBack(),
      (qp) => qp.choose((i) => i.label === 'Dialplan extension'),
    );
    await run('ariExplorer.channel.originate');
    assert.deepEqual(
      fake.inputBoxes.map((b) => b.title),
      ['Originate Call (1/7)', 'Originate Call (1/7)', 'Originate Call (3/6)', 'Originate Call (4/6)', 'Originate Call (5/6)', 'Originate Call (6/6)'],
    );
    assert.equal(fake.inputBoxes[1].value, 'Local/1@nowhere', 'Back keeps what was typed');
    const m = fake.messages.at(-1);
    assert.equal(m?.level, 'warning', JSON.stringify(fake.messages));
    assert.match(m?.text ?? '', /^Call to Local\/9999@from-test failed: .*cause 0/);
    assert.deepEqual(m?.items, ['Show Log']);
    // The next Originate Call… starts from the last answers; Escape on the first step cancels.
    fake.inputBoxes = [];
    fake.inputBoxAnswers.push(undefined);
    await run('ariExplorer.channel.originate');
    assert.equal(fake.inputBoxes[0].value, 'Local/9999@from-test');
  });
});
