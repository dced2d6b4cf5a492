// Parses extensions.conf text into contexts, extensions and priorities, resolving `n`,
// `same =>` and labels the way pbx_config does: `n` is one more than the priority of the
// previous line in the same section (whatever its extension), `same` reuses the previous
// line's extension, and the counters restart at each section header.
import { stripComments, type CommentState } from './text';
import type {
  BlockComment,
  DialplanContext,
  DialplanExtension,
  DialplanFile,
  DialplanInclude,
  FileInclude,
  DialplanPriority,
  PriorityKind,
  Span,
} from './types';

const HEADER = /^(\s*)\[([^\]]+)\](?:\s*\(([^)]*)\))?/;
const ASSIGN = /^(\s*)(exten|same|include)\s*=>?\s*/i;
const PRIORITY_WITH_LABEL = /^([^(]*)\(([^)]*)\)\s*$/;
const FILE_INCLUDE = /^(\s*)#(include|tryinclude)\s+/i;
const SPECIAL_SECTIONS = new Set(['general', 'globals']);

interface SectionState {
  context: DialplanContext;
  lastPriority: number | undefined;
  lastExten: string | undefined;
  /** label -> priority, per extension name, for labels used as a priority field. */
  labels: Map<string, Map<string, number>>;
  extensions: Map<string, DialplanExtension>;
}

export function parseDialplan(text: string): DialplanFile {
  const lines = text.split(/\r?\n/);
  const contexts: DialplanContext[] = [];
  const blockComments: BlockComment[] = [];
  const fileIncludes: FileInclude[] = [];
  const comments: CommentState = { depth: 0 };
  let section: SectionState | undefined;
  let blockStart = -1;

  for (let lineNo = 0; lineNo < lines.length; lineNo++) {
    const wasInBlock = comments.depth > 0;
    const code = stripComments(lines[lineNo], comments);
    const inBlock = comments.depth > 0;
    if (!wasInBlock && inBlock) blockStart = lineNo;
    else if (wasInBlock && !inBlock) {
      blockComments.push({ startLine: blockStart, endLine: lineNo });
      blockStart = -1;
    }
    if (code.trim() === '') continue;

    const directive = FILE_INCLUDE.exec(code);
    if (directive) {
      const include = fileInclude(directive, code, lineNo);
      if (include) fileIncludes.push(include);
      continue;
    }
    const header = HEADER.exec(code);
    if (header) {
      section = { context: newContext(header, code, lineNo), lastPriority: undefined, lastExten: undefined, labels: new Map(), extensions: new Map() };
      contexts.push(section.context);
      continue;
    }
    if (!section) continue;
    section.context.endLine = lineNo;

    const assign = ASSIGN.exec(code);
    if (!assign) continue;
    const keyword = assign[2].toLowerCase();
    const valueStart = assign[0].length;
    const value = code.slice(valueStart).trimEnd();
    if (keyword === 'include') {
      const name = value.trim();
      if (name) section.context.includes.push({ context: name, line: lineNo, span: { line: lineNo, start: valueStart, end: valueStart + value.length } });
      continue;
    }
    const parsed = parsePriorityLine(keyword as 'exten' | 'same', value, valueStart, assign[1].length, lineNo, section);
    if (parsed) addPriority(section, parsed.priority, parsed.nameSpan);
  }
  if (blockStart >= 0) blockComments.push({ startLine: blockStart, endLine: lines.length - 1 });
  return { contexts, blockComments, fileIncludes };
}

function fileInclude(m: RegExpExecArray, code: string, line: number): FileInclude | undefined {
  const raw = code.slice(m[0].length).trimEnd();
  const quoted = /^(["<])(.*)[">]$/.exec(raw);
  const path = (quoted ? quoted[2] : raw).trim();
  if (!path) return undefined;
  const start = m[0].length + (quoted ? 1 : 0);
  return { path, optional: m[2].toLowerCase() === 'tryinclude', line, span: { line, start, end: start + path.length } };
}

function newContext(m: RegExpExecArray, code: string, line: number): DialplanContext {
  const name = m[2].trim();
  const start = m[1].length + 1 + (m[2].length - m[2].trimStart().length);
  const options = (m[3] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const templateRefs: DialplanInclude[] = [];
  if (m[3] !== undefined) {
    let at = code.indexOf('(', m[1].length + m[2].length + 2) + 1;
    for (const raw of m[3].split(',')) {
      const t = raw.trim();
      const s = at + (raw.length - raw.trimStart().length);
      if (t && t !== '!' && t !== '+') templateRefs.push({ context: t, line, span: { line, start: s, end: s + t.length } });
      at += raw.length + 1;
    }
  }
  return {
    templateRefs,
    name,
    line,
    endLine: line,
    nameSpan: { line, start, end: start + name.length },
    isTemplate: options.includes('!'),
    templates: options.filter((o) => o !== '!' && o !== '+'),
    isSpecial: SPECIAL_SECTIONS.has(name.toLowerCase()),
    extensions: [],
    includes: [],
  };
}

/** Splits `name,priority,App(args)` (exten) or `priority,App(args)` (same). */
function parsePriorityLine(
  keyword: 'exten' | 'same',
  value: string,
  valueStart: number,
  keywordStart: number,
  line: number,
  section: SectionState,
): { priority: DialplanPriority; nameSpan: Span } | undefined {
  let rest = value;
  let offset = valueStart;
  let exten: string;
  let nameSpan: Span = { line, start: keywordStart, end: keywordStart + keyword.length };
  if (keyword === 'exten') {
    const comma = rest.indexOf(',');
    if (comma < 0) return undefined;
    // `1234/5551212` matches on caller id too; the extension is the part before the slash.
    const field = rest.slice(0, comma);
    exten = field.trim().split('/')[0].trim();
    const nameStart = offset + (field.length - field.trimStart().length);
    nameSpan = { line, start: nameStart, end: nameStart + exten.length };
    rest = rest.slice(comma + 1);
    offset += comma + 1;
  } else {
    if (section.lastExten === undefined) return undefined;
    exten = section.lastExten;
  }
  const comma = rest.indexOf(',');
  const priorityRaw = comma < 0 ? rest : rest.slice(0, comma);
  const priorityText = priorityRaw.trim();
  const priorityStart = offset + (priorityRaw.length - priorityRaw.trimStart().length);
  const prioritySpan: Span = { line, start: priorityStart, end: priorityStart + priorityText.length };
  const appRaw = comma < 0 ? '' : rest.slice(comma + 1);
  const appOffset = comma < 0 ? offset + rest.length : offset + comma + 1;
  const app = splitApplication(appRaw, appOffset, line);

  const { kind, priority: number, label } = resolvePriority(priorityText, exten, section);
  const priority: DialplanPriority = {
    keyword,
    exten,
    priority: number,
    kind,
    label,
    app: app.name,
    appArgs: app.args,
    line,
    span: { line, start: keywordStart, end: valueStart + value.length },
    priorityText,
    prioritySpan,
    appSpan: app.nameSpan,
    argsSpan: app.argsSpan,
  };
  return { priority, nameSpan };
}

function resolvePriority(text: string, exten: string, section: SectionState): { kind: PriorityKind; priority: number; label?: string } {
  let base = text;
  let label: string | undefined;
  const withLabel = PRIORITY_WITH_LABEL.exec(text);
  if (withLabel) {
    base = withLabel[1].trim();
    label = withLabel[2].trim() || undefined;
  }
  const lower = base.toLowerCase();
  const last = section.lastPriority;
  if (lower === 'hint') return { kind: 'hint', priority: -1, label };
  if (lower === 'n' || lower === 'next') return { kind: 'next', priority: last === undefined ? 0 : last + 1, label };
  if (lower === 's' || lower === 'same') return { kind: 'same', priority: last ?? 0, label };
  if (/^\d+$/.test(base)) return { kind: 'number', priority: Number(base), label };
  const labelled = section.labels.get(exten)?.get(base);
  return { kind: 'label', priority: labelled ?? 0, label };
}

interface AppParts {
  name: string;
  args: string;
  nameSpan: Span;
  argsSpan: Span;
}

/** `App(args)`; the arguments run to the last `)` as in pbx_config; legacy `App,args` too. */
function splitApplication(raw: string, offset: number, line: number): AppParts {
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  const start = offset + lead;
  const paren = text.indexOf('(');
  const comma = text.indexOf(',');
  if (paren >= 0 && (comma < 0 || paren < comma)) {
    const name = text.slice(0, paren).trim();
    const close = text.lastIndexOf(')');
    const argsEnd = close > paren ? close : text.length;
    return {
      name,
      args: text.slice(paren + 1, argsEnd),
      nameSpan: { line, start, end: start + name.length },
      argsSpan: { line, start: start + paren + 1, end: start + argsEnd },
    };
  }
  if (comma >= 0) {
    const name = text.slice(0, comma).trim();
    return {
      name,
      args: text.slice(comma + 1),
      nameSpan: { line, start, end: start + name.length },
      argsSpan: { line, start: start + comma + 1, end: start + text.length },
    };
  }
  return {
    name: text,
    args: '',
    nameSpan: { line, start, end: start + text.length },
    argsSpan: { line, start: start + text.length, end: start + text.length },
  };
}

function addPriority(section: SectionState, p: DialplanPriority, nameSpan: Span): void {
  const ctx = section.context;
  if (p.kind !== 'hint') section.lastPriority = p.priority;
  section.lastExten = p.exten;
  if (p.label && p.kind !== 'hint') {
    let labels = section.labels.get(p.exten);
    if (!labels) section.labels.set(p.exten, (labels = new Map()));
    labels.set(p.label, p.priority);
  }
  // Lines of one extension may be spread out; they still form one extension.
  let ext = section.extensions.get(p.exten);
  if (!ext) {
    ext = { name: p.exten, line: p.line, endLine: p.line, nameSpan, priorities: [] };
    section.extensions.set(p.exten, ext);
    ctx.extensions.push(ext);
  }
  ext.endLine = Math.max(ext.endLine, p.line);
  ext.priorities.push(p);
}
