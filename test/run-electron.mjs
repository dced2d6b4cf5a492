// Runs the extension-host suite in a downloaded VS Code (Electron) with @vscode/test-electron:
// for machines that can download VS Code. On machines that reach only the npm registry the
// same suite runs inside code-server's VS Code server: node --import tsx test/e2e/runSuite.ts
//   npm run test:electron            (builds the extension and the suite first)
import { runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
for (const args of [['scripts/build.mjs'], ['scripts/e2e-build-suite.mjs']]) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

try {
  await runTests({
    version: process.env.VSCODE_TEST_VERSION ?? 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: resolve(root, 'out/test/suite/index.js'),
    launchArgs: [resolve(root, 'demo'), '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
    // The suite reads the explorer and the event buffer through them (src/extension/services.ts).
    extensionTestsEnv: { ARI_EXPLORER_TEST_PROBES: '1' },
  });
} catch (err) {
  console.error('extension-host suite failed:', err instanceof Error ? err.message : err);
  process.exit(1);
}
