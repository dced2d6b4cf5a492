// Go to definition inside a dialplan file: a Goto/Gosub/GotoIf target, or the context
// named by `include =>` or by a `[ctx](template)` header.
import type { DialplanIndex, LocationResult } from './dialplanIndex';
import { gotoTargets } from './targets';
import type { DialplanFile, Span } from './types';
import { priorityAtLine } from './hover';

export interface SpanLocation {
  uri: string;
  span: Span;
}

export function definitionAt(index: DialplanIndex, file: DialplanFile, line: number, col: number): SpanLocation[] {
  for (const c of file.contexts) {
    if (line < c.line || line > c.endLine) continue;
    for (const inc of c.includes) {
      if (inc.line === line && col >= inc.span.start && col <= inc.span.end) return contextLocations(index, inc.context);
    }
    for (const t of c.templateRefs) {
      if (t.line === line && col >= t.span.start && col <= t.span.end) return contextLocations(index, t.context);
    }
  }
  const hit = priorityAtLine(file, line);
  if (!hit) return [];
  for (const target of gotoTargets(hit.priority)) {
    if (col < target.span.start || col > target.span.end) continue;
    const r = index.resolveTarget(target, hit.context, hit.priority);
    return locationOf(r);
  }
  return [];
}

function contextLocations(index: DialplanIndex, name: string): SpanLocation[] {
  return index.contexts(name).map((h) => ({ uri: h.uri, span: h.context.nameSpan }));
}

export function locationOf(r: LocationResult): SpanLocation[] {
  switch (r.found) {
    case 'priority':
      return [{ uri: r.uri, span: r.priority.span }];
    case 'extension':
      return [{ uri: r.uri, span: r.extension.nameSpan }];
    case 'context':
      return [{ uri: r.uri, span: r.context.nameSpan }];
    default:
      return [];
  }
}
