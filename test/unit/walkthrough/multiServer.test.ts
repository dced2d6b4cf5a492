// Being the app with two servers connected (#16): prod and lab (connected last, the focused one).
// An arrival on either is announced naming its server, its buttons act on a tree node of that
// server, the badge counts both, and the walkthrough's Hang Up acts on the newest arrival's server.
import '../fakes/registerVscode';
import { fake } from '../fakes/vscode';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AriEvent } from '../../../src/extension/ari/events.generated';
import type { AriSession } from '../../../src/extension/connection/session';
import type { LiveServer } from '../../../src/extension/connection/servers';
import type { Services } from '../../../src/extension/services';
import { Emitter } from '../../../src/extension/util/emitter';
import { registerWalkthrough } from '../../../src/extension/walkthrough/index';

interface FakeServer extends LiveServer {
  events: Emitter<{ event: AriEvent }[]>;
  hungUp: string[];
}

function server(profileId: string): FakeServer {
  const events = new Emitter<{ event: AriEvent }[]>();
  const hungUp: string[] = [];
  const session = {
    onEvents: events.event,
    rest: { channels: { hangup: async (id: string) => void hungUp.push(id) } },
  } as unknown as AriSession;
  return { profileId, profileName: profileId, session, events, hungUp };
}

const prod = server('prod');
const lab = server('lab');
const apps: Record<string, string[]> = { prod: ['hello-world'], lab: ['lab-app'] };
const none = () => ({ dispose() {} });
const connections = {
  servers: [prod, lab],
  onDidChangeServers: none,
  active: lab.session,
  activeProfile: { id: 'lab', name: 'lab', apps: apps.lab },
  onDidChangeActive: none,
  phase: { kind: 'connected', profileName: 'lab' },
  onDidChangePhase: none,
  profiles: { get: (id: string) => (apps[id] ? { id, name: id, apps: apps[id] } : undefined) },
  requireSession(id?: string): AriSession {
    const s = [prod, lab].find((x) => x.profileId === (id ?? 'lab'));
    if (!s) throw new Error('not connected');
    return s.session;
  },
};
const log = { info() {}, warn() {}, error() {}, debug() {}, trace() {}, show() {} };
registerWalkthrough({ context: { subscriptions: [] }, log, connections } as unknown as Services);

const stasisStart = (id: string, app: string) =>
  [{ event: { type: 'StasisStart', application: app, channel: { id, name: `PJSIP/${app}-${id}` } } as unknown as AriEvent }] as { event: AriEvent }[];

/** Resolves with the next notification shown. */
const nextMessage = () =>
  new Promise<string>((resolve) => {
    const sub = fake.messageShown.event((m) => {
      sub.dispose();
      resolve(m.text);
    });
  });

/** Resolves with the argument of the next run of `command` (a stand-in for the real one). */
const nextRun = (command: string) =>
  new Promise<unknown>((resolve) => {
    fake.commands.set(command, (arg) => {
      fake.commands.delete(command);
      resolve(arg);
    });
  });

const badge = () => (fake.executed.filter((e) => e.id === 'ariExplorer.tree.setWaitingBadge').at(-1)?.args[0] as { value: number } | undefined)?.value;

test('an arrival on the server that is not focused is announced, named, revealed and acted on there', { timeout: 5000 }, async () => {
  fake.clearRecords();
  fake.messageAnswers.push('Answer');
  const shown = nextMessage();
  const answered = nextRun('ariExplorer.channel.answer');
  prod.events.fire(stasisStart('1733.1', 'hello-world'));
  assert.equal(await shown, 'PJSIP/hello-world-1733.1 entered Stasis(hello-world) on prod and waits for your app. Next:');
  assert.deepEqual(await answered, { kind: 'channel', id: '1733.1', profileId: 'prod' }, "the Answer button acts on prod's channel");
  assert.deepEqual(fake.executed.find((e) => e.id === 'ariExplorer.tree.revealChannel')?.args, ['1733.1', 'prod']);
  assert.equal(fake.contextKeys.get('ariExplorer.walkStasisStart'), true);
  assert.equal(badge(), 1);

  // The same channel id on lab is another call: both wait.
  const second = nextMessage();
  lab.events.fire(stasisStart('1733.1', 'lab-app'));
  assert.match(await second, /entered Stasis\(lab-app\) on lab/);
  assert.equal(badge(), 2);
  // Each server's own apps: lab's events for prod's app are not the user's.
  lab.events.fire(stasisStart('1733.2', 'hello-world'));
  assert.equal(badge(), 2);

  // Hang Up acts on the newest arrival, on its own server.
  await fake.commands.get('ariExplorer.walkthrough.hangup')?.();
  assert.deepEqual([prod.hungUp, lab.hungUp], [[], ['1733.1']]);
  lab.events.fire([{ event: { type: 'StasisEnd', application: 'lab-app', channel: { id: '1733.1' } } as unknown as AriEvent }]);
  assert.equal(badge(), 1);
  await fake.commands.get('ariExplorer.walkthrough.hangup')?.();
  assert.deepEqual([prod.hungUp, lab.hungUp], [['1733.1'], ['1733.1']]);
});
