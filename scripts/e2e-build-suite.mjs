// Bundles the extension-host suite (test/suite/index.ts and the test files it requires, plus
// the simulator it starts) into out/test/suite/index.js. `vscode` is provided by the extension
// host; mocha is loaded from node_modules at run time.
import * as esbuild from 'esbuild';

await esbuild.build({
  entryPoints: ['test/suite/index.ts'],
  outfile: 'out/test/suite/index.js',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: 'inline',
  external: ['vscode', 'mocha', 'bufferutil', 'utf-8-validate'],
  logLevel: 'warning',
});
