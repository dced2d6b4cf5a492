// Import this first in a plain-Node test: afterwards `require('vscode')` (and `import ... from
// 'vscode'` compiled by tsx to require) resolves to ./vscode.ts.
import Module from 'node:module';
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
