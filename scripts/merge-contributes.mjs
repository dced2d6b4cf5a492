// package.json's `contributes` is assembled from contrib/*.json, one fragment per area,
// so areas add commands, menus and settings without editing one shared block.
// The manifest's own text (%key% in the fragments) comes the same way from contrib/nls/<area>.json
// (English) and contrib/nls/<area>.ru.json (Russian) into package.nls.json / package.nls.ru.json.
// `--check` fails when package.json or the nls files are not what the fragments produce, or a
// %key% lacks its English or Russian text (run by the tests).
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';

function merge(into, from) {
  for (const [key, value] of Object.entries(from)) {
    if (Array.isArray(value)) into[key] = [...(into[key] ?? []), ...value];
    else if (value && typeof value === 'object') into[key] = merge(into[key] ?? {}, value);
    else into[key] = value;
  }
  return into;
}

const files = readdirSync('contrib')
  .filter((f) => f.endsWith('.json'))
  .sort();
const contributes = {};
for (const f of files) merge(contributes, JSON.parse(readFileSync(`contrib/${f}`, 'utf8')));
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const activationEvents = contributes.activationEvents ?? [];
delete contributes.activationEvents;
const next = { ...pkg, activationEvents, contributes };
const text = JSON.stringify(next, null, 2) + '\n';

function nls(suffix) {
  const dir = 'contrib/nls';
  const out = {};
  const names = existsSync(dir) ? readdirSync(dir).sort() : [];
  for (const f of names.filter((n) => n.endsWith(suffix) && (suffix !== '.json' || !n.endsWith('.ru.json')))) {
    for (const [k, v] of Object.entries(JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')))) {
      if (k in out && out[k] !== v) throw new Error(`contrib/nls: "${k}" has two texts (${f})`);
      out[k] = v;
    }
  }
  return Object.fromEntries(
    Object.keys(out)
      .sort()
      .map((k) => [k, out[k]]),
  );
}
const en = nls('.json');
const ru = nls('.ru.json');
const used = [...new Set([...text.matchAll(/"%([^%"\s]+)%"/g)].map((m) => m[1]))];
const problems = [
  ...used.filter((k) => !(k in en)).map((k) => `%${k}% has no English text in contrib/nls/*.json`),
  ...used.filter((k) => !(k in ru)).map((k) => `%${k}% has no Russian text in contrib/nls/*.ru.json`),
  ...Object.keys(en)
    .filter((k) => !used.includes(k))
    .map((k) => `contrib/nls: "${k}" is not used by any fragment`),
];
const outputs = [
  ['package.json', text],
  ['package.nls.json', JSON.stringify(en, null, 2) + '\n'],
  ['package.nls.ru.json', JSON.stringify(ru, null, 2) + '\n'],
];
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
if (process.argv.includes('--check')) {
  const stale = outputs.filter(([f, t]) => !existsSync(f) || readFileSync(f, 'utf8') !== t).map(([f]) => f);
  if (stale.length) {
    console.error(`${stale.join(', ')} stale: run \`npm run contributes\``);
    process.exit(1);
  }
} else {
  for (const [f, t] of outputs) writeFileSync(f, t);
  console.log(`contributes merged from ${files.join(', ')}`);
}
