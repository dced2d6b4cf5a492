// Runs a bench entry from an esbuild bundle in a fresh Node process, the way the extension
// runs (dist/extension.js): under tsx every nested function gets a keepNames `__name()` call
// per execution, which would add ~5% to functions such as describeEvent. The entry prints
// its result as one JSON line on stdout.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = join(__dirname, '..', '..');

export async function runBundled<T>(entry: string, args: string[], execArgv: string[] = []): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'ari-bench-run-'));
  try {
    const outfile = join(dir, 'entry.js');
    await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node18',
      external: ['vscode', 'ari-client', 'esbuild', 'bufferutil', 'utf-8-validate'],
      logLevel: 'silent',
    });
    const out = execFileSync(process.execPath, [...execArgv, outfile, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      timeout: 300_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return JSON.parse(out.trim().split('\n').pop() ?? 'null') as T;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
