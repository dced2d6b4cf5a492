// The 'vscode' module for activating the bundled extension in plain Node: the unit tests'
// fake (test/unit/fakes/vscode.ts) where it has a member, and an inert stub for everything
// else it lacks (output channels, webview providers, language features...). A stub is
// callable, constructible, and answers any property with another stub, so registration code
// runs through without VS Code. Only activation is measured, never behaviour.
import { readFileSync } from 'node:fs';
import * as fake from '../../test/unit/fakes/vscode';

type Stub = (...args: unknown[]) => unknown;

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
 * Every top-level name of the real API (read from @types/vscode) gets an own property: the
 * bundle's ESM interop copies own properties, so a Proxy fallback alone would be lost.
 */
function apiNames(): string[] {
  const dts = readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  return [...dts.matchAll(/^\texport (?:class|enum|namespace|function|const|let) (\w+)/gm)].map((m) => m[1]);
}

const real = fake as unknown as Record<string, unknown>;
const members: Record<string, unknown> = {};
for (const k of new Set([...apiNames(), ...Object.keys(fake)])) {
  const v = real[k];
  members[k] = v === undefined ? makeStub() : v !== null && typeof v === 'object' && !Array.isArray(v) ? withStubs(v as object) : v;
}
module.exports = members;
