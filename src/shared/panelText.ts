// The event panel's own words. The webview cannot call vscode.l10n, so the host translates
// them (src/extension/webviews/panelText.ts) and hands them over in the page (a data
// attribute read before the app starts). English here is the webview's fallback and what
// plain-DOM tests see. Templates hold {0}, {1} placeholders.

export interface PanelText {
  filterText: string;
  filterTextTitle: string;
  channel: string;
  channelTitle: string;
  bridge: string;
  bridgeTitle: string;
  app: string;
  appTitle: string;
  pause: string;
  pauseTitle: string;
  resume: string;
  heldSuffix: string;
  heldTitle: string;
  follow: string;
  clear: string;
  export: string;
  openLog: string;
  backToLive: string;
  listLabel: string;
  colTime: string;
  colType: string;
  colObject: string;
  colSummary: string;
  rowCount: string;
  rowCountFiltered: string;
  typeFilterTitle: string;
  allTypes: string;
  nTypes: string;
  findType: string;
  typeAll: string;
  typeSeen: string;
  typeClear: string;
  eventTypes: string;
  loading: string;
  gone: string;
  channelTimeline: string;
  channelId: string;
  bridgeEvents: string;
  bridgeId: string;
  showCallFlow: string;
  showCallFlowTitle: string;
  deliveredTo: string;
  deliveredToTitle: string;
  colServer: string;
  allServers: string;
  serverTitle: string;
  serverOption: string;
  sentBy: string;
  afterDestroy: string;
  afterDestroyTitle: string;
}

export const ENGLISH_PANEL_TEXT: PanelText = {
  filterText: 'Filter text in the JSON',
  filterTextTitle: 'Text anywhere in the event JSON (ignores case)',
  channel: 'Channel',
  channelTitle: 'Channel id (exact) or part of its name: shows its timeline',
  bridge: 'Bridge',
  bridgeTitle: 'Bridge id (exact) or part of its name',
  app: 'App',
  appTitle: 'Stasis application name',
  pause: 'Pause',
  pauseTitle: 'Pause (events keep being buffered)',
  resume: 'Resume',
  heldSuffix: ' held',
  heldTitle: 'Events received while paused (before filtering); Resume shows them',
  follow: 'Follow the newest events',
  clear: 'Clear',
  export: 'Export… (NDJSON)',
  openLog: 'Open Event Log…',
  backToLive: 'Back to live events',
  listLabel: 'ARI events',
  colTime: 'Time',
  colType: 'Type',
  colObject: 'Object',
  colSummary: 'Summary',
  rowCount: '{0} events · buffer {1}',
  rowCountFiltered: '{0} of {1} events · buffer {2}',
  typeFilterTitle: 'Filter by event type',
  allTypes: 'All types',
  nTypes: '{0} types',
  findType: 'Find a type',
  typeAll: 'All',
  typeSeen: 'Seen',
  typeClear: 'Clear',
  eventTypes: 'Event types',
  loading: 'Loading…',
  gone: 'This event is no longer in the buffer.',
  channelTimeline: 'Timeline of channel {0}',
  channelId: 'Channel id: {0}',
  bridgeEvents: 'Events of bridge {0}',
  bridgeId: 'Bridge id: {0}',
  showCallFlow: 'Show Call Flow',
  showCallFlowTitle: 'The ladder diagram of the call this event belongs to',
  deliveredTo: 'Delivered to apps: {0}',
  deliveredToTitle: 'Asterisk sent one copy of this event per app on the socket; the JSON below is the copy that arrived first.',
  colServer: 'Server',
  allServers: 'All servers',
  serverTitle: 'Show the events of one server',
  serverOption: '{0} ({1})',
  sentBy: 'Server: {0}',
  afterDestroy: 'after destroy',
  afterDestroyTitle: 'arrived after the channel was destroyed; Asterisk sends these normally',
};

/** The host's text over the English: only known keys, only strings, each capped. */
export function readPanelText(raw: unknown): PanelText {
  const out: PanelText = { ...ENGLISH_PANEL_TEXT };
  if (typeof raw !== 'object' || raw === null) return out;
  for (const key of Object.keys(out) as (keyof PanelText)[]) {
    const v = (raw as Record<string, unknown>)[key];
    if (typeof v === 'string' && v.length > 0 && v.length <= 500) out[key] = v;
  }
  return out;
}

export function fill(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => (args[Number(i)] === undefined ? whole : String(args[Number(i)])));
}
