// The ladder as text to paste elsewhere: a Mermaid sequenceDiagram, a standalone SVG and a
// Markdown block (the diagram plus a table with times). Pure functions of the model.

import { t } from '../../util/l10n';
import type { Ladder, LadderElement } from './ladder';

/** Mermaid reads `;` and `#` as syntax and a newline ends a statement: entity codes keep them text. */
export function mermaidText(s: string): string {
  return s
    .replace(/[\r\n]+/g, ' ')
    .replace(/[#;<>%]/g, (c) => `#${c.charCodeAt(0)};`)
    .trim();
}

function participant(i: number): string {
  return `P${i}`;
}

const ARROW: Partial<Record<LadderElement['kind'], string>> = {
  stasisStart: '->>',
  stasisEnd: '-->>',
  dial: '->>',
  bridgeEnter: '->>',
  bridgeLeave: '-->>',
};

export function toMermaid(ladder: Ladder): string {
  const lines = ['sequenceDiagram'];
  ladder.lanes.forEach((l, i) => lines.push(`  participant ${participant(i)} as ${mermaidText(l.label) || participant(i)}`));
  for (const el of ladder.elements) {
    const text = mermaidText(el.label) || el.kind;
    const arrow = ARROW[el.kind];
    if (arrow && el.to !== undefined) lines.push(`  ${participant(el.lane)}${arrow}${participant(el.to)}: ${text}`);
    else lines.push(`  Note over ${participant(el.lane)}: ${text}`);
  }
  return `${lines.join('\n')}\n`;
}

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function formatClock(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  const d = new Date(ms);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}`;
}

export function formatGap(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '';
  if (ms < 1000) return `+${Math.round(ms)} ms`;
  if (ms < 60_000) return `+${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  return `+${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** Longest lane title drawn in the SVG; the full name stays in its <title>. */
const SVG_LABEL = 32;

/** A standalone SVG (fixed light colours: it is meant for documents, not the editor's theme). */
export function toSvg(ladder: Ladder): string {
  const laneW = 190;
  const rowH = 26;
  const left = 110;
  const top = 56;
  const width = left + Math.max(1, ladder.lanes.length) * laneW + 20;
  const height = top + Math.max(1, ladder.elements.length) * rowH + 20;
  const x = (lane: number): number => left + lane * laneW + laneW / 2;
  const y = (row: number): number => top + row * rowH + rowH / 2;
  const cut = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#444"/></marker></defs>`,
  ];
  ladder.lanes.forEach((l, i) => {
    const colour = l.kind === 'channel' ? '#1f6feb' : l.kind === 'bridge' ? '#8250df' : '#1a7f37';
    out.push(
      `<g class="lane"><title>${xml(l.label)}${l.detail ? ` — ${xml(l.detail)}` : ''}</title>` +
        `<rect x="${x(i) - laneW / 2 + 6}" y="8" width="${laneW - 12}" height="34" rx="4" fill="${colour}" fill-opacity="0.12" stroke="${colour}"/>` +
        `<text x="${x(i)}" y="30" text-anchor="middle" fill="#111">${xml(cut(l.label, SVG_LABEL))}</text></g>`,
      `<line x1="${x(i)}" y1="${y(l.firstRow) - rowH / 2}" x2="${x(i)}" y2="${y(l.lastRow) + rowH / 2}" stroke="${colour}" stroke-width="2"/>`,
    );
  });
  for (const s of ladder.spans) {
    const to = s.toRow < 0 ? ladder.elements.length - 1 : s.toRow;
    out.push(
      `<rect x="${x(s.lane) - 5}" y="${y(s.fromRow)}" width="10" height="${Math.max(4, y(to) - y(s.fromRow))}" fill="${s.failed ? '#cf222e' : '#bf8700'}" fill-opacity="0.6"><title>${xml(s.label)}</title></rect>`,
    );
  }
  for (const el of ladder.elements) {
    const yy = y(el.row);
    out.push(`<text x="8" y="${yy + 4}" fill="#666">${xml(formatClock(el.time))}</text>`);
    const colour = el.failed ? '#cf222e' : '#111';
    if (el.to !== undefined) {
      const x1 = x(el.lane);
      const x2 = x(el.to);
      out.push(
        `<line x1="${x1}" y1="${yy}" x2="${x2 + (x2 > x1 ? -4 : 4)}" y2="${yy}" stroke="#444" marker-end="url(#arrow)"${el.kind.endsWith('End') || el.kind === 'bridgeLeave' ? ' stroke-dasharray="4 3"' : ''}/>`,
        `<text x="${(x1 + x2) / 2}" y="${yy - 4}" text-anchor="middle" fill="${colour}">${xml(cut(el.label, 40))}<title>${xml(el.detail)}</title></text>`,
      );
    } else {
      out.push(
        `<circle cx="${x(el.lane)}" cy="${yy}" r="4" fill="${colour}"/>`,
        `<text x="${x(el.lane) + 9}" y="${yy + 4}" fill="${colour}">${xml(cut(el.label, 40))}<title>${xml(el.detail)}</title></text>`,
      );
    }
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

export function toMarkdown(ladder: Ladder, title: string): string {
  const rows = ladder.elements.map((el) => {
    const lane = ladder.lanes[el.lane]?.label ?? '';
    const to = el.to !== undefined ? ` → ${ladder.lanes[el.to]?.label ?? ''}` : '';
    return `| ${formatClock(el.time)} | ${cell(formatGap(el.gapMs))} | ${cell(lane + to)} | ${cell(el.label)} |`;
  });
  return [
    `### ${t('Call flow: {0}', title)}`,
    '',
    '```mermaid',
    toMermaid(ladder).trimEnd(),
    '```',
    '',
    `| ${t('Time (UTC)')} | Δ | ${t('Lane')} | ${t('Event')} |`,
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
