// The profile commands on the fake vscode module: the add form (with URL validation), edit
// keeping the stored password, duplicate, remove with confirmation, quiet cancel.
import '../fakes/registerVscode';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { fake, InMemoryMemento, InMemorySecretStorage, MemoryLogOutputChannel } from '../fakes/vscode';
import { ConnectionManager } from '../../../src/extension/connection/manager';
import { registerProfileCommands } from '../../../src/extension/profiles/commands';
import type { Services } from '../../../src/extension/services';

function setup() {
  fake.reset();
  const secrets = new InMemorySecretStorage();
  const context = { globalState: new InMemoryMemento(), secrets } as unknown as vscode.ExtensionContext;
  const log = new MemoryLogOutputChannel() as unknown as vscode.LogOutputChannel;
  const connections = new ConnectionManager(context, log);
  const services: Services = { context, log, connections, probes: {} };
  const disposables = registerProfileCommands(services);
  const run = (id: string, ...args: unknown[]) => fake.commands.get(id)!(...args);
  return { connections, store: connections.profiles, secrets, run, dispose: () => disposables.forEach((d) => d.dispose()) };
}

test('add, edit, duplicate and remove through the commands', async () => {
  const { store, secrets, run, dispose } = setup();
  try {
    fake.inputBoxAnswers.push('lab', 'http://localhost:8088/ari', 'test', 'pw-1', 'hello-world');
    await run('ariExplorer.profiles.add');
    const [p] = store.list();
    assert.deepEqual({ ...p, id: undefined }, { id: undefined, name: 'lab', url: 'http://localhost:8088', username: 'test', apps: ['hello-world'] });
    assert.equal(await store.getPassword(p.id), 'pw-1');
    const urlBox = fake.inputBoxes[1];
    assert.match(String(urlBox.validateInput!('ftp://x')), /http/);
    assert.equal(urlBox.validateInput!('https://pbx:8089/asterisk'), undefined);
    // http has no TLS step: the count says 5 and the wizard ends at 5/5.
    assert.match(fake.inputBoxes[0].title ?? '', /\(1\/5\)$/);
    assert.match(fake.inputBoxes[4].title ?? '', /\(5\/5\)$/);
    assert.doesNotMatch(String(fake.inputBoxes[1].prompt) + String(fake.inputBoxes[2].prompt), /`/, 'no literal backticks in a prompt');
    assert.equal(fake.inputBoxes[3].password, true);

    // Edit on the same server: an empty password keeps the stored one.
    fake.inputBoxAnswers.push('lab1', 'http://LOCALHOST:8088/', 'test', '', 'hello-world');
    await run('ariExplorer.profiles.edit', p.id);
    assert.equal(store.get(p.id)!.name, 'lab1');
    assert.equal(await store.getPassword(p.id), 'pw-1');

    // Edit to another server: https asks for TLS; the stored password belonged to the old
    // server and is dropped, whatever the empty box says.
    fake.inputBoxAnswers.push('lab2', 'https://pbx:8089', 'test', '', '');
    fake.quickPickAnswers.push((items) => (items as { value?: string }[]).find((i) => i.value === 'insecure'));
    const boxesBefore = fake.inputBoxes.length;
    await run('ariExplorer.profiles.edit', p.id);
    // Once the URL is https the count grows to 6: the TLS step follows.
    assert.match(fake.inputBoxes[boxesBefore + 2].title ?? '', /\(3\/6\)$/);
    const edited = store.get(p.id)!;
    assert.equal(edited.name, 'lab2');
    assert.deepEqual(edited.tls, { insecure: true });
    assert.deepEqual(edited.apps, []);
    assert.equal(await store.getPassword(p.id), undefined);
    await store.setPassword(p.id, 'pw-1');

    fake.inputBoxAnswers.push('lab3');
    await run('ariExplorer.profiles.duplicate', { id: p.id });
    const copy = store.findByName('lab3')!;
    assert.equal(await store.getPassword(copy.id), 'pw-1');

    fake.messageAnswers.push('Remove');
    await run('ariExplorer.profiles.remove', p.id);
    assert.ok(fake.messages.at(-1)!.modal);
    assert.equal(store.get(p.id), undefined);
    assert.deepEqual([...secrets.values.keys()].length, 1, 'only the copy keeps a secret');

    // A dismissed prompt ends the command quietly.
    const shown = fake.messages.length;
    fake.inputBoxAnswers.push(undefined);
    await run('ariExplorer.profiles.add');
    assert.equal(fake.messages.length, shown);
    assert.equal(store.list().length, 1);
  } finally {
    dispose();
  }
});

test("Add: the saved toast's Connect connects, but does nothing once the profile is connected or connecting by other means", async () => {
  const { connections, store, run, dispose } = setup();
  const connects: string[] = [];
  let phase: string = 'disconnected';
  // The manager as it is when the toast is finally clicked.
  Object.defineProperty(connections, 'activeProfile', { get: () => (phase === 'disconnected' ? undefined : store.findByName('lab')) });
  Object.defineProperty(connections, 'phase', { get: () => ({ kind: phase, profileName: 'lab', attempt: 1 }) });
  connections.phaseOf = () => ({ kind: phase, profileName: 'lab', attempt: 1 }) as ReturnType<typeof connections.phaseOf>;
  connections.connect = async (id?: string) => {
    connects.push(id!);
    return undefined as never;
  };
  try {
    fake.inputBoxAnswers.push('lab', 'http://localhost:8088', 'test', 'pw', '');
    fake.messageAnswers.push('Connect');
    await run('ariExplorer.profiles.add');
    assert.deepEqual(connects, [store.findByName('lab')!.id], 'not connected: Connect connects');
    for (const [kind, word] of [
      ['connected', 'connected'],
      ['connecting', 'connecting'],
      ['reconnecting', 'connecting'],
    ]) {
      phase = kind;
      fake.inputBoxAnswers.push(`lab`, 'http://localhost:8088', 'test', 'pw', '');
      await store.remove(store.findByName('lab')!.id);
      fake.messageAnswers.push('Connect');
      await run('ariExplorer.profiles.add');
      assert.equal(connects.length, 1, `${kind}: no second connect (it would drop the session)`);
      assert.match(fake.statusBarMessages.at(-1) ?? '', new RegExp(`"lab" is already ${word}`));
      assert.equal(fake.messages.filter((m) => m.level === 'error').length, 0);
    }
  } finally {
    dispose();
  }
});

test('Test Connection names the profile and offers the fix: Edit Profile for a closed port', async () => {
  const { store, run, dispose } = setup();
  try {
    const p = await store.add({ name: 'Closed', url: 'http://127.0.0.1:9', username: 'test', apps: [] }, 'x');
    fake.messageAnswers.push('Edit Profile');
    // Edit then opens the form; dismiss it.
    fake.inputBoxAnswers.push(undefined);
    await run('ariExplorer.profiles.test', p.id);
    const m = fake.messages.find((x) => x.level === 'error')!;
    assert.match(m.text, /^"Closed": .*connection refused by 127\.0\.0\.1:9 — Check the profile's host and port/);
    assert.deepEqual(m.items, ['Edit Profile', 'Show Log']);
    assert.ok(fake.executed.some((e) => e.id === 'ariExplorer.profiles.edit' && e.args[0] === p.id));
  } finally {
    dispose();
  }
});

test('Edit of the connected profile: new settings reconnect at once, a new name alone does not, and no "Reconnect?" toast is left behind', async () => {
  const { connections, store, run, dispose } = setup();
  const connects: string[] = [];
  try {
    fake.inputBoxAnswers.push('lab', 'http://localhost:8088', 'test', 'pw', 'hello-world');
    await run('ariExplorer.profiles.add');
    const id = store.findByName('lab')!.id;
    Object.defineProperty(connections, 'activeProfile', { get: () => store.get(id) });
    Object.defineProperty(connections, 'active', { get: () => ({}) });
    connections.sessionOf = (pid: string) => (pid === id ? ({} as ReturnType<typeof connections.sessionOf>) : undefined);
    connections.connect = async (pid?: string) => {
      connects.push(pid!);
      return undefined as never;
    };
    const toasts = fake.messages.length;

    fake.inputBoxAnswers.push('lab renamed', 'http://localhost:8088', 'test', '', 'hello-world');
    await run('ariExplorer.profiles.edit', id);
    assert.deepEqual(connects, [], 'a new name alone keeps the connection');
    assert.match(fake.statusBarMessages.at(-1) ?? '', /"lab renamed" saved; the connection did not need to change/);

    fake.inputBoxAnswers.push('lab renamed', 'http://localhost:8088', 'test', '', 'hello-world, other-app');
    await run('ariExplorer.profiles.edit', id);
    assert.deepEqual(connects, [id], 'new apps: reconnected with them');
    assert.match(fake.statusBarMessages.at(-1) ?? '', /reconnecting "lab renamed" with the edited settings/);
    assert.equal(fake.messages.length, toasts, 'no toast with a Reconnect button');
  } finally {
    dispose();
  }
});
