// The outline of a dialplan file: contexts, their extensions and includes, and each
// extension's priorities (with labels). The vscode symbol provider maps this 1:1.
import type { DialplanFile, Span } from './types';

export type OutlineKind = 'context' | 'template' | 'settings' | 'extension' | 'priority' | 'include' | 'hint';

export interface OutlineNode {
  name: string;
  detail: string;
  kind: OutlineKind;
  startLine: number;
  endLine: number;
  selection: Span;
  children: OutlineNode[];
}

export function documentOutline(file: DialplanFile): OutlineNode[] {
  return file.contexts.map((c) => {
    const children: OutlineNode[] = [];
    for (const inc of c.includes) {
      children.push({ name: `include ${inc.context}`, detail: '', kind: 'include', startLine: inc.line, endLine: inc.line, selection: inc.span, children: [] });
    }
    for (const e of c.extensions) {
      const priorities: OutlineNode[] = e.priorities.map((p) => ({
        name: p.kind === 'hint' ? 'hint' : `${p.priority}${p.label ? `(${p.label})` : ''}`,
        detail: p.kind === 'hint' ? p.app : `${p.app}(${p.appArgs})`,
        kind: p.kind === 'hint' ? 'hint' : 'priority',
        startLine: p.line,
        endLine: p.line,
        selection: p.prioritySpan,
        children: [],
      }));
      const count = e.priorities.filter((p) => p.kind !== 'hint').length;
      children.push({
        name: e.name,
        detail: `${count} ${count === 1 ? 'priority' : 'priorities'}`,
        kind: 'extension',
        startLine: e.line,
        endLine: e.endLine,
        selection: e.nameSpan,
        children: priorities,
      });
    }
    children.sort((a, b) => a.startLine - b.startLine);
    const kind: OutlineKind = c.isSpecial ? 'settings' : c.isTemplate ? 'template' : 'context';
    const detail = c.isTemplate ? 'template' : c.templates.length > 0 ? `uses ${c.templates.join(', ')}` : '';
    return { name: c.name, detail, kind, startLine: c.line, endLine: c.endLine, selection: c.nameSpan, children };
  });
}

export interface FoldRange {
  start: number;
  end: number;
  comment: boolean;
}

/** Folds each context, each extension of more than one line, and block comments. */
export function foldingRanges(file: DialplanFile): FoldRange[] {
  const out: FoldRange[] = [];
  for (const c of file.contexts) {
    if (c.endLine > c.line) out.push({ start: c.line, end: c.endLine, comment: false });
    for (const e of c.extensions) {
      // An extension's lines may be scattered; fold only a contiguous run from its first line.
      const lines = e.priorities.map((p) => p.line);
      let end = e.line;
      while (lines.includes(end + 1)) end++;
      if (end > e.line) out.push({ start: e.line, end, comment: false });
    }
  }
  for (const b of file.blockComments) if (b.endLine > b.startLine) out.push({ start: b.startLine, end: b.endLine, comment: true });
  return out;
}
