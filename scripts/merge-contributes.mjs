// package.json's `contributes` is assembled from contrib/*.json, one fragment per area,
// so areas add commands, menus and settings without editing one shared block.
// `--check` fails when package.json is not what the fragments produce (run by the tests).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';

function merge(into, from) {
  for (const [key, value] of Object.entries(from)) {
    if (Array.isArray(value)) into[key] = [...(into[key] ?? []), ...value];
    else if (value && typeof value === 'object') into[key] = merge(into[key] ?? {}, value);
    else into[key] = value;
  }
  return into;
}

const files = readdirSync('contrib').filter((f) => f.endsWith('.json')).sort();
const contributes = {};
for (const f of files) merge(contributes, JSON.parse(readFileSync(`contrib/${f}`, 'utf8')));
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const activationEvents = contributes.activationEvents ?? [];
delete contributes.activationEvents;
const next = { ...pkg, activationEvents, contributes };
const text = JSON.stringify(next, null, 2) + '\n';
if (process.argv.includes('--check')) {
  if (readFileSync('package.json', 'utf8') !== text) {
    console.error('package.json contributes are stale: run `npm run contributes`');
    process.exit(1);
  }
} else {
  writeFileSync('package.json', text);
  console.log(`contributes merged from ${files.join(', ')}`);
}
