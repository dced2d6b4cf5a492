// The extension-host test suite: what @vscode/test-electron runs (test/run-electron.mjs) and
// what test/e2e/runSuite.ts runs inside VS Code's server from code-server. Bundled by
// scripts/e2e-build-suite.mjs into out/test/suite/index.js with `vscode` and `mocha` external.
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 20_000,
    reporter: 'spec',
    grep: process.env.ARI_EXPLORER_SUITE_GREP || undefined,
  });
  // Expose describe/it/before... on the global object, then load the test files: each file
  // is bundled into this one and runs its top-level describe() when imported here.
  mocha.suite.emit('pre-require', globalThis, 'suite', mocha);
  await import('./activation.test');
  await import('./profiles.test');
  await import('./dialplan.test');
  await import('./live.test');
  await import('./multi.test');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
  });
}
