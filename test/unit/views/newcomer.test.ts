// Issue 17: what a newcomer saw in the tree and its menus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AriTree } from '../../../src/extension/views/tree/ariTree';
import type { AriNode } from '../../../src/extension/views/tree/nodes';
import { ChannelControls } from '../../../src/extension/views/tree/controls';
import { channelShortLabel, formatLocalTime, splitChannelName } from '../../../src/extension/views/tree/labels';
import { changedKeys, paletteContext } from '../../../src/extension/views/tree/paletteContext';
import { repoRoot } from '../shared/fixtures';
import { channel, emptyModel, source } from './fixtures';

const START = Date.parse('2026-11-30T10:00:00Z');

function setup(now = () => START + 3_600_000) {
  const model = emptyModel();
  const controls = new ChannelControls();
  const tree = new AriTree(now);
  tree.setSource(source(model, { controls }));
  return { model, tree, controls };
}

const cat = (tree: AriTree, id: string): AriNode => tree.roots().find((n) => n.kind === 'category' && n.id === id)!;
function kids(tree: AriTree, node?: AriNode): AriNode[] {
  const r = tree.children(node);
  assert.ok(Array.isArray(r));
  return r;
}

/** Two demo calls: each a Local pair, the ;2 half in Stasis, the ;1 half in Wait. */
function demoCalls(model: ReturnType<typeof emptyModel>): void {
  for (const seq of ['0000000e', '0000000f']) {
    model.channels.set(
      `${seq}-1`,
      channel(`${seq}1`, {
        id: `${seq}-1`,
        name: `Local/1776@from-test-${seq};1`,
        dialplan: { context: 'default', exten: '102', priority: 2, app_name: 'Wait', app_data: '600' },
      }),
    );
    model.channels.set(`${seq}-2`, channel(`${seq}2`, { id: `${seq}-2`, name: `Local/1776@from-test-${seq};2` }));
  }
}

test('channel rows lead with the sequence number and the ;1/;2 half, so the first 12 characters already differ', () => {
  const { model, tree } = setup();
  demoCalls(model);
  const labels = kids(tree, cat(tree, 'channels')).map((n) => tree.view(n)!.label);
  assert.equal(new Set(labels.map((l) => l.slice(0, 12))).size, 4, labels.join(' | '));
  assert.ok(labels.includes('0000000f;2 · Local/1776@from-test'));
  assert.deepEqual(splitChannelName('PJSIP/alice-0000001a'), { unique: '0000001a', base: 'PJSIP/alice' });
  assert.equal(channelShortLabel('Message/ast_msg_queue'), 'Message/ast_msg_queue');
  // The full name is in the hover, and a text filter on it still finds the row.
  const half = kids(tree, cat(tree, 'channels')).find((n) => n.id === '0000000f-2')!;
  assert.match(tree.tooltip(half)!, /Local\/1776@from\\-test\\-0000000f;2/);
  tree.setFilter({ text: 'from-test-0000000f;2' });
  assert.deepEqual(
    kids(tree, cat(tree, 'channels')).map((n) => n.id),
    ['0000000f-2'],
  );
});

// ---- menus: the `when` clauses of contrib/40-commands.json against a row's contextValue ----

interface MenuEntry {
  command: string;
  when?: string;
  group?: string;
}
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'contrib/40-commands.json'), 'utf8')) as { menus: Record<string, MenuEntry[]> };

/** The context menu VS Code builds for a row (`view == …`, `viewItem == …`, `viewItem =~ /…/` joined by &&). */
function contextMenu(contextValue: string): string[] {
  const out = new Set<string>();
  for (const e of manifest.menus['view/item/context']) {
    if (e.group?.startsWith('inline')) continue;
    const ok = (e.when ?? '').split('&&').every((clause) => {
      const c = clause.trim();
      if (c === 'view == ariExplorer.explorer') return true;
      const eq = /^viewItem == (.+)$/.exec(c);
      if (eq) return contextValue === eq[1];
      const re = /^viewItem =~ \/(.+)\/$/.exec(c);
      if (re) return new RegExp(re[1]).test(contextValue);
      throw new Error(`clause not understood: ${c}`);
    });
    if (ok) out.add(e.command.replace('ariExplorer.channel.', ''));
  }
  return [...out];
}

test('the menu of an Up channel in Stasis offers what applies: no Answer, Ring, Unhold, Unmute, Stop Ringing, Stop MOH or Stop Silence', () => {
  const { model, tree, controls } = setup();
  model.channels.set('1', channel('1'));
  const [row] = kids(tree, cat(tree, 'channels'));
  const menu = () => contextMenu(tree.view(row)!.contextValue);
  const idle = menu();
  for (const absent of ['answer', 'ring', 'ringStop', 'unhold', 'unmute', 'stopMoh', 'stopSilence'])
    assert.ok(!idle.includes(absent), `${absent} in ${idle.join(',')}`);
  for (const present of ['hangup', 'play', 'hold', 'mute', 'startMoh', 'startSilence', 'sendDtmf']) assert.ok(idle.includes(present), present);
  assert.ok(idle.length <= 16, `${idle.length} entries`);

  controls.noteOp(['1'], 'hold');
  controls.noteMute(['1'], 'in', true);
  controls.noteOp(['1'], 'startMoh');
  assert.equal(tree.view(row)!.contextValue, 'channel.Up.stasis.held.muted.moh');
  const busy = menu();
  assert.ok(busy.includes('unhold') && !busy.includes('hold'));
  assert.ok(busy.includes('unmute') && busy.includes('mute'), 'mute stays: the other direction');
  assert.ok(busy.includes('stopMoh') && !busy.includes('startMoh'));

  // A channel still ringing in Stasis: Answer and Ring, and Stop Ringing once rung from here.
  model.channels.set('2', channel('2', { state: 'Ring' }));
  const ringing = kids(tree, cat(tree, 'channels')).find((n) => n.id === '2');
  tree.applyChange({ structural: true, changed: { channel: new Set(['2']) } });
  const r2 = kids(tree, cat(tree, 'channels')).find((n) => n.id === '2') ?? ringing!;
  assert.ok(contextMenu(tree.view(r2)!.contextValue).includes('answer'));
  assert.ok(contextMenu(tree.view(r2)!.contextValue).includes('ring'));
  controls.noteOp(['2'], 'ring');
  const rung = contextMenu(tree.view(r2)!.contextValue);
  assert.ok(rung.includes('ringStop') && !rung.includes('ring'));
  controls.noteOp(['2'], 'answer');
  assert.ok(!contextMenu(tree.view(r2)!.contextValue).includes('ringStop'), 'answering stops the ringing indication');

  // Outside Stasis: only what ARI allows on any channel.
  model.channels.set('3', channel('3', { dialplan: { context: 'default', exten: '100', priority: 1, app_name: 'Wait', app_data: '' } }));
  assert.deepEqual(contextMenu('channel.Up').sort(), ['getVariable', 'hangup', 'setVariable', 'snoop']);
});

test('mute is tracked per direction, and a gone channel takes its controls with it', () => {
  const c = new ChannelControls();
  const fired: string[][] = [];
  c.onDidChange((ids) => fired.push(ids));
  c.noteMute(['a'], 'both', true);
  c.noteMute(['a'], 'in', false);
  assert.ok(c.of('a').has('muted'), 'out is still muted');
  c.noteMute(['a'], 'out', false);
  assert.ok(!c.of('a').has('muted'));
  c.noteOp(['a', 'b'], 'hold');
  assert.deepEqual(fired.at(-1), ['a', 'b']);
  c.retain((id) => id === 'b');
  assert.deepEqual([...c.of('a')], []);
  assert.ok(c.any('held'));
});

test('palette keys: nothing to act on, no command — and only changed keys are set again', () => {
  const model = emptyModel();
  const controls = new ChannelControls();
  const before = paletteContext(model, controls);
  assert.equal(before['ariExplorer.hasPlaybacks'], false);
  assert.equal(before['ariExplorer.hasHeldChannels'], false);
  model.channels.set('1', channel('1'));
  model.playbacks.set('p', { id: 'p', media_uri: 'sound:x', target_uri: 'channel:1', state: 'playing' });
  controls.noteOp(['1'], 'hold');
  const after = paletteContext(model, controls);
  assert.deepEqual(changedKeys(before, after).sort(), [
    'ariExplorer.hasChannels',
    'ariExplorer.hasHeldChannels',
    'ariExplorer.hasPlaybacks',
    'ariExplorer.hasStasisChannels',
  ]);
  // The manifest hides the context-only commands behind these keys.
  const palette = new Map(manifest.menus.commandPalette.map((e) => [e.command, e.when ?? '']));
  assert.match(palette.get('ariExplorer.playback.forward')!, /ariExplorer\.hasPlaybacks/);
  assert.match(palette.get('ariExplorer.recording.unmute')!, /ariExplorer\.hasLiveRecordings/);
  assert.match(palette.get('ariExplorer.channel.ringStop')!, /ariExplorer\.hasRingingChannels/);
});

test('the Server node is live: uptime moves with the clock, dates in local time, each row its own hover', () => {
  let now = START + 138_000;
  const { tree } = setup(() => now);
  const server = tree.roots().at(-1)!;
  const uptime = () => tree.view(kids(tree, server).find((r) => r.id === 'uptime')!)!.description;
  assert.equal(uptime(), '2m 18s');
  now += 300_000;
  assert.equal(uptime(), '7m 18s', 'read again on each refresh, not fixed at connect');
  const started = tree.view(kids(tree, server).find((r) => r.id === 'startup')!)!.description!;
  assert.match(started, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  assert.equal(started, formatLocalTime('2026-11-30T10:00:00.000+0000'));
  const d = new Date(START);
  assert.equal(Number(started.slice(11, 13)), d.getHours(), 'the local hour');
  const entity = kids(tree, server).find((r) => r.id === 'entity')!;
  const md = tree.tooltip(entity)!;
  assert.match(md, /aa:bb/);
  assert.doesNotMatch(md, /startup_time|\{"/, 'the row, not the whole info as JSON');
  assert.doesNotMatch(tree.tooltip(server)!, /\{"/, 'the Server hover lists fields, not JSON');
});

test('the Modules row shows its count once preloaded', async () => {
  const { tree } = setup();
  const server = tree.roots().at(-1)!;
  const modules = kids(tree, server).at(-1)!;
  assert.equal(tree.view(modules)!.description, undefined);
  const fired = await tree.preloadModules();
  assert.equal(fired, modules);
  assert.equal(tree.view(modules)!.description, '1');
});

test('empty categories say so and offer the command that fills them; categories hover with more than their name', () => {
  const { model, tree } = setup();
  const [hint] = kids(tree, cat(tree, 'channels'));
  const v = tree.view(hint)!;
  assert.equal(v.label, 'No channels');
  assert.equal(v.command, 'ariExplorer.channel.originate');
  assert.equal(tree.view(kids(tree, cat(tree, 'bridges'))[0])!.command, 'ariExplorer.bridge.create');
  for (const c of tree.roots().filter((n) => n.kind === 'category')) {
    const tip = tree.tooltip(c);
    assert.ok(tip && tip !== tree.view(c)!.label, `${c.id}: ${tip}`);
  }
  model.channels.set('1', channel('1'));
  tree.applyChange({ structural: true, changed: { channel: new Set(['1']) } });
  assert.deepEqual(
    kids(tree, cat(tree, 'channels')).map((n) => n.kind),
    ['channel'],
  );
});

test('what the user opened stays open after a reconnect, what they closed stays closed', () => {
  const { model, tree } = setup();
  const server = tree.roots().at(-1)!;
  assert.equal(tree.view(server)!.collapsible, 'collapsed');
  tree.setExpanded(server, true);
  tree.setExpanded(cat(tree, 'channels'), false);
  tree.setSource(undefined);
  tree.setSource(source(model));
  const again = tree.roots().at(-1)!;
  assert.notEqual(again, server, 'new node objects after the reconnect');
  assert.equal(tree.view(again)!.collapsible, 'expanded');
  assert.equal(tree.view(cat(tree, 'channels'))!.collapsible, 'collapsed');
  assert.equal(tree.isCollapsed(cat(tree, 'channels')), true);
});
