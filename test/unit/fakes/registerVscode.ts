// The one wiring of the fake 'vscode' (./vscode.ts) for every plain-Node suite and the
// activation bench. Import this first: afterwards `require('vscode')` (and `import ... from
// 'vscode'` compiled by tsx to require) resolves to ./vscode.ts in this process.
import Module from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const fakePath = join(__dirname, 'vscode.ts');
type Resolve = (request: string, ...rest: unknown[]) => string;
const mod = Module as unknown as { _resolveFilename: Resolve };
const original = mod._resolveFilename;
if (!(original as { ariFake?: boolean }).ariFake) {
  const patched: Resolve = function (this: unknown, request, ...rest) {
    if (request === 'vscode') return fakePath;
    return original.call(this, request, ...rest);
  };
  (patched as { ariFake?: boolean }).ariFake = true;
  mod._resolveFilename = patched;
}

type Stub = (...args: unknown[]) => unknown;

/** Callable, constructible, and answers any property with another stub. */
function makeStub(): Stub {
  const target = function stub(): void {} as unknown as Stub;
  const handler: ProxyHandler<Stub> = {
    get: (_t, prop) => {
      if (prop === 'then') return undefined; // never a thenable
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === Symbol.iterator) return function* empty(): Generator<never> {};
      if (prop === 'dispose') return () => undefined;
      return makeStub();
    },
    apply: () => makeStub(),
    construct: () => makeStub() as unknown as object,
  };
  return new Proxy(target, handler);
}

/** An object whose missing members are stubs. */
function withStubs<T extends object>(obj: T): T {
  return new Proxy(obj, {
    get: (t, prop, recv) => (prop in t ? Reflect.get(t, prop, recv) : makeStub()),
  });
}

/**
 * For activating the whole extension: from now on `require('vscode')` gives the fake where it
 * has a member and an inert stub for everything it lacks (output channels, language
 * features...), so registration code runs through. Every top-level name of the real API (read
 * from @types/vscode) gets an own property, since ESM interop (tsx's and the bundle's) copies
 * own properties and a Proxy fallback alone would be lost. What the fake records (commands,
 * views, panels) is still recorded on `fake`. Call it before the extension is required.
 */
export function stubMissingVscodeApi(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fake = require(fakePath) as Record<string, unknown>;
  const dts = readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  const names = [...dts.matchAll(/^\texport (?:class|enum|namespace|function|const|let) (\w+)/gm)].map((m) => m[1]);
  const members: Record<string, unknown> = {};
  for (const k of new Set([...names, ...Object.keys(fake)])) {
    const v = fake[k];
    members[k] = v === undefined ? makeStub() : v !== null && typeof v === 'object' && !Array.isArray(v) ? withStubs(v as object) : v;
  }
  const cached = require.cache[fakePath];
  if (!cached) throw new Error(`the fake vscode at ${fakePath} is not loaded`);
  cached.exports = members;
}
