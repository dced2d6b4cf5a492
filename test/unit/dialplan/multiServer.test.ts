// The dialplan features with two servers connected (#16): prod, and lab (connected last, so the
// focused one). Both number their channels alike, so channel 1733.1 is a different call on each.
// Go to Dialplan acts on the node's server, Reload / Call / Originate ask which server, the
// Stasis lens counts every server's channels.
import '../fakes/registerVscode';
import { fake, workspace, TextDocument, Uri, type CodeLens } from '../fakes/vscode';
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
const STASIS_LINE = 11; // 1776@from-test, priority 3: Stasis(hello-world)
const MOH_LINE = 24; // 102@default, priority 2: MusicOnHold()

function channel(id: string, dp: Channel['dialplan'], name = `Local/${dp.exten}@${dp.context}-00000000;2`): Channel {
  const caller = { name: '', number: '' };
  return { id, protocol_id: '', name, state: 'Up', caller, connected: caller, accountcode: '', dialplan: dp, creationtime: '', language: 'en' };
}

const inStasis = { context: 'from-test', exten: '1776', priority: 3, app_name: 'Stasis', app_data: 'hello-world' };

interface FakeServer extends DialplanServer {
  reloads: number;
  originated: OriginateParams[];
  events: Emitter<readonly { event: AriEvent }[]>;
}

function server(profileId: string, channels: Channel[]): FakeServer {
  const model = new AriStateModel();
  model.reset({ channels, bridges: [], endpoints: [], applications: [], deviceStates: [] });
  const events = new Emitter<readonly { event: AriEvent }[]>();
  const s: FakeServer = {
    profileId,
    profileName: profileId,
    reloads: 0,
    originated: [],
    events,
    session: {
      model,
      rest: {
        asterisk: {
          reloadModule: async () => {
            s.reloads++;
          },
        },
        channels: {
          originate: async (p) => {
            s.originated.push(p);
            const ch = channel(
              `${profileId}-new`,
              { context: 'default', exten: '100', priority: 1, app_name: 'AppDial2', app_data: '' },
              'Local/1776@from-test-00000001;1',
            );
            // The call ends at once (cause 16): the toast then says whether the server's profile registers the app.
            events.fire([{ event: { type: 'ChannelDestroyed', channel: ch, cause: 16, cause_txt: 'Normal Clearing' } as unknown as AriEvent }]);
            return ch;
          },
        },
      },
      onModelChange: new Emitter<unknown>().event,
      onEvents: events.event,
      info: { system: { version: `22.1.0-${profileId}` } },
    },
  };
  return s;
}

const prod = server('prod', [channel('1733.1', inStasis)]);
const lab = server('lab', [
  channel('1733.1', { context: 'default', exten: '102', priority: 2, app_name: 'MusicOnHold', app_data: '' }),
  channel('1733.5', inStasis, 'Local/1776@from-test-00000002;2'),
]);
const apps: Record<string, string[]> = { prod: ['hello-world'], lab: ['lab-app'] };
const serversChanged = new Emitter<readonly DialplanServer[]>();
const connections: DialplanSessionSource & { servers: DialplanServer[] } = {
  // lab connected last: the focused server, which the single-server code followed.
  get active(): DialplanSession | undefined {
    return this.servers.at(-1)?.session;
  },
  get activeProfile() {
    const last = this.servers.at(-1);
    return last && { name: last.profileName, apps: apps[last.profileId] };
  },
  onDidChangeActive: () => ({ dispose() {} }),
  servers: [prod, lab],
  onDidChangeServers: (l) => serversChanged.event(l),
  profiles: { get: (id) => (apps[id] ? { name: id, apps: apps[id] } : undefined) },
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

/** The labels of each quick pick shown, and an answer: the item whose label is `label` (undefined: dismissed). */
const picks: string[][] = [];
const answer = (label: string | undefined) => (items: readonly unknown[]) => {
  const list = items as { label: string; description?: string }[];
  picks.push(list.map((i) => i.label));
  return label === undefined ? undefined : list.find((i) => i.label === label || i.label.endsWith(label));
};

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
  picks.length = 0;
  connections.servers = [prod, lab];
  for (const s of [prod, lab]) {
    s.reloads = 0;
    s.originated = [];
  }
});

test('Go to Dialplan from a channel node of the server that is not focused finds that server’s channel', async () => {
  await run('ariExplorer.channel.goToDialplan', { kind: 'channel', id: '1733.1', profileId: 'prod' });
  assert.equal(fake.messages.length, 0, fake.messages.map((m) => m.text).join(' | '));
  assert.equal(fake.shown.length, 1);
  assert.ok(fake.shown[0].uri.endsWith('/extensions.conf'));
  assert.equal(fake.shown[0].selection?.start.line, STASIS_LINE, "prod's 1733.1 is in Stasis, not lab's on hold");

  await run('ariExplorer.channel.goToDialplan', { kind: 'channel', id: '1733.1', profileId: 'lab' });
  assert.equal(fake.shown[1].selection?.start.line, MOH_LINE);
  // A node without a server (an older caller): the focused one, as before.
  await run('ariExplorer.channel.goToDialplan', { kind: 'channel', id: '1733.1' });
  assert.equal(fake.shown[2].selection?.start.line, MOH_LINE);
  assert.equal(picks.length, 0, 'a node never asks');

  // prod disconnects: its node no longer finds a channel anywhere else.
  connections.servers = [lab];
  await run('ariExplorer.channel.goToDialplan', { kind: 'channel', id: '1733.1', profileId: 'prod' });
  assert.equal(fake.shown.length, 3);
  assert.equal(fake.messages.at(-1)?.level, 'error');
  assert.equal(fake.messages.at(-1)?.text, '"prod" is not connected.');
});

test('Go to Dialplan from the palette lists the channels of every server, each with its server', async () => {
  let items: { label: string; description?: string }[] = [];
  fake.quickPickAnswers.push((list) => {
    items = list as typeof items;
    return items.find((i) => i.description?.startsWith('prod'));
  });
  await run('ariExplorer.channel.goToDialplan');
  assert.deepEqual(
    items.map((i) => i.description),
    ['prod · 1776@from-test, priority 3', 'lab · 102@default, priority 2', 'lab · 1776@from-test, priority 3'],
  );
  assert.equal(fake.shown[0].selection?.start.line, STASIS_LINE);

  connections.servers = [lab];
  fake.quickPickAnswers.push((list) => {
    items = list as typeof items;
    return items[0];
  });
  await run('ariExplorer.channel.goToDialplan');
  assert.equal(items[0].description, '102@default, priority 2', 'one server: no server names');
});

test('Reload Dialplan from the palette asks which server and reloads only that one; "All connected servers" reloads both', async () => {
  fake.quickPickAnswers.push(answer('prod'));
  await run('ariExplorer.dialplan.reload');
  assert.deepEqual(picks[0], ['prod', 'lab', '$(server-environment) All connected servers']);
  assert.deepEqual([prod.reloads, lab.reloads], [1, 0]);
  assert.equal(fake.messages.length, 1);
  assert.match(fake.messages[0].text, /^Dialplan reloaded on prod \(pbx_config\.so\)/);

  fake.clearRecords();
  fake.quickPickAnswers.push(answer('All connected servers'));
  await run('ariExplorer.dialplan.reload');
  assert.deepEqual(picks[1][0], 'prod', 'the last choice comes first');
  assert.deepEqual([prod.reloads, lab.reloads], [2, 1]);
  assert.match(fake.messages[0].text, /^Dialplan reloaded on prod, lab \(pbx_config\.so\): each server/);

  // Dismissed: nothing reloaded, nothing said.
  fake.clearRecords();
  fake.quickPickAnswers.push(answer(undefined));
  await run('ariExplorer.dialplan.reload');
  assert.equal(picks[2][0], '$(server-environment) All connected servers');
  assert.deepEqual([prod.reloads, lab.reloads], [2, 1]);
  assert.equal(fake.messages.length, 0, fake.messages.map((m) => m.text).join(' | '));

  // From a node of one server: that server, no question.
  await run('ariExplorer.dialplan.reload', { kind: 'serverRoot', id: 'lab', profileId: 'lab' });
  assert.equal(picks.length, 3);
  assert.deepEqual([prod.reloads, lab.reloads], [2, 2]);
  assert.match(fake.messages[0].text, /^Dialplan reloaded on lab /);
});

test('a server that fails to reload is named; the others still reload', async () => {
  const failing = prod.session.rest.asterisk.reloadModule;
  (prod.session.rest.asterisk as { reloadModule(n: string): Promise<void> }).reloadModule = async () => {
    throw new Error('Module pbx_config.so not found');
  };
  try {
    fake.quickPickAnswers.push(answer('All connected servers'));
    await run('ariExplorer.dialplan.reload');
    assert.equal(lab.reloads, 1);
    assert.deepEqual(
      fake.messages.map((m) => [m.level, m.text.split(':')[0]]),
      [
        ['info', 'Dialplan reloaded on lab (pbx_config.so)'],
        ['error', 'Reloading the dialplan on prod failed'],
      ],
    );
    assert.match(fake.messages[1].text, /pbx_config.so not found/);
  } finally {
    (prod.session.rest.asterisk as { reloadModule(n: string): Promise<void> }).reloadModule = failing;
  }
});

test('reload on save with two servers never reloads both unasked: it asks which, and a dismissed pick reloads nothing', async () => {
  const doc = new TextDocument(Uri.file(SEED), fixture('extensions.conf'), 'asterisk');
  const save = () => Promise.all(fake.saveListeners.map((l) => l(doc)));
  fake.workspaceConfiguration.set('ariExplorer.dialplan.reloadOnSave', 'always');
  fake.quickPickAnswers.push(answer(undefined));
  await save();
  assert.equal(picks.length, 1, 'always: asks which server');
  assert.deepEqual([prod.reloads, lab.reloads], [0, 0]);
  assert.equal(fake.messages.length, 0, fake.messages.map((m) => m.text).join(' | '));

  fake.quickPickAnswers.push(answer('lab'));
  await save();
  assert.deepEqual([prod.reloads, lab.reloads], [0, 1]);
  assert.match(fake.messages[0].text, /^Dialplan reloaded on lab /);

  fake.clearRecords();
  fake.workspaceConfiguration.set('ariExplorer.dialplan.reloadOnSave', 'ask');
  fake.messageAnswers.push('Reload Dialplan…');
  fake.quickPickAnswers.push(answer('All connected servers'));
  await save();
  assert.equal(fake.messages[0].text, 'Saved extensions.conf. Reload the dialplan? 2 servers are connected: you pick which next.');
  assert.deepEqual([prod.reloads, lab.reloads], [1, 2]);

  // The server folder warning names the servers, and Reload Anyway still asks which.
  fake.clearRecords();
  fake.workspaceConfiguration.set('ariExplorer.dialplan.serverConfigFolder', '/etc/asterisk');
  fake.messageAnswers.push('Reload Anyway');
  fake.quickPickAnswers.push(answer(undefined));
  await save();
  assert.match(fake.messages[0].text, /outside \/etc\/asterisk .*: prod, lab do not read this file/);
  assert.equal(fake.messages.length, 1);
  assert.deepEqual([prod.reloads, lab.reloads], [1, 2]);
});

test('Call and Originate from a lens ask which server; dismissed, nothing is dialled and nothing is said', async () => {
  const target = { exten: '1776', context: 'from-test', app: 'hello-world' };
  fake.quickPickAnswers.push(answer(undefined));
  await run('ariExplorer.dialplan.call', target);
  assert.deepEqual(picks[0], ['lab', 'prod'], 'the focused server first');
  assert.deepEqual([prod.originated.length, lab.originated.length], [0, 0]);
  assert.equal(fake.messages.length, 0, fake.messages.map((m) => m.text).join(' | '));

  // The toast reads the picked server's profile: prod registers hello-world, lab does not.
  fake.quickPickAnswers.push(answer('prod'));
  await run('ariExplorer.dialplan.call', target);
  assert.deepEqual(prod.originated, [{ endpoint: 'Local/1776@from-test', extension: '100', context: 'default', priority: 1 }]);
  assert.equal(lab.originated.length, 0);
  assert.match(fake.messages[0].text, /was hung up with cause 16/);
  fake.quickPickAnswers.push(answer('lab'));
  await run('ariExplorer.dialplan.call', target);
  assert.equal(lab.originated.length, 1);
  assert.match(fake.messages[1].text, /this profile does not register hello-world/);

  fake.clearRecords();
  picks.length = 0;
  fake.quickPickAnswers.push(answer(undefined));
  await run('ariExplorer.dialplan.originate', { exten: '200', context: 'default' });
  assert.equal(picks.length, 1);
  assert.equal(fake.messages.length, 0, fake.messages.map((m) => m.text).join(' | '));

  // The calling side offers the picked server's apps.
  fake.quickPickAnswers.push(answer('prod'), answer('Stasis app hello-world'));
  await run('ariExplorer.dialplan.originate', { exten: '200', context: 'default' });
  assert.ok(picks[2].some((l) => l.endsWith('Stasis app hello-world')));
  assert.ok(!picks[2].some((l) => l.includes('lab-app')));
  assert.deepEqual(prod.originated.at(-1), { endpoint: 'Local/200@default', app: 'hello-world' });
  assert.match(fake.messages[0].text, /^Originated Local\/1776@from-test-00000001;1 on prod to 200@default/);
});

test('the Stasis lens counts the channels of every connected server and says how many each has', () => {
  const doc = new TextDocument(Uri.file(SEED), fixture('extensions.conf'), 'asterisk');
  const lenses = fake.providers.codeLens as { provideCodeLenses(d: TextDocument): CodeLens[] };
  const titles = lenses.provideCodeLenses(doc).map((l) => l.command?.title);
  assert.ok(titles.includes('2 live channels in hello-world (prod 1, lab 1)'), titles.join(' | '));
  connections.servers = [prod];
  assert.ok(lenses.provideCodeLenses(doc).some((l) => l.command?.title === '1 live channel in hello-world'));
  connections.servers = [];
  assert.deepEqual(lenses.provideCodeLenses(doc), []);
});
