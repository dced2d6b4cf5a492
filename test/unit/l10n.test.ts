// Every user-facing string reaches the user through t() (or %key% in the manifest), and every
// one of them has its Russian text: the seed this product answers is written in Russian.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './shared/fixtures';
import { formatMessage } from '../../src/extension/util/l10n';

// A literal handed straight to a notification, a prompt or a tooltip skips l10n.
const BYPASS =
  /(show(?:Information|Warning|Error)Message|setStatusBarMessage|showInputBox|showQuickPick)\(\s*['"`]|\b(title|placeHolder|placeholder|prompt|tooltip|detail)\s*:\s*['"`][A-Za-z]/;

// Files whose strings are not yet wrapped. This list only shrinks: a file leaves it when its
// strings go through t(), and a new file can never join it.
const PENDING = new Set<string>([]);

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

function bypasses(text: string): number[] {
  return text.split('\n').flatMap((line, i) => (BYPASS.test(line) ? [i + 1] : []));
}

test('the bypass check catches a literal in a notification and passes a t() call', () => {
  assert.deepEqual(bypasses("vscode.window.showErrorMessage('Hangup failed');"), [1]);
  assert.deepEqual(bypasses("  placeHolder: 'Pick a channel',"), [1]);
  assert.deepEqual(bypasses("vscode.window.showErrorMessage(t('Hangup failed: {0}', why));"), []);
});

test('no user-facing literal in src/extension bypasses l10n', () => {
  const offenders: string[] = [];
  const stillPending: string[] = [];
  for (const file of sources(path.join(repoRoot, 'src/extension'))) {
    const rel = path.relative(repoRoot, file).split(path.sep).join('/');
    const lines = bypasses(readFileSync(file, 'utf8'));
    if (PENDING.has(rel)) {
      if (lines.length > 0) stillPending.push(rel);
    } else if (lines.length > 0) offenders.push(`${rel}:${lines.join(',')}`);
  }
  assert.deepEqual(offenders, [], 'wrap these in t() from src/extension/util/l10n.ts');
  const done = [...PENDING].filter((f) => !stillPending.includes(f));
  assert.deepEqual(done, [], 'these files are done: remove them from PENDING');
});

test('every t() message has Russian and the bundles are current', async () => {
  const here = process.cwd();
  process.chdir(repoRoot);
  try {
    const { build } = (await import(path.join(repoRoot, 'scripts/l10n.mjs'))) as {
      build(): { en: string; ru: string; missing: string[]; clashes: string[] };
    };
    const out = build();
    assert.deepEqual(out.missing, [], 'add Russian to l10n/ru/<area>.json, then npm run l10n');
    assert.deepEqual(out.clashes, []);
    assert.equal(readFileSync('l10n/bundle.l10n.json', 'utf8'), out.en, 'run npm run l10n');
    assert.equal(readFileSync('l10n/bundle.l10n.ru.json', 'utf8'), out.ru, 'run npm run l10n');
  } finally {
    process.chdir(here);
  }
});

test('placeholders are filled in order and a missing argument stays visible', () => {
  assert.equal(formatMessage('Hung up {0} ({1})', 'PJSIP/100-1', 16), 'Hung up PJSIP/100-1 (16)');
  assert.equal(formatMessage('{0} and {1}', 'a'), 'a and {1}');
});
