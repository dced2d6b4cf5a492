// The session with the real REST client and event socket against a tiny local ARI: start,
// snapshot, events, and the resync after the server drops the socket (as a restart does).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { AriSession } from '../../../src/extension/connection/session';
import type { Channel } from '../../../src/extension/ari/models.generated';
import type { ModelChange } from '../../../src/extension/state/model';
import type { Event } from '../../../src/extension/util/emitter';
import { MemoryLogger } from '../../../src/extension/util/logger';
import { channel, ev, inStasis } from '../state/fixtures';

const AUTH = `Basic ${Buffer.from('test:test_password').toString('base64')}`;

function until<T>(event: Event<T>, pred: (v: T) => boolean): Promise<T> {
  return new Promise((resolve) => {
    const d = event((v) => {
      if (pred(v)) {
        d.dispose();
        resolve(v);
      }
    });
  });
}

test('against a local ARI: snapshot, events, resync after a dropped socket', async (t) => {
  let channels: Channel[] = [inStasis('1796078122.51')];
  const sockets: WebSocket[] = [];
  const server = http.createServer((req, res) => {
    if (req.headers.authorization !== AUTH) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"Authentication required"}');
      return;
    }
    const path = (req.url ?? '').split('?')[0];
    const bodies: Record<string, unknown> = {
      '/ari/channels': channels,
      '/ari/bridges': [],
      '/ari/endpoints': [],
      '/ari/applications': [
        { name: 'observer', channel_ids: [], bridge_ids: [], endpoint_ids: [], device_names: [], events_allowed: [], events_disallowed: [] },
      ],
      '/ari/deviceStates': [],
      '/ari/recordings/stored': [],
      '/ari/asterisk/info': { status: { startup_time: channels[0]?.id ?? 'none', last_reload_time: '' } },
    };
    if (!(path in bodies)) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Resource not found"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(bodies[path]));
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    if (req.headers.authorization !== AUTH || !(req.url ?? '').startsWith('/ari/events?app=observer')) {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => sockets.push(ws));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    for (const ws of sockets) ws.terminate();
    wss.close();
    server.close();
  });
  const { port } = server.address() as AddressInfo;
  const log = new MemoryLogger();

  const session = new AriSession({
    connection: { url: `http://127.0.0.1:${port}`, username: 'test', password: 'test_password', log },
    apps: ['observer'],
    subscribeAll: true,
    batchMs: 10,
    socket: { backoff: { initialMs: 20, maxMs: 40 } },
  });
  t.after(() => session.dispose());

  await session.start();
  assert.deepEqual([...session.model.channels.keys()], ['1796078122.51']);
  assert.equal(session.model.channels.get('1796078122.51')?.app, 'hello-world');
  assert.equal(session.info?.status?.startup_time, '1796078122.51');

  // An event over the socket: batched to listeners, already in the model.
  const batch = until(session.onEvents, () => true);
  sockets[0].send(JSON.stringify(ev.created(channel('1796078122.52'))));
  const records = await batch;
  assert.equal(records[0].event.type, 'ChannelCreated');
  assert.ok(session.model.channels.has('1796078122.52'));

  // The server drops the socket without a close frame and comes back with new ids.
  channels = [inStasis('1796078125.1')];
  const resynced = until<ModelChange>(session.onModelChange, () => session.model.channels.has('1796078125.1'));
  sockets[0].terminate();
  const change = await resynced;
  assert.equal(change.structural, true);
  assert.deepEqual([...session.model.channels.keys()], ['1796078125.1']);
  assert.equal(session.info?.status?.startup_time, '1796078125.1');
  assert.ok(!log.text().includes('test_password'), 'no password in the log');
});

test('against a local ARI: bad credentials reject start()', async (t) => {
  const server = http.createServer((_req, res) => res.writeHead(401).end('{"message":"Authentication required"}'));
  server.on('upgrade', (_req, socket) => socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const { port } = server.address() as AddressInfo;
  const session = new AriSession({
    connection: { url: `http://127.0.0.1:${port}`, username: 'test', password: 'wrong' },
    apps: ['observer'],
    subscribeAll: true,
  });
  t.after(() => session.dispose());
  await assert.rejects(session.start(), (err: Error & { status?: number }) => err.status === 401);
});
