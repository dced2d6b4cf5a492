// The Stasis CodeLens count against the simulator: a real AriSession, a Local channel
// originated into 1776@from-test, and the lens of `Stasis(hello-world)` going 0 -> 1 -> 0.
// Also the reload flow: an extension appended to the server's dialplan file counts only
// after PUT /ari/asterisk/modules/pbx_config.so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator } from '../../../tools/ari-sim/index';
import { AriSession } from '../../../src/extension/connection/session';
import { Emitter } from '../../../src/extension/util/emitter';
import { LensRefresh } from '../../../src/extension/dialplan/core/lensRefresh';
import { stasisLenses } from '../../../src/extension/dialplan/core/lenses';
import { parseDialplan } from '../../../src/extension/dialplan/core/parser';
import type { DialplanFile } from '../../../src/extension/dialplan/core/types';
import type { DialplanServer, DialplanSession, DialplanSessionSource } from '../../../src/extension/dialplan/sessionView';
import { FIXTURES } from './fixtures';

function sourceOf(session: DialplanSession): DialplanSessionSource {
  const changed = new Emitter<DialplanSession | undefined>();
  const servers = new Emitter<readonly DialplanServer[]>();
  return {
    active: session,
    onDidChangeActive: (l) => changed.event(l),
    servers: [{ profileId: 'sim', profileName: 'sim', session }],
    onDidChangeServers: (l) => servers.event(l),
  };
}

/** Resolves when the lens on `line` reads `title`, checking after each throttled refresh. */
function lensBecomes(refresh: LensRefresh, file: DialplanFile, session: DialplanSession, line: number, title: string): Promise<void> {
  const now = () => stasisLenses(file, session.model).find((l) => l.span.line === line)?.title;
  if (now() === title) return Promise.resolve();
  return new Promise((resolve) => {
    const sub = refresh.onDidChange(() => {
      if (now() !== title) return;
      sub.dispose();
      resolve();
    });
  });
}

test('Stasis lens count follows live channels from the simulator, and a reloaded dialplan', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ari-dialplan-'));
  const dialplanPath = join(dir, 'extensions.conf');
  const seedText = readFileSync(join(FIXTURES, 'extensions.conf'), 'utf8');
  writeFileSync(dialplanPath, seedText);
  const sim = await startSimulator({ port: 0, dialplanFile: dialplanPath, endpoints: false });
  const session = new AriSession({
    connection: { url: sim.url, username: 'test', password: 'test_password' },
    apps: ['hello-world'],
    subscribeAll: false,
    batchMs: 10,
  });
  const refresh = new LensRefresh(sourceOf(session), 10);
  t.after(async () => {
    refresh.dispose();
    session.dispose();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });
  await session.start();

  const seed = parseDialplan(seedText);
  const STASIS_LINE = 11; // same => n,Stasis(hello-world) of 1776
  assert.equal(stasisLenses(seed, session.model)[0].title, '0 live channels in hello-world');

  const calling = await session.rest.channels.originate({ endpoint: 'Local/1776@from-test', extension: '100', context: 'default', priority: 1 });
  await lensBecomes(refresh, seed, session, STASIS_LINE, '1 live channel in hello-world');
  const [inApp] = session.model.channelsInApp('hello-world');
  assert.equal(inApp.dialplan.exten, '1776');
  assert.equal(inApp.dialplan.context, 'from-test');

  await session.rest.channels.hangup(calling.id);
  await lensBecomes(refresh, seed, session, STASIS_LINE, '0 live channels in hello-world');

  // 1778 is appended on the server's side; it is only dialable after the reload.
  const edited = `${seedText}\n[from-test]\nexten => 1778,1,NoOp()\n same => n,Answer()\n same => n,Stasis(hello-world)\n same => n,Hangup()\n`;
  writeFileSync(dialplanPath, edited);
  await session.rest.asterisk.reloadModule('pbx_config.so');
  const file = parseDialplan(edited);
  const line1778 = file.contexts[4].extensions[0].priorities[2].line;
  await session.rest.channels.originate({ endpoint: 'Local/1778@from-test', extension: '100', context: 'default', priority: 1 });
  await lensBecomes(refresh, file, session, line1778, '1 live channel in hello-world');
});
