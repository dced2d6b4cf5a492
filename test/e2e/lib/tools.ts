// Where scripts/install-e2e-tools.sh put the tools, and the project's own paths.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const projectRoot = resolve(__dirname, '..', '..', '..');
export const toolsDir = process.env.ARI_EXPLORER_TOOLS ?? join(homedir(), '.cache', 'ari-explorer-tools');
export const node24Bin = join(toolsDir, 'node24', 'bin');
export const node24 = join(node24Bin, 'node');
export const codeServerDir = join(toolsDir, 'code-server');
export const codeServerEntry = join(codeServerDir, 'out', 'node', 'entry.js');
export const serverMain = join(codeServerDir, 'lib', 'vscode', 'out', 'server-main.js');
export const chromium = process.env.ARI_EXPLORER_CHROMIUM ?? '/usr/bin/chromium';
export const resultsDir = join(projectRoot, 'test-results');
export const demoFolder = join(projectRoot, 'demo');

export function assertToolsInstalled(): void {
  const missing = [node24, codeServerEntry, serverMain, chromium].filter((p) => !existsSync(p));
  if (missing.length > 0) {
    throw new Error(`missing ${missing.join(', ')}: run bash scripts/install-e2e-tools.sh`);
  }
}

/** Environment for code-server / server-main: Node 24 first on PATH. */
export function node24Env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${node24Bin}:${process.env.PATH ?? ''}`, ...extra };
  // Do not hand the project's npm/tsx hooks to VS Code's own Node processes.
  delete env.NODE_OPTIONS;
  for (const k of Object.keys(env)) {
    if (k.startsWith('npm_')) delete env[k];
  }
  delete env.ELECTRON_RUN_AS_NODE;
  delete env.VSCODE_IPC_HOOK_CLI;
  return env;
}
