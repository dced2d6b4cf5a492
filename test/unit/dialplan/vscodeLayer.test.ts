// The thin vscode layer over the pure core, against a scripted fake of the vscode API:
// Go to Dialplan Location, the originate lens command, reload on save, the Stasis lens
// command, and the providers' shapes.
import '../fakes/registerVscode';
import {
  fake,
  window,
  workspace,
  ConfigurationTarget,
  TextDocument,
  Uri,
  Position,
  type CodeLens,
  type DocumentSymbol,
  type Location,
  type Hover,
} from '../fakes/vscode';
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { AriStateModel } from '../../../src/extension/state/model';
import type { Channel } from '../../../src/extension/ari/models.generated';
import type { AriEvent } from '../../../src/extension/ari/events.generated';
import type { OriginateParams } from '../../../src/extension/ari/resources/channels';
import type { Services } from '../../../src/extension/services';
import { Emitter } from '../../../src/extension/util/emitter';
import { registerDialplan } from '../../../src/extension/dialplan/index';
import type { DialplanServer, DialplanSession, DialplanSessionSource } from '../../../src/extension/dialplan/sessionView';
import { FIXTURES, fixture } from './fixtures';

const SEED = join(FIXTURES, 'extensions.conf');
const FEATURES = join(FIXTURES, 'extensions_features.conf');

function channel(id: string, dp: Channel['dialplan']): Channel {
  const caller = { name: '', number: '' };
  return {
    id,
    protocol_id: '',
    name: `Local/${dp.exten}@${dp.context}-00000000;2`,
    state: 'Up',
    caller,
    connected: caller,
    accountcode: '',
    dialplan: dp,
    creationtime: '',
    language: 'en',
  };
}

const model = new AriStateModel();
model.reset({
  channels: [
    channel('in-stasis', { context: 'from-test', exten: '1776', priority: 3, app_name: 'Stasis', app_data: 'hello-world' }),
    channel('pattern', { context: 'office', exten: '123', priority: 4, app_name: 'Busy', app_data: '5' }),
    channel('no-exten', { context: 'from-test', exten: '1778', priority: 1, app_name: 'NoOp', app_data: '' }),
    channel('no-context', { context: 'nowhere', exten: '1', priority: 1, app_name: 'NoOp', app_data: '' }),
  ],
  bridges: [],
  endpoints: [],
  applications: [],
  deviceStates: [],
});
const calls = { originate: [] as OriginateParams[], reload: [] as string[], reloadFails: false };
const session: DialplanSession = {
  model,
  rest: {
    asterisk: {
      reloadModule: async (name) => {
        calls.reload.push(name);
        if (calls.reloadFails) throw new Error('Module pbx_config.so not found');
      },
    },
    channels: {
      originate: async (p) => {
        calls.originate.push(p);
        return channel('new', { context: 'default', exten: '100', priority: 1, app_name: 'AppDial2', app_data: '(Outgoing Line)' });
      },
    },
  },
  onModelChange: new Emitter<unknown>().event,
  onEvents: new Emitter<readonly { event: AriEvent }[]>().event,
};
const activeChanged = new Emitter<DialplanSession | undefined>();
const serversChanged = new Emitter<readonly DialplanServer[]>();
const profile = { name: 'local-sim', apps: ['hello-world'] };
/** One server, connected while `active` is set. */
const connections: DialplanSessionSource & { active: DialplanSession | undefined } = {
  active: session,
  activeProfile: profile,
  onDidChangeActive: (l) => activeChanged.event(l),
  get servers() {
    return this.active ? [{ profileId: 'local', profileName: profile.name, session: this.active }] : [];
  },
  onDidChangeServers: (l) => serversChanged.event(l),
  profiles: { get: (id) => (id === 'local' ? profile : undefined) },
};
const state = new Map<string, unknown>();
const log = { info() {}, warn() {}, error() {}, debug() {}, trace() {}, show() {} };
const services = {
  context: { subscriptions: [], workspaceState: { get: (k: string) => state.get(k), update: async (k: string, v: unknown) => void state.set(k, v) } },
  log,
  connections,
} as unknown as Services;

fake.workspaceFiles = [Uri.file(SEED), Uri.file(FEATURES)];
registerDialplan(services);

/** A quick-pick answer: the item whose label includes `text`. */
const labelled = (text: string) => (items: readonly unknown[]) => (items as { label: string }[]).find((i) => i.label.includes(text));

/** Enter on a quick pick as it opens: its first item. */
const enter = (items: readonly unknown[]) => items[0];

async function run(id: string, ...args: unknown[]): Promise<unknown> {
  const fn = fake.commands.get(id);
  assert.ok(fn, `command ${id} registered`);
  return fn(...args);
}

beforeEach(() => {
  fake.clearRecords();
  fake.workspaceConfiguration.clear();
  fake.configuration.clear();
  workspace.isTrusted = true;
  calls.originate = [];
  calls.reload = [];
  calls.reloadFails = false;
  connections.active = session;
});

test('Go to Dialplan Location opens the Stasis line of 1776@from-test', async () => {
  await run('ariExplorer.channel.goToDialplan', { kind: 'channel', id: 'in-stasis' });
  assert.equal(fake.shown.length, 1);
  assert.ok(fake.shown[0].uri.endsWith('/extensions.conf'));
  assert.equal(fake.shown[0].selection?.start.line, 11);
  assert.equal(fake.shown[0].viewColumn, undefined, 'not open anywhere: the active group');
  assert.deepEqual(fake.messages, []);
  // Already open in the first group while another group is active: shown there, not twice.
  window.visibleTextEditors.push({ document: { uri: { toString: () => fake.shown[0].uri } }, viewColumn: 1 });
  try {
    await run('ariExplorer.channel.goToDialplan', { kind: 'channel', id: 'in-stasis' });
    assert.equal(fake.shown[1].viewColumn, 1);
  } finally {
    window.visibleTextEditors.length = 0;
  }
});

test('Go to Dialplan Location resolves pattern extensions and labels by counting', async () => {
  await run('ariExplorer.channel.goToDialplan', { kind: 'channel', id: 'pattern' });
  assert.ok(fake.shown[0].uri.endsWith('/extensions_features.conf'));
  assert.equal(fake.shown[0].selection?.start.line, 12); // n(busy),Busy(5) of _1XX
});

test('Go to Dialplan Location says plainly what is missing', async () => {
  await run('ariExplorer.channel.goToDialplan', { kind: 'channel', id: 'no-exten' });
  assert.equal(fake.shown[0].selection?.start.line, 8, 'the [from-test] header');
  assert.match(fake.messages[0].text, /Extension 1778 is not in \[from-test\].*closest match/);
  fake.clearRecords();
  await run('ariExplorer.channel.goToDialplan', { kind: 'channel', id: 'no-context' });
  assert.equal(fake.shown.length, 0);
  assert.equal(fake.messages[0].level, 'warning');
  assert.match(fake.messages[0].text, /Context \[nowhere\] is not defined .* Searched 3 dialplan files/);
});

test('Go to Dialplan Location on a channel that just hung up names it by the name the tree showed, else the id', async () => {
  await run('ariExplorer.channel.goToDialplan', { kind: 'channel', id: '1796000000.19', name: 'Local/1776@from-test-0000000f;2' });
  assert.equal(fake.shown.length, 0);
  assert.equal(fake.messages.at(-1)?.text, 'Channel Local/1776@from-test-0000000f;2 is no longer live.');
  await run('ariExplorer.channel.goToDialplan', { kind: 'channel', id: '1796000000.19' });
  assert.equal(fake.messages.at(-1)?.text, 'Channel 1796000000.19 is no longer live.');
});

test('Go to Dialplan Location from the palette asks for a channel', async () => {
  fake.quickPickAnswers.push(labelled('Local/1776@from-test'));
  await run('ariExplorer.channel.goToDialplan');
  assert.equal(fake.shown[0].selection?.start.line, 11);
});

test('originate lens: Local/<exten>@<context> with the waiting extension, or into an app', async () => {
  fake.quickPickAnswers.push(enter);
  await run('ariExplorer.dialplan.originate', { exten: '1776', context: 'from-test' });
  assert.deepEqual(calls.originate, [{ endpoint: 'Local/1776@from-test', extension: '100', context: 'default', priority: 1 }]);
  assert.match(fake.messages[0].text, /^Originated Local\/100@default-00000000;2 to 1776@from-test/);
  fake.quickPickAnswers.push(labelled('Stasis app hello-world'));
  await run('ariExplorer.dialplan.originate', { exten: '200', context: 'default' });
  assert.deepEqual(calls.originate[1], { endpoint: 'Local/200@default', app: 'hello-world' });
  // The last choice comes first next time.
  fake.quickPickAnswers.push(enter);
  await run('ariExplorer.dialplan.originate', { exten: '200', context: 'default' });
  assert.deepEqual(calls.originate[2], { endpoint: 'Local/200@default', app: 'hello-world' });
});

test('reload on save: always, ask, outside the server folder, not connected', async () => {
  const doc = new TextDocument(Uri.file(SEED), fixture('extensions.conf'), 'asterisk');
  const save = () => Promise.all(fake.saveListeners.map((l) => l(doc)));
  fake.workspaceConfiguration.set('ariExplorer.dialplan.reloadOnSave', 'always');
  await save();
  assert.deepEqual(calls.reload, ['pbx_config.so']);
  assert.match(fake.messages[0].text, /Dialplan reloaded on local-sim/);

  fake.clearRecords();
  fake.workspaceConfiguration.set('ariExplorer.dialplan.reloadOnSave', 'ask');
  fake.messageAnswers.push('Reload Dialplan');
  await save();
  assert.match(fake.messages[0].text, /Saved extensions.conf. Reload the dialplan on local-sim\?/);
  assert.deepEqual(calls.reload, ['pbx_config.so', 'pbx_config.so']);

  fake.clearRecords();
  fake.workspaceConfiguration.set('ariExplorer.dialplan.serverConfigFolder', '/etc/asterisk');
  await save();
  assert.equal(fake.messages[0].level, 'warning');
  assert.match(fake.messages[0].text, /outside \/etc\/asterisk .*local-sim does not read this file/);
  assert.equal(calls.reload.length, 2);

  fake.clearRecords();
  fake.workspaceConfiguration.set('ariExplorer.dialplan.serverConfigFolder', FIXTURES);
  fake.messageAnswers.push('Never');
  await save();
  assert.deepEqual(fake.configUpdates, [{ key: 'ariExplorer.dialplan.reloadOnSave', value: 'never', target: ConfigurationTarget.Global }]);
  assert.equal(calls.reload.length, 2);

  fake.clearRecords();
  fake.workspaceConfiguration.set('ariExplorer.dialplan.reloadOnSave', 'always');
  connections.active = undefined;
  await save();
  assert.deepEqual(fake.messages, []);
});

test('Restricted Mode: the workspace cannot make saves reload the dialplan or pick the calling side; the user still can', async () => {
  const doc = new TextDocument(Uri.file(SEED), fixture('extensions.conf'), 'asterisk');
  const save = () => Promise.all(fake.saveListeners.map((l) => l(doc)));
  workspace.isTrusted = false;
  workspace.workspaceFolders = [{ uri: Uri.file(FIXTURES) }];
  fake.workspaceConfiguration.set('ariExplorer.dialplan.reloadOnSave', 'always');
  fake.workspaceConfiguration.set('ariExplorer.dialplan.originate.waitExtension', '999@premium');
  await save();
  assert.deepEqual(calls.reload, [], 'the workspace value "always" is ignored');
  assert.match(fake.messages[0].text, /Reload the dialplan on local-sim\?/, 'the default, ask, applies');

  fake.clearRecords();
  fake.messageAnswers.push('Always');
  await save();
  assert.deepEqual(
    fake.configUpdates,
    [{ key: 'ariExplorer.dialplan.reloadOnSave', value: 'always', target: ConfigurationTarget.Global }],
    'saved where it will be read',
  );
  assert.deepEqual(calls.reload, ['pbx_config.so']);

  fake.clearRecords();
  await save();
  assert.deepEqual(
    fake.messages.filter((m) => /Reload the dialplan/.test(m.text)),
    [],
    'the user setting applies without asking',
  );
  assert.deepEqual(calls.reload, ['pbx_config.so', 'pbx_config.so']);

  fake.quickPickAnswers.push(labelled('100@default'));
  await run('ariExplorer.dialplan.originate', { exten: '1776', context: 'from-test' });
  assert.deepEqual(calls.originate[0], { endpoint: 'Local/1776@from-test', extension: '100', context: 'default', priority: 1 }, 'not 999@premium');

  workspace.isTrusted = true;
  fake.workspaceConfiguration.delete('ariExplorer.dialplan.reloadOnSave');
  fake.quickPickAnswers.push(labelled('999@premium'));
  await run('ariExplorer.dialplan.originate', { exten: '1776', context: 'from-test' });
  assert.deepEqual(calls.originate[1], { endpoint: 'Local/1776@from-test', extension: '999', context: 'premium', priority: 1 }, 'trusted: the workspace value');
  workspace.workspaceFolders = undefined;
});

test('reload command reports a failure', async () => {
  calls.reloadFails = true;
  await run('ariExplorer.dialplan.reload');
  assert.equal(fake.messages[0].level, 'error');
  assert.match(fake.messages[0].text, /pbx_config.so not found/);
});

test('Stasis lens command filters the tree and shows the app events', async () => {
  await run('ariExplorer.dialplan.showAppChannels', 'hello-world');
  assert.deepEqual(
    fake.executed.map((e) => [e.id, e.args[0]]),
    [
      ['ariExplorer.tree.filterByApp', 'hello-world'],
      ['ariExplorer.events.show', { app: 'hello-world' }],
    ],
  );
});

test('providers: lenses only while connected, symbols, hover, definition', async () => {
  const doc = new TextDocument(Uri.file(SEED), fixture('extensions.conf'), 'asterisk');
  const lenses = fake.providers.codeLens as { provideCodeLenses(d: TextDocument): CodeLens[] };
  const titles = lenses.provideCodeLenses(doc).map((l) => l.command?.title);
  assert.ok(titles.includes('1 live channel in hello-world'));
  assert.ok(titles.includes('Originate to 1776@from-test'));
  connections.active = undefined;
  assert.deepEqual(lenses.provideCodeLenses(doc), []);

  const symbols = (fake.providers.symbols as { provideDocumentSymbols(d: TextDocument): DocumentSymbol[] }).provideDocumentSymbols(doc);
  assert.deepEqual(
    symbols.map((s) => s.name),
    ['general', 'globals', 'from-test', 'default'],
  );
  assert.deepEqual(
    symbols[2].children[0].children.map((c) => c.name),
    ['1', '2', '3', '4'],
  );

  const hover = (fake.providers.hover as { provideHover(d: TextDocument, p: Position): Hover | undefined }).provideHover(doc, new Position(11, 12));
  assert.match(hover?.contents.value ?? '', /Stasis\(app\[,args\.\.\.\]\)/);
  assert.match(hover?.contents.value ?? '', /application `app`;/, 'code spans of the summary stay Markdown');

  const feat = new TextDocument(Uri.file(FEATURES), fixture('extensions_features.conf'), 'asterisk');
  const defs = await (fake.providers.definition as { provideDefinition(d: TextDocument, p: Position): Promise<Location[]> }).provideDefinition(
    feat,
    new Position(8, 12),
  );
  assert.deepEqual(
    defs.map((d) => [d.uri.fsPath, d.range.start.line]),
    [[SEED, 19]],
  );
});

test('#include: its files join the index (go to definition) and become document links', async () => {
  const feat = new TextDocument(Uri.file(FEATURES), fixture('extensions_features.conf'), 'asterisk');
  const defs = await (fake.providers.definition as { provideDefinition(d: TextDocument, p: Position): Promise<Location[]> }).provideDefinition(
    feat,
    new Position(36, 33),
  );
  assert.deepEqual(
    defs.map((d) => [d.uri.fsPath, d.range.start.line]),
    [[join(FIXTURES, 'dialplan', 'after-hours.conf'), 3]],
  );
  const links = await (fake.providers.links as { provideDocumentLinks(d: TextDocument): Promise<{ target?: Uri }[]> }).provideDocumentLinks(feat);
  assert.deepEqual(
    links.map((l) => l.target?.fsPath),
    [join(FIXTURES, 'dialplan', 'after-hours.conf')],
  );
});
