// "Add Channels to Bridge…" offers only channels in a Stasis application (anything else is a
// 422 from Asterisk), by name, says how many others it left out; and the 422, if it happens
// anyway, names the channel and the real reason instead of the generic hint.
import '../fakes/registerVscode';
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { fake, MemoryLogOutputChannel } from '../fakes/vscode';
import type { Services } from '../../../src/extension/services';
import type { Bridge } from '../../../src/extension/ari/models.generated';
import { registerBridgeCommands } from '../../../src/extension/commands/bridge';
import { addChannelsToBridge } from '../../../src/extension/commands/actions/bridge';
import { startSimSession, type SimSession } from './simHarness';

type Item = { id?: string; label?: string };

describe('bridge picker against the simulator', () => {
  let s: SimSession;
  const run = (id: string, ...args: unknown[]): Promise<unknown> => Promise.resolve(fake.commands.get(id)?.(...args));

  before(async () => {
    s = await startSimSession();
    const services = {
      context: {} as vscode.ExtensionContext,
      log: new MemoryLogOutputChannel() as unknown as vscode.LogOutputChannel,
      connections: {
        servers: [],
        requireSession: () => s,
        activeProfile: { id: 'p', name: 'sim', url: s.url, username: 'test', apps: [] },
      } as unknown as Services['connections'],
      probes: {},
    } as Services;
    registerBridgeCommands(services);
  });
  after(async () => {
    await s?.close();
  });
  beforeEach(() => {
    fake.quickPickAnswers = [];
    fake.messages = [];
  });

  test('only Stasis channels are offered, by name, and the picker says why the others are missing', async () => {
    const a = await s.stasisChannel();
    const bridge = (await s.rest.request<Bridge>('POST', '/bridges', { query: { type: 'mixing', name: 'picker' } })).body;
    const notInStasis = [...s.model.channels.values()].filter((c) => c.app === undefined);
    assert.ok(notInStasis.length > 0, 'the ;2 half of the call runs Wait(), outside Stasis');
    let offered: Item[] = [];
    fake.quickPickAnswers.push((items) => {
      offered = items as Item[];
      return offered.filter((i) => i.id === a);
    });
    await run('ariExplorer.bridge.addChannels', { kind: 'bridge', id: bridge.id });
    const ids = offered.map((i) => i.id);
    assert.ok(ids.includes(a));
    for (const c of notInStasis) assert.ok(!ids.includes(c.id), `${c.name} is not offered`);
    assert.equal(offered.find((i) => i.id === a)?.label, s.model.channels.get(a)?.name);
    const full = (await s.rest.request<Bridge>('GET', `/bridges/${bridge.id}`)).body;
    assert.deepEqual(full.channels, [a]);
    await s.rest.request('DELETE', `/bridges/${bridge.id}`);
  });

  test('with nothing in Stasis outside the bridge: a message that says why, no empty picker', async () => {
    const bridge = (await s.rest.request<Bridge>('POST', '/bridges', { query: { type: 'mixing', name: 'empty-picker' } })).body;
    for (const c of [...s.model.channels.values()].filter((x) => x.app !== undefined)) {
      await s.rest.request('POST', `/bridges/${bridge.id}/addChannel`, { query: { channel: c.id } });
    }
    await s.waitFor((e) => e.type === 'ChannelEnteredBridge' && e.bridge.id === bridge.id, 'entered');
    // Let the model see every Stasis channel inside the bridge.
    const inside = (): boolean => [...s.model.channels.values()].every((c) => c.app === undefined || c.bridgeId === bridge.id);
    while (!inside()) await new Promise<void>((r) => s.onEvents(() => r()));
    await run('ariExplorer.bridge.addChannels', { kind: 'bridge', id: bridge.id });
    assert.equal(fake.messages.length, 1);
    assert.match(fake.messages[0].text, /only channels in a Stasis application/);
    await s.rest.request('DELETE', `/bridges/${bridge.id}`);
  });

  test('a 422 "not in Stasis" names the channel and the reason', async () => {
    const bridge = (await s.rest.request<Bridge>('POST', '/bridges', { query: { type: 'mixing', name: 'refuse' } })).body;
    const outside = [...s.model.channels.values()].find((c) => c.app === undefined);
    assert.ok(outside);
    await assert.rejects(addChannelsToBridge(s, bridge.id, [outside.id]), (e: Error) => {
      assert.match(e.message, new RegExp(`${outside.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not in a Stasis application`));
      assert.match(e.message, /refuse/);
      assert.doesNotMatch(e.message, /does not exist/);
      return true;
    });
    await s.rest.request('DELETE', `/bridges/${bridge.id}`);
  });
});
