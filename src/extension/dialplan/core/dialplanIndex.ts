// Looks things up across every dialplan file of the workspace: a context may be split over
// several files or sections (Asterisk merges them), an extension is found by exact name,
// then by pattern, then through `include =>` and templates, like the PBX does.
import { comparePatternSpecificity, extensionMatches, isPattern } from './patterns';
import type { GotoTarget } from './targets';
import type { DialplanContext, DialplanExtension, DialplanFile, DialplanPriority } from './types';

/** A parsed file with the id its caller knows it by (a URI string in the extension). */
export interface IndexedFile {
  uri: string;
  file: DialplanFile;
}

export interface ContextHit {
  uri: string;
  context: DialplanContext;
}

export interface ExtensionHit extends ContextHit {
  extension: DialplanExtension;
}

export type LocationResult =
  | { found: 'priority'; uri: string; context: DialplanContext; extension: DialplanExtension; priority: DialplanPriority }
  | { found: 'extension'; uri: string; context: DialplanContext; extension: DialplanExtension; reason: string }
  | { found: 'context'; uri: string; context: DialplanContext; reason: string }
  | { found: 'none'; reason: string };

export class DialplanIndex {
  constructor(readonly files: readonly IndexedFile[]) {}

  /** Every section with that name, templates included (names are case-sensitive). */
  contexts(name: string): ContextHit[] {
    const out: ContextHit[] = [];
    for (const f of this.files) for (const c of f.file.contexts) if (c.name === name) out.push({ uri: f.uri, context: c });
    return out;
  }

  /**
   * The extension a call to `exten` in `context` runs: exact names first, then the most
   * specific pattern, then included contexts (in order) and templates.
   */
  findExtension(context: string, exten: string, seen = new Set<string>()): ExtensionHit | undefined {
    if (seen.has(context)) return undefined;
    seen.add(context);
    const hits = this.contexts(context);
    for (const h of hits) {
      // Same name first: relative Gotos on a pattern line name the pattern itself.
      const e = h.context.extensions.find((x) => x.name === exten) ?? h.context.extensions.find((x) => !isPattern(x.name) && extensionMatches(x.name, exten));
      if (e) return { ...h, extension: e };
    }
    const patterns: ExtensionHit[] = [];
    for (const h of hits) for (const e of h.context.extensions) if (isPattern(e.name) && extensionMatches(e.name, exten)) patterns.push({ ...h, extension: e });
    if (patterns.length > 0) return patterns.sort((a, b) => comparePatternSpecificity(a.extension.name, b.extension.name))[0];
    for (const h of hits) {
      for (const inc of h.context.includes) {
        const found = this.findExtension(inc.context, exten, seen);
        if (found) return found;
      }
      for (const t of h.context.templates) {
        const found = this.findExtension(t, exten, seen);
        if (found) return found;
      }
    }
    return undefined;
  }

  /**
   * Where a channel at context/exten/priority is (from ChannelState.dialplan), or the
   * closest thing found plus a plain reason why not further.
   */
  locate(context: string, exten: string, priority: number | string): LocationResult {
    const ctxHits = this.contexts(context).filter((h) => !h.context.isTemplate);
    if (ctxHits.length === 0) return { found: 'none', reason: `Context [${context}] is not defined in any dialplan file of this workspace.` };
    const hit = this.findExtension(context, exten);
    if (!hit) {
      return {
        found: 'context',
        uri: ctxHits[0].uri,
        context: ctxHits[0].context,
        reason: `Extension ${exten} is not in [${context}] (nor in the contexts it includes).`,
      };
    }
    const p = this.findPriority(hit, priority);
    if (!p) {
      return {
        found: 'extension',
        uri: hit.uri,
        context: hit.context,
        extension: hit.extension,
        reason: `Priority ${priority} of ${hit.extension.name}@${hit.context.name} is not in the workspace's dialplan.`,
      };
    }
    return { found: 'priority', uri: p.uri, context: p.context, extension: hit.extension, priority: p.priority };
  }

  private findPriority(hit: ExtensionHit, priority: number | string): { uri: string; context: DialplanContext; priority: DialplanPriority } | undefined {
    for (const h of this.contexts(hit.context.name)) {
      for (const e of h.context.extensions) {
        if (e.name !== hit.extension.name) continue;
        const p = e.priorities.find((x) =>
          typeof priority === 'number' || /^\d+$/.test(priority) ? x.kind !== 'hint' && x.priority === Number(priority) : x.label === priority,
        );
        if (p) return { uri: h.uri, context: h.context, priority: p };
      }
    }
    return undefined;
  }

  /**
   * Resolves a Goto/Gosub target written on line `from` of context `fromContext`: relative
   * parts take the current extension/context, `+N`/`-N` count from the current priority,
   * and `${EXTEN}`/`${CONTEXT}` stand for the current ones. Other variables cannot be known.
   */
  resolveTarget(target: GotoTarget, fromContext: string, from: DialplanPriority): LocationResult {
    const context = substitute(target.context, fromContext, from.exten) ?? fromContext;
    const exten = substitute(target.exten, fromContext, from.exten) ?? from.exten;
    if (context.includes('$') || exten.includes('$') || target.priority.includes('$')) {
      return {
        found: 'none',
        reason: `The target ${target.context ?? ''}${target.context ? ',' : ''}${target.exten ?? ''}${target.exten ? ',' : ''}${target.priority} depends on a variable known only at run time.`,
      };
    }
    let priority: number | string = target.priority;
    const relative = /^([+-])\s*(\d+)$/.exec(target.priority);
    if (relative) priority = from.priority + (relative[1] === '+' ? 1 : -1) * Number(relative[2]);
    return this.locate(context, exten, priority);
  }
}

function substitute(value: string | undefined, context: string, exten: string): string | undefined {
  if (value === undefined) return undefined;
  return value.replace(/\$\{EXTEN\}/g, exten).replace(/\$\{CONTEXT\}/g, context);
}
