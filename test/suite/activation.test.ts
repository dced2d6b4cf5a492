import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, manifest } from './helpers';

describe('activation', () => {
  it('activates and returns { services }', async () => {
    const api = await activateExtension();
    assert.ok(api.services, 'activate() returns { services }');
    assert.ok(api.services.context, 'services.context');
    assert.ok(api.services.connections, 'services.connections');
  });

  it('registers every command contributed in package.json', async () => {
    await activateExtension();
    const contributed = (manifest().contributes?.commands ?? []).map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((c) => !registered.has(c));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });
});

describe('secret storage', () => {
  it('context.secrets stores and deletes a value', async () => {
    const { services } = await activateExtension();
    const key = `ariExplorer.suite.${Date.now()}`;
    await services.context.secrets.store(key, 'suite-secret');
    assert.equal(await services.context.secrets.get(key), 'suite-secret');
    await services.context.secrets.delete(key);
    assert.equal(await services.context.secrets.get(key), undefined);
  });
});
