// Label, description, codicon, theme colour and contextValue of each node, as plain data.
// The thin vscode provider turns a NodeView into a TreeItem. No vscode import.
import type { AsteriskInfo, Bridge, Endpoint, LiveRecording, Module, Playback } from '../../ari/models.generated';
import { t } from '../../util/l10n';
import { channelApp, type TreeChannel, type TreeModelSource } from './source';

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
}

// ---- channels ----

export function channelContextValue(ch: TreeChannel): string {
  return `channel.${ch.state}${channelApp(ch) ? '.stasis' : ''}`;
}

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

export function channelDescription(ch: TreeChannel): string {
  const parts: string[] = [channelStateText(ch)];
  if (ch.caller?.number) parts.push(ch.caller.number);
  const dp = ch.dialplan;
  if (dp && (dp.context || dp.exten)) parts.push(`${dp.context},${dp.exten},${dp.priority}`);
  const app = channelApp(ch);
  if (app) parts.push(`Stasis(${app})`);
  else if (dp?.app_name) parts.push(dp.app_name);
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

export function channelView(ch: TreeChannel, mode: ChannelLabelMode = 'name'): NodeView {
  const text = mode === 'caller' ? channelCallerView(ch) : { label: ch.name, description: channelDescription(ch) };
  return { ...text, ...channelIcon(ch), contextValue: channelContextValue(ch), collapsible: 'none' };
}

// ---- bridges, playbacks, recordings ----

export function bridgeView(b: Bridge): NodeView {
  const n = b.channels?.length ?? 0;
  return {
    label: b.name || b.id,
    // The count first: it is what changes, and what a narrow sidebar still shows.
    description: [`${n} ${n === 1 ? 'channel' : 'channels'}`, b.bridge_type, b.technology].filter(Boolean).join(' · '),
    icon: b.bridge_type === 'holding' ? 'watch' : 'link',
    color: n > 0 ? 'charts.green' : undefined,
    contextValue: `bridge.${b.bridge_type}`,
    collapsible: n > 0 ? 'collapsed' : 'none',
  };
}

/** `channel:123` -> the channel's name when known, `bridge:abc` -> the bridge's name. */
export function targetLabel(uri: string | undefined, model: TreeModelSource): string {
  if (!uri) return '';
  const [type, ...rest] = uri.split(':');
  const id = rest.join(':');
  if (type === 'channel') return model.channels.get(id)?.name ?? uri;
  if (type === 'bridge') {
    const b = model.bridges.get(id);
    return b ? `bridge ${b.name || b.id}` : uri;
  }
  return uri;
}

const PLAYBACK_ICONS: Record<string, { icon: string; color?: string }> = {
  queued: { icon: 'clock', color: 'disabledForeground' },
  playing: { icon: 'play-circle', color: 'charts.green' },
  paused: { icon: 'debug-pause', color: 'charts.yellow' },
  continuing: { icon: 'play-circle', color: 'charts.green' },
  done: { icon: 'pass', color: 'disabledForeground' },
  failed: { icon: 'error', color: 'errorForeground' },
  cancelled: { icon: 'circle-slash', color: 'disabledForeground' },
};

export function playbackView(p: Playback, model: TreeModelSource): NodeView {
  return {
    label: p.media_uri,
    description: `${p.state} → ${targetLabel(p.target_uri, model)}`,
    ...(PLAYBACK_ICONS[p.state] ?? { icon: 'play' }),
    contextValue: `playback.${p.state}`,
    collapsible: 'none',
  };
}

const RECORDING_ICONS: Record<string, { icon: string; color?: string }> = {
  queued: { icon: 'clock', color: 'disabledForeground' },
  recording: { icon: 'record', color: 'charts.red' },
  paused: { icon: 'debug-pause', color: 'charts.yellow' },
  done: { icon: 'pass', color: 'disabledForeground' },
  failed: { icon: 'error', color: 'errorForeground' },
  canceled: { icon: 'circle-slash', color: 'disabledForeground' },
};

export function recordingView(r: LiveRecording, model: TreeModelSource): NodeView {
  const parts = [r.state, r.format, targetLabel(r.target_uri, model)];
  if (r.duration !== undefined) parts.push(`${r.duration} s`);
  return {
    label: r.name,
    description: parts.filter(Boolean).join(' · '),
    ...(RECORDING_ICONS[r.state] ?? { icon: 'record' }),
    contextValue: `recording.${r.state}`,
    collapsible: 'none',
  };
}

// ---- endpoints, applications, device states ----

export function endpointView(e: Endpoint): NodeView {
  const state = e.state ?? 'unknown';
  const n = e.channel_ids?.length ?? 0;
  const look =
    state === 'online' ? { icon: 'vm-active', color: 'charts.green' } : state === 'offline' ? { icon: 'vm-outline', color: 'disabledForeground' } : { icon: 'vm' };
  return {
    label: `${e.technology}/${e.resource}`,
    description: n ? `${state} · ${n} ${n === 1 ? 'channel' : 'channels'}` : state,
    ...look,
    contextValue: `endpoint.${state}`,
    collapsible: 'none',
  };
}

export function applicationView(name: string, model: TreeModelSource, ownApp?: string): NodeView {
  // Live counts: the Application object is a snapshot (GET /applications at connect and at each
  // reconcile) and no event updates its channel_ids, so channels are counted from the model; a
  // bridge counts while it exists and the snapshot listed it or one of its channels is in the app
  // (as the app filter decides).
  const inApp = (id: string) => {
    const c = model.channels.get(id);
    return !!c && channelApp(c) === name;
  };
  let ch = 0;
  for (const c of model.channels.values()) if (channelApp(c) === name) ch++;
  const listed = new Set(model.applications.get(name)?.bridge_ids ?? []);
  let br = 0;
  for (const b of model.bridges.values()) if (listed.has(b.id) || b.channels?.some(inApp)) br++;
  const parts = [`${ch} ${ch === 1 ? 'channel' : 'channels'}`, `${br} ${br === 1 ? 'bridge' : 'bridges'}`];
  if (name === ownApp) parts.push('ARI Explorer observer');
  return { label: name, description: parts.join(' · '), icon: 'rocket', color: ch ? 'charts.green' : undefined, contextValue: 'application', collapsible: 'none' };
}

const DEVICE_COLORS: Record<string, string> = {
  NOT_INUSE: 'charts.green',
  INUSE: 'charts.blue',
  BUSY: 'charts.red',
  RINGING: 'charts.yellow',
  RINGINUSE: 'charts.yellow',
  ONHOLD: 'charts.purple',
  UNAVAILABLE: 'disabledForeground',
  INVALID: 'errorForeground',
  UNKNOWN: 'disabledForeground',
};

export function deviceStateView(name: string, state: string): NodeView {
  return { label: name, description: state, icon: 'pulse', color: DEVICE_COLORS[state], contextValue: 'deviceState', collapsible: 'none' };
}

export function moduleView(m: Module): NodeView {
  return {
    label: m.name,
    description: `${m.status} · ${m.support_level}${m.use_count ? ` · used ${m.use_count}` : ''}`,
    icon: 'package',
    color: m.status === 'Running' ? undefined : 'disabledForeground',
    contextValue: 'module',
    collapsible: 'none',
  };
}

// ---- server ----

export function formatUptime(startup: string | undefined, now: number): string | undefined {
  if (!startup) return undefined;
  const t = Date.parse(startup.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  if (Number.isNaN(t)) return undefined;
  let s = Math.max(0, Math.floor((now - t) / 1000));
  const d = Math.floor(s / 86400);
  s %= 86400;
  const h = Math.floor(s / 3600);
  s %= 3600;
  const m = Math.floor(s / 60);
  s %= 60;
  return d ? `${d}d ${h}h ${m}m` : h ? `${h}h ${m}m` : m ? `${m}m ${s}s` : `${s}s`;
}

export interface ServerRow {
  id: string;
  label: string;
  value: string;
}

export function serverRows(info: AsteriskInfo | undefined, now: number): ServerRow[] {
  if (!info) return [];
  const rows: ServerRow[] = [];
  const add = (id: string, label: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') rows.push({ id, label, value: String(value) });
  };
  add('version', 'Version', info.system?.version);
  add('uptime', 'Uptime', formatUptime(info.status?.startup_time, now));
  add('startup', 'Started', info.status?.startup_time);
  add('reload', 'Last reload', info.status?.last_reload_time);
  add('name', 'System name', info.config?.name);
  add('entity', 'Entity id', info.system?.entity_id);
  add('language', 'Default language', info.config?.default_language);
  add('maxChannels', 'Max channels', info.config?.max_channels);
  add('build', 'Build', info.build ? `${info.build.os} ${info.build.kernel} ${info.build.machine}`.trim() : undefined);
  return rows;
}

// ---- Markdown tooltips (built on hover through resolveTreeItem, not per refresh) ----

function esc(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/** Nothing worth a row: undefined, null, '', [] or {}. */
function isEmptyValue(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === 'object' && Object.keys(v as object).length === 0;
}

export function fieldsTooltip(title: string, fields: [string, unknown][]): string {
  const lines = [`**${esc(title)}**`, '', '| | |', '|---|---|'];
  for (const [k, v] of fields) {
    if (isEmptyValue(v)) continue;
    // Values as code spans: nothing in them is read as Markdown, only | and ` need care.
    const text = (typeof v === 'string' ? v : JSON.stringify(v)).replace(/`/g, "'").replace(/\|/g, '\\|');
    lines.push(`| ${esc(k)} | \`${text}\` |`);
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
