// The event-type multi-select (#type-filter): a button that opens a checkbox list with the
// live count of each type in the buffer. No selection means every type. Native checkboxes,
// so keyboard, screen readers and browser tests all work without shadow DOM.

import { eventFamily } from '../shared/eventFamily';
import { formatCount } from './format';
import { fill } from '../shared/panelText';
import { text } from './uiText';

export class TypeFilter {
  readonly element: HTMLElement;
  private readonly doc: Document;
  private readonly button: HTMLButtonElement;
  private readonly label: HTMLElement;
  private readonly popup: HTMLElement;
  private readonly list: HTMLElement;
  private readonly search: HTMLInputElement;
  private types: string[] = [];
  private counts: Record<string, number> = {};
  private selected = new Set<string>();

  constructor(
    doc: Document,
    private readonly onChange: (types: string[]) => void,
  ) {
    this.doc = doc;
    const el = (tag: string, cls: string): HTMLElement => {
      const e = doc.createElement(tag);
      e.className = cls;
      return e;
    };
    this.element = el('div', 'type-filter');
    this.element.id = 'type-filter';
    this.button = el('button', 'type-filter-toggle') as HTMLButtonElement;
    this.button.type = 'button';
    this.button.setAttribute('aria-haspopup', 'true');
    this.button.setAttribute('aria-expanded', 'false');
    this.button.title = text().typeFilterTitle;
    this.button.appendChild(el('span', 'codicon codicon-filter'));
    this.label = el('span', 'type-filter-label');
    this.label.textContent = text().allTypes;
    this.button.appendChild(this.label);
    this.button.appendChild(el('span', 'codicon codicon-chevron-down'));
    this.popup = el('div', 'type-filter-popup');
    this.popup.hidden = true;
    const actions = el('div', 'type-filter-actions');
    this.search = el('input', 'type-filter-search') as HTMLInputElement;
    this.search.type = 'search';
    this.search.placeholder = text().findType;
    this.search.setAttribute('aria-label', text().findType);
    actions.appendChild(this.search);
    for (const [action, label] of [
      ['all', text().typeAll],
      ['seen', text().typeSeen],
      ['none', text().typeClear],
    ] as const) {
      const b = el('button', 'type-filter-action') as HTMLButtonElement;
      b.type = 'button';
      b.dataset.action = action;
      b.textContent = label;
      actions.appendChild(b);
    }
    this.popup.appendChild(actions);
    this.list = el('div', 'type-filter-list');
    this.list.setAttribute('role', 'group');
    this.list.setAttribute('aria-label', text().eventTypes);
    this.popup.appendChild(this.list);
    this.element.append(this.button, this.popup);

    this.button.addEventListener('click', () => this.setOpen(this.popup.hidden === true));
    this.search.addEventListener('input', () => this.applySearch());
    this.popup.addEventListener('click', (e) => this.onAction(e));
    this.list.addEventListener('change', (e) => this.onCheck(e));
    this.element.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !this.popup.hidden) {
        this.setOpen(false);
        this.button.focus();
      }
    });
    doc.addEventListener('mousedown', (e) => {
      if (!this.popup.hidden && !this.element.contains(e.target as Node)) this.setOpen(false);
    });
  }

  get isOpen(): boolean {
    return !this.popup.hidden;
  }

  setOpen(open: boolean): void {
    this.popup.hidden = !open;
    this.button.setAttribute('aria-expanded', String(open));
    if (open) this.build();
  }

  /** Known types, their counts and the current selection (from a state message). */
  set(types: string[], counts: Record<string, number>, selected: string[]): void {
    this.types = types;
    this.counts = counts;
    this.selected = new Set(selected);
    this.updateLabel();
    if (this.isOpen) this.build();
  }

  /** Live counts (from an update message): only the numbers change, rows keep their place. */
  setCounts(counts: Record<string, number>): void {
    this.counts = counts;
    for (const opt of this.list.querySelectorAll<HTMLElement>('.type-option')) {
      const n = counts[opt.dataset.type ?? ''] ?? 0;
      const c = opt.querySelector('.type-count');
      if (c) c.textContent = n ? formatCount(n) : '';
      opt.classList.toggle('unseen', n === 0);
    }
    for (const t of Object.keys(counts)) {
      if (!this.types.includes(t)) {
        this.types = [...this.types, t];
        if (this.isOpen) this.build();
      }
    }
  }

  private build(): void {
    const seen = (t: string): boolean => (this.counts[t] ?? 0) > 0;
    // Seen types first, so the useful ones are at the top; the order is fixed while open.
    const order = [...this.types].sort((a, b) => Number(seen(b)) - Number(seen(a)) || a.localeCompare(b));
    this.list.replaceChildren();
    for (const t of order) {
      const label = this.doc.createElement('label');
      label.className = `type-option fam-${eventFamily(t)}`;
      label.dataset.type = t;
      const box = this.doc.createElement('input');
      box.type = 'checkbox';
      box.value = t;
      box.checked = this.selected.has(t);
      const name = this.doc.createElement('span');
      name.className = 'type-name';
      name.textContent = t;
      const count = this.doc.createElement('span');
      count.className = 'type-count';
      const n = this.counts[t] ?? 0;
      count.textContent = n ? formatCount(n) : '';
      label.classList.toggle('unseen', n === 0);
      label.append(box, name, count);
      this.list.appendChild(label);
    }
    this.applySearch();
  }

  private applySearch(): void {
    const q = this.search.value.trim().toLowerCase();
    for (const opt of this.list.querySelectorAll<HTMLElement>('.type-option')) {
      opt.hidden = q !== '' && !(opt.dataset.type ?? '').toLowerCase().includes(q);
    }
  }

  private onCheck(e: Event): void {
    const box = e.target as HTMLInputElement;
    if (box.type !== 'checkbox') return;
    if (box.checked) this.selected.add(box.value);
    else this.selected.delete(box.value);
    this.changed();
  }

  private onAction(e: Event): void {
    const action = (e.target as HTMLElement).closest<HTMLElement>('.type-filter-action')?.dataset.action;
    if (!action) return;
    if (action === 'all' || action === 'none') this.selected.clear();
    else if (action === 'seen') this.selected = new Set(this.types.filter((t) => (this.counts[t] ?? 0) > 0));
    this.build();
    this.changed();
  }

  private changed(): void {
    this.updateLabel();
    this.onChange([...this.selected]);
  }

  private updateLabel(): void {
    const n = this.selected.size;
    this.label.textContent = n === 0 ? text().allTypes : n === 1 ? [...this.selected][0] : fill(text().nTypes, n);
    this.element.classList.toggle('active', n > 0);
  }
}
