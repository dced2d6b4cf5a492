// CodeLens content as plain data: live channel counts on Stasis(app) lines and an
// "Originate to exten@context" action on each extension that can be dialled.
import { isPattern } from './patterns';
import { stasisApp } from './targets';
import type { DialplanFile, Span } from './types';

export const SHOW_APP_CHANNELS_COMMAND = 'ariExplorer.dialplan.showAppChannels';
export const ORIGINATE_COMMAND = 'ariExplorer.dialplan.originate';

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

/** `stale`: the connection dropped and the counts are those from before the drop. */
export function stasisLenses(file: DialplanFile, model: AppChannelCounter, stale = false): LensSpec[] {
  const out: LensSpec[] = [];
  for (const c of file.contexts) {
    for (const e of c.extensions) {
      for (const p of e.priorities) {
        const s = stasisApp(p);
        if (!s) continue;
        const n = model.channelsInApp(s.app).length;
        out.push({
          span: p.span,
          title: stale
            ? `${n} ${n === 1 ? 'channel' : 'channels'} in ${s.app} before the connection dropped`
            : `${n} live ${n === 1 ? 'channel' : 'channels'} in ${s.app}`,
          tooltip: `Show ${s.app}'s channels in the ARI tree and its events`,
          command: SHOW_APP_CHANNELS_COMMAND,
          args: [s.app],
        });
      }
    }
  }
  return out;
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
        title: `Originate to ${e.name}@${c.name}`,
        tooltip: `POST /ari/channels with endpoint Local/${e.name}@${c.name}`,
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
