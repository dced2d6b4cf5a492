// The DOM of one list row and of an expanded row's detail. Text goes in with textContent
// only: event fields are untrusted.

import type { DetailMessage, RowSummary } from '../shared/protocol';
import { formatDelta, formatTime } from './format';
import { prettyJson, renderJson } from './jsonView';
import { fill } from '../shared/panelText';
import { text } from './uiText';

/** A row: `class="event-row fam-<family>" data-type="<EventType>" data-id="<id>"` (stable selectors for the browser tests). */
export function makeRow(doc: Document, row: RowSummary, showDelta: boolean): HTMLElement {
  const el = doc.createElement('div');
  el.className = `event-row fam-${row.family}`;
  el.dataset.type = row.type;
  el.dataset.id = String(row.id);
  el.id = `event-${row.id}`;
  el.setAttribute('role', 'row');
  el.tabIndex = -1;
  const cell = (cls: string, text: string): void => {
    const s = doc.createElement('span');
    s.className = cls;
    s.setAttribute('role', 'gridcell');
    s.textContent = text;
    el.appendChild(s);
  };
  const chevron = doc.createElement('span');
  chevron.className = 'col-chevron codicon codicon-chevron-right';
  el.appendChild(chevron);
  cell('col-time', formatTime(row.time));
  cell('col-delta', showDelta ? formatDelta(row.deltaMs) : '');
  // Always there, so the grid's columns line up; the stylesheet gives it width only when the
  // buffer holds events of two or more servers.
  cell('col-server', row.server ?? '');
  cell('col-type', row.type);
  cell('col-object', row.object);
  const w = text();
  cell('col-summary', row.afterDestroy ? (row.summary ? `${row.summary} · ${w.afterDestroy}` : w.afterDestroy) : row.summary);
  el.title = `${row.server ? `${row.server}: ` : ''}${row.type} ${row.object} ${row.summary}`.trim();
  if (row.afterDestroy) {
    // Real servers send some events of a channel after its ChannelDestroyed: say it is late, not back.
    el.classList.add('after-destroy');
    el.title += ` (${w.afterDestroyTitle})`;
  }
  return el;
}

/** Stands in for a row whose data is on its way (not an .event-row: tests count real rows). */
export function makePlaceholder(doc: Document): HTMLElement {
  const el = doc.createElement('div');
  el.className = 'event-row-placeholder';
  el.dataset.id = '';
  return el;
}

/** The expanded part: actions (timeline of a channel, events of a bridge) and the coloured JSON. */
export function makeDetail(doc: Document, id: number, detail: DetailMessage | undefined): HTMLElement {
  const el = doc.createElement('div');
  el.className = 'event-detail';
  el.dataset.id = String(id);
  const bar = doc.createElement('div');
  bar.className = 'detail-actions';
  el.appendChild(bar);
  const pre = doc.createElement('pre');
  pre.className = 'json';
  el.appendChild(pre);
  if (!detail) {
    pre.textContent = text().loading;
    return el;
  }
  if (detail.json === undefined) {
    pre.textContent = text().gone;
    return el;
  }
  // The actions filter by id (exact), but a person reads names: the label shows the channel's
  // or bridge's name from the event itself, the id goes in the tooltip.
  const names = objectNames(detail.json, new Set([...detail.channelIds, ...detail.bridgeIds]));
  for (const c of detail.channelIds) addAction(doc, bar, fill(text().channelTimeline, names.get(c) ?? c), fill(text().channelId, c), 'channel', c);
  for (const b of detail.bridgeIds) addAction(doc, bar, fill(text().bridgeEvents, names.get(b) ?? b), fill(text().bridgeId, b), 'bridge', b);
  if (detail.channelIds.length > 0 || detail.bridgeIds.length > 0) {
    const flow = doc.createElement('button');
    flow.type = 'button';
    flow.className = 'detail-action show-call-flow';
    flow.textContent = text().showCallFlow;
    flow.title = text().showCallFlowTitle;
    flow.dataset.callFlow = String(id);
    bar.appendChild(flow);
  }
  if (detail.server) {
    const server = doc.createElement('div');
    server.className = 'detail-server';
    server.textContent = fill(text().sentBy, detail.server);
    el.insertBefore(server, pre);
  }
  if (detail.applications && detail.applications.length > 1) {
    // One event, several copies (one per app on the socket): say so, or the JSON's single
    // `application` reads as if the event were only that app's.
    const apps = doc.createElement('div');
    apps.className = 'detail-apps';
    apps.textContent = fill(text().deliveredTo, detail.applications.join(', '));
    apps.title = text().deliveredToTitle;
    el.insertBefore(apps, pre);
  }
  renderJson(doc, pre, prettyJson(detail.json));
  return el;
}

function addAction(doc: Document, bar: HTMLElement, label: string, title: string, what: 'channel' | 'bridge', value: string): void {
  const b = doc.createElement('button');
  b.type = 'button';
  b.className = 'detail-action';
  b.textContent = label;
  b.title = title;
  b.dataset.filter = what;
  b.dataset.value = value;
  bar.appendChild(b);
}

/**
 * Names of the channels and bridges an event carries (`{ "id": ..., "name": ... }` objects
 * anywhere in it: channel, peer, caller, bridge, transfer legs...), for the ids asked about.
 * An empty name (bridges often have none) is left out: the id is shown instead.
 */
export function objectNames(json: string, ids: ReadonlySet<string>): Map<string, string> {
  const names = new Map<string, string>();
  if (ids.size === 0) return names;
  let root: unknown;
  try {
    root = JSON.parse(json);
  } catch {
    return names;
  }
  const visit = (x: unknown, depth: number): void => {
    if (typeof x !== 'object' || x === null || depth > 8) return;
    if (Array.isArray(x)) {
      for (const v of x) visit(v, depth + 1);
      return;
    }
    const o = x as Record<string, unknown>;
    if (typeof o.id === 'string' && ids.has(o.id) && typeof o.name === 'string' && o.name.trim() !== '' && !names.has(o.id)) {
      names.set(o.id, o.name);
    }
    for (const v of Object.values(o)) visit(v, depth + 1);
  };
  visit(root, 0);
  return names;
}
