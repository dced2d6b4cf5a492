// The virtualized event list: fixed-height rows, only the visible ones (plus a little
// overscan) in the DOM, row data fetched from the extension in windows and cached by
// absolute position (index + base), so rows dropped from the front of the buffer do not
// invalidate the cache. One row at a time can be expanded to its pretty JSON; it is the
// only row with a different height, which keeps offset arithmetic O(1).

import type { DetailMessage, RowSummary, RowsMessage } from '../shared/protocol';
import { formatDelta } from './format';
import { prettyJson } from './jsonView';
import { makeDetail, makePlaceholder, makeRow } from './rowElements';

export const ROW_HEIGHT = 22;
const JSON_LINE_HEIGHT = 18;
const DETAIL_CHROME = 36; // the detail's action bar and padding
const MAX_DETAIL_HEIGHT = 420;
const CACHE_SLACK = 600; // rows kept in the cache either side of the viewport
/** How long after a wheel, touch or key a scroll is still the user's (ms). */
const USER_SCROLL_MS = 400;
/** How long after something in the list took focus a scroll may be the browser revealing it (ms). */
const FOCUS_SCROLL_MS = 300;

export interface VirtualListOptions {
  /** Asks for rows at absolute positions [from, to). */
  requestRows(epoch: number, from: number, to: number): void;
  requestDetail(id: number): void;
  /** The user scrolled away from (false) or back to (true) the bottom. */
  followChanged(follow: boolean): void;
  scrolled(scrollTop: number): void;
  /** "Timeline of this channel" / "Events of this bridge" from an expanded row. */
  filterBy(what: 'channel' | 'bridge', id: string): void;
  /** "Show Call Flow" on an expanded event. */
  showCallFlow?(id: number): void;
  /** Tests pass a height; the browser measures the element. */
  viewportHeight?: () => number;
  overscan?: number;
}

interface Expanded {
  id: number;
  abs: number;
  detail?: DetailMessage;
  height: number;
}

export class VirtualList {
  readonly element: HTMLElement;
  private readonly spacer: HTMLElement;
  private readonly doc: Document;
  private readonly cache = new Map<number, RowSummary>();
  private readonly rendered = new Map<number, HTMLElement>();
  private detailEl: HTMLElement | undefined;
  private epoch = -1;
  private total = 0;
  private base = 0;
  /** Absolute [from, to) of the row request in flight. */
  private inflight: { epoch: number; from: number; to: number } | undefined;
  private unfillable = '';
  /** Absolute positions below this are known to be evicted (from a row reply). */
  private evictedBelow = 0;
  private expanded: Expanded | undefined;
  private expectedTop = -1;
  /** Until when (Date.now()) a scroll is taken as the user's: wheel, touch, keys. */
  private userScrollUntil = 0;
  /** A press on the list's own scrollbar, until it is released. */
  private scrollbarDrag = false;
  /** Until when a scroll may be the browser bringing a newly focused element into view. */
  private focusScrollUntil = 0;
  /** The viewport height the scroll position was last settled for (-1 before the first). */
  private settledViewport = -1;
  /** Absolute position of the keyboard cursor row, -1 for none. */
  private cursor = -1;
  follow = true;
  showDelta = false;

  constructor(
    element: HTMLElement,
    private readonly opts: VirtualListOptions,
  ) {
    this.element = element;
    this.doc = element.ownerDocument;
    this.spacer = this.doc.createElement('div');
    this.spacer.className = 'list-spacer';
    element.appendChild(this.spacer);
    element.addEventListener('scroll', () => this.onScroll());
    element.addEventListener('click', (e) => this.onClick(e));
    element.addEventListener('keydown', (e) => {
      this.userIntent();
      this.onKey(e);
    });
    // What tells a scroll by the user from one the browser makes on its own (focus, layout).
    element.addEventListener('wheel', () => this.userIntent(), { passive: true });
    element.addEventListener('touchmove', () => this.userIntent(), { passive: true });
    element.addEventListener('pointerdown', (e) => {
      if (this.onScrollbar(e)) {
        this.scrollbarDrag = true;
        this.userIntent();
      }
    });
    const release = (): void => {
      if (!this.scrollbarDrag) return;
      this.scrollbarDrag = false;
      this.userIntent(); // the scroll event of the last drag step comes after the release
    };
    this.doc.addEventListener('pointerup', release);
    this.doc.addEventListener('pointercancel', release);
    element.addEventListener('focusin', () => {
      this.focusScrollUntil = Date.now() + FOCUS_SCROLL_MS;
    });
    // The list changes height without a scroll event when the toolbar wraps or the panel is
    // resized: a following view is put back on its newest row.
    const Observer = this.doc.defaultView?.ResizeObserver;
    if (Observer) new Observer(() => this.onResize()).observe(element);
  }

  get rowCount(): number {
    return this.total;
  }

  /** New counts from the extension (state or update). */
  setCounts(epoch: number, total: number, base: number): void {
    if (epoch !== this.epoch) {
      this.epoch = epoch;
      this.evictedBelow = 0;
      this.cache.clear();
      this.inflight = undefined;
      this.collapse(false);
    } else if (base > this.base && !this.follow) {
      // Rows fell off the front: keep the same events under the user's eyes.
      this.setScrollTop(Math.max(0, this.element.scrollTop - (base - this.base) * ROW_HEIGHT));
    }
    this.total = total;
    this.base = base;
    this.unfillable = '';
    if (this.expanded && this.expanded.abs - base < 0) this.collapse(false);
    this.layout();
    if (this.follow) this.scrollToBottom();
    this.render();
  }

  addRows(m: RowsMessage): void {
    const asked = this.inflight;
    if (asked && asked.epoch === m.epoch) this.inflight = undefined;
    if (m.epoch !== this.epoch) {
      this.render();
      return;
    }
    m.rows.forEach((r, k) => this.cache.set(m.from + k, r));
    // The reply starts later than asked: everything before it has left the buffer.
    if (asked && asked.epoch === m.epoch && m.from > asked.from) this.evictedBelow = Math.max(this.evictedBelow, m.from);
    if (asked && asked.epoch === m.epoch && m.from + m.rows.length < asked.to) this.unfillable = `${asked.epoch}:${asked.from}:${asked.to}`;
    this.render();
  }

  /** Rows that came with an update (the new tail): cached without drawing. */
  cacheRows(epoch: number, from: number, rows: RowSummary[]): void {
    if (epoch !== this.epoch) return;
    rows.forEach((r, k) => this.cache.set(from + k, r));
  }

  setDetail(m: DetailMessage): void {
    if (!this.expanded || this.expanded.id !== m.id) return;
    const lines = m.json ? prettyJson(m.json).split('\n').length : 1;
    this.expanded.detail = m;
    this.expanded.height = Math.min(MAX_DETAIL_HEIGHT, DETAIL_CHROME + lines * JSON_LINE_HEIGHT);
    this.detailEl?.remove();
    this.detailEl = undefined;
    this.layout();
    this.render();
  }

  setFollow(follow: boolean): void {
    this.follow = follow;
    if (follow) {
      this.scrollToBottom();
      this.render();
    }
  }

  setShowDelta(show: boolean): void {
    if (show === this.showDelta) return;
    this.showDelta = show;
    this.element.classList.toggle('show-delta', show);
  }

  restoreScroll(top: number): void {
    if (this.follow) return;
    this.setScrollTop(top);
    this.render();
  }

  // ---- geometry ------------------------------------------------------------------------

  private extra(): number {
    return this.expanded ? this.expanded.height : 0;
  }
  private expandedIndex(): number {
    return this.expanded ? this.expanded.abs - this.base : -1;
  }
  private topOf(i: number): number {
    const x = this.expandedIndex();
    return i * ROW_HEIGHT + (x >= 0 && i > x ? this.extra() : 0);
  }
  private indexAt(y: number): number {
    const x = this.expandedIndex();
    if (x < 0 || y < (x + 1) * ROW_HEIGHT) return Math.floor(y / ROW_HEIGHT);
    if (y < (x + 1) * ROW_HEIGHT + this.extra()) return x;
    return Math.floor((y - this.extra()) / ROW_HEIGHT);
  }
  private viewport(): number {
    return this.opts.viewportHeight?.() ?? this.element.clientHeight;
  }
  private layout(): void {
    this.spacer.style.height = `${this.total * ROW_HEIGHT + this.extra()}px`;
  }
  private setScrollTop(top: number): void {
    const before = this.element.scrollTop;
    this.element.scrollTop = top;
    // What the browser made of it (it clamps to the scrollable range): the scroll event, if
    // the position moved, reports that value. Unmoved, no event comes.
    const after = this.element.scrollTop;
    if (Math.abs(after - before) >= 1) this.expectedTop = after;
    this.settledViewport = this.viewport();
  }
  private scrollToBottom(): void {
    const max = Math.max(0, this.total * ROW_HEIGHT + this.extra() - this.viewport());
    this.setScrollTop(max);
  }

  // ---- rendering -----------------------------------------------------------------------

  /** Draws the visible window and asks for rows it does not have. */
  render(): void {
    const top = this.element.scrollTop;
    const overscan = this.opts.overscan ?? 10;
    const first = Math.max(0, this.indexAt(top) - overscan);
    const last = Math.min(this.total, this.indexAt(top + this.viewport()) + 1 + overscan);
    let missingFrom = -1;
    let missingTo = -1;
    const keep = new Set<number>();
    for (let i = first; i < last; i++) {
      const abs = this.base + i;
      const row = this.cache.get(abs);
      if (!row && abs >= this.evictedBelow) {
        if (missingFrom < 0) missingFrom = i;
        missingTo = i + 1;
      }
      keep.add(abs);
      this.drawRow(abs, i, row);
    }
    for (const [abs, el] of this.rendered) {
      if (!keep.has(abs)) {
        el.remove();
        this.rendered.delete(abs);
      }
    }
    this.drawDetail(keep);
    if (missingFrom >= 0 && !this.inflight) {
      const from = this.base + missingFrom;
      const to = this.base + missingTo;
      // A window the extension just could not fill (rows evicted meanwhile) is not asked for
      // again until new counts arrive: no request loop.
      const key = `${this.epoch}:${from}:${to}`;
      if (key !== this.unfillable) {
        this.inflight = { epoch: this.epoch, from, to };
        this.opts.requestRows(this.epoch, from, to);
      }
    }
    this.pruneCache(first, last);
  }

  private drawRow(abs: number, i: number, row: RowSummary | undefined): void {
    let el = this.rendered.get(abs);
    const wanted = row ? String(row.id) : '';
    if (!el || el.dataset.id !== wanted) {
      el?.remove();
      el = row ? makeRow(this.doc, row, this.showDelta) : makePlaceholder(this.doc);
      this.rendered.set(abs, el);
      this.element.appendChild(el);
    }
    el.style.top = `${this.topOf(i)}px`;
    el.classList.toggle('cursor', abs === this.cursor);
    if (abs === this.cursor) this.element.setAttribute('aria-activedescendant', el.id);
    if (row) {
      const expanded = this.expanded?.abs === abs;
      el.classList.toggle('expanded', expanded);
      el.setAttribute('aria-expanded', String(expanded));
      const delta = el.querySelector('.col-delta');
      if (delta) delta.textContent = this.showDelta ? formatDelta(row.deltaMs) : '';
    }
  }

  private drawDetail(visible: Set<number>): void {
    const x = this.expanded;
    if (!x || !visible.has(x.abs)) {
      this.detailEl?.remove();
      this.detailEl = undefined;
      return;
    }
    if (!this.detailEl) {
      this.detailEl = makeDetail(this.doc, x.id, x.detail);
      this.element.appendChild(this.detailEl);
    }
    this.detailEl.style.top = `${this.topOf(x.abs - this.base) + ROW_HEIGHT}px`;
    this.detailEl.style.height = `${x.height}px`;
  }

  private pruneCache(first: number, last: number): void {
    if (this.cache.size < 4 * CACHE_SLACK) return;
    const lo = this.base + first - CACHE_SLACK;
    const hi = this.base + last + CACHE_SLACK;
    for (const abs of this.cache.keys()) if (abs < lo || abs > hi) this.cache.delete(abs);
  }

  // ---- interaction ---------------------------------------------------------------------

  /**
   * A scroll is one of three kinds: ours (setScrollTop), the user's (wheel, touch, keys, the
   * scrollbar, or nothing else to explain it), or the browser's own: the list changed height
   * (toolbar wrapping, panel resized) and the position was clamped, or a clicked or focused
   * element was brought into view. Only the user's turns following off (or on at the bottom);
   * the browser's keeps a following view on its newest row.
   */
  private onScroll(): void {
    const top = this.element.scrollTop;
    const programmatic = this.expectedTop >= 0 && Math.abs(top - this.expectedTop) < 1;
    this.expectedTop = -1;
    const viewport = this.viewport();
    const resized = this.settledViewport >= 0 && Math.abs(viewport - this.settledViewport) >= 1;
    this.settledViewport = viewport;
    const now = Date.now();
    const byUser = !programmatic && (this.scrollbarDrag || now < this.userScrollUntil || !(resized || now < this.focusScrollUntil));
    const atBottom = top + viewport >= this.total * ROW_HEIGHT + this.extra() - ROW_HEIGHT / 2;
    if (byUser) {
      if (atBottom !== this.follow) {
        this.follow = atBottom;
        this.opts.followChanged(atBottom);
      }
    } else if (this.follow && !atBottom) {
      // Not the user: a following view stays on its newest row.
      this.scrollToBottom();
    }
    this.render();
    this.opts.scrolled(this.element.scrollTop);
  }

  private onResize(): void {
    const viewport = this.viewport();
    if (Math.abs(viewport - this.settledViewport) < 1) return;
    this.settledViewport = viewport;
    if (this.follow) this.scrollToBottom();
    this.render();
  }

  private userIntent(): void {
    this.userScrollUntil = Date.now() + USER_SCROLL_MS;
  }

  /** A press on the list's scrollbar (outside its client area), not on its content. */
  private onScrollbar(e: PointerEvent): boolean {
    const el = this.element;
    if (e.target !== el || el.clientWidth === 0) return false;
    return e.offsetX >= el.clientWidth || e.offsetY >= el.clientHeight;
  }

  private onClick(e: Event): void {
    const target = e.target as HTMLElement | null;
    const action = target?.closest<HTMLElement>('.detail-action');
    if (action?.dataset.callFlow) {
      this.opts.showCallFlow?.(Number(action.dataset.callFlow));
      return;
    }
    if (action?.dataset.filter && action.dataset.value) {
      this.opts.filterBy(action.dataset.filter === 'bridge' ? 'bridge' : 'channel', action.dataset.value);
      return;
    }
    const row = target?.closest<HTMLElement>('.event-row');
    if (row) this.toggle(row);
  }

  /** Arrow keys, Page Up/Down, Home/End move a cursor row; Enter or Space expands it. */
  private onKey(e: KeyboardEvent): void {
    // Keys inside the expanded JSON (its buttons, text selection) keep their usual meaning.
    if (this.total === 0 || (e.target as HTMLElement | null)?.closest('.event-detail')) return;
    if (e.key === 'Enter' || e.key === ' ') {
      const row = this.cursor >= 0 ? this.rendered.get(this.cursor) : undefined;
      if (row?.classList.contains('event-row')) {
        e.preventDefault();
        this.toggle(row);
      }
      return;
    }
    const page = Math.max(1, Math.floor(this.viewport() / ROW_HEIGHT) - 1);
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -Infinity, End: Infinity };
    const step = steps[e.key];
    if (step === undefined) return;
    e.preventDefault();
    const current = this.cursor >= this.base ? this.cursor - this.base : this.indexAt(this.element.scrollTop + (step > 0 ? 0 : this.viewport() - 1));
    const i = Math.max(0, Math.min(this.total - 1, current + (Number.isFinite(step) ? step : step > 0 ? this.total : -this.total)));
    this.cursor = this.base + i;
    const following = i === this.total - 1;
    if (following !== this.follow) {
      this.follow = following;
      this.opts.followChanged(following);
    }
    this.ensureVisible(i);
    this.render();
  }

  private ensureVisible(i: number): void {
    const top = this.topOf(i);
    const view = this.viewport();
    const scroll = this.element.scrollTop;
    if (top < scroll) this.setScrollTop(top);
    else if (top + ROW_HEIGHT > scroll + view) this.setScrollTop(top + ROW_HEIGHT - view);
  }

  /** Expands a row to its JSON, or collapses it. */
  toggle(row: HTMLElement): void {
    const id = Number(row.dataset.id);
    const abs = [...this.rendered].find(([, el]) => el === row)?.[0];
    if (abs === undefined || !Number.isFinite(id)) return;
    this.cursor = abs;
    if (this.expanded?.id === id) {
      this.collapse(true);
      return;
    }
    this.collapse(false);
    this.expanded = { id, abs, height: DETAIL_CHROME + JSON_LINE_HEIGHT };
    // Reading an event: new ones must not scroll it away.
    if (this.follow) {
      this.follow = false;
      this.opts.followChanged(false);
    }
    this.opts.requestDetail(id);
    this.layout();
    this.render();
  }

  private collapse(redraw: boolean): void {
    if (!this.expanded) return;
    this.expanded = undefined;
    this.detailEl?.remove();
    this.detailEl = undefined;
    if (redraw) {
      this.layout();
      this.render();
    }
  }
}
