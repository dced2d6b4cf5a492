// The event stream webview: toolbar (filters, pause, follow tail, clear, export, open log),
// status line, and the virtual list. It holds no events: it asks the extension for rows of
// the filtered view and redraws on each batched update. Filters, follow-tail and the scroll
// position are kept with setState so a hidden-then-shown panel comes back as it was.

import {
  EMPTY_FILTER,
  isEventFilter,
  isExtensionToWebview,
  type EventFilter,
  type ExtensionToWebview,
  type StateMessage,
  type ViewCounts,
} from '../shared/protocol';
import { formatCount, setDisplayLanguage } from './format';
import { fill } from '../shared/panelText';
import { text } from './uiText';
import { TypeFilter } from './typeFilter';
import { VirtualList } from './virtualList';
import type { PersistedState, VsCodeApi } from './vscodeApi';

export interface EventAppOptions {
  viewportHeight?: () => number;
  /** Delay before a typed filter is sent (ms). */
  debounceMs?: number;
}

type TextFilterKey = 'text' | 'channel' | 'bridge' | 'app';

export class EventApp {
  private readonly doc: Document;
  private readonly list: VirtualList;
  private readonly typeFilter: TypeFilter;
  private readonly inputs: Record<TextFilterKey, HTMLInputElement>;
  private readonly pauseButton: HTMLElement;
  private readonly heldWrap: HTMLElement;
  private readonly heldCount: HTMLElement;
  private readonly followButton: HTMLElement & { checked?: boolean };
  private readonly sourceLabel: HTMLElement;
  private readonly rowCount: HTMLElement;
  private readonly showLive: HTMLElement;
  private readonly notice: HTMLElement;
  private readonly serverSelect: HTMLSelectElement;
  /** The servers the select lists, ','-joined: its options are rebuilt only when they change. */
  private serverList = '';
  private filter: EventFilter;
  private paused = false;
  private eventTypes: string[] = [];
  private persisted: PersistedState;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private requestId = 0;
  private bufferSize = 0;
  /** The docked sidebar view: one compact toolbar row, so event rows stay in sight. */
  private readonly docked: boolean;

  constructor(
    root: HTMLElement,
    private readonly api: VsCodeApi,
    private readonly opts: EventAppOptions = {},
  ) {
    this.doc = root.ownerDocument;
    this.docked = root.dataset.variant === 'view';
    setDisplayLanguage(this.doc.documentElement.lang);
    this.persisted = readPersisted(api.getState());
    this.filter = this.persisted.filter;
    const h = (tag: string, props: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement => {
      const e = this.doc.createElement(tag);
      for (const [k, v] of Object.entries(props)) e.setAttribute(k, v);
      e.append(...children);
      return e;
    };
    const input = (id: TextFilterKey, elementId: string, placeholder: string, title: string, cls = ''): HTMLInputElement => {
      const i = h('input', {
        id: elementId,
        type: 'search',
        placeholder,
        'aria-label': title,
        title,
        class: `filter-input ${cls}`.trim(),
        spellcheck: 'false',
      }) as HTMLInputElement;
      i.value = this.filter[id];
      i.addEventListener('input', () => this.textChanged());
      i.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') this.sendFilterNow();
      });
      return i;
    };
    const w = text();
    this.inputs = {
      text: input('text', 'filter-text', w.filterText, w.filterTextTitle, 'grow'),
      channel: input('channel', 'filter-channel', w.channel, w.channelTitle),
      bridge: input('bridge', 'filter-bridge', w.bridge, w.bridgeTitle),
      app: input('app', 'filter-app', w.app, w.appTitle),
    };
    this.serverSelect = h('select', { id: 'filter-server', class: 'filter-select', 'aria-label': w.serverTitle, title: w.serverTitle }) as HTMLSelectElement;
    this.serverSelect.hidden = true;
    this.serverSelect.addEventListener('change', () => this.setFilter({ ...this.filter, server: this.serverSelect.value }));
    this.typeFilter = new TypeFilter(this.doc, (types) => {
      this.filter = { ...this.filter, types };
      this.sendFilterNow();
    });
    const toolButton = (id: string, icon: string, label: string): HTMLElement => {
      const b = h('vscode-toolbar-button', { id, icon, label, title: label });
      return b;
    };
    this.pauseButton = this.docked
      ? toolButton('pause', 'debug-pause', w.pause)
      : h('vscode-button', { id: 'pause', icon: 'debug-pause', secondary: '', title: w.pauseTitle }, w.pause);
    this.heldCount = h('span', { id: 'held-count' }, '0');
    this.heldWrap = h('span', { class: 'held', 'aria-live': 'polite', title: w.heldTitle }, this.heldCount, w.heldSuffix);
    this.heldWrap.hidden = true;
    this.followButton = toolButton('follow-tail', 'fold-down', w.follow);
    this.followButton.setAttribute('toggleable', '');
    const clear = toolButton('clear', 'clear-all', w.clear);
    const exportButton = toolButton('export', 'save', w.export);
    const openLog = toolButton('open-log', 'folder-opened', w.openLog);
    this.sourceLabel = h('span', { class: 'source-label', id: 'source-label' });
    this.rowCount = h('span', { class: 'row-count', id: 'row-count' });
    this.showLive = h('vscode-button', { id: 'show-live', secondary: '', icon: 'pulse' }, w.backToLive);
    this.showLive.hidden = true;
    this.notice = h('span', { class: 'notice', id: 'notice', role: 'status' });
    const listEl = h('div', { id: 'list', class: 'event-list', role: 'grid', 'aria-label': w.listLabel, tabindex: '0' });

    root.replaceChildren(
      h(
        'div',
        { class: 'toolbar', role: 'toolbar' },
        this.typeFilter.element,
        this.inputs.text,
        this.inputs.channel,
        this.inputs.bridge,
        this.inputs.app,
        this.serverSelect,
        h('span', { class: 'toolbar-gap' }),
        this.pauseButton,
        this.heldWrap,
        this.followButton,
        clear,
        exportButton,
        openLog,
      ),
      h('div', { class: 'status' }, this.sourceLabel, this.rowCount, this.showLive, this.notice),
      h(
        'div',
        { class: 'list-header', 'aria-hidden': 'true' },
        h('span', { class: 'col-chevron' }),
        h('span', { class: 'col-time' }, w.colTime),
        h('span', { class: 'col-delta' }, 'Δ'),
        h('span', { class: 'col-server' }, w.colServer),
        h('span', { class: 'col-type' }, w.colType),
        h('span', { class: 'col-object' }, w.colObject),
        h('span', { class: 'col-summary' }, w.colSummary),
      ),
      listEl,
    );

    this.list = new VirtualList(listEl, {
      requestRows: (epoch, from, to) => this.api.postMessage({ kind: 'requestRows', requestId: ++this.requestId, epoch, from, to }),
      requestDetail: (id) => this.api.postMessage({ kind: 'requestDetail', id }),
      followChanged: (follow) => this.setFollow(follow, false),
      scrolled: (top) => this.persist({ scrollTop: top }),
      filterBy: (what, id) => this.setFilter({ ...this.filter, [what]: id }),
      showCallFlow: (id) => this.api.postMessage({ kind: 'showCallFlow', id }),
      viewportHeight: opts.viewportHeight,
    });
    this.setFollow(this.persisted.followTail, false);
    this.updateHeaderDelta();

    this.pauseButton.addEventListener('click', () => this.api.postMessage({ kind: 'setPaused', paused: !this.paused }));
    this.followButton.addEventListener('change', () => this.setFollow(this.followButton.checked === true, true));
    clear.addEventListener('click', () => this.api.postMessage({ kind: 'clear' }));
    exportButton.addEventListener('click', () => this.api.postMessage({ kind: 'export' }));
    openLog.addEventListener('click', () => this.api.postMessage({ kind: 'openLog' }));
    this.showLive.addEventListener('click', () => this.api.postMessage({ kind: 'showLive' }));
  }

  /** Says ready, with the filter the webview had saved. */
  start(): void {
    this.api.postMessage({ kind: 'ready', filter: this.filter });
  }

  handleMessage(data: unknown): void {
    if (!isExtensionToWebview(data)) {
      console.warn('ARI events: ignored a malformed message', data);
      return;
    }
    this.dispatch(data);
  }

  private dispatch(m: ExtensionToWebview): void {
    switch (m.kind) {
      case 'state':
        this.applyState(m);
        return;
      case 'update':
        if (m.tail) this.list.cacheRows(m.epoch, m.tail.from, m.tail.rows);
        this.applyCounts(m);
        this.typeFilter.setCounts(m.typeCounts);
        this.applyServers(m.serverCounts);
        return;
      case 'rows':
        this.list.addRows(m);
        return;
      case 'detail':
        this.list.setDetail(m);
        return;
      case 'notice':
        this.notice.textContent = m.text;
        this.notice.dataset.level = m.level;
        return;
    }
  }

  private applyState(m: StateMessage): void {
    const firstState = this.eventTypes.length === 0;
    this.filter = m.filter;
    this.eventTypes = m.eventTypes;
    this.bufferSize = m.bufferSize;
    this.paused = m.paused;
    const pauseLabel = m.paused ? text().resume : text().pause;
    if (this.docked) {
      this.pauseButton.setAttribute('label', pauseLabel);
      this.pauseButton.setAttribute('title', pauseLabel);
    } else this.pauseButton.textContent = pauseLabel;
    this.pauseButton.setAttribute('icon', m.paused ? 'debug-continue' : 'debug-pause');
    this.pauseButton.classList.toggle('paused', m.paused);
    this.pauseButton.setAttribute('aria-pressed', String(m.paused));
    for (const k of Object.keys(this.inputs) as TextFilterKey[]) {
      // Do not fight the user's typing: only a value from elsewhere (a command) is written back.
      if (this.doc.activeElement !== this.inputs[k] && this.inputs[k].value !== m.filter[k]) this.inputs[k].value = m.filter[k];
    }
    this.typeFilter.set(m.eventTypes, m.typeCounts, m.filter.types);
    this.sourceLabel.textContent = m.source.label;
    this.sourceLabel.dataset.kind = m.source.kind;
    this.showLive.hidden = m.source.kind !== 'log';
    this.updateHeaderDelta();
    this.persist({ filter: m.filter });
    this.applyCounts(m);
    this.applyServers(m.serverCounts);
    if (firstState) this.list.restoreScroll(this.persisted.scrollTop);
  }

  private applyCounts(c: ViewCounts): void {
    this.list.setCounts(c.epoch, c.total, c.base);
    this.heldCount.textContent = String(c.held);
    this.heldWrap.hidden = !this.paused && c.held === 0;
    const buffered = Object.values(c.typeCounts).reduce((a, b) => a + b, 0);
    const w = text();
    this.rowCount.textContent =
      c.total !== buffered
        ? fill(w.rowCountFiltered, formatCount(c.total), formatCount(buffered), formatCount(this.bufferSize))
        : fill(w.rowCount, formatCount(c.total), formatCount(this.bufferSize));
  }

  /**
   * With events of two or more servers in the buffer the rows get a server column and the
   * toolbar a server filter; a filter already set keeps the select in sight so it can be undone.
   */
  private applyServers(counts: Record<string, number>): void {
    const servers = Object.keys(counts);
    const chosen = this.filter.server ?? '';
    if (chosen !== '' && !servers.includes(chosen)) servers.push(chosen);
    const multi = servers.length > 1;
    this.doc.body.classList.toggle('multi-server', multi);
    this.serverSelect.hidden = !multi && chosen === '';
    const w = text();
    const list = servers.join('\n');
    if (list !== this.serverList) {
      this.serverList = list;
      const all = this.doc.createElement('option');
      all.value = '';
      all.textContent = w.allServers;
      this.serverSelect.replaceChildren(all, ...servers.map((s) => Object.assign(this.doc.createElement('option'), { value: s })));
    }
    for (const option of Array.from(this.serverSelect.options)) {
      if (option.value !== '') option.textContent = fill(w.serverOption, option.value, formatCount(counts[option.value] ?? 0));
    }
    if (this.serverSelect.value !== chosen) this.serverSelect.value = chosen;
  }

  private textChanged(): void {
    if (this.debounce !== undefined) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.sendFilterNow(), this.opts.debounceMs ?? 200);
  }

  private sendFilterNow(): void {
    if (this.debounce !== undefined) clearTimeout(this.debounce);
    this.debounce = undefined;
    this.setFilter({
      ...this.filter,
      text: this.inputs.text.value,
      channel: this.inputs.channel.value.trim(),
      bridge: this.inputs.bridge.value.trim(),
      app: this.inputs.app.value.trim(),
    });
  }

  private setFilter(filter: EventFilter): void {
    this.filter = filter;
    for (const k of Object.keys(this.inputs) as TextFilterKey[]) if (this.inputs[k].value !== filter[k]) this.inputs[k].value = filter[k];
    this.updateHeaderDelta();
    this.persist({ filter });
    this.api.postMessage({ kind: 'setFilter', filter });
  }

  /** Deltas between rows are a timeline: shown when the view is narrowed to one channel or bridge. */
  private updateHeaderDelta(): void {
    const timeline = this.filter.channel !== '' || this.filter.bridge !== '';
    this.list.setShowDelta(timeline);
    this.doc.body.classList.toggle('show-delta', timeline);
  }

  private setFollow(follow: boolean, fromButton: boolean): void {
    this.followButton.checked = follow;
    this.followButton.toggleAttribute('checked', follow);
    if (fromButton || follow !== this.list.follow) this.list.setFollow(follow);
    this.persist({ followTail: follow });
  }

  private persist(patch: Partial<PersistedState>): void {
    this.persisted = { ...this.persisted, ...patch };
    this.api.setState(this.persisted);
  }
}

function readPersisted(raw: unknown): PersistedState {
  const s = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return {
    filter: isEventFilter(s.filter) ? s.filter : EMPTY_FILTER,
    followTail: typeof s.followTail === 'boolean' ? s.followTail : true,
    scrollTop: typeof s.scrollTop === 'number' && s.scrollTop >= 0 ? s.scrollTop : 0,
  };
}
