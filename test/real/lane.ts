// The checks of the real-server lane: the extension's core (session, model, event panel store)
// against whatever ARI server `target` names — a real Asterisk (npm run test:real) or the
// simulator (test/unit/real, so the lane cannot rot). Each check drives the server with plain
// REST, watches what the session, the model and the panel make of it, and returns what it saw.
// Nothing here depends on ids or timings of one server: only on behaviour both must share.
import assert from 'node:assert/strict';
import type { Channel, Playback } from '../../src/extension/ari/models.generated';
import { AriSession } from '../../src/extension/connection/session';
import { Emitter } from '../../src/extension/util/emitter';
import { EventStore } from '../../src/extension/webviews/event-store';
import { EventView } from '../../src/extension/webviews/event-view';
import { LiveFeed } from '../../src/extension/webviews/live-feed';
import { EMPTY_FILTER } from '../../src/shared/protocol';

export interface LaneTarget {
  /** ARI base URL, e.g. http://127.0.0.1:8088/ari */
  url: string;
  username: string;
  password: string;
}

export interface Lane {
  session: AriSession;
  store: EventStore;
  /** Copies seen per app (first copies and later ones): what each app really got. */
  copiesPerApp: Map<string, number>;
  observer: string;
  dispose(): void;
}

const WAIT_MS = 15_000;

/** A session like the extension's: its own observer app plus hello-world, subscribeAll, a live store. */
export async function openLane(target: LaneTarget): Promise<Lane> {
  const observer = `ari-explorer-lane-${process.pid}`;
  const session = new AriSession({
    connection: { url: target.url, username: target.username, password: target.password, timeoutMs: 10_000 },
    apps: [observer, 'hello-world'],
    subscribeAll: true,
    batchMs: 20,
  });
  const store = new EventStore(20_000);
  const copiesPerApp = new Map<string, number>();
  const count = (app: string): void => void copiesPerApp.set(app, (copiesPerApp.get(app) ?? 0) + 1);
  session.socket.onEvent((ev) => count(String((ev as { application?: unknown }).application ?? '')));
  session.socket.onCopy((c) => count(c.application));
  const active = new Emitter<AriSession | undefined>();
  const feed = new LiveFeed({ active: session, onDidChangeActive: active.event }, store, () => undefined);
  await session.start();
  return {
    session,
    store,
    copiesPerApp,
    observer,
    dispose: () => {
      feed.dispose();
      session.dispose();
    },
  };
}

/** Resolves once `pred` holds for the session's model or events, checked after each batch. */
export function until(lane: Lane, what: string, pred: () => boolean, ms = WAIT_MS): Promise<void> {
  if (pred()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (!pred()) return;
      cleanup();
      resolve();
    };
    const a = lane.session.onEvents(check);
    const b = lane.session.onModelChange(check);
    const c = lane.session.onEventApps(check);
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
    function cleanup(): void {
      clearTimeout(timer);
      a.dispose();
      b.dispose();
      c.dispose();
    }
  });
}

function eventsOf(lane: Lane, pred: (type: string, json: string) => boolean): number {
  let n = 0;
  for (let i = lane.store.firstN; i < lane.store.nextN; i++) if (pred(lane.store.typeAt(i), lane.store.jsonAt(i))) n++;
  return n;
}

function hasEvent(lane: Lane, type: string, needle: string): boolean {
  return eventsOf(lane, (t, j) => t === type && j.includes(needle)) > 0;
}

/** The seed's flow: originate into hello-world, play sound:hello-world, hang up. */
export async function seedFlow(lane: Lane): Promise<{ channelId: string; helloEvents: number; helloCopies: number; total: number }> {
  const rest = lane.session.rest;
  const orig = await rest.request<Channel>('POST', '/channels', { query: { endpoint: 'Local/1776@from-test', extension: '100', context: 'default' } });
  const half1 = orig.body.id;
  await until(lane, 'StasisStart in hello-world', () => [...lane.session.model.channels.values()].some((c) => c.app === 'hello-world' && c.name.startsWith('Local/1776@from-test') && c.name.endsWith(';2')));
  const stasis = [...lane.session.model.channels.values()].find((c) => c.app === 'hello-world' && c.name.endsWith(';2') && c.name.startsWith(orig.body.name.slice(0, -2))) as { id: string };
  assert.ok(stasis, 'the ;2 half of the call is in hello-world');
  const play = await rest.request<Playback>('POST', `/channels/${encodeURIComponent(stasis.id)}/play`, { query: { media: 'sound:hello-world' } });
  assert.equal(play.status, 201);
  await until(lane, 'PlaybackFinished', () => hasEvent(lane, 'PlaybackFinished', play.body.id));
  assert.ok(hasEvent(lane, 'PlaybackStarted', play.body.id));
  await rest.request('DELETE', `/channels/${encodeURIComponent(stasis.id)}`);
  await until(lane, 'both halves destroyed', () => !lane.session.model.channels.has(stasis.id) && !lane.session.model.channels.has(half1));
  await until(lane, 'StasisEnd', () => hasEvent(lane, 'StasisEnd', stasis.id));
  // Let late copies and late events (after ChannelDestroyed) arrive.
  await quiet(lane, 500);
  assert.equal(lane.session.model.channels.has(stasis.id), false, 'a late event did not bring the destroyed channel back');
  const helloView = new EventView(lane.store, { ...EMPTY_FILTER, app: 'hello-world' });
  return { channelId: stasis.id, helloEvents: helloView.total, helloCopies: lane.copiesPerApp.get('hello-world') ?? 0, total: new EventView(lane.store, EMPTY_FILTER).total };
}

/** Resolves once no event batch arrived for `ms`. */
export function quiet(lane: Lane, ms: number): Promise<void> {
  return new Promise((resolve) => {
    let timer = setTimeout(done, ms);
    const a = lane.session.onEvents(() => {
      clearTimeout(timer);
      timer = setTimeout(done, ms);
    });
    function done(): void {
      a.dispose();
      resolve();
    }
  });
}

/** Two calls into hello-world, bridged, one removed, the bridge destroyed. */
export async function bridgeFlow(lane: Lane): Promise<{ bridgeId: string }> {
  const rest = lane.session.rest;
  const before = new Set(lane.session.model.channels.keys());
  for (let i = 0; i < 2; i++) await rest.request('POST', '/channels', { query: { endpoint: 'Local/1776@from-test', extension: '100', context: 'default' } });
  const inApp = (): string[] => [...lane.session.model.channels.values()].filter((c) => !before.has(c.id) && c.app === 'hello-world').map((c) => c.id);
  await until(lane, 'two channels in hello-world', () => inApp().length === 2);
  const [a, b] = inApp();
  const bridge = await rest.request<{ id: string }>('POST', '/bridges', { query: { type: 'mixing', name: 'lane' } });
  const id = bridge.body.id;
  await rest.request('POST', `/bridges/${id}/addChannel`, { query: { channel: `${a},${b}` } });
  await until(lane, 'both channels in the bridge', () => (lane.session.model.bridges.get(id)?.channels.length ?? 0) === 2);
  await rest.request('POST', `/bridges/${id}/removeChannel`, { query: { channel: a } });
  await until(lane, 'one channel left', () => (lane.session.model.bridges.get(id)?.channels.length ?? 0) === 1);
  for (const c of [a, b]) await rest.request('DELETE', `/channels/${c}`);
  await rest.request('DELETE', `/bridges/${id}`);
  await until(lane, 'bridge and channels gone', () => !lane.session.model.bridges.has(id) && !lane.session.model.channels.has(a) && !lane.session.model.channels.has(b));
  return { bridgeId: id };
}

/** A channel that is not in Stasis (the ;1 half running Wait) cannot join a bridge: 422, as the picker now says. */
export async function notInStasisRefused(lane: Lane): Promise<{ status: number; message: string }> {
  const rest = lane.session.rest;
  const orig = await rest.request<Channel>('POST', '/channels', { query: { endpoint: 'Local/1776@from-test', extension: '100', context: 'default' } });
  const bridge = await rest.request<{ id: string }>('POST', '/bridges', { query: { type: 'mixing' } });
  let status = 0;
  let message = '';
  try {
    await until(lane, 'the ;2 half in Stasis', () => [...lane.session.model.channels.values()].some((c) => c.app === 'hello-world'));
    await rest.request('POST', `/bridges/${bridge.body.id}/addChannel`, { query: { channel: orig.body.id } });
  } catch (err) {
    const e = err as { status?: number; serverMessage?: string };
    status = e.status ?? 0;
    message = e.serverMessage ?? '';
  } finally {
    await rest.request('DELETE', `/channels/${orig.body.id}`).catch(() => undefined);
    await rest.request('DELETE', `/bridges/${bridge.body.id}`).catch(() => undefined);
  }
  return { status, message };
}
