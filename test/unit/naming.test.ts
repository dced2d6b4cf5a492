// One file-naming style (#16): TypeScript modules are camelCase (`eventStore.ts`), so an
// import reads like the symbol it brings; command-line scripts (scripts/*.mjs, *.sh) keep the
// kebab-case of the npm scripts that run them. Recorded fixtures keep their recorded names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const SKIP = new Set(['node_modules', 'fixtures', 'dist', 'out']);

function tsFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) tsFiles(path, out);
    else if (name.endsWith('.ts')) out.push(relative(root, path));
  }
  return out;
}

test('every TypeScript module is named in camelCase', () => {
  const files = ['src', 'test', 'bench', 'tools'].flatMap((d) => tsFiles(join(root, d)));
  assert.ok(files.length > 300, `found ${files.length} modules`);
  const kebab = files.filter((f) => /-/.test(f.split('/').pop() as string));
  assert.deepEqual(kebab, [], 'rename these to camelCase');
});
