// The dialplan table: context -> extension -> priorities. The default is the dialplan the
// transcripts were recorded with plus the simulator's own extensions; a file in a small
// subset of extensions.conf syntax replaces it and is re-read on a pbx_config reload.
import { readFileSync } from 'node:fs';

export interface DialplanStep {
  app: string;
  data: string;
}
export type Dialplan = Map<string, Map<string, DialplanStep[]>>;

export const DEFAULT_DIALPLAN = `
[from-test]
exten => 1776,1,NoOp()
 same => n,Answer()
 same => n,Stasis(hello-world)
 same => n,Hangup()
exten => 1777,1,NoOp()
 same => n,Answer()
 same => n,Stasis(other-app)
 same => n,Hangup()

[default]
exten => 100,1,Answer()
 same => n,Wait(600)
exten => 102,1,Answer()
 same => n,MusicOnHold(default,600)
exten => 103,1,NoOp(rings forever, never answers)
 same => n,Ringing()
 same => n,Wait(600)
exten => 104,1,NoOp(busy)
 same => n,Busy(10)
exten => 200,1,NoOp(continued from stasis)
 same => n,Wait(2)
 same => n,Hangup()
; the simulator's own extensions (not in the recordings)
exten => 300,1,Answer()
 same => n,Playback(hello-world)
 same => n,Hangup()
exten => 301,1,Answer()
 same => n,Echo()
 same => n,Hangup()

[demo]
; the simulator's demo traffic (--demo): its own context and app, never the user's
exten => 1000,1,NoOp()
 same => n,Answer()
 same => n,Stasis(demo-ivr)
 same => n,Hangup()
`;

/** Parses `[context]`, `exten => X,1,App(args)` and `same => n,App(args)`; ignores the rest. */
export function parseDialplan(text: string): Dialplan {
  const plan: Dialplan = new Map();
  let context: Map<string, DialplanStep[]> | undefined;
  let current: DialplanStep[] | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/;.*$/, '').trim();
    if (!line) continue;
    const ctx = /^\[([^\]]+)\]/.exec(line);
    if (ctx) {
      const name = ctx[1].trim();
      context = plan.get(name) ?? new Map();
      plan.set(name, context);
      current = undefined;
      continue;
    }
    const m = /^(exten|same)\s*=>?\s*(.*)$/i.exec(line);
    if (!m || !context) continue;
    const parts = m[2].split(',');
    let exten: string | undefined;
    if (m[1].toLowerCase() === 'exten') exten = parts.shift()?.trim();
    const prio = parts.shift()?.trim() ?? '';
    const appText = parts.join(',').trim();
    const am = /^([A-Za-z0-9_]+)\s*(?:\((.*)\))?$/.exec(appText);
    if (!am) continue;
    const step = { app: am[1], data: am[2] ?? '' };
    if (exten !== undefined) {
      if (prio === '1') {
        current = [];
        context.set(exten, current);
      } else current = context.get(exten);
    }
    if (current && (prio === 'n' || /^\d+$/.test(prio))) current.push(step);
  }
  return plan;
}

export class DialplanStore {
  plan: Dialplan;
  constructor(private readonly file?: string) {
    this.plan = this.read();
  }
  private read(): Dialplan {
    if (!this.file) return parseDialplan(DEFAULT_DIALPLAN);
    try {
      return parseDialplan(readFileSync(this.file, 'utf8'));
    } catch {
      return parseDialplan(DEFAULT_DIALPLAN);
    }
  }
  /** pbx_config reload: the next originate sees the edited file at once (surprise 14). */
  reload(): void {
    this.plan = this.read();
  }
  lookup(context: string, exten: string): DialplanStep[] | undefined {
    return this.plan.get(context)?.get(exten);
  }
}
