// The Call Flow webview: lane headers, the ladder (virtualized rows of fixed height: lifelines,
// playback/recording bars, arrows and dots), and a detail pane with the selected element's
// event JSON. It holds only the model the extension sends; every text goes in through
// textContent, never as HTML.

import { isFlowHostMessage, type FlowElement, type FlowHostMessage, type FlowModelMessage, type FlowWebviewMessage } from '../../shared/callflowProtocol';

export interface FlowApi {
  postMessage(message: FlowWebviewMessage): void;
}

export const FLOW_ROW_HEIGHT = 26;
export const LANE_WIDTH = 156;
export const TIME_WIDTH = 112;
const OVERSCAN = 10;

function clock(ms: number): string {
  if (!ms) return '';
  const d = new Date(ms);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}

function gapText(ms: number | undefined): string {
  if (ms === undefined) return '';
  if (ms < 1000) return `+${Math.round(ms)} ms`;
  if (ms < 60_000) return `+${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  return `+${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** Channel names share their start (`Local/1776@from-test-…`): a narrow header keeps the end that tells them apart. */
export function shortLabel(label: string, max = 20): string {
  return label.length > max ? `…${label.slice(label.length - max + 1)}` : label;
}

export interface FlowAppOptions {
  viewportHeight?: () => number;
}

export class FlowApp {
  private readonly doc: Document;
  private readonly titleEl: HTMLElement;
  private readonly statusEl: HTMLElement;
  private readonly header: HTMLElement;
  private readonly scroll: HTMLElement;
  private readonly canvas: HTMLElement;
  private readonly detail: HTMLElement;
  private readonly buttons: Record<'mermaid' | 'svg' | 'markdown', HTMLButtonElement>;
  private model: FlowModelMessage | undefined;
  private selected = -1;
  private rendered = new Map<number, HTMLElement>();
  private pendingFrame = false;

  constructor(
    root: HTMLElement,
    private readonly api: FlowApi,
    private readonly opts: FlowAppOptions = {},
  ) {
    this.doc = root.ownerDocument;
    const h = (tag: string, props: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement => {
      const e = this.doc.createElement(tag);
      for (const [k, v] of Object.entries(props)) e.setAttribute(k, v);
      e.append(...children);
      return e;
    };
    this.titleEl = h('span', { class: 'flow-title', id: 'flow-title' });
    this.statusEl = h('span', { class: 'flow-status', id: 'flow-status', role: 'status' });
    const button = (id: 'mermaid' | 'svg' | 'markdown', icon: string): HTMLButtonElement => {
      const b = h('button', { type: 'button', id: `export-${id}`, class: 'flow-button' }) as HTMLButtonElement;
      b.append(h('span', { class: `codicon codicon-${icon}`, 'aria-hidden': 'true' }), h('span', { class: 'flow-button-label' }));
      b.addEventListener('click', () => this.api.postMessage({ kind: 'export', format: id }));
      return b;
    };
    this.buttons = { mermaid: button('mermaid', 'copy'), svg: button('svg', 'save'), markdown: button('markdown', 'markdown') };
    this.header = h('div', { class: 'flow-lanes', id: 'flow-lanes', role: 'row' });
    this.canvas = h('div', { class: 'flow-canvas', id: 'flow-canvas' });
    this.scroll = h('div', { class: 'flow-scroll', id: 'flow-scroll', tabindex: '0', role: 'listbox' }, this.header, this.canvas);
    this.detail = h('div', { class: 'flow-detail', id: 'flow-detail', 'aria-live': 'polite' });
    root.replaceChildren(
      h(
        'div',
        { class: 'flow-toolbar', role: 'toolbar' },
        this.titleEl,
        this.statusEl,
        h('span', { class: 'flow-gap' }),
        this.buttons.mermaid,
        this.buttons.svg,
        this.buttons.markdown,
      ),
      this.scroll,
      this.detail,
    );
    this.scroll.addEventListener('scroll', () => this.scheduleRender());
    this.scroll.addEventListener('keydown', (e) => this.onKey(e));
    this.canvas.addEventListener('click', (e) => {
      const row = (e.target as HTMLElement | null)?.closest<HTMLElement>('.flow-row');
      if (row) this.select(Number(row.dataset.row), false);
    });
    this.canvas.addEventListener('dblclick', (e) => {
      const row = (e.target as HTMLElement | null)?.closest<HTMLElement>('.flow-row');
      if (row && this.model?.elements[Number(row.dataset.row)]?.dialplan) this.api.postMessage({ kind: 'goToDialplan', row: Number(row.dataset.row) });
    });
    this.header.addEventListener('click', (e) => {
      const lane = (e.target as HTMLElement | null)?.closest<HTMLElement>('.lane-header.live');
      if (lane) this.api.postMessage({ kind: 'laneCommands', lane: Number(lane.dataset.lane) });
    });
  }

  start(): void {
    this.api.postMessage({ kind: 'ready' });
  }

  handleMessage(data: unknown): void {
    if (!isFlowHostMessage(data)) return;
    this.dispatch(data);
  }

  private dispatch(m: FlowHostMessage): void {
    if (m.kind === 'model') this.applyModel(m);
    else if (m.row === this.selected) this.showJson(m.json);
  }

  private applyModel(m: FlowModelMessage): void {
    const atBottom =
      this.model === undefined || this.scroll.scrollTop + this.viewport() >= this.canvas.offsetTop + this.model.elements.length * FLOW_ROW_HEIGHT - 4;
    const grew = this.model !== undefined && m.elements.length > this.model.elements.length;
    this.model = m;
    const s = m.strings;
    this.titleEl.textContent = m.title;
    this.titleEl.title = m.source;
    const count = (s.elements ?? '{0}').replace('{0}', String(m.elements.length));
    this.statusEl.textContent = m.elements.length === 0 ? s.empty : `${m.inProgress ? s.inProgress : s.ended} · ${count}`;
    this.statusEl.dataset.state = m.inProgress ? 'live' : 'ended';
    this.buttons.mermaid.lastElementChild!.textContent = s.exportMermaid;
    this.buttons.svg.lastElementChild!.textContent = s.exportSvg;
    this.buttons.markdown.lastElementChild!.textContent = s.exportMarkdown;
    this.scroll.setAttribute('aria-label', s.ladder);
    this.renderHeader();
    const width = TIME_WIDTH + m.lanes.length * LANE_WIDTH;
    this.canvas.style.height = `${m.elements.length * FLOW_ROW_HEIGHT}px`;
    this.canvas.style.width = `${width}px`;
    this.header.style.width = `${width}px`;
    for (const el of this.rendered.values()) el.remove();
    this.rendered.clear();
    if (grew && atBottom) this.scroll.scrollTop = this.canvas.offsetTop + m.elements.length * FLOW_ROW_HEIGHT;
    this.render();
    if (this.selected < 0 && m.elements.length === 0) this.detail.textContent = '';
    else if (this.selected < 0) this.detail.textContent = s.detailHint;
  }

  private renderHeader(): void {
    const m = this.model;
    if (!m) return;
    const cells: HTMLElement[] = [];
    const time = this.doc.createElement('div');
    time.className = 'lane-time';
    time.textContent = m.strings.time;
    cells.push(time);
    m.lanes.forEach((l, i) => {
      const c = this.doc.createElement(l.live ? 'button' : 'div');
      c.className = `lane-header lane-${l.kind}${l.live ? ' live' : ''}${l.ended ? ' ended' : ''}`;
      c.dataset.lane = String(i);
      c.style.left = `${TIME_WIDTH + i * LANE_WIDTH}px`;
      c.style.width = `${LANE_WIDTH - 8}px`;
      const icon = this.doc.createElement('span');
      icon.className = `codicon codicon-${l.kind === 'channel' ? 'call-outgoing' : l.kind === 'bridge' ? 'link' : 'server-process'}`;
      icon.setAttribute('aria-hidden', 'true');
      const label = this.doc.createElement('span');
      label.className = 'lane-label';
      label.textContent = shortLabel(l.label);
      c.append(icon, label);
      const tip = [l.label, l.detail].filter(Boolean).join('\n');
      c.title = l.live ? `${tip}\n${m.strings.laneCommands.replace('{0}', l.label)}` : tip;
      c.setAttribute('aria-label', c.title);
      cells.push(c);
    });
    this.header.replaceChildren(...cells);
  }

  private viewport(): number {
    return this.opts.viewportHeight?.() ?? this.scroll.clientHeight;
  }

  private scheduleRender(): void {
    if (this.pendingFrame) return;
    this.pendingFrame = true;
    const raf = this.doc.defaultView?.requestAnimationFrame;
    if (raf) raf(() => this.render());
    else setTimeout(() => this.render(), 0);
  }

  /** Draws the rows in view (plus some either side) and drops the others. */
  render(): void {
    this.pendingFrame = false;
    const m = this.model;
    if (!m) return;
    const top = Math.max(0, this.scroll.scrollTop - this.canvas.offsetTop);
    const first = Math.max(0, Math.floor(top / FLOW_ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(m.elements.length, Math.ceil((top + this.viewport()) / FLOW_ROW_HEIGHT) + OVERSCAN);
    for (const [i, el] of this.rendered) {
      if (i < first || i >= last) {
        el.remove();
        this.rendered.delete(i);
      }
    }
    for (let i = first; i < last; i++) {
      if (this.rendered.has(i)) continue;
      const row = this.row(i, m.elements[i]);
      this.rendered.set(i, row);
      this.canvas.appendChild(row);
    }
  }

  private row(i: number, el: FlowElement): HTMLElement {
    const m = this.model as FlowModelMessage;
    const d = this.doc;
    const row = d.createElement('div');
    row.className = `flow-row kind-${el.kind}${el.failed ? ' failed' : ''}${i === this.selected ? ' selected' : ''}${(el.gapMs ?? 0) >= m.longGapMs ? ' long-gap' : ''}`;
    row.dataset.row = String(i);
    row.id = `flow-row-${i}`;
    row.setAttribute('role', 'option');
    row.setAttribute('aria-selected', String(i === this.selected));
    row.style.top = `${i * FLOW_ROW_HEIGHT}px`;
    const x = (lane: number): number => TIME_WIDTH + lane * LANE_WIDTH + LANE_WIDTH / 2;
    const time = d.createElement('span');
    time.className = 'flow-time';
    time.textContent = i === 0 ? clock(el.time) : gapText(el.gapMs);
    time.title = el.time ? new Date(el.time).toISOString() : '';
    row.appendChild(time);
    m.lanes.forEach((l, li) => {
      if (i < l.firstRow || i > l.lastRow) return;
      const line = d.createElement('span');
      line.className = `lifeline lane-${l.kind}`;
      line.style.left = `${x(li)}px`;
      row.appendChild(line);
    });
    for (const s of m.spans) {
      const to = s.toRow < 0 ? m.elements.length - 1 : s.toRow;
      if (i < s.fromRow || i > to) continue;
      const bar = d.createElement('span');
      bar.className = `span-bar span-${s.kind}${s.failed ? ' failed' : ''}${i === s.fromRow ? ' span-start' : ''}${i === to ? ' span-end' : ''}`;
      bar.style.left = `${x(s.lane) - 4}px`;
      bar.title = s.label;
      row.appendChild(bar);
    }
    const laneName = m.lanes[el.lane]?.label ?? '';
    const label = d.createElement('span');
    label.className = 'flow-label';
    label.textContent = el.label;
    if (el.to !== undefined) {
      const a = x(el.lane);
      const b = x(el.to);
      const arrow = d.createElement('span');
      arrow.className = `flow-arrow ${b >= a ? 'right' : 'left'}${/End|Leave/.test(el.kind) ? ' dashed' : ''}`;
      arrow.style.left = `${Math.min(a, b)}px`;
      arrow.style.width = `${Math.abs(b - a)}px`;
      row.appendChild(arrow);
      label.classList.add('on-arrow');
      label.style.left = `${Math.min(a, b) + 6}px`;
      label.style.width = `${Math.max(40, Math.abs(b - a) - 12)}px`;
    } else {
      const dot = d.createElement('span');
      dot.className = 'flow-dot';
      dot.style.left = `${x(el.lane) - 4}px`;
      row.appendChild(dot);
      label.style.left = `${x(el.lane) + 8}px`;
    }
    row.appendChild(label);
    const target = el.to !== undefined ? ` → ${m.lanes[el.to]?.label ?? ''}` : '';
    row.title = `${el.time ? new Date(el.time).toISOString() : ''}\n${laneName}${target}\n${el.detail}`;
    row.setAttribute('aria-label', `${clock(el.time)} ${laneName}${target}: ${el.label}`);
    return row;
  }

  private onKey(e: KeyboardEvent): void {
    const m = this.model;
    if (!m || m.elements.length === 0) return;
    const page = Math.max(1, Math.floor(this.viewport() / FLOW_ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -Infinity, End: Infinity };
    if (e.key in moves) {
      e.preventDefault();
      const next = Math.min(m.elements.length - 1, Math.max(0, (this.selected < 0 ? -1 : this.selected) + moves[e.key]));
      this.select(Number.isFinite(next) ? next : 0, true);
      return;
    }
    if (e.key === 'Enter' && this.selected >= 0 && m.elements[this.selected]?.dialplan) {
      e.preventDefault();
      this.api.postMessage({ kind: 'goToDialplan', row: this.selected });
    }
  }

  /** Selects a row: highlights it, shows its detail and asks for its event JSON. */
  select(i: number, reveal: boolean): void {
    const m = this.model;
    if (!m || i < 0 || i >= m.elements.length) return;
    this.rendered.get(this.selected)?.classList.remove('selected');
    this.rendered.get(this.selected)?.setAttribute('aria-selected', 'false');
    this.selected = i;
    this.scroll.setAttribute('aria-activedescendant', `flow-row-${i}`);
    if (reveal) {
      const top = this.canvas.offsetTop + i * FLOW_ROW_HEIGHT;
      const headerH = this.header.offsetHeight;
      if (top - headerH < this.scroll.scrollTop) this.scroll.scrollTop = top - headerH;
      else if (top + FLOW_ROW_HEIGHT > this.scroll.scrollTop + this.viewport()) this.scroll.scrollTop = top + FLOW_ROW_HEIGHT - this.viewport();
      this.render();
    }
    this.rendered.get(i)?.classList.add('selected');
    this.rendered.get(i)?.setAttribute('aria-selected', 'true');
    this.showElement(m.elements[i], i);
    this.api.postMessage({ kind: 'requestDetail', row: i });
  }

  private showElement(el: FlowElement, i: number): void {
    const m = this.model as FlowModelMessage;
    const d = this.doc;
    const head = d.createElement('div');
    head.className = 'detail-head';
    const what = d.createElement('strong');
    const target = el.to !== undefined ? ` → ${m.lanes[el.to]?.label ?? ''}` : '';
    what.textContent = `${m.lanes[el.lane]?.label ?? ''}${target}`;
    const when = d.createElement('span');
    when.className = 'detail-time';
    when.textContent = el.time ? new Date(el.time).toISOString() : '';
    head.append(what, ' ', when);
    if (el.dialplan) {
      const go = d.createElement('button');
      go.type = 'button';
      go.className = 'flow-button go-dialplan';
      go.textContent = m.strings.goToDialplan;
      go.addEventListener('click', () => this.api.postMessage({ kind: 'goToDialplan', row: i }));
      head.append(' ', go);
    }
    const text = d.createElement('div');
    text.className = 'detail-text';
    text.textContent = el.count > 1 ? `${el.detail}\n${m.strings.events.replace('{0}', String(el.count))}` : el.detail;
    const pre = d.createElement('pre');
    pre.className = 'detail-json';
    pre.textContent = m.strings.loading;
    this.detail.replaceChildren(head, text, pre);
  }

  private showJson(json: string | undefined): void {
    const pre = this.detail.querySelector('.detail-json');
    if (pre) pre.textContent = json ?? this.model?.strings.gone ?? '';
  }
}
