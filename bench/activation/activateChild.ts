// Loads a bundled dist/extension.js in a fresh Node process with the fake 'vscode' and times
// require() and activate(); counts network connections opened during and right after
// activation (ARI Explorer connects lazily: with no seeded profile, none). Prints one JSON line.
// Usage: node --import tsx bench/activation/activateChild.ts <bundle.js> <extension root>
import net from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
// The unit tests' fake 'vscode', with inert stubs for what it lacks: only activation is
// measured, never behaviour.
import { stubMissingVscodeApi } from '../../test/unit/fakes/registerVscode';

const [bundle, root] = process.argv.slice(2);
stubMissingVscodeApi();

let connections = 0;
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
  connections++;
  return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof connect;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const fake = require('vscode') as typeof import('../../test/unit/fakes/vscode');
const context = new Proxy(
  {
    subscriptions: [] as { dispose(): unknown }[],
    secrets: new fake.InMemorySecretStorage(),
    globalState: new fake.InMemoryMemento(),
    workspaceState: new fake.InMemoryMemento(),
    extensionUri: fake.Uri.file(root),
    extensionPath: root,
    globalStorageUri: fake.Uri.file(join(root, '.bench-storage')),
    storageUri: undefined,
    logUri: fake.Uri.file(join(root, '.bench-log')),
    extensionMode: 1,
    asAbsolutePath: (p: string) => join(root, p),
  },
  { get: (t, p, r) => (p in t ? Reflect.get(t, p, r) : undefined) },
);

const t0 = performance.now();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ext = require(bundle) as { activate(ctx: unknown): unknown; deactivate?(): void };
const t1 = performance.now();
ext.activate(context);
const t2 = performance.now();
setTimeout(() => {
  const out = { requireMs: t1 - t0, activateMs: t2 - t1, connections, subscriptions: context.subscriptions.length };
  for (const d of context.subscriptions) {
    try {
      d.dispose();
    } catch {
      // a stubbed disposable may throw; teardown is not measured
    }
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
  process.exit(0);
}, 300);
