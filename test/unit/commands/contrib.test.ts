// contrib/40-commands.json against the code: every contributed command is registered, every
// registered one contributed, each has a palette rule, menus name known commands and match
// the tree's contextValues.
import '../fakes/registerVscode';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type * as vscode from 'vscode';
import { fake, InMemoryMemento, InMemorySecretStorage, MemoryLogOutputChannel } from '../fakes/vscode';
import { registerAriCommands } from '../../../src/extension/commands';
import type { Services } from '../../../src/extension/services';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

interface Contrib {
  commands: { command: string; title: string; category: string; icon?: string }[];
  menus: Record<string, { command: string; when: string; group?: string }[]>;
}

const contrib = JSON.parse(readFileSync(path.join(repoRoot, 'contrib', '40-commands.json'), 'utf8')) as Contrib;

test('contributed commands and registered commands are the same set', () => {
  const before = new Set(fake.commands.keys());
  const services = {
    context: { workspaceState: new InMemoryMemento(), secrets: new InMemorySecretStorage() } as unknown as vscode.ExtensionContext,
    log: new MemoryLogOutputChannel() as unknown as vscode.LogOutputChannel,
    connections: {} as Services['connections'],
  } as Services;
  const disposable = registerAriCommands(services);
  const registered = [...fake.commands.keys()].filter((k) => !before.has(k)).sort();
  const contributed = contrib.commands.map((c) => c.command).sort();
  assert.deepEqual(registered, contributed);
  disposable.dispose();
  assert.ok(
    contributed.every((id) => !fake.commands.has(id)),
    'all disposed',
  );
});

test('ids, category, palette rules, menus', () => {
  const ids = new Set(contrib.commands.map((c) => c.command));
  for (const c of contrib.commands) {
    assert.match(c.command, /^ariExplorer\.[a-zA-Z]+\.[a-zA-Z]+$/, c.command);
    assert.equal(c.category, 'ARI');
  }
  const palette = new Map(contrib.menus.commandPalette.map((p) => [p.command, p.when]));
  for (const id of ids) {
    // copyAsCurl works from the history alone, without a connection.
    if (id === 'ariExplorer.api.copyAsCurl') continue;
    // Connected, and where a command needs a target, a key saying one exists (views/tree/paletteContext.ts).
    assert.match(palette.get(id) ?? '', /^(ariExplorer\.connected( && ariExplorer\.has[A-Za-z]+)?|false)$/, `${id}: ${palette.get(id)}`);
  }
  const known =
    /viewItem (=~ \/\^(channel|bridge|playback|recording|endpoint)\\\.|=~ \/\^channel\\\.|== (storedRecording|module|deviceState|server|category\.bridges|playback\.(playing|paused)|recording\.(recording|paused)))/;
  for (const m of contrib.menus['view/item/context']) {
    assert.ok(ids.has(m.command), m.command);
    assert.match(m.when, /^view == ariExplorer\.explorer && /);
    assert.match(m.when, known, m.when);
    assert.ok(m.group, `${m.command} has a group`);
  }
  const inline = contrib.menus['view/item/context'].filter((m) => m.group?.startsWith('inline')).map((m) => m.command);
  assert.ok(inline.includes('ariExplorer.channel.hangup') && inline.includes('ariExplorer.channel.play'));
  // Node-only commands are hidden from the palette.
  assert.equal(palette.get('ariExplorer.channel.addToBridge'), 'false');
});

test('when-clause regexes match the contextValues they are meant for', () => {
  const regexOf = (when: string): RegExp => {
    const m = /viewItem =~ \/(.+)\/$/.exec(when);
    assert.ok(m, when);
    return new RegExp(m[1]);
  };
  const menu = (cmd: string) => contrib.menus['view/item/context'].filter((m) => m.command === cmd && !m.group?.startsWith('inline'))[0];
  const answer = regexOf(menu('ariExplorer.channel.answer').when);
  assert.ok(answer.test('channel.Ring.stasis'));
  assert.ok(!answer.test('channel.Up.stasis'));
  assert.ok(!answer.test('channel.Ring'));
  const hold = regexOf(menu('ariExplorer.channel.hold').when);
  assert.ok(hold.test('channel.Up.stasis'));
  assert.ok(!hold.test('channel.Up'));
  const hangup = regexOf(menu('ariExplorer.channel.hangup').when);
  assert.ok(hangup.test('channel.Up') && hangup.test('channel.Ring.stasis'));
});
