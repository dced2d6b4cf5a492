// Exports of a ladder: Mermaid (golden file for the seed's call), SVG and Markdown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { formatGap, mermaidText, toMarkdown, toMermaid, toSvg } from '../../../src/extension/callflow/core/export';
import { buildLadder } from '../../../src/extension/callflow/core/ladder';
import { repoRoot } from '../shared/fixtures';
import { ladderOfChannel, transcriptEvents } from './transcript';

const demo = transcriptEvents('22-demo-traffic.json');

test("Mermaid of the seed's hello-world call matches the reviewed golden file", () => {
  const golden = readFileSync(path.join(repoRoot, 'test/fixtures/callflow/hello-world.mmd'), 'utf8');
  assert.equal(toMermaid(ladderOfChannel(demo, '00000020;2').ladder), golden);
});

test('Mermaid: arrows for bridge enter/leave between participants, notes for the rest', () => {
  const text = toMermaid(ladderOfChannel(demo, '0000001e;2').ladder);
  const lines = text.trimEnd().split('\n');
  assert.equal(lines[0], 'sequenceDiagram');
  assert.equal(lines.filter((l) => l.startsWith('  participant ')).length, 6);
  const bridge = lines.find((l) => l.endsWith(' as demo-2'))?.split(' ')[3];
  assert.ok(bridge);
  assert.equal(lines.filter((l) => new RegExp(`->>${bridge}: enter$`).test(l)).length, 2);
  assert.equal(lines.filter((l) => new RegExp(`-->>${bridge}: leave$`).test(l)).length, 2);
  assert.ok(
    lines.slice(1).every((l) => /^ {2}(participant P\d+ as .+|Note over P\d+: .+|P\d+-?->>P\d+: .+)$/.test(l)),
    text,
  );
});

test('Mermaid text: a name cannot end a statement, open a comment or inject a line', () => {
  assert.equal(mermaidText('Local/1@x-1;2'), 'Local/1@x-1#59;2');
  assert.equal(mermaidText('a\nparticipant Z\n%%x #1 <b>'), 'a participant Z #37;#37;x #35;1 #60;b#62;');
});

test('SVG: one lane per participant, escaped text, arrows and the playback bar', () => {
  const svg = toSvg(ladderOfChannel(demo, '0000001e;2').ladder);
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.equal((svg.match(/<g class="lane">/g) ?? []).length, 6);
  assert.equal((svg.match(/marker-end="url\(#arrow\)"/g) ?? []).length, 2 + 2 + 2 + 2, 'enter, leave, StasisStart, StasisEnd for two channels');
  assert.equal((svg.match(/fill="#bf8700"/g) ?? []).length, 2, 'two playbacks');
  const evil = toSvg(buildLadder([{ n: 0, event: { type: 'ChannelCreated', channel: { id: 'x', name: '<script>alert(1)</script>', state: 'Up' } } }]));
  assert.ok(!evil.includes('<script>'));
  assert.ok(evil.includes('&lt;script&gt;'));
});

test('Markdown: the Mermaid block and a table row per element with times', () => {
  const ladder = ladderOfChannel(demo, '00000020;2').ladder;
  const md = toMarkdown(ladder, 'Carol');
  assert.ok(md.startsWith('### Call flow: Carol\n'));
  assert.ok(md.includes('```mermaid\nsequenceDiagram\n'));
  const rows = md.split('\n').filter((l) => /^\| \d\d:\d\d:\d\d\.\d{3} \|/.test(l));
  assert.equal(rows.length, ladder.elements.length);
  assert.ok(rows.some((r) => r.includes('| Local/1776@from-test-00000020;2 → hello-world | StasisStart |')));
});

test('gaps read as ms, seconds, minutes', () => {
  assert.equal(formatGap(undefined), '');
  assert.equal(formatGap(12), '+12 ms');
  assert.equal(formatGap(1420), '+1.42 s');
  assert.equal(formatGap(125_000), '+2 min 5 s');
});
