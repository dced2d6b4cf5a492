// Import first: afterwards `require('vscode')` resolves to ./fake-vscode.ts in this process.
import Module from 'node:module';
import { join } from 'node:path';

type Resolve = (request: string, ...rest: unknown[]) => string;
const mod = Module as unknown as { _resolveFilename: Resolve };
const original = mod._resolveFilename;
const fakePath = join(__dirname, 'fake-vscode.ts');
mod._resolveFilename = function (this: unknown, request, ...rest) {
  return request === 'vscode' ? fakePath : original.call(this, request, ...rest);
};
