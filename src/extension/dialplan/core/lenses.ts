// CodeLens content as plain data: live channel counts and a one-click "Call exten@context" on
// Stasis(app) lines, and an "Originate to exten@context" action on each extension that can be
// dialled.
import { t } from '../../util/l10n';
import { isPattern } from './patterns';
import { stasisApp } from './targets';
import type { DialplanFile, Span } from './types';

export const SHOW_APP_CHANNELS_COMMAND = 'ariExplorer.dialplan.showAppChannels';
export const ORIGINATE_COMMAND = 'ariExplorer.dialplan.originate';
export const CALL_COMMAND = 'ariExplorer.dialplan.call';

export interface LensSpec {
  span: Span;
  title: string;
  tooltip: string;
  command: string;
  args: unknown[];
}

export interface OriginateTarget {
  exten: string;
  context: string;
}

export interface AppChannelCounter {
  channelsInApp(app: string): readonly unknown[];
}

/** One connected server's part of a count: `stale` when its socket is down (counts from before the drop). */
export interface LensServer {
  readonly name: string;
  readonly model: AppChannelCounter;
  readonly stale?: boolean;
}

/**
 * Live counts on Stasis(app) lines, summed over the connected servers; with several, the
 * title says how many each has. A model alone (one server) reads as before; `stale` is then
 * its connection's state.
 */
export function stasisLenses(file: DialplanFile, servers: AppChannelCounter | readonly LensServer[], stale = false): LensSpec[] {
  const list: readonly LensServer[] = isServerList(servers) ? servers : [{ name: '', model: servers, stale }];
  const out: LensSpec[] = [];
  for (const c of file.contexts) {
    for (const e of c.extensions) {
      for (const p of e.priorities) {
        const s = stasisApp(p);
        if (!s) continue;
        out.push({
          span: p.span,
          title: countTitle(list, s.app),
          tooltip: t("Show {0}'s channels in the ARI tree and its events", s.app),
          command: SHOW_APP_CHANNELS_COMMAND,
          args: [s.app],
        });
      }
    }
  }
  return out;
}

function isServerList(v: AppChannelCounter | readonly LensServer[]): v is readonly LensServer[] {
  return Array.isArray(v);
}

function countTitle(servers: readonly LensServer[], app: string): string {
  const counts = servers.map((s) => ({ name: s.name, n: s.model.channelsInApp(app).length, stale: s.stale === true }));
  const n = counts.reduce((sum, c) => sum + c.n, 0);
  const counted = counts.filter((c) => c.n > 0);
  // "Before the drop" only when every server behind the number is down.
  const stale = (counted.length ? counted : counts).every((c) => c.stale) && counts.length > 0;
  const title = stale ? staleTitle(n, app) : liveTitle(n, app);
  if (servers.length < 2 || counted.length === 0) return title;
  const parts = counted.map((c) => (c.stale && !stale ? t('{0} {1} before the drop', c.name, c.n) : `${c.name} ${c.n}`));
  return t('{0} ({1})', title, parts.join(', '));
}

/** One-click calls: on each Stasis(app) line of a dialable extension, "Call exten@context". */
export function callLenses(file: DialplanFile): LensSpec[] {
  const out: LensSpec[] = [];
  for (const c of file.contexts) {
    if (c.isTemplate || c.isSpecial) continue;
    for (const e of c.extensions) {
      if (isPattern(e.name)) continue;
      for (const p of e.priorities) {
        const s = stasisApp(p);
        if (!s) continue;
        const target: OriginateTarget & { app: string } = { exten: e.name, context: c.name, app: s.app };
        out.push({
          span: p.span,
          title: t('$(call-outgoing) Call {0}@{1}', e.name, c.name),
          tooltip: t('Originate Local/{0}@{1} now: one half enters Stasis({2}), the other waits on the configured extension', e.name, c.name, s.app),
          command: CALL_COMMAND,
          args: [target],
        });
      }
    }
  }
  return out;
}

function liveTitle(n: number, app: string): string {
  return n === 1 ? t('1 live channel in {0}', app) : t('{0} live channels in {1}', n, app);
}

function staleTitle(n: number, app: string): string {
  return n === 1 ? t('1 channel in {0} before the connection dropped', app) : t('{0} channels in {1} before the connection dropped', n, app);
}

/** Extensions that a Local channel can dial: not patterns, hints only, templates or settings. */
export function originateLenses(file: DialplanFile): LensSpec[] {
  const out: LensSpec[] = [];
  for (const c of file.contexts) {
    if (c.isTemplate || c.isSpecial) continue;
    for (const e of c.extensions) {
      if (isPattern(e.name) || e.priorities.every((p) => p.kind === 'hint')) continue;
      const target: OriginateTarget = { exten: e.name, context: c.name };
      const first = e.priorities.find((p) => p.kind !== 'hint') ?? e.priorities[0];
      out.push({
        span: first.span,
        title: t('Originate to {0}@{1}', e.name, c.name),
        tooltip: t('POST /ari/channels with endpoint Local/{0}@{1}', e.name, c.name),
        command: ORIGINATE_COMMAND,
        args: [target],
      });
    }
  }
  return out;
}

/** `100@default` -> extension/context; a bare `100` means context default. */
export function parseExtenAtContext(text: string): { extension: string; context: string } | undefined {
  const m = /^\s*([^@\s]+)(?:@([^@\s]+))?\s*$/.exec(text);
  return m ? { extension: m[1], context: m[2] ?? 'default' } : undefined;
}
