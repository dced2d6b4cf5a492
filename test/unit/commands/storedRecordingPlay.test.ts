// "Play on Channel…" of a stored recording, on the fake vscode with a plain-Map model: with no
// channel in a Stasis application it says so plainly (no context key hides the entry: keeping
// one up to date would cost work per event) and sends nothing; otherwise it asks and plays.
import '../fakes/registerVscode';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { fake, MemoryLogOutputChannel } from '../fakes/vscode';
import type { Services } from '../../../src/extension/services';
import type { ChannelState } from '../../../src/extension/state/model';
import type { CommandSession } from '../../../src/extension/commands/session';
import { registerRecordingCommands } from '../../../src/extension/commands/recording';
import { ariChannel } from '../shared/ari';

function setup() {
  fake.reset();
  const channels = new Map<string, ChannelState>();
  const requests: string[] = [];
  const session = {
    rest: {
      baseUrl: 'http://pbx:8088/ari',
      request: async (method: string, path: string, opts?: { query?: Record<string, unknown> }) => {
        requests.push(`${method} ${path} ${String(opts?.query?.media ?? '')}`);
        return { status: 201, headers: {}, text: '', body: { id: 'pb-1', media_uri: String(opts?.query?.media), target_uri: 'channel:1', state: 'queued' } };
      },
    },
    model: {
      channels,
      bridges: new Map(),
      playbacks: new Map(),
      recordings: new Map(),
      storedRecordings: new Map(),
      endpoints: new Map(),
      applications: new Map(),
      deviceStates: new Map(),
    },
    onEvents: () => ({ dispose() {} }),
  } as unknown as CommandSession;
  const services = {
    context: {} as vscode.ExtensionContext,
    log: new MemoryLogOutputChannel() as unknown as vscode.LogOutputChannel,
    connections: { servers: [], requireSession: () => session },
    probes: {},
  } as unknown as Services;
  const disposables = registerRecordingCommands(services);
  return {
    channels,
    requests,
    run: (...args: unknown[]) => fake.commands.get('ariExplorer.storedRecording.play')!(...args),
    dispose: () => disposables.forEach((d) => d.dispose()),
  };
}

test('Play on Channel… with no channel in Stasis says so plainly and asks nothing', async () => {
  const { channels, requests, run, dispose } = setup();
  try {
    channels.set('2', { ...ariChannel('2'), app: undefined });
    fake.quickPickAnswers.push(() => assert.fail('no channel to pick from'));
    await run({ kind: 'storedRecording', id: 'greeting' });
    assert.deepEqual(
      fake.messages.map((m) => [m.level, m.text]),
      [['info', 'No channel in a Stasis application to play greeting on: ARI plays media only on channels an ARI app controls.']],
    );
    assert.deepEqual(requests, []);
    assert.equal(fake.quickPickAnswers.length, 1, 'no QuickPick shown');
  } finally {
    dispose();
  }
});

test('Play on Channel… offers the Stasis channels and plays the recording', async () => {
  const { channels, requests, run, dispose } = setup();
  try {
    channels.set('1', { ...ariChannel('1'), app: 'hello-world' });
    channels.set('2', { ...ariChannel('2'), app: undefined });
    let offered: string[] = [];
    fake.quickPickAnswers.push((items) => {
      offered = (items as { id: string }[]).map((i) => i.id);
      return (items as { id: string }[])[0];
    });
    await run({ kind: 'storedRecording', id: 'greeting' });
    assert.deepEqual(offered, ['1']);
    assert.deepEqual(requests, ['POST /channels/1/play recording:greeting']);
    assert.deepEqual(fake.messages, []);
  } finally {
    dispose();
  }
});
