// The layering rules of eslint.config.mjs must actually fire: a forbidden import in each layer
// is an error, and the same import where it is allowed is not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ESLint } from 'eslint';
import { repoRoot } from './shared/fixtures';

const eslint = new ESLint({ cwd: repoRoot });

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const cases: Array<[file: string, code: string, forbidden: boolean]> = [
  ['src/extension/ari/probe.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n", true],
  ['src/extension/state/probe.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n", true],
  ['src/extension/connection/session.ts', "import { x } from '../views/statusModel';\nexport const y = x;\n", true],
  ['src/extension/connection/controller.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n", true],
  ['src/extension/connection/controller.ts', "import { x } from '../profiles/prompts';\nexport const y = x;\n", true],
  ['src/extension/connection/manager.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n", false],
  ['src/extension/ari/probe.ts', "import { x } from '../profiles/prompts';\nexport const y = x;\n", true],
  ['src/extension/views/tree/probe.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n", true],
  ['src/extension/webviews/eventStore.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n", true],
  ['tools/ari-sim/probe.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n", true],
  ['src/webview/probe.ts', "import { x } from '../extension/state/model';\nexport const y = x;\n", true],
  ['src/webview/probe.ts', "import { x } from '../shared/protocol';\nexport const y = x;\n", false],
  ['src/extension/views/tree/provider.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n", false],
  ['src/extension/commands/probe.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n", false],
];

for (const [file, code, forbidden] of cases) {
  test(`layers: ${forbidden ? 'lint rejects' : 'lint allows'} ${code.split('\n')[0]} in ${file}`, async () => {
    const messages = await restricted(file, code);
    assert.equal(messages.length > 0, forbidden, messages.join('; ') || 'no restricted-import error');
  });
}

// One ARI call layer: a path literal handed to the client outside src/extension/ari is an error.
async function pathLiterals(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

const pathCases: Array<[file: string, code: string, forbidden: boolean]> = [
  [
    'src/extension/commands/actions/probe.ts',
    "export const x = (s: { rest: { request(m: string, p: string): void } }) => s.rest.request('POST', `/channels/${'a'}/hold`);\n",
    true,
  ],
  ['src/extension/dialplan/probe.ts', "export const x = (r: { request(m: string, p: string): void }) => r.request('GET', '/channels');\n", true],
  [
    'src/extension/commands/invoker/probe.ts',
    "export const x = (r: { request(m: string, p: string): void }, path: string) => r.request('GET', path);\n",
    false,
  ],
  ['src/extension/ari/resources/probe.ts', "export const x = (r: { call(m: string, p: string): void }) => r.call('GET', '/channels');\n", false],
];

for (const [file, code, forbidden] of pathCases) {
  test(`one ARI call layer: lint ${forbidden ? 'rejects' : 'allows'} the call in ${file}`, async () => {
    const messages = await pathLiterals(file, code);
    assert.equal(messages.length > 0, forbidden, messages.join('; ') || 'no path-literal error');
  });
}
