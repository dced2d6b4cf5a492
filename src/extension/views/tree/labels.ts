// What a row shows (label, description, codicon, theme colour, contextValue) as plain data,
// for channels, modules and the server; the other kinds' rows are in kinds/*.ts. The thin vscode
// provider turns a NodeView into a TreeItem. No vscode import.
import type { AsteriskInfo, Module } from '../../ari/models.generated';
import { t } from '../../util/l10n';
import { channelApp, type TreeChannel, type TreeModelSource } from './source';
import { escapeMarkdown, markdownCodeCell } from '../../util/markdown';
import { CHANNEL_CONTROLS, type ChannelControl } from './controls';

/** The state a channel row shows: the hangup cause once known, "hanging up" after a soft request (whose cause is not the reason). */
function channelStateText(ch: TreeChannel): string {
  if (ch.hangupCause !== undefined) return t('hangup ({0})', ch.hangupCause);
  if (ch.hangupRequested) return t('hanging up');
  return ch.state;
}

export type Collapsible = 'none' | 'collapsed' | 'expanded';

export interface NodeView {
  label: string;
  description?: string;
  icon: string;
  color?: string;
  contextValue: string;
  collapsible: Collapsible;
  /** A command run on click (the hint rows of empty categories). */
  command?: string;
  /** What a screen reader says (and what finds the row by name): a channel's full name. */
  ariaLabel?: string;
}

// ---- channels ----

/** The flags a channel's contextValue carries, in this order after its state:
 *  `channel.Up.stasis.bridged.held.muted` — the menus' `when` clauses match on them. */
export function channelContextValue(ch: TreeChannel, controls: ReadonlySet<ChannelControl> = NO_CONTROLS): string {
  let v = `channel.${ch.state}`;
  if (channelApp(ch)) v += '.stasis';
  if (ch.bridgeId) v += '.bridged';
  for (const c of CHANNEL_CONTROLS) if (controls.has(c)) v += `.${c}`;
  return v;
}

const NO_CONTROLS: ReadonlySet<ChannelControl> = new Set();

export function channelIcon(ch: TreeChannel): { icon: string; color?: string } {
  if (ch.hangupRequested || ch.hangupCause !== undefined) return { icon: 'call-incoming', color: 'errorForeground' };
  switch (ch.state) {
    case 'Up':
      return { icon: 'call-outgoing', color: 'charts.green' };
    case 'Ring':
    case 'Ringing':
      return { icon: 'bell', color: 'charts.yellow' };
    case 'Busy':
      return { icon: 'circle-slash', color: 'charts.red' };
    case 'Dialing':
    case 'Dialing Offhook':
    case 'Pre-ring':
    case 'OffHook':
      return { icon: 'call-outgoing', color: 'charts.blue' };
    default:
      return { icon: 'call-outgoing', color: 'disabledForeground' };
  }
}

/**
 * A channel name split into what tells it apart and the rest. Asterisk ends a name with a
 * sequence number in hex (`PJSIP/alice-0000001a`) and a Local channel's halves with `;1`/`;2`,
 * so rows that share a prefix differ only at the end, which a narrow sidebar cuts off.
 * `Local/1776@from-test-0000000f;2` -> `{ unique: '0000000f;2', base: 'Local/1776@from-test' }`.
 */
export function splitChannelName(name: string): { unique: string; base: string } | undefined {
  const m = /^(.+)-([0-9a-f]{4,16})(;\d)?$/i.exec(name);
  return m ? { unique: m[2] + (m[3] ?? ''), base: m[1] } : undefined;
}

/** The row's label in 'name' mode: the unique tail first, then the rest of the name. */
export function channelShortLabel(name: string): string {
  const parts = splitChannelName(name);
  return parts ? `${parts.unique} · ${parts.base}` : name;
}

/** State, the Stasis app (the badge a reader looks for), the caller, then the dialplan location. */
export function channelDescription(ch: TreeChannel): string {
  const parts: string[] = [channelStateText(ch)];
  const app = channelApp(ch);
  const dp = ch.dialplan;
  if (app) parts.push(`Stasis(${app})`);
  else if (dp?.app_name) parts.push(dp.app_name);
  if (ch.caller?.number) parts.push(ch.caller.number);
  if (dp && (dp.context || dp.exten)) parts.push(`${dp.context},${dp.exten},${dp.priority}`);
  return parts.join(' · ');
}

/** `ariExplorer.tree.channelLabel`: what a channel row leads with. */
export type ChannelLabelMode = 'name' | 'caller';

export function isChannelLabelMode(v: unknown): v is ChannelLabelMode {
  return v === 'name' || v === 'caller';
}

/** "Alice" 1001, 1001, or "Alice" alone; undefined when the caller is unknown. */
function callerText(ch: TreeChannel): string | undefined {
  const name = ch.caller?.name;
  const number = ch.caller?.number;
  if (name && number) return `"${name}" ${number}`;
  return number || (name ? `"${name}"` : undefined);
}

/** The 'caller' row: caller and state first (what a narrow sidebar shows), then the channel name and location. */
function channelCallerView(ch: TreeChannel): { label: string; description: string } {
  const state = channelStateText(ch);
  const caller = callerText(ch);
  const parts: string[] = [ch.name];
  const dp = ch.dialplan;
  if (dp && (dp.context || dp.exten)) parts.push(`${dp.context},${dp.exten},${dp.priority}`);
  const app = channelApp(ch);
  if (app) parts.push(`Stasis(${app})`);
  else if (dp?.app_name) parts.push(dp.app_name);
  return { label: caller ? `${caller} · ${state}` : state, description: parts.join(' · ') };
}

export function channelView(ch: TreeChannel, mode: ChannelLabelMode = 'name', controls?: ReadonlySet<ChannelControl>): NodeView {
  const text = mode === 'caller' ? channelCallerView(ch) : { label: channelShortLabel(ch.name), description: channelDescription(ch) };
  return { ...text, ariaLabel: `${ch.name}, ${text.description}`, ...channelIcon(ch), contextValue: channelContextValue(ch, controls), collapsible: 'none' };
}

// ---- shared by the kinds' rows (kinds/*.ts) ----

export function channelCount(n: number): string {
  return n === 1 ? t('1 channel') : t('{0} channels', n);
}

/** `channel:123` -> the channel's name when known, `bridge:abc` -> the bridge's name. */
export function targetLabel(uri: string | undefined, model: TreeModelSource): string {
  if (!uri) return '';
  const [type, ...rest] = uri.split(':');
  const id = rest.join(':');
  if (type === 'channel') return model.channels.get(id)?.name ?? uri;
  if (type === 'bridge') {
    const b = model.bridges.get(id);
    return b ? t('bridge {0}', b.name || b.id) : uri;
  }
  return uri;
}

/** A row whose entity went away between a refresh and the next read. */
export function goneView(id: string): NodeView {
  return { label: id, description: t('gone'), icon: 'circle-slash', color: 'disabledForeground', contextValue: 'gone', collapsible: 'none' };
}

// ---- modules ----

export function moduleView(m: Module): NodeView {
  return {
    label: m.name,
    description: `${m.status} · ${m.support_level}${m.use_count ? ` · ${t('used {0}', m.use_count)}` : ''}`,
    icon: 'package',
    color: m.status === 'Running' ? undefined : 'disabledForeground',
    contextValue: 'module',
    collapsible: 'none',
  };
}

// ---- server ----

function parseAriTime(text: string | undefined): number | undefined {
  if (!text) return undefined;
  // Asterisk writes the offset as +0000, which Date.parse does not take.
  const t = Date.parse(text.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  return Number.isNaN(t) ? undefined : t;
}

export function formatUptime(startup: string | undefined, now: number): string | undefined {
  const start = parseAriTime(startup);
  if (start === undefined) return undefined;
  let s = Math.max(0, Math.floor((now - start) / 1000));
  const d = Math.floor(s / 86400);
  s %= 86400;
  const h = Math.floor(s / 3600);
  s %= 3600;
  const m = Math.floor(s / 60);
  s %= 60;
  return d ? t('{0}d {1}h {2}m', d, h, m) : h ? t('{0}h {1}m {2}s', h, m, s) : m ? t('{0}m {1}s', m, s) : t('{0}s', s);
}

/** An ARI timestamp in the user's local time, `2026-11-30 13:05:09`; the raw text if unreadable. */
export function formatLocalTime(text: string | undefined): string | undefined {
  const ms = parseAriTime(text);
  if (ms === undefined) return text;
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export interface ServerRow {
  id: string;
  label: string;
  value: string;
  /** The value as the server sent it, when the row shows it reformatted. */
  raw?: string;
}

export function serverRows(info: AsteriskInfo | undefined, now: number): ServerRow[] {
  if (!info) return [];
  const rows: ServerRow[] = [];
  const add = (id: string, label: string, value: string | number | undefined, raw?: string) => {
    if (value !== undefined && value !== '') rows.push({ id, label, value: String(value), ...(raw && raw !== value ? { raw } : {}) });
  };
  const started = info.status?.startup_time;
  const reloaded = info.status?.last_reload_time;
  add('version', t('Version'), info.system?.version);
  add('uptime', t('Uptime'), formatUptime(started, now));
  add('startup', t('Started'), formatLocalTime(started), started);
  add('reload', t('Last reload'), formatLocalTime(reloaded), reloaded);
  add('name', t('System name'), info.config?.name);
  add('entity', t('Entity id'), info.system?.entity_id);
  add('language', t('Default language'), info.config?.default_language);
  add('maxChannels', t('Max channels'), info.config?.max_channels);
  add('build', t('Build'), info.build ? `${info.build.os} ${info.build.kernel} ${info.build.machine}`.trim() : undefined);
  return rows;
}

// ---- Markdown tooltips (built on hover through resolveTreeItem, not per refresh) ----

/** Nothing worth a row: undefined, null, '', [] or {}. */
function isEmptyValue(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === 'object' && Object.keys(v as object).length === 0;
}

export function fieldsTooltip(title: string, fields: [string, unknown][]): string {
  const lines = [`**${escapeMarkdown(title)}**`, '', '| | |', '|---|---|'];
  for (const [k, v] of fields) {
    if (isEmptyValue(v)) continue;
    lines.push(`| ${escapeMarkdown(k)} | ${markdownCodeCell(typeof v === 'string' ? v : JSON.stringify(v))} |`);
  }
  return lines.join('\n');
}

export function channelTooltip(ch: TreeChannel): string {
  const dp = ch.dialplan;
  return fieldsTooltip(ch.name, [
    ['id', ch.id],
    ['state', ch.state],
    ['caller', ch.caller ? `${ch.caller.name ? `"${ch.caller.name}" ` : ''}${ch.caller.number}` : undefined],
    ['connected', ch.connected?.number ? `${ch.connected.name ? `"${ch.connected.name}" ` : ''}${ch.connected.number}` : undefined],
    ['dialplan', dp ? `${dp.context},${dp.exten},${dp.priority}` : undefined],
    ['application', dp?.app_name ? `${dp.app_name}(${dp.app_data ?? ''})` : undefined],
    ['Stasis app', channelApp(ch)],
    ['app args', ch.appArgs?.length ? ch.appArgs.join(',') : undefined],
    ['bridge', ch.bridgeId],
    ['hangup cause', ch.hangupCause],
    ['created', ch.creationtime],
    ['language', ch.language],
    ['account code', ch.accountcode],
  ]);
}
