// The esbuild options of the two bundles, in one place: scripts/build.mjs builds them and the
// bench measures exactly what ships.
import { join } from 'node:path';

/**
 * @param {{ root: string; outDir: string; production: boolean }} o
 * @returns {{ extension: import('esbuild').BuildOptions; webview: import('esbuild').BuildOptions; callflow: import('esbuild').BuildOptions }}
 */
export function bundleOptions({ root, outDir, production }) {
  const common = { absWorkingDir: root, bundle: true, sourcemap: !production, minify: production, logLevel: 'info', legalComments: 'none' };
  return {
    extension: {
      ...common,
      entryPoints: ['src/extension/extension.ts'],
      outfile: join(outDir, 'extension.js'),
      platform: 'node',
      format: 'cjs',
      target: 'node18',
      external: ['vscode', 'bufferutil', 'utf-8-validate'],
      // node-fetch@2 falls back to whatwg-url only where Node has no URL class (never);
      // without the alias its Unicode tables double the bundle.
      alias: { 'whatwg-url': join(root, 'scripts', 'shims', 'whatwg-url.cjs') },
    },
    webview: {
      ...common,
      entryPoints: ['src/webview/main.ts'],
      outfile: join(outDir, 'webview', 'main.js'),
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      loader: { '.css': 'text' },
    },
    // The Call Flow panel: its own small bundle, so the event panel's does not grow.
    callflow: {
      ...common,
      entryPoints: ['src/webview/callflow/main.ts'],
      outfile: join(outDir, 'webview', 'callflow.js'),
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
    },
  };
}
