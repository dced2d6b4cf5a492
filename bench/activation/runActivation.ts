// Bundle size and activation time. The production bundles are built into a temp folder with
// the options of scripts/build.mjs (--production, including its whatwg-url alias), so the
// shared dist/ other work relies on is left alone; the sizes of the existing dist/ (whatever
// build last wrote it) are shown next to them. Activation runs the
// production bundle in fresh processes (cold require each time).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as esbuild from 'esbuild';
import { bundleOptions } from '../../scripts/bundles.mjs';
import { median } from '../util/stats';

export interface ActivationReport {
  /** As scripts/build.mjs --production builds it. */
  bundleBytes: { extension: number; webview: number };
  /** Whether build.mjs's whatwg-url alias (scripts/shims/whatwg-url.cjs) was there to apply. */
  aliasApplied: boolean;
  /**
   * The extension bundle without that alias, for comparison: node-fetch@2 only uses
   * whatwg-url where Node has no url.URL (`Url.URL || whatwgUrl.URL`), yet it brings tr46's
   * 260 KB mapping table.
   */
  bundleBytesNoAlias: number;
  distBytes: { extension?: number; webview?: number };
  requireMs: number;
  activateMs: number;
  noAliasRequireMs: number;
  noAliasActivateMs: number;
  connections: number;
  subscriptions: number;
  runs: number;
}

const ROOT = join(__dirname, '..', '..');
const SHIM = join(ROOT, 'scripts', 'shims', 'whatwg-url.cjs');

/** The two bundles exactly as scripts/build.mjs --production makes them, into outDir. */
async function buildProduction(outDir: string): Promise<{ extension: string; webview: string }> {
  const { extension, webview } = bundleOptions({ root: ROOT, outDir, production: true });
  await Promise.all([esbuild.build({ ...extension, logLevel: 'silent' }), esbuild.build({ ...webview, logLevel: 'silent' })]);
  return { extension: extension.outfile!, webview: webview.outfile! };
}

/** The same extension bundle without the whatwg-url alias, to show what the alias saves. */
async function buildWithoutAlias(outfile: string): Promise<void> {
  const { extension } = bundleOptions({ root: ROOT, outDir: dirname(outfile), production: true });
  await esbuild.build({ ...extension, alias: undefined, outfile, logLevel: 'silent' });
}

interface ChildResult {
  requireMs: number;
  activateMs: number;
  connections: number;
  subscriptions: number;
}

function activateOnce(bundle: string): ChildResult {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'activateChild.ts'), bundle, ROOT], {
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
    const aliasApplied = existsSync(SHIM);
    const built = await buildProduction(outDir);
    const noAlias = join(outDir, 'no-alias.js');
    await buildWithoutAlias(noAlias);
    const results: ChildResult[] = [];
    const noAliasResults: ChildResult[] = [];
    // Alternated, so both bundles see the same machine load.
    for (let i = 0; i < runs; i++) {
      results.push(activateOnce(built.extension));
      noAliasResults.push(activateOnce(noAlias));
    }
    return {
      bundleBytes: { extension: statSync(built.extension).size, webview: statSync(built.webview).size },
      aliasApplied,
      bundleBytesNoAlias: statSync(noAlias).size,
      distBytes: { extension: size(join(ROOT, 'dist', 'extension.js')), webview: size(join(ROOT, 'dist', 'webview', 'main.js')) },
      requireMs: median(results.map((r) => r.requireMs)),
      activateMs: median(results.map((r) => r.activateMs)),
      noAliasRequireMs: median(noAliasResults.map((r) => r.requireMs)),
      noAliasActivateMs: median(noAliasResults.map((r) => r.activateMs)),
      connections: Math.max(...results.map((r) => r.connections)),
      subscriptions: median(results.map((r) => r.subscriptions)),
      runs,
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
