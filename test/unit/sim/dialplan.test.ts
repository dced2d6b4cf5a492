// The dialplan parser and a pbx_config reload that picks up an edited file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_DIALPLAN, parseDialplan } from '../../../tools/ari-sim/dialplan';
import { startSimulator } from '../../../tools/ari-sim/index';
import { call, EventSocket, obj } from './helpers';

test('parses [context], exten => X,1,App(args) and same => n, ignoring comments', () => {
  const plan = parseDialplan(`
[ctx] ; comment
exten => 500,1,NoOp(a, b)
 same => n,Wait(1)
exten => 501,1,Hangup()
[other]
exten => s,1,Answer`);
  assert.deepEqual(plan.get('ctx')?.get('500'), [
    { app: 'NoOp', data: 'a, b' },
    { app: 'Wait', data: '1' },
  ]);
  assert.deepEqual(plan.get('other')?.get('s'), [{ app: 'Answer', data: '' }]);
  const def = parseDialplan(DEFAULT_DIALPLAN);
  assert.deepEqual(
    def
      .get('from-test')
      ?.get('1776')
      ?.map((s) => s.app),
    ['NoOp', 'Answer', 'Stasis', 'Hangup'],
  );
  assert.deepEqual(
    def
      .get('default')
      ?.get('104')
      ?.map((s) => s.app),
    ['NoOp', 'Busy'],
  );
});

test('PUT modules/pbx_config.so re-reads the dialplan file', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ari-sim-dp-'));
  const file = path.join(dir, 'extensions.conf');
  writeFileSync(file, DEFAULT_DIALPLAN);
  const sim = await startSimulator({ port: 0, timeScale: 0.05, dialplanFile: file });
  try {
    const fire = await EventSocket.open(sim.url, 'fire', '&subscribeAll=true');
    const hello = await EventSocket.open(sim.url, 'hello-world');
    const first = obj((await call(sim.url, 'POST', '/channels', { query: { endpoint: 'Local/1778@from-test', extension: '100', context: 'default' } })).body);
    const gone = await fire.type('ChannelDestroyed', (e) => obj(e.channel).id === first.id);
    assert.equal(gone.cause, 0);
    writeFileSync(
      file,
      DEFAULT_DIALPLAN.replace('[from-test]\n', '[from-test]\nexten => 1778,1,NoOp()\n same => n,Answer()\n same => n,Stasis(hello-world)\n'),
    );
    assert.equal((await call(sim.url, 'PUT', '/asterisk/modules/pbx_config.so')).status, 204);
    await call(sim.url, 'POST', '/channels', { query: { endpoint: 'Local/1778@from-test', extension: '100', context: 'default' } });
    const start = await hello.type('StasisStart');
    assert.equal(obj(obj(start.channel).dialplan).exten, '1778');
    await call(sim.url, 'DELETE', `/channels/${obj(start.channel).id}`);
    await hello.close();
    await fire.close();
  } finally {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
