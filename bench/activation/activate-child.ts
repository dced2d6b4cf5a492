// Loads a bundled dist/extension.js in a fresh Node process with the fake 'vscode' and times
// require() and activate(); counts network connections opened during and right after
// activation (ARI Explorer connects lazily: with no seeded profile, none). Prints one JSON line.
// Usage: node --import tsx bench/activation/activate-child.ts <bundle.js> <extension root>
import Module from 'node:module';
import net from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const [bundle, root] = process.argv.slice(2);
const fakePath = join(__dirname, 'fake-vscode.ts');
type Resolve = (request: string, ...rest: unknown[]) => string;
const mod = Module as unknown as { _resolveFilename: Resolve };
const original = mod._resolveFilename;
mod._resolveFilename = function (this: unknown, request, ...rest) {
  return request === 'vscode' ? fakePath : original.call(this, request, ...rest);
};

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
