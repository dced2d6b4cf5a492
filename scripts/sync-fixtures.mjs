// Copies the recorded real-server transcripts and the Asterisk 22 API description from
// ../shared into test/fixtures, so every test runs from the repository alone: a clone without
// ../shared checks the same fidelity as CI. Rerun only when ../shared changes; the copies are
// committed (like src/extension/ari/models.generated.ts and events.generated.ts).
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const shared = resolve(process.argv[2] ?? join(root, '..', 'shared'));
const out = join(root, 'test', 'fixtures');
for (const name of ['ari-transcripts', 'ari-api-docs']) {
  const from = join(shared, name);
  if (!existsSync(from)) {
    console.error(`no ${from}: give the shared folder as the first argument`);
    process.exit(1);
  }
  const to = join(out, name);
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  for (const f of readdirSync(from)) cpSync(join(from, f), join(to, f), { recursive: true });
  console.log(`${to}: ${readdirSync(to).length} files`);
}
writeFileSync(
  join(out, 'README.md'),
  '# Test fixtures\n\n`ari-transcripts/` (recordings of a real Asterisk 22.10.1, with their README) and\n' +
    '`ari-api-docs/` (the Swagger 1.2 API description of Asterisk 22) are copies made by\n' +
    "`node scripts/sync-fixtures.mjs` from the team's shared folder. Tests read them here, never\n" +
    'from `../shared`, so a clone checks the same behaviour as CI. Do not edit them by hand.\n',
);
