// Goto-style targets in application arguments: Goto, GotoIf, GotoIfTime, Gosub, GosubIf.
// Each target is `[[context,]exten,]priority`; a missing context or exten means the one
// the line itself is in (relative forms), and Gosub's priority may carry `(args)`.
import { indexOfTopLevel, splitTopLevel } from './text';
import type { DialplanPriority, Span } from './types';

export interface GotoTarget {
  /** As written; undefined when the target leaves it out (same as the current one). */
  context?: string;
  exten?: string;
  priority: string;
  /** The whole `[[context,]exten,]priority` text. */
  span: Span;
}

const CONDITIONAL = new Set(['gotoif', 'gosubif', 'gotoiftime', 'execiftime']);
const PLAIN = new Set(['goto', 'gosub']);

export function isGotoApplication(app: string): boolean {
  const a = app.toLowerCase();
  return PLAIN.has(a) || (CONDITIONAL.has(a) && a !== 'execiftime');
}

/** Targets named by a Goto-like priority line (empty for other applications). */
export function gotoTargets(p: DialplanPriority): GotoTarget[] {
  const app = p.app.toLowerCase();
  if (!isGotoApplication(app)) return [];
  const base = p.argsSpan.start;
  if (PLAIN.has(app)) {
    const t = parseTarget(p.appArgs, base, p.line);
    return t ? [t] : [];
  }
  const q = indexOfTopLevel(p.appArgs, '?');
  if (q < 0) return [];
  const branches = p.appArgs.slice(q + 1);
  const out: GotoTarget[] = [];
  for (const piece of splitTopLevel(branches, ':')) {
    const t = parseTarget(piece.text, base + q + 1 + piece.offset, p.line);
    if (t) out.push(t);
  }
  return out;
}

function parseTarget(text: string, offset: number, line: number): GotoTarget | undefined {
  const pieces = splitTopLevel(text, ',');
  if (pieces.length === 0 || pieces.length > 3 || pieces[pieces.length - 1].text === '') return undefined;
  const last = pieces[pieces.length - 1];
  // Gosub: `priority(arg1,arg2)` -- the arguments are not part of the target.
  const priority = last.text.replace(/\(.*\)?$/s, '').trim();
  const first = pieces[0];
  const span: Span = { line, start: offset + first.offset, end: offset + last.offset + last.text.length };
  if (pieces.length === 1) return { priority, span };
  if (pieces.length === 2) return { exten: pieces[0].text, priority, span };
  return { context: pieces[0].text, exten: pieces[1].text, priority, span };
}

/** The Stasis application a `Stasis(app[,args])` line sends channels to. */
export function stasisApp(p: DialplanPriority): { app: string; span: Span } | undefined {
  if (p.app.toLowerCase() !== 'stasis') return undefined;
  const first = splitTopLevel(p.appArgs, ',')[0];
  if (!first || first.text === '') return undefined;
  const start = p.argsSpan.start + first.offset;
  return { app: first.text, span: { line: p.line, start, end: start + first.text.length } };
}
