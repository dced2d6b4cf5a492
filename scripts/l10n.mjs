// Collects every t('…') literal in src/ into l10n/bundle.l10n.json (VS Code's English bundle)
// and assembles l10n/bundle.l10n.ru.json from the per-area fragments in l10n/ru/*.json, so
// areas add Russian without editing one shared file. `--check` fails when a bundle is stale
// or a message has no Russian (run by the unit tests).
import { readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

// A JS string literal's body to its value: only the escapes our sources use.
function unescape(body) {
  return body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/gs, (_, e) => {
    if (e[0] === 'u') return String.fromCodePoint(parseInt(e.replace(/[u{}]/g, ''), 16));
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    return { n: '\n', t: '\t', r: '\r', 0: '\0' }[e] ?? e;
  });
}

export function collectMessages(root = 'src') {
  const messages = new Map();
  const re = /(?<![\w$.])t\(\s*(?:'((?:\\.|[^'\\])*)'|"((?:\\.|[^"\\])*)"|`((?:\\.|[^`\\$])*)`)/gs;
  for (const file of walk(root)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(re)) {
      const value = unescape(m[1] ?? m[2] ?? m[3]);
      if (!messages.has(value)) messages.set(value, file);
    }
  }
  return messages;
}

export function readFragments(dir = 'l10n/ru') {
  const merged = {};
  const clashes = [];
  if (!existsSync(dir)) return { merged, clashes };
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const part = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    for (const [k, v] of Object.entries(part)) {
      if (k in merged && merged[k] !== v) clashes.push(`${f}: "${k}"`);
      merged[k] = v;
    }
  }
  return { merged, clashes };
}

export function build() {
  const messages = collectMessages();
  const keys = [...messages.keys()].sort();
  const en = Object.fromEntries(keys.map((k) => [k, k]));
  const { merged, clashes } = readFragments();
  const ru = {};
  const missing = [];
  for (const k of keys) {
    if (typeof merged[k] === 'string' && merged[k].length > 0) ru[k] = merged[k];
    else missing.push(`${k}  (${messages.get(k)})`);
  }
  const unused = Object.keys(merged).filter((k) => !messages.has(k));
  return {
    en: JSON.stringify(en, null, 2) + '\n',
    ru: JSON.stringify(ru, null, 2) + '\n',
    missing,
    unused,
    clashes,
  };
}

if (process.argv[1] && process.argv[1].endsWith('l10n.mjs')) {
  const out = build();
  const check = process.argv.includes('--check');
  let bad = false;
  if (out.clashes.length) {
    console.error(`Two Russian texts for one message:\n  ${out.clashes.join('\n  ')}`);
    bad = true;
  }
  if (out.missing.length) {
    console.error(`No Russian (add to l10n/ru/<area>.json):\n  ${out.missing.join('\n  ')}`);
    bad = true;
  }
  if (out.unused.length) console.warn(`Russian for messages no source uses (remove them):\n  ${out.unused.join('\n  ')}`);
  if (check) {
    const stale = ['l10n/bundle.l10n.json', 'l10n/bundle.l10n.ru.json'].filter(
      (f, i) => !existsSync(f) || readFileSync(f, 'utf8') !== (i === 0 ? out.en : out.ru),
    );
    if (stale.length) {
      console.error(`stale: ${stale.join(', ')}: run \`npm run l10n\``);
      bad = true;
    }
  } else {
    writeFileSync('l10n/bundle.l10n.json', out.en);
    writeFileSync('l10n/bundle.l10n.ru.json', out.ru);
    console.log(`l10n: ${Object.keys(JSON.parse(out.en)).length} messages`);
  }
  if (bad) process.exit(1);
}
