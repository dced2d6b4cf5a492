// Server commands with the fake vscode module and the simulator: the server info as a
// read-only `ari-response` JSON document, and Reload Module from a QuickPick of the modules.
import '../fakes/registerVscode';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { fake, InMemoryMemento, InMemorySecretStorage, MemoryLogOutputChannel, workspace } from '../fakes/vscode';
import type { Services } from '../../../src/extension/services';
import { registerServerCommands } from '../../../src/extension/commands/server';
import { RESPONSE_SCHEME, ResponseDocuments } from '../../../src/extension/commands/responseDocuments';
import { startSimSession, type SimSession } from './simHarness';

describe('server commands through the fake vscode', () => {
  let s: SimSession;
  let documents: ResponseDocuments;

  before(async () => {
    s = await startSimSession();
    const services = {
      context: { workspaceState: new InMemoryMemento(), secrets: new InMemorySecretStorage() } as unknown as vscode.ExtensionContext,
      log: new MemoryLogOutputChannel() as unknown as vscode.LogOutputChannel,
      connections: { servers: [], requireSession: () => s } as unknown as Services['connections'],
      probes: {},
    };
    documents = new ResponseDocuments();
    registerServerCommands(services, documents);
  });
  after(async () => {
    documents?.dispose();
    await s?.close();
  });

  test('Show Server Info opens a JSON document on the ari-response scheme', async () => {
    await fake.commands.get('ariExplorer.server.showInfo')?.();
    assert.deepEqual(
      fake.messages.filter((m) => m.level === 'error'),
      [],
    );
    const doc = workspace.textDocuments.at(-1);
    assert.ok(doc);
    assert.equal(doc.uri.scheme, RESPONSE_SCHEME);
    assert.match(doc.uri.path, /\.json$/);
    const info = JSON.parse(doc.getText()) as { system?: { version?: string } };
    assert.ok(info.system?.version);
  });

  test('Reload Module from the palette lists GET /asterisk/modules', async () => {
    let offered = 0;
    fake.quickPickAnswers.push((items) => {
      offered = items.length;
      return (items as { id?: string }[]).find((i) => i.id === 'pbx_config.so');
    });
    await fake.commands.get('ariExplorer.module.reload')?.();
    assert.ok(offered > 1);
    assert.equal(fake.messages.at(-1)?.text, 'Reloaded pbx_config.so.');
  });
});
