// The typed messages between the extension host and the event stream webview. Both bundles
// import this file, so it uses neither 'vscode' nor the DOM. Each direction is a
// discriminated union on `kind`; a message from the other side is only used after its guard
// has checked every field it reads (a webview is untrusted input).

import type { EventFamily } from './eventFamily';

/** What the panel shows. Empty strings / an empty type list mean "no restriction". */
export interface EventFilter {
  /** Event types to show; empty = all. */
  types: string[];
  /** Case-insensitive text anywhere in the event's JSON. */
  text: string;
  /** A channel id (exact) or part of a channel name. */
  channel: string;
  /** A bridge id (exact) or part of a bridge name. */
  bridge: string;
  /** An application name (exact, case-insensitive). */
  app: string;
  /** The server (profile name) that sent the event, exactly; absent or '' = every server. */
  server?: string;
}

export const EMPTY_FILTER: EventFilter = { types: [], text: '', channel: '', bridge: '', app: '' };

/** One row of the list: what the webview draws without the full JSON. */
export interface RowSummary {
  /** Stable id of the event inside its source; used to ask for the detail. */
  id: number;
  /** Event time (ms since epoch): the event's own timestamp, else when it was received. */
  time: number;
  type: string;
  family: EventFamily;
  /** The object the event concerns: channel name, bridge id, playback id, ... */
  object: string;
  summary: string;
  /** Milliseconds since the previous row of the filtered view (absent for the first). */
  deltaMs?: number;
  /** The event came after its channel's ChannelDestroyed (normal on real servers): drawn dimmed. */
  afterDestroy?: boolean;
  /** The server (profile name) that sent it, when known. */
  server?: string;
}

export interface SourceInfo {
  kind: 'live' | 'log';
  /** "connected to pbx1", "not connected", or the log's file name. */
  label: string;
}

export interface ViewCounts {
  /** Bumped when the filtered view is rebuilt (filter, clear, source); positions restart. */
  epoch: number;
  /** Rows in the filtered view. */
  total: number;
  /** Rows dropped from the front of the view since the epoch began (ring buffer eviction). Row i is at absolute position base + i. */
  base: number;
  /** Events received while paused and not yet in the view. */
  held: number;
  /** Events per type in the whole buffer (not only the filtered view). */
  typeCounts: Record<string, number>;
  /** Events per server in the whole buffer; the server column and filter show with two or more. */
  serverCounts: Record<string, number>;
}

// ---- extension -> webview -------------------------------------------------------------

export interface StateMessage extends ViewCounts {
  kind: 'state';
  filter: EventFilter;
  paused: boolean;
  source: SourceInfo;
  /** Every known type (the ARI list plus any other type seen), for the type filter. */
  eventTypes: string[];
  bufferSize: number;
}
export interface UpdateMessage extends ViewCounts {
  kind: 'update';
  /**
   * The newest rows appended in this batch (at most TAIL_ROWS), so a webview that follows
   * the tail draws them without asking: one message per batch.
   */
  tail?: { from: number; rows: RowSummary[] };
}

/** Most rows an update carries along. */
export const TAIL_ROWS = 100;
export interface RowsMessage {
  kind: 'rows';
  requestId: number;
  epoch: number;
  /** Absolute position of rows[0] (index + base at the time of the reply). */
  from: number;
  rows: RowSummary[];
}
export interface DetailMessage {
  kind: 'detail';
  id: number;
  /** The event's JSON, or undefined when it is no longer in the buffer. */
  json?: string;
  /** Channel ids the event concerns, for the "timeline of this channel" action. */
  channelIds: string[];
  bridgeIds: string[];
  /**
   * Every app the event was delivered to, when more than one: with several apps on one socket
   * Asterisk sends one copy per app, and `json` is the copy that came first.
   */
  applications?: string[];
  /** The server (profile name) that sent the event, when known. */
  server?: string;
}
export interface NoticeMessage {
  kind: 'notice';
  level: 'info' | 'warning' | 'error';
  text: string;
}
export type ExtensionToWebview = StateMessage | UpdateMessage | RowsMessage | DetailMessage | NoticeMessage;

// ---- webview -> extension -------------------------------------------------------------

export interface ReadyMessage {
  kind: 'ready';
  /** The filter the webview had persisted with setState, if any. */
  filter?: EventFilter;
}
export interface SetFilterMessage {
  kind: 'setFilter';
  filter: EventFilter;
}
export interface RequestRowsMessage {
  kind: 'requestRows';
  requestId: number;
  epoch: number;
  /** Absolute positions (index + base) in the filtered view, [from, to): they survive eviction. */
  from: number;
  to: number;
}
export interface RequestDetailMessage {
  kind: 'requestDetail';
  id: number;
}
/** "Show Call Flow" on an event row: the flow of the call the event belongs to. */
export interface ShowCallFlowMessage {
  kind: 'showCallFlow';
  id: number;
}
export interface SetPausedMessage {
  kind: 'setPaused';
  paused: boolean;
}
export interface SimpleCommandMessage {
  kind: 'clear' | 'export' | 'openLog' | 'showLive';
}
export type WebviewToExtension =
  | ReadyMessage
  | SetFilterMessage
  | RequestRowsMessage
  | RequestDetailMessage
  | SetPausedMessage
  | ShowCallFlowMessage
  | SimpleCommandMessage;

/** Largest window of rows one request may ask for: a screen is ~50 rows. */
export const MAX_ROWS_PER_REQUEST = 1000;
/** Longest filter string accepted (longer input is a mistake or an attack). */
export const MAX_FILTER_TEXT = 1000;

// ---- guards ---------------------------------------------------------------------------

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
function isString(x: unknown, max = MAX_FILTER_TEXT): x is string {
  return typeof x === 'string' && x.length <= max;
}
function isIndex(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
}
function isStringArray(x: unknown, max = 500): x is string[] {
  return Array.isArray(x) && x.length <= max && x.every((s) => isString(s, 200));
}

export function isEventFilter(x: unknown): x is EventFilter {
  return (
    isRecord(x) &&
    isStringArray(x.types) &&
    isString(x.text) &&
    isString(x.channel) &&
    isString(x.bridge) &&
    isString(x.app) &&
    (x.server === undefined || isString(x.server))
  );
}

/** Validates a message from the webview. Anything else is to be logged and ignored. */
export function isWebviewToExtension(x: unknown): x is WebviewToExtension {
  if (!isRecord(x) || typeof x.kind !== 'string') return false;
  switch (x.kind) {
    case 'ready':
      return x.filter === undefined || isEventFilter(x.filter);
    case 'setFilter':
      return isEventFilter(x.filter);
    case 'requestRows':
      return isIndex(x.requestId) && isIndex(x.epoch) && isIndex(x.from) && isIndex(x.to) && x.to >= x.from && x.to - x.from <= MAX_ROWS_PER_REQUEST;
    case 'requestDetail':
    case 'showCallFlow':
      return isIndex(x.id);
    case 'setPaused':
      return typeof x.paused === 'boolean';
    case 'clear':
    case 'export':
    case 'openLog':
    case 'showLive':
      return true;
    default:
      return false;
  }
}

function isViewCounts(x: Record<string, unknown>): boolean {
  return isIndex(x.epoch) && isIndex(x.total) && isIndex(x.base) && isIndex(x.held) && isRecord(x.typeCounts) && isRecord(x.serverCounts);
}

function isRowSummary(x: unknown): x is RowSummary {
  return (
    isRecord(x) &&
    isIndex(x.id) &&
    typeof x.time === 'number' &&
    typeof x.type === 'string' &&
    typeof x.family === 'string' &&
    typeof x.object === 'string' &&
    typeof x.summary === 'string' &&
    (x.deltaMs === undefined || typeof x.deltaMs === 'number') &&
    (x.afterDestroy === undefined || typeof x.afterDestroy === 'boolean') &&
    (x.server === undefined || typeof x.server === 'string')
  );
}

/** Validates a message from the extension (the webview checks too: it costs little). */
export function isExtensionToWebview(x: unknown): x is ExtensionToWebview {
  if (!isRecord(x) || typeof x.kind !== 'string') return false;
  switch (x.kind) {
    case 'state':
      return (
        isViewCounts(x) &&
        isEventFilter(x.filter) &&
        typeof x.paused === 'boolean' &&
        isRecord(x.source) &&
        (x.source.kind === 'live' || x.source.kind === 'log') &&
        typeof x.source.label === 'string' &&
        Array.isArray(x.eventTypes) &&
        isIndex(x.bufferSize)
      );
    case 'update':
      return (
        isViewCounts(x) &&
        (x.tail === undefined ||
          (isRecord(x.tail) && isIndex(x.tail.from) && Array.isArray(x.tail.rows) && x.tail.rows.length <= TAIL_ROWS && x.tail.rows.every(isRowSummary)))
      );
    case 'rows':
      return isIndex(x.requestId) && isIndex(x.epoch) && isIndex(x.from) && Array.isArray(x.rows) && x.rows.every(isRowSummary);
    case 'detail':
      return (
        isIndex(x.id) &&
        (x.json === undefined || typeof x.json === 'string') &&
        Array.isArray(x.channelIds) &&
        Array.isArray(x.bridgeIds) &&
        (x.applications === undefined || (Array.isArray(x.applications) && x.applications.every((a) => typeof a === 'string'))) &&
        (x.server === undefined || typeof x.server === 'string')
      );
    case 'notice':
      return (x.level === 'info' || x.level === 'warning' || x.level === 'error') && typeof x.text === 'string';
    default:
      return false;
  }
}
