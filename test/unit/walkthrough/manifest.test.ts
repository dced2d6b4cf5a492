// The "Get started with ARI" walkthrough as the manifest declares it: six steps, each page in
// English and Russian, buttons that name contributed commands, completion from context keys
// the extension sets or from commands it contributes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../shared/fixtures';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string };
  completionEvents: string[];
}

const read = (f: string) => JSON.parse(readFileSync(path.join(repoRoot, f), 'utf8')) as Record<string, unknown>;
const manifest = read('package.json') as { contributes: { walkthroughs: { id: string; title: string; steps: Step[] }[]; commands: { command: string }[] } };
const en = read('package.nls.json') as Record<string, string>;
const ru = read('package.nls.ru.json') as Record<string, string>;
const key = (v: string) => /^%(.+)%$/.exec(v)?.[1] ?? '';

function sources(dir: string): string {
  return readdirSync(dir)
    .map((n) => path.join(dir, n))
    .map((p) => (statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? readFileSync(p, 'utf8') : ''))
    .join('\n');
}

test('walkthrough: six steps in the seed order, localized, pages in both languages', () => {
  const [w] = manifest.contributes.walkthroughs;
  assert.equal(en[key(w.title)], 'Get started with ARI');
  assert.equal(ru[key(w.title)], 'Начало работы с ARI');
  assert.deepEqual(
    w.steps.map((s) => s.id),
    ['server', 'connect', 'dialplan', 'call', 'play', 'hangup'],
  );
  for (const s of w.steps) {
    for (const field of [s.title, s.description, s.media.markdown ?? '']) {
      assert.ok(en[key(field)], `${s.id}: ${field} has English`);
      assert.ok(ru[key(field)], `${s.id}: ${field} has Russian`);
    }
    const enPage = en[key(s.media.markdown ?? '')];
    const ruPage = ru[key(s.media.markdown ?? '')];
    assert.notEqual(enPage, ruPage, `${s.id}: a Russian page of its own`);
    for (const page of [enPage, ruPage]) assert.ok(existsSync(path.join(repoRoot, page)), page);
    assert.match(readFileSync(path.join(repoRoot, ruPage), 'utf8'), /[а-яё]/i, `${ruPage} is in Russian`);
  }
});

test('walkthrough: buttons name contributed commands; completion comes from real events', () => {
  const commands = new Set(manifest.contributes.commands.map((c) => c.command));
  const src = sources(path.join(repoRoot, 'src/extension'));
  const [w] = manifest.contributes.walkthroughs;
  for (const s of w.steps) {
    for (const text of [en[key(s.description)], ru[key(s.description)]]) {
      const links = [...text.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]);
      assert.ok(links.length > 0, `${s.id}: a button`);
      for (const l of links) assert.ok(commands.has(l), `${s.id}: ${l} is contributed`);
    }
    for (const e of s.completionEvents) {
      const ctx = /^onContext:(.+)$/.exec(e)?.[1];
      const cmd = /^onCommand:(.+)$/.exec(e)?.[1];
      assert.ok(ctx || cmd, e);
      if (ctx) assert.ok(src.includes(`'setContext', '${ctx}'`), `${ctx} is set by the extension`);
      if (cmd) assert.ok(commands.has(cmd), `${cmd} is contributed`);
    }
  }
  const byId = Object.fromEntries(w.steps.map((s) => [s.id, s.completionEvents]));
  assert.deepEqual(byId.call, ['onContext:ariExplorer.walkStasisStart']);
  assert.deepEqual(byId.play, ['onContext:ariExplorer.walkPlaybackFinished']);
  assert.deepEqual(byId.hangup, ['onContext:ariExplorer.walkStasisEnd']);
});
