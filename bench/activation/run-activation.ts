// Bundle size and activation time. The production bundles are built into a temp folder with
// the options of scripts/build.mjs (--production), so the shared dist/ other work relies on is
// left alone; the sizes of the existing dist/ are shown next to them. Activation runs the
// production bundle in fresh processes (cold require each time).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { median } from '../util/stats';

export interface ActivationReport {
  bundleBytes: { extension: number; webview: number };
  /**
   * The extension bundle with `whatwg-url` aliased to a two-line shim: node-fetch@2 only uses
   * it when Node has no url.URL (`Url.URL || whatwgUrl.URL`), yet it drags in tr46's 260 KB
   * mapping table. The proposal for scripts/build.mjs, measured.
   */
  bundleBytesShimmed: number;
  distBytes: { extension?: number; webview?: number };
  requireMs: number;
  activateMs: number;
  /** The same two for the bundle with the whatwg-url alias. */
  shimmedRequireMs: number;
  shimmedActivateMs: number;
  connections: number;
  subscriptions: number;
  runs: number;
}

const ROOT = join(__dirname, '..', '..');

async function buildProduction(outDir: string): Promise<{ extension: string; webview: string }> {
  const common = { bundle: true, sourcemap: false, minify: true, logLevel: 'silent' as const, legalComments: 'none' as const, absWorkingDir: ROOT };
  const extension = join(outDir, 'extension.js');
  const webview = join(outDir, 'webview', 'main.js');
  await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: ['src/extension/extension.ts'],
      outfile: extension,
      platform: 'node',
      format: 'cjs',
      target: 'node18',
      external: ['vscode', 'bufferutil', 'utf-8-validate'],
    }),
    esbuild.build({
      ...common,
      entryPoints: ['src/webview/main.ts'],
      outfile: webview,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      loader: { '.css': 'text' },
    }),
  ]);
  return { extension, webview };
}

/** The extension bundle with the whatwg-url alias; returns its path. */
async function buildShimmed(outDir: string): Promise<string> {
  const shim = join(outDir, 'whatwg-url-shim.js');
  writeFileSync(shim, "module.exports = { URL: require('url').URL };\n");
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ['src/extension/extension.ts'],
    bundle: true,
    minify: true,
    legalComments: 'none',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode', 'bufferutil', 'utf-8-validate'],
    alias: { 'whatwg-url': shim },
    outfile: join(outDir, 'shimmed.js'),
    logLevel: 'silent',
  });
  return join(outDir, 'shimmed.js');
}

interface ChildResult {
  requireMs: number;
  activateMs: number;
  connections: number;
  subscriptions: number;
}

function activateOnce(bundle: string): ChildResult {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'activate-child.ts'), bundle, ROOT], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 60_000,
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as ChildResult;
}

const size = (p: string): number | undefined => (existsSync(p) ? statSync(p).size : undefined);

export async function runActivationBench(runs = 5): Promise<ActivationReport> {
  const outDir = mkdtempSync(join(tmpdir(), 'ari-bench-bundle-'));
  try {
    const built = await buildProduction(outDir);
    const shimmed = await buildShimmed(outDir);
    const results: ChildResult[] = [];
    const shimmedResults: ChildResult[] = [];
    // Alternated, so both bundles see the same machine load.
    for (let i = 0; i < runs; i++) {
      results.push(activateOnce(built.extension));
      shimmedResults.push(activateOnce(shimmed));
    }
    return {
      bundleBytes: { extension: statSync(built.extension).size, webview: statSync(built.webview).size },
      bundleBytesShimmed: statSync(shimmed).size,
      distBytes: { extension: size(join(ROOT, 'dist', 'extension.js')), webview: size(join(ROOT, 'dist', 'webview', 'main.js')) },
      requireMs: median(results.map((r) => r.requireMs)),
      activateMs: median(results.map((r) => r.activateMs)),
      shimmedRequireMs: median(shimmedResults.map((r) => r.requireMs)),
      shimmedActivateMs: median(shimmedResults.map((r) => r.activateMs)),
      connections: Math.max(...results.map((r) => r.connections)),
      subscriptions: median(results.map((r) => r.subscriptions)),
      runs,
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
