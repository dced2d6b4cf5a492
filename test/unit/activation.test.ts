// The whole extension activated against the fake 'vscode' (with inert stubs for the API it
// lacks): what a user's VS Code gets from activate(), and that the extension-host suite's test
// probes exist only under its flag.
import { stubMissingVscodeApi } from './fakes/registerVscode';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fake, InMemoryMemento, InMemorySecretStorage, Uri } from './fakes/vscode';
import { repoRoot } from './shared/fixtures';

// Before the extension is required: its `import * as vscode` copies the members it finds then.
stubMissingVscodeApi();
/* eslint-disable @typescript-eslint/no-require-imports */
const extension = require('../../src/extension/extension') as typeof import('../../src/extension/extension');
const { TEST_PROBES_ENV } = require('../../src/extension/services') as typeof import('../../src/extension/services');
/* eslint-enable @typescript-eslint/no-require-imports */

/** activate() as VS Code calls it, with `env` as the extension host's environment. */
function activate(env: string | undefined) {
  const saved = process.env[TEST_PROBES_ENV];
  if (env === undefined) delete process.env[TEST_PROBES_ENV];
  else process.env[TEST_PROBES_ENV] = env;
  fake.commands.clear();
  const subscriptions: { dispose(): unknown }[] = [];
  const context = {
    subscriptions,
    secrets: new InMemorySecretStorage(),
    globalState: new InMemoryMemento(),
    workspaceState: new InMemoryMemento(),
    extensionUri: Uri.file(repoRoot),
    extensionPath: repoRoot,
    globalStorageUri: Uri.file(join(repoRoot, '.unit-storage')),
    logUri: Uri.file(join(repoRoot, '.unit-log')),
    extensionMode: 1,
    asAbsolutePath: (p: string) => join(repoRoot, p),
  };
  try {
    const api = extension.activate(context as unknown as Parameters<typeof extension.activate>[0]);
    return { api, commands: [...fake.commands.keys()], dispose: () => subscriptions.forEach((d) => d.dispose()) };
  } finally {
    if (saved === undefined) delete process.env[TEST_PROBES_ENV];
    else process.env[TEST_PROBES_ENV] = saved;
  }
}

test('a normal activation holds no test probe', () => {
  const { api, commands, dispose } = activate(undefined);
  try {
    assert.equal(api.services.probes, undefined, 'no probe object, so no probe closures');
    assert.ok(commands.includes('ariExplorer.events.show'), 'the extension did activate');
  } finally {
    dispose();
  }
  for (const value of ['', '0', 'true']) {
    const other = activate(value);
    other.dispose();
    assert.equal(other.api.services.probes, undefined, `${TEST_PROBES_ENV}=${JSON.stringify(value)} is not the flag`);
  }
});

test(`with ${TEST_PROBES_ENV}=1 the explorer and the event panel fill in their probes`, async () => {
  const plain = activate(undefined);
  plain.dispose();
  const { api, commands, dispose } = activate('1');
  try {
    assert.deepEqual(commands, plain.commands, 'the flag adds no command');
    const probes = api.services.probes;
    assert.ok(probes);
    assert.deepEqual(
      (await probes.tree?.())?.map((n) => n.label),
      [],
      'no server yet: an empty tree',
    );
    assert.deepEqual(probes.events?.(), { size: 0, typeCounts: {}, serverCounts: {}, panelOpen: false, panelFilter: undefined, panelTotal: undefined });
  } finally {
    dispose();
  }
});
