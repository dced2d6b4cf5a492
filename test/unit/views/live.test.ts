// The tree against a real session on the simulator: children follow a call; and the log of
// a session with a known password never shows it, its base64 or an api_key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSimulator } from '../../../tools/ari-sim/index';
import { AriSession } from '../../../src/extension/connection/session';
import type { ModelChange } from '../../../src/extension/state/model';
import { MemoryLogger } from '../../../src/extension/util/logger';
import { AriTree } from '../../../src/extension/views/tree/ariTree';
import type { AriNode } from '../../../src/extension/views/tree/nodes';

const PASSWORD = 'Pl0ver-xyzzy-sekrit';
const USER = 'explorer';

function kids(tree: AriTree, node: AriNode): AriNode[] {
  const r = tree.children(node);
  assert.ok(Array.isArray(r));
  return r;
}

/** Resolves with the first batched change after which `ok()` holds (no sleeps, no clock). */
function until(session: AriSession, tree: AriTree, fired: AriNode[][], ok: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const sub = session.onModelChange((change: ModelChange) => {
      fired.push(tree.applyChange(change).nodes);
      if (ok()) {
        sub.dispose();
        resolve();
      }
    });
  });
}

test('the tree follows a call on the simulator, and the log never holds the password', async () => {
  const sim = await startSimulator({ port: 0, user: USER, password: PASSWORD });
  const log = new MemoryLogger();
  const session = new AriSession({
    connection: { url: sim.url, username: USER, password: PASSWORD, log },
    apps: ['ari-explorer-test'],
    subscribeAll: true,
    batchMs: 10,
  });
  const tree = new AriTree();
  tree.setSource({
    model: session.model,
    get info() {
      return session.info;
    },
    ownApp: 'ari-explorer-test',
    loadModules: () => session.rest.asterisk.listModules(),
  });
  try {
    await session.start();
    const roots = tree.roots();
    const channels = roots.find((n) => n.id === 'channels')!;
    for (const r of roots) tree.view(r);
    assert.deepEqual(
      kids(tree, channels).map((n) => n.kind),
      ['hint'],
      'empty: a hint row',
    );
    assert.match(tree.view(roots.at(-1)!)!.description ?? '', /^Asterisk /);

    const fired: AriNode[][] = [];
    const appeared = until(session, tree, fired, () => kids(tree, channels).length === 2);
    const id = await sim.originateFromCli('Local/100@default', { context: 'default', exten: '100' });
    await appeared;
    assert.ok(
      fired.some((nodes) => nodes.includes(channels)),
      'the Channels category was refreshed',
    );
    const names = kids(tree, channels).map((n) => tree.view(n)!.label);
    assert.ok(
      names.every((n) => /^[0-9a-f]{8};[12] · Local\/100@default$/.test(n)),
      names.join(),
    );

    const gone = until(session, tree, fired, () => kids(tree, channels).every((n) => n.kind === 'hint'));
    await session.rest.channels.hangup(id);
    await gone;

    // A few more requests, including failing ones, for the log scan below.
    await session.rest.asterisk.info();
    await session.rest.channels.get('no-such-channel').catch(() => undefined);
    const mods = await tree.children(kids(tree, roots.at(-1)!).at(-1)!);
    assert.ok(mods.length > 0);
  } finally {
    session.dispose();
    await sim.close();
  }
  const text = log.text();
  assert.ok(text.length > 0, 'the client logged its requests');
  for (const secret of [PASSWORD, Buffer.from(`${USER}:${PASSWORD}`).toString('base64'), 'api_key']) {
    assert.ok(!text.includes(secret), `log contains ${secret}`);
  }
  assert.ok(!/authorization:\s*basic\s+[A-Za-z0-9+/=]{8,}/i.test(text));
});
