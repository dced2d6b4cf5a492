// What a Marketplace or Open VSX reviewer checks before the code: the licence, the changelog,
// the icon (a PNG drawn from media/icon.svg), the README's pictures, workspace trust and where
// the extension runs. What the .vsix itself holds is test/package/vsix.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const repoRoot = path.resolve(__dirname, '..', '..');
const read = (f: string) => readFileSync(path.join(repoRoot, f), 'utf8');

interface Manifest {
  version: string;
  icon?: string;
  galleryBanner?: { color?: string; theme?: string };
  extensionKind?: string[];
  capabilities?: {
    untrustedWorkspaces?: { supported: boolean | 'limited'; description?: string; restrictedConfigurations?: string[] };
    virtualWorkspaces?: boolean | { supported: boolean | 'limited'; description?: string };
  };
  scripts: Record<string, string>;
  allowScripts?: Record<string, boolean>;
  contributes: { configuration: { properties: Record<string, { scope?: string }> } | { properties: Record<string, { scope?: string }> }[] };
}
const manifest = JSON.parse(read('package.json')) as Manifest;

function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(path.join(repoRoot, file));
  assert.equal(png.toString('latin1', 1, 4), 'PNG', `${file} is a PNG`);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

test('LICENSE is the full MIT text with a copyright line', () => {
  const text = read('LICENSE');
  assert.match(text, /^MIT License/);
  assert.match(text, /^Copyright \(c\) \d{4} \S.+$/m);
  assert.match(text, /Permission is hereby granted, free of charge/);
  assert.match(text, /THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND/);
});

test('CHANGELOG follows Keep a Changelog: Unreleased first, then this version with a date', () => {
  const text = read('CHANGELOG.md');
  const versions = [...text.matchAll(/^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$/gm)].map((m) => ({ name: m[1], date: m[2] }));
  assert.equal(versions[0]?.name, 'Unreleased');
  const current = versions.find((v) => v.name === manifest.version);
  assert.ok(current?.date, `a dated section for ${manifest.version}`);
  for (const heading of text.matchAll(/^### (.+)$/gm)) {
    assert.ok(['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'].includes(heading[1]), `section "${heading[1]}"`);
  }
});

test('the icon is a 128×128 PNG (and a 256×256 one) drawn from media/icon.svg as it is now', () => {
  assert.equal(manifest.icon, 'media/icon.png');
  assert.deepEqual(pngSize('media/icon.png'), { width: 128, height: 128 });
  assert.deepEqual(pngSize('media/icon-256.png'), { width: 256, height: 256 });
  // An edited SVG without `node scripts/icon.mjs` would ship the old picture.
  const svg = read('media/icon.svg');
  const drawn = new Resvg(svg, { fitTo: { mode: 'width', value: 128 }, font: { loadSystemFonts: false } }).render().asPng();
  assert.ok(drawn.equals(readFileSync(path.join(repoRoot, 'media/icon.png'))), 'media/icon.png is what scripts/icon.mjs draws from media/icon.svg');
  assert.match(manifest.galleryBanner?.color ?? '', /^#[0-9a-f]{6}$/i);
  assert.ok(manifest.galleryBanner?.theme === 'dark' || manifest.galleryBanner?.theme === 'light');
});

test('README pictures exist, have alt text and are shipped in the package', () => {
  const readme = read('README.md');
  const images = [...readme.matchAll(/!\[([^\]]*)\]\(([^)\s]+)\)/g)].map((m) => ({ alt: m[1], src: m[2] }));
  assert.ok(images.length >= 4, 'screenshots of the tree, the event panel, the dialplan lenses and Call Flow');
  const ignore = read('.vscodeignore');
  for (const { alt, src } of images) {
    assert.ok(alt.trim().length >= 10, `${src} has alt text that says what it shows`);
    assert.ok(existsSync(path.join(repoRoot, src)), `${src} exists`);
    assert.match(src, /^media\/screenshots\/[\w-]+\.png$/, `${src} lives in media/screenshots`);
  }
  assert.match(ignore, /^!media\/screenshots\/\*\.png$/m, 'screenshots are packaged, so VS Code shows them in the extension page');
});

test('Restricted Mode: limited support, and each restricted setting is a real setting', () => {
  const trust = manifest.capabilities?.untrustedWorkspaces;
  assert.equal(trust?.supported, 'limited');
  assert.ok(trust?.description);
  const configs = Array.isArray(manifest.contributes.configuration) ? manifest.contributes.configuration : [manifest.contributes.configuration];
  const settings = Object.assign({}, ...configs.map((c) => c.properties)) as Record<string, unknown>;
  const restricted = trust?.restrictedConfigurations ?? [];
  assert.ok(restricted.includes('ariExplorer.dialplan.reloadOnSave'), 'a workspace cannot turn on reload on save');
  for (const key of restricted) assert.ok(key in settings, `${key} is contributed`);
  // That the code ignores their workspace values then: test/unit/dialplan/vscodeLayer.test.ts.
});

test('runs where the workspace is (Remote-SSH: on the PBX host), and says what virtual workspaces get', () => {
  assert.deepEqual(manifest.extensionKind, ['workspace']);
  const virtual = manifest.capabilities?.virtualWorkspaces;
  assert.ok(typeof virtual === 'object' && virtual.supported === 'limited' && virtual.description);
  assert.match(read('README.md'), /^## .*Remote-SSH/m, 'a README section on Remote-SSH');
});

test('manifest strings written as %key% exist in English and Russian', () => {
  const en = JSON.parse(read('package.nls.json')) as Record<string, string>;
  const ru = JSON.parse(read('package.nls.ru.json')) as Record<string, string>;
  for (const m of read('package.json').matchAll(/"%([^%"]+)%"/g)) {
    assert.ok(en[m[1]], `package.nls.json has ${m[1]}`);
    assert.ok(ru[m[1]], `package.nls.ru.json has ${m[1]}`);
  }
});

test('npm run package asks for no bypass but the missing repository, and npm ci has no unreviewed install scripts', () => {
  const pkg = manifest.scripts.package;
  assert.doesNotMatch(pkg, /--allow-star-activation|--allow-unused-files-pattern|--allow-package-secrets|--skip-license/);
  for (const name of ['esbuild', '@vscode/vsce-sign']) assert.equal(typeof manifest.allowScripts?.[name], 'boolean', `allowScripts decides ${name}`);
});
