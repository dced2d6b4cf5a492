// Runs every test/unit/**/*.test.ts with node's test runner (TypeScript through tsx).
// Node 20's --test takes no globs, so the files are listed here. A skipped or todo test fails
// the run: every test must run on every clone (fixtures are committed; see test/fixtures).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function find(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...find(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}
const filters = process.argv.slice(2);
const files = find('test/unit')
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
const tmp = mkdtempSync(join(tmpdir(), 'ari-unit-'));
const tap = join(tmp, 'results.tap');
const r = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...files,
  ],
  { stdio: 'inherit' },
);
let status = r.status ?? 1;
let text = '';
try {
  text = readFileSync(tap, 'utf8');
} catch {
  console.error('unit tests: no TAP results were written');
  status = status || 1;
}
rmSync(tmp, { recursive: true, force: true });
const count = (name) => Number((text.match(new RegExp(`^# ${name} (\\d+)$`, 'm')) ?? [])[1] ?? 0);
const skipped = count('skipped');
const todo = count('todo');
const skippedTests = text.split('\n').filter((l) => /^\s*(not )?ok \d+ .*# (SKIP|TODO)/i.test(l));
console.log(`${files.length} test files, ${todo} todo`);
console.log(`unit: ${count('pass')} passed, ${count('fail')} failed, ${skipped} skipped`);
if (skipped + todo > 0) {
  for (const l of skippedTests) console.error(`  ${l.trim()}`);
  console.error('unit tests: a test skipped itself; every test must run on every clone');
  status = status || 1;
}
process.exit(status);
