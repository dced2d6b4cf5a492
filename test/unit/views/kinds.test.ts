// Node kinds are data (#16): every model kind has a row spec, the files docs/ARCHITECTURE.md
// names under "Adding a node kind" are the ones a kind needs, and no switch on a kind creeps
// back into the tree core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../shared/fixtures';
import { ENTITY_KINDS } from '../../../src/extension/state/model';
import { CATEGORIES, CATEGORY_SPECS, categoryOf, rowSpec } from '../../../src/extension/views/tree/kinds';
import { AriTree } from '../../../src/extension/views/tree/ariTree';
import type { AriNode } from '../../../src/extension/views/tree/nodes';
import { bridge, channel, emptyModel, source } from './fixtures';

const treeDir = path.join(repoRoot, 'src/extension/views/tree');
const kindsDir = path.join(treeDir, 'kinds');
const rowKinds = CATEGORY_SPECS.flatMap((s) => Object.keys(s.rows));

test('kinds: every model kind has a row of its name and is listed by exactly one category', () => {
  for (const kind of ENTITY_KINDS) {
    assert.ok(rowSpec(kind), `${kind}: no RowSpec`);
    assert.equal(CATEGORY_SPECS.filter((s) => s.modelKinds.includes(kind)).length, 1, `${kind}: listed by one category`);
    assert.ok(categoryOf(kind));
  }
  for (const kind of rowKinds) assert.ok((ENTITY_KINDS as readonly string[]).includes(rowSpec(kind)!.modelKind), kind);
  assert.equal(new Set(rowKinds).size, rowKinds.length, 'row kinds are unique');
  assert.deepEqual(CATEGORIES, ['channels', 'bridges', 'playbacks', 'recordings', 'endpoints', 'applications', 'deviceStates'], 'the order the tree shows');
});

test('kinds: each file in kinds/ is a category registered in index.ts', () => {
  const index = readFileSync(path.join(kindsDir, 'index.ts'), 'utf8');
  const files = readdirSync(kindsDir).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'spec.ts');
  assert.deepEqual(files.map((f) => f.replace(/\.ts$/, '')).sort(), CATEGORY_SPECS.map((s) => s.id).sort(), 'one file per category, named after it');
  for (const f of files) assert.match(index, new RegExp(`from '\\./${f.replace(/\.ts$/, '')}'`), `${f} is imported by index.ts`);
});

test('kinds: "Adding a node kind" names at most four files, and they exist', () => {
  const doc = readFileSync(path.join(repoRoot, 'docs/ARCHITECTURE.md'), 'utf8');
  const start = doc.indexOf('### Adding a node kind');
  assert.ok(start > 0, 'the section exists');
  const section = doc.slice(start, doc.indexOf('\n##', start + 1));
  const steps = [...section.matchAll(/^\d+\. `([^`]+)`/gm)].map((m) => m[1]);
  assert.ok(steps.length > 0 && steps.length <= 4, `${steps.length} files: ${steps.join(', ')}`);
  assert.ok(steps.includes('src/extension/views/tree/kinds/index.ts'));
  const named = [...section.matchAll(/`((?:src|l10n|contrib|test)\/[^`\s]+)`/g)].map((m) => m[1]);
  for (const p of named) {
    // `kinds/<category>.ts`, `l10n/ru/<area>.json`: the folder exists.
    const concrete = p.includes('<') ? path.dirname(p) : p;
    assert.ok(existsSync(path.join(repoRoot, concrete)), `${p} (ARCHITECTURE.md) does not exist`);
  }
});

test('kinds: no switch or comparison on an entity kind or category in the tree core, outside kinds/', () => {
  const words = [...new Set([...rowKinds, ...CATEGORIES])].join('|');
  const patterns = [
    new RegExp(`case '(${words})'`),
    // On a node's kind or id, a category (not on ARI's `channel:`/`bridge:` target URIs).
    new RegExp(`\\b(kind|id|c|category)\\s*[=!]==\\s*'(${words})'`),
    new RegExp(`'(${words})'\\s*[=!]==\\s*\\w*\\.?(kind|id|c|category)\\b`),
    // A table with a key per category or kind (the old CATEGORY_ICONS).
    new RegExp(`^\\s*'?(${words})'?\\s*:`, 'm'),
  ];
  const offenders: string[] = [];
  for (const f of readdirSync(treeDir).filter((n) => n.endsWith('.ts'))) {
    const lines = readFileSync(path.join(treeDir, f), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (patterns.some((re) => re.test(line))) offenders.push(`${f}:${i + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(offenders, [], "move these into the kind's spec (kinds/*.ts)");
  // The check itself fires on what it is meant to catch.
  assert.ok(patterns[0].test("    case 'deviceState':") && patterns[1].test("node.kind === 'bridge'") && patterns[3].test("  deviceStates: 'pulse',"));
});

test("kinds: the JSON menus (contrib/20-views.json) cover every entity row and none of the tree's own nodes", async () => {
  const { menus } = JSON.parse(readFileSync(path.join(repoRoot, 'contrib/20-views.json'), 'utf8')) as {
    menus: Record<string, { command: string; when: string }[]>;
  };
  const regexOf = (cmd: string) => new RegExp(/viewItem =~ \/(.+)\/$/.exec(menus['view/item/context'].find((m) => m.command === cmd)!.when)![1]);
  const model = emptyModel();
  model.channels.set('1', channel('1', { bridgeId: 'b' }));
  model.bridges.set('b', bridge('b', ['1']));
  model.playbacks.set('p', { id: 'p', media_uri: 'sound:x', state: 'playing', target_uri: 'channel:1', language: 'en' });
  model.recordings.set('r', { name: 'r', format: 'wav', state: 'recording', target_uri: 'channel:1' });
  model.storedRecordings.set('s', { name: 's', format: 'wav' });
  model.endpoints.set('PJSIP/a', { technology: 'PJSIP', resource: 'a', state: 'online', channel_ids: [] });
  model.applications.set('app', {
    name: 'app',
    channel_ids: [],
    bridge_ids: [],
    endpoint_ids: [],
    device_names: [],
    events_allowed: [],
    events_disallowed: [],
  });
  model.deviceStates.set('Stasis:x', { name: 'Stasis:x', state: 'BUSY' });
  const tree = new AriTree(() => 0);
  tree.setSource(source(model));
  const all: AriNode[] = [];
  const walk = async (node?: AriNode): Promise<void> => {
    for (const n of await tree.children(node)) {
      all.push(n);
      await walk(n);
    }
  };
  await walk();
  const seen = new Set(all.map((n) => n.kind));
  for (const kind of rowKinds) assert.ok(seen.has(kind as AriNode['kind']), `the sample shows a ${kind} row`);
  for (const cmd of ['ariExplorer.tree.openJson', 'ariExplorer.tree.copyJson', 'ariExplorer.tree.copyId']) {
    const re = regexOf(cmd);
    for (const n of all) {
      const cv = tree.view(n)!.contextValue;
      const entityRow = rowKinds.includes(n.kind) || n.kind === 'module' || (n.kind === 'server' && n.id === 'server' && cmd !== 'ariExplorer.tree.copyId');
      assert.equal(re.test(cv), entityRow, `${cmd} on ${n.kind} (${cv})`);
    }
    for (const own of ['hint', 'gone', 'serverRoot', 'serverInfo', 'category.channels', 'category.modules']) assert.ok(!re.test(own), `${cmd} on ${own}`);
  }
});
