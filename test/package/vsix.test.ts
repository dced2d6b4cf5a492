// What the .vsix holds, read from the package itself: the runtime files and the Marketplace
// page's files, nothing else (no sources, tests, maps, node_modules or build scripts), and
// `vsce package` printed no warning. Prints every file's size so growth shows in the log.
// Run by `bash scripts/e2e-test.sh package` right after packaging (so `npm test` runs it);
// alone: `node --import tsx --test test/package/vsix.test.ts` after that step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { listZip, readZipEntry, type ZipEntry } from './zipListing';

const repoRoot = path.resolve(__dirname, '..', '..');
const vsixPath = path.resolve(repoRoot, process.env.ARI_EXPLORER_VSIX ?? 'test-results/ari-explorer.vsix');
const logPath = path.join(path.dirname(vsixPath), 'package.log');

function entries(): ZipEntry[] {
  assert.ok(existsSync(vsixPath), `${vsixPath} is missing: run \`bash scripts/e2e-test.sh package\` first`);
  return listZip(readFileSync(vsixPath));
}

/** The extension's own files, as paths relative to the extension folder. */
function extensionFiles(): ZipEntry[] {
  return entries()
    .filter((e) => e.name.startsWith('extension/') && !e.name.endsWith('/'))
    .map((e) => ({ ...e, name: e.name.slice('extension/'.length) }));
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

test('the package lists its files and sizes (read the log to see growth)', () => {
  const all = entries();
  const rows = all.filter((e) => !e.name.endsWith('/')).sort((a, b) => b.size - a.size);
  const total = rows.reduce((s, e) => s + e.size, 0);
  const lines = rows.map((e) => `  ${kb(e.size).padStart(11)}  ${kb(e.compressedSize).padStart(11)}  ${e.name}`);
  console.log(
    `${path.basename(vsixPath)}: ${rows.length} files, ${kb(total)} unpacked, ${kb(readFileSync(vsixPath).length)} on disk\n     unpacked   compressed\n${lines.join('\n')}`,
  );
  // A budget, not a speed: a bundle that doubles or a stray folder shows up here first.
  assert.ok(readFileSync(vsixPath).length < 2 * 1024 * 1024, 'the .vsix stays under 2 MiB');
});

test('the package holds the runtime and the Marketplace page, nothing from development', () => {
  const names = extensionFiles().map((e) => e.name);
  for (const required of [
    'package.json',
    'package.nls.json',
    'dist/extension.js',
    'dist/webview/main.js',
    'dist/webview/callflow.js',
    'dist/webview/codicon.css',
    'dist/webview/codicon.ttf',
    'media/ari.svg',
    'media/events.css',
    'media/callflow.css',
    'media/icon.png',
    'syntaxes/asterisk.tmLanguage.json',
    'language-configuration.json',
    'LICENSE.txt',
    'readme.md',
    'changelog.md',
  ]) {
    assert.ok(names.includes(required), `${required} is in the package`);
  }
  const allowed =
    /^(package\.json|package\.nls(\.[a-z-]+)?\.json|language-configuration\.json|LICENSE\.txt|readme\.md|changelog\.md|dist\/.+\.(js|css|ttf)|media\/(ari\.svg|events\.css|callflow\.css|icon\.png|screenshots\/[\w-]+\.png|walkthrough\/[\w.-]+\.md)|syntaxes\/[\w.-]+\.json|l10n\/bundle\.l10n(\.[a-z-]+)?\.json)$/;
  // Every page the walkthrough shows, in each language: a missing one is an "Error reading
  // markdown document" toast beside the step.
  const zip = readFileSync(vsixPath);
  const nls = (name: string) => JSON.parse(readZipEntry(zip, listZip(zip).find((e) => e.name === name)!).toString('utf8')) as Record<string, string>;
  const pages = ['extension/package.nls.json', 'extension/package.nls.ru.json'].flatMap((f) =>
    Object.values(nls(f)).filter((v) => /^media\/walkthrough\/.+\.md$/.test(v)),
  );
  assert.ok(pages.length >= 12, `the walkthrough's pages in English and Russian: ${pages.join(', ')}`);
  for (const page of pages) assert.ok(names.includes(page), `${page} is in the package`);
  const unexpected = names.filter((n) => !allowed.test(n));
  assert.deepEqual(unexpected, [], 'files outside the runtime and the Marketplace page');
  const forbidden = names.filter((n) => /\.(ts|map|mjs|tsbuildinfo)$|(^|\/)(src|test|tools|bench|scripts|contrib|node_modules|\.vscode)\//.test(n));
  assert.deepEqual(forbidden, [], 'no sources, tests, maps, scripts or dependencies');
});

test('the shipped manifests give the Marketplace its icon, banner, licence and where the extension runs', () => {
  const zip = readFileSync(vsixPath);
  const all = listZip(zip);
  const text = (name: string) => {
    const entry = all.find((e) => e.name === name);
    assert.ok(entry, `${name} is in the package`);
    return readZipEntry(zip, entry).toString('utf8');
  };
  const pkg = JSON.parse(text('extension/package.json')) as Record<string, unknown>;
  assert.equal(pkg.icon, 'media/icon.png');
  assert.deepEqual(pkg.extensionKind, ['workspace']);
  assert.ok((pkg.capabilities as { untrustedWorkspaces?: unknown } | undefined)?.untrustedWorkspaces, 'workspace trust declared');
  const vsixManifest = text('extension.vsixmanifest');
  assert.match(vsixManifest, /Type="Microsoft\.VisualStudio\.Services\.Icons\.Default" Path="extension\/media\/icon\.png"/);
  assert.match(vsixManifest, /Id="Microsoft\.VisualStudio\.Services\.Branding\.Color" Value="#[0-9a-fA-F]{6}"/);
  assert.match(vsixManifest, /Type="Microsoft\.VisualStudio\.Services\.Content\.License" Path="extension\/LICENSE\.txt"/);
  assert.match(vsixManifest, /Type="Microsoft\.VisualStudio\.Services\.Content\.Changelog" Path="extension\/changelog\.md"/);
  assert.match(text('extension/LICENSE.txt'), /^Copyright \(c\) \d{4} /m);
  const icon = readZipEntry(zip, all.find((e) => e.name === 'extension/media/icon.png')!);
  assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128], 'a 128×128 icon');
});

test('vsce package printed no warning', () => {
  assert.ok(existsSync(logPath), `${logPath} (written by scripts/e2e-test.sh package)`);
  const warnings = readFileSync(logPath, 'utf8')
    .split('\n')
    .filter((l) => /\bWARN(ING)?\b/i.test(l));
  assert.deepEqual(warnings, []);
});
