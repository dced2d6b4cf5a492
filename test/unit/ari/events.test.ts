import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WebSocket } from 'ws';
import { AriEventSocket, type SocketState } from '../../../src/extension/ari/events';
import type { AriEvent } from '../../../src/extension/ari/events.generated';
import { MemoryLogger } from '../../../src/extension/util/logger';
import { next, onUpgrade, rejectUpgrade, startHttpServer, type TestServer, withDeadline } from './helpers';

const creds = { username: 'test', password: 'test_password' };
const basic = `Basic ${Buffer.from('test:test_password').toString('base64')}`;

function ev(type: string, application: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ type, timestamp: '2026-11-29T11:12:07.756+0000', ...extra, asterisk_id: '02:fc', application });
}

async function wsServer(
  onConn: (ws: WebSocket, url: URL) => void,
  opts: { autoPong?: boolean; reject?: (attempt: number) => [number, string, string] | undefined } = {},
): Promise<TestServer & { upgrades: { url: string; headers: Record<string, string | string[] | undefined> }[] }> {
  const srv = await startHttpServer(() => undefined, { ws: true, autoPong: opts.autoPong });
  const upgrades: { url: string; headers: Record<string, string | string[] | undefined> }[] = [];
  onUpgrade(
    srv,
    (req, socket) => {
      upgrades.push({ url: req.url ?? '', headers: req.headers });
      const r = opts.reject?.(upgrades.length);
      if (r) {
        rejectUpgrade(socket, r[0], r[1], r[2]);
        return;
      }
      return 'accept';
    },
    (ws, req) => onConn(ws, new URL(req.url ?? '/', 'http://x')),
  );
  return Object.assign(srv, { upgrades });
}

function collect<T>(event: (l: (v: T) => void) => unknown): T[] {
  const out: T[] = [];
  event((v) => out.push(v));
  return out;
}

test('events: Basic auth header on the upgrade, apps and subscribeAll in the URL, typed events, onOpen', async () => {
  const srv = await wsServer((ws) => {
    ws.send(ev('StasisStart', 'a', { args: [], channel: { id: 'c1' } }));
  });
  const sock = new AriEventSocket({ url: srv.url, ...creds, apps: ['a'], subscribeAll: true });
  try {
    const states = collect<SocketState>(sock.onState);
    const opened = next(sock.onOpen);
    const first = next(sock.onEvent);
    sock.connect();
    assert.deepEqual(await opened, { reconnect: false });
    const e = await first;
    assert.equal(e.type, 'StasisStart');
    if (e.type === 'StasisStart') assert.equal(e.channel.id, 'c1');
    assert.deepEqual(
      states.map((s) => s.kind),
      ['connecting', 'open'],
    );
    assert.equal(srv.upgrades[0].headers.authorization, basic);
    assert.equal(srv.upgrades[0].url, '/ari/events?app=a&subscribeAll=true');
    assert.ok(!sock.url.includes('api_key') && !sock.url.includes('test_password'));
    sock.close();
    assert.equal(sock.state.kind, 'closed');
  } finally {
    sock.dispose();
    await srv.close();
  }
});

test('events: http.conf prefix moves the socket to /<prefix>/ari/events', async () => {
  const srv = await wsServer(() => undefined);
  const sock = new AriEventSocket({ url: `${srv.url}/asterisk`, ...creds, apps: ['a', 'b c'] });
  try {
    const opened = next(sock.onOpen);
    sock.connect();
    await opened;
    assert.equal(srv.upgrades[0].url, '/asterisk/ari/events?app=a,b%20c');
  } finally {
    sock.dispose();
    await srv.close();
  }
});

test('events: with subscribeAll and two apps each event is delivered once; real repeats pass', async () => {
  const frames = [
    ev('ChannelCreated', 'app1', { channel: { id: 'c1' } }),
    ev('ChannelCreated', 'app2', { channel: { id: 'c1' } }),
    // same type and timestamp, other content: a different event
    ev('ChannelCreated', 'app2', { channel: { id: 'c2' } }),
    ev('ChannelCreated', 'app1', { channel: { id: 'c2' } }),
    // pretty-printed frames (ari.conf pretty=yes) with `application` elsewhere in the object
    '{\n  "type": "DeviceStateChanged",\n  "application": "app1",\n  "device_state": {"name": "X", "state": "INUSE"}\n}',
    '{\n  "type": "DeviceStateChanged",\n  "application": "app2",\n  "device_state": {"name": "X", "state": "INUSE"}\n}',
    // the same app receiving the same frame twice is a genuine repeat (transcript 20)
    ev('PlaybackFinished', 'app1', { playback: { id: 'p1' } }),
    ev('PlaybackFinished', 'app2', { playback: { id: 'p1' } }),
    ev('PlaybackFinished', 'app1', { playback: { id: 'p1' } }),
    ev('PlaybackFinished', 'app2', { playback: { id: 'p1' } }),
    ev('StasisEnd', 'app1', { channel: { id: 'c1' } }),
  ];
  const srv = await wsServer((ws) => frames.forEach((f) => ws.send(f)));
  const sock = new AriEventSocket({ url: srv.url, ...creds, apps: ['app1', 'app2'], subscribeAll: true });
  try {
    const got = collect<AriEvent>(sock.onEvent);
    const done = next(sock.onEvent, (e) => e.type === 'StasisEnd');
    sock.connect();
    await done;
    assert.deepEqual(
      got.map((e) => `${e.type}:${e.application}`),
      ['ChannelCreated:app1', 'ChannelCreated:app2', 'DeviceStateChanged:app1', 'PlaybackFinished:app1', 'PlaybackFinished:app1', 'StasisEnd:app1'],
    );
    assert.equal(sock.stats.duplicates, 5);
  } finally {
    sock.dispose();
    await srv.close();
  }
});

test('events: one app -> no de-duplication (identical DeviceStateChanged pairs both arrive, transcript 03)', async () => {
  const f = ev('DeviceStateChanged', 'fire', { device_state: { name: 'Local/1776@from-test', state: 'INUSE' } });
  const srv = await wsServer((ws) => {
    ws.send(f);
    ws.send(f);
    ws.send(ev('StasisEnd', 'fire'));
  });
  const sock = new AriEventSocket({ url: srv.url, ...creds, apps: ['fire'], subscribeAll: true });
  try {
    const got = collect<AriEvent>(sock.onEvent);
    const done = next(sock.onEvent, (e) => e.type === 'StasisEnd');
    sock.connect();
    await done;
    assert.equal(got.length, 3);
  } finally {
    sock.dispose();
    await srv.close();
  }
});

test('events: malformed frames (bad JSON, no type, huge, binary) are logged truncated and skipped', async () => {
  const huge = JSON.stringify({ type: 'ChannelVarset', value: 'x'.repeat(5000), application: 'a' });
  const srv = await wsServer((ws) => {
    ws.send('{not json' + 'y'.repeat(1000));
    ws.send('{"no":"type"}');
    ws.send('null');
    ws.send('[1,2]');
    ws.send(huge);
    ws.send(Buffer.from([1, 2, 3]), { binary: true });
    ws.send(ev('StasisEnd', 'a'));
  });
  const log = new MemoryLogger();
  const sock = new AriEventSocket({ url: srv.url, ...creds, apps: ['a'], log, maxFrameBytes: 2000 });
  try {
    const got = collect<AriEvent>(sock.onEvent);
    const raw = collect(sock.onRawFrame);
    const done = next(sock.onEvent, (e) => e.type === 'StasisEnd');
    sock.connect();
    await done;
    assert.deepEqual(
      got.map((e) => e.type),
      ['StasisEnd'],
    );
    assert.equal(sock.state.kind, 'open');
    assert.equal(sock.stats.malformed, 6);
    const warnings = log.lines.filter((l) => l.startsWith('warn'));
    assert.equal(warnings.length, 6);
    for (const w of warnings) assert.ok(w.length < 400, `logged line too long: ${w.length}`);
    assert.match(warnings[0], /not JSON/);
    assert.match(warnings[4], /too large/);
    assert.equal(raw.filter((r) => r.error).length, 6);
    assert.equal(raw.filter((r) => r.event).length, 1);
  } finally {
    sock.dispose();
    await srv.close();
  }
});

test('events: ingest() never throws and emits synchronously', () => {
  const sock = new AriEventSocket({ url: 'http://127.0.0.1:1', ...creds, apps: ['a', 'b'] });
  try {
    const got = collect<AriEvent>(sock.onEvent);
    sock.ingest(ev('ChannelCreated', 'a'));
    assert.equal(got.length, 1);
    sock.ingest(ev('ChannelCreated', 'b'));
    assert.equal(got.length, 1);
    for (const bad of ['', '"str"', '{"type":5}', '{', 'true']) sock.ingest(bad);
    assert.equal(sock.stats.malformed, 5);
  } finally {
    sock.dispose();
  }
});

test('events: 401 on the upgrade -> failed with the server message, no retry', async () => {
  const srv = await wsServer(() => undefined, {
    reject: () => [401, 'application/json', '{"message":"Authentication required"}'],
  });
  const sock = new AriEventSocket({ url: srv.url, username: 'test', password: 'wrong', apps: ['a'], backoff: { initialMs: 1, maxMs: 1 } });
  try {
    const failed = next(sock.onState, (s) => s.kind === 'failed' || s.kind === 'reconnecting');
    sock.connect();
    const s = await failed;
    assert.equal(s.kind, 'failed');
    if (s.kind !== 'failed') return;
    assert.equal(s.error.status, 401);
    assert.equal(s.error.serverMessage, 'Authentication required');
    assert.match(s.error.hint, /username and password/);
    assert.ok(!s.error.message.includes('wrong'));
    // Absence of a retry cannot be awaited; with a 1 ms backoff, 50 ms would show many.
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(srv.upgrades.length, 1);
    assert.equal(sock.state.kind, 'failed');
  } finally {
    sock.dispose();
    await srv.close();
  }
});

test('events: 400 HTML page for a missing app -> failed with its text', async () => {
  const page =
    '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\r\n<html><head>\r\n<title>400 Bad Request</title>\r\n</head><body>\r\n<h1>Bad Request</h1>\r\n<p>HTTP request is missing param: [app]</p>\r\n<hr />\r\n<address>Asterisk/22.10.1</address>\r\n</body></html>\r\n';
  const srv = await wsServer(() => undefined, { reject: () => [400, 'text/html', page] });
  const sock = new AriEventSocket({ url: srv.url, ...creds, apps: ['a'] });
  try {
    const failed = next(sock.onState, (s) => s.kind === 'failed' || s.kind === 'reconnecting');
    sock.connect();
    const s = await failed;
    assert.equal(s.kind, 'failed');
    if (s.kind === 'failed') {
      assert.equal(s.error.status, 400);
      assert.equal(s.error.serverMessage, 'HTTP request is missing param: [app]');
      assert.match(s.error.hint, /application name/);
    }
  } finally {
    sock.dispose();
    await srv.close();
  }
});

test('events: no apps -> failed at once, nothing sent', () => {
  const sock = new AriEventSocket({ url: 'http://127.0.0.1:1', ...creds, apps: [] });
  sock.connect();
  assert.equal(sock.state.kind, 'failed');
  sock.dispose();
});

test('events: HTML 404 while Asterisk restarts -> retried with backoff, then open', async () => {
  const page = '<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>';
  const srv = await wsServer(() => undefined, { reject: (n) => (n <= 2 ? [404, 'text/html', page] : undefined) });
  const sock = new AriEventSocket({ url: srv.url, ...creds, apps: ['a'], backoff: { initialMs: 2, maxMs: 10 }, random: () => 0.5 });
  try {
    const states = collect<SocketState>(sock.onState);
    const opened = next(sock.onOpen);
    sock.connect();
    await opened;
    const retries = states.filter((s): s is Extract<SocketState, { kind: 'reconnecting' }> => s.kind === 'reconnecting');
    assert.equal(retries.length, 2);
    assert.equal(retries[0].error?.status, 404);
    assert.match(retries[0].error?.hint ?? '', /prefix/);
    assert.deepEqual(
      retries.map((r) => r.delayMs),
      [2, 3],
    );
    assert.deepEqual(
      states.filter((s) => s.kind === 'connecting').map((s) => (s.kind === 'connecting' ? s.attempt : 0)),
      [1, 2, 3],
    );
  } finally {
    sock.dispose();
    await srv.close();
  }
});

test('events: a server that closes cleanly right after open gets growing delays, never a tight loop', async () => {
  const srv = await wsServer((ws) => ws.close(1000, 'bye'));
  const sock = new AriEventSocket({ url: srv.url, ...creds, apps: ['a'], backoff: { initialMs: 4, maxMs: 32 }, random: () => 0.5 });
  try {
    const delays: number[] = [];
    const opens = collect(sock.onOpen);
    const fifth = new Promise<void>((resolve) =>
      sock.onState((s) => {
        if (s.kind === 'reconnecting') {
          delays.push(s.delayMs);
          assert.equal(s.error?.code, 'ECLOSED');
          if (delays.length === 5) resolve();
        }
      }),
    );
    sock.connect();
    await withDeadline(fifth, 5000, 'five reconnects');
    sock.close();
    // base 4, 8, 16, 32, 32 with equal jitter at 0.5 -> 3/4 of each
    assert.deepEqual(delays, [3, 6, 12, 24, 24]);
    assert.deepEqual(
      opens.map((o) => o.reconnect),
      [false, true, true, true, true],
    );
  } finally {
    sock.dispose();
    await srv.close();
  }
});

test('events: a drop (1006, as on restart) reconnects and fires onOpen({reconnect: true})', async () => {
  let n = 0;
  const srv = await wsServer((ws) => {
    n++;
    if (n === 1) setImmediate(() => ws.terminate());
    else ws.send(ev('StasisStart', 'a', { channel: { id: 'new' } }));
  });
  const sock = new AriEventSocket({ url: srv.url, ...creds, apps: ['a'], backoff: { initialMs: 2, maxMs: 4 } });
  try {
    const reopened = next(sock.onOpen, (o) => o.reconnect);
    const reconnecting = next(sock.onState, (s) => s.kind === 'reconnecting');
    const event = next(sock.onEvent);
    sock.connect();
    const r = await reconnecting;
    assert.ok(r.kind === 'reconnecting' && /1006/.test(r.error?.message ?? ''));
    await reopened;
    assert.equal((await event).type, 'StasisStart');
  } finally {
    sock.dispose();
    await srv.close();
  }
});

test('events: a missing pong is treated as a drop', async () => {
  const srv = await wsServer(() => undefined, { autoPong: false });
  const sock = new AriEventSocket({ url: srv.url, ...creds, apps: ['a'], pingIntervalMs: 10, pongTimeoutMs: 15, backoff: { initialMs: 2, maxMs: 4 } });
  try {
    const dropped = next(sock.onState, (s) => s.kind === 'reconnecting');
    sock.connect();
    const s = await dropped;
    assert.ok(s.kind === 'reconnecting');
    if (s.kind === 'reconnecting') assert.equal(s.error?.code, 'EPINGTIMEOUT');
    await next(sock.onOpen, (o) => o.reconnect);
  } finally {
    sock.dispose();
    await srv.close();
  }
});

test('events: pongs keep the socket open', async () => {
  let pings = 0;
  let fivePings!: () => void;
  const gotFive = new Promise<void>((resolve) => (fivePings = resolve));
  const srv = await wsServer((ws) => ws.on('ping', () => ++pings === 5 && fivePings()), { autoPong: true });
  const sock = new AriEventSocket({ url: srv.url, ...creds, apps: ['a'], pingIntervalMs: 5, pongTimeoutMs: 50 });
  try {
    const states = collect<SocketState>(sock.onState);
    sock.connect();
    await withDeadline(gotFive, 5000, 'five pings');
    assert.deepEqual(
      states.map((s) => s.kind),
      ['connecting', 'open'],
    );
  } finally {
    sock.dispose();
    await srv.close();
  }
});

test('events: connection refused -> reconnecting (not failed), close() stops it', async () => {
  const srv = await startHttpServer(() => undefined);
  const url = srv.url;
  await srv.close();
  const sock = new AriEventSocket({ url, ...creds, apps: ['a'], backoff: { initialMs: 1000, maxMs: 1000 } });
  try {
    const s = await (sock.connect(), next(sock.onState, (x) => x.kind !== 'connecting'));
    assert.equal(s.kind, 'reconnecting');
    if (s.kind === 'reconnecting') {
      assert.equal(s.error?.code, 'ECONNREFUSED');
      assert.equal(s.attempt, 2);
    }
    sock.close();
    assert.equal(sock.state.kind, 'closed');
  } finally {
    sock.dispose();
  }
});
