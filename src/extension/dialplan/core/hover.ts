// What the word under the cursor is: the application of a priority line, or a function
// called as `NAME(` inside its arguments (`${CALLERID(num)}`).
import { applicationDoc, functionDoc, type DialplanDoc } from './appDocs';
import type { DialplanFile, DialplanPriority, Span } from './types';

export function priorityAtLine(file: DialplanFile, line: number): { context: string; priority: DialplanPriority } | undefined {
  for (const c of file.contexts) {
    if (line < c.line || line > c.endLine) continue;
    for (const e of c.extensions) {
      const p = e.priorities.find((x) => x.line === line);
      if (p) return { context: c.name, priority: p };
    }
  }
  return undefined;
}

export function hoverAt(file: DialplanFile, line: number, col: number, lineText: string): { doc: DialplanDoc; span: Span } | undefined {
  const hit = priorityAtLine(file, line);
  if (!hit) return undefined;
  const p = hit.priority;
  if (p.kind !== 'hint' && col >= p.appSpan.start && col <= p.appSpan.end) {
    const doc = applicationDoc(p.app);
    return doc ? { doc, span: p.appSpan } : undefined;
  }
  if (col < p.argsSpan.start || col > p.argsSpan.end) return undefined;
  const word = /[A-Za-z_][\w]*/g;
  let m: RegExpExecArray | null;
  while ((m = word.exec(lineText))) {
    const start = m.index;
    const end = start + m[0].length;
    if (col < start || col > end) continue;
    if (!/^\s*\(/.test(lineText.slice(end))) {
      // Bare EXTEN and friends are variables; we document only a few.
      const doc = functionDoc(m[0]);
      return doc && doc.signature === doc.name ? { doc, span: { line, start, end } } : undefined;
    }
    const doc = functionDoc(m[0]) ?? applicationDoc(m[0]);
    return doc ? { doc, span: { line, start, end } } : undefined;
  }
  return undefined;
}

/** The hover's text as Markdown: the summaries' `code` spans stay code, everything else is escaped. */
export function hoverMarkdown(doc: DialplanDoc): string {
  const text = doc.summary
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 ? part : part.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&')))
    .join('');
  return `*${doc.kind === 'function' ? 'Function' : 'Application'}*: ${text}`;
}
