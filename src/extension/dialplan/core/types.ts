// The parsed shape of an Asterisk dialplan file (extensions.conf and friends).
// Everything here is plain data with 0-based line/column positions so that the parser and
// the resolver stay free of 'vscode' and can be tested in plain Node.

/** A piece of one line: [start, end) columns. */
export interface Span {
  line: number;
  start: number;
  end: number;
}

export type PriorityKind = 'number' | 'next' | 'same' | 'label' | 'hint';

/** One `exten =>` or `same =>` line. */
export interface DialplanPriority {
  keyword: 'exten' | 'same';
  /** Extension name as written (`1776`, `_1XX`, `s`), without any `/callerid` suffix. */
  exten: string;
  /** Resolved number; -1 for `hint`; 0 when it could not be resolved (Asterisk warns too). */
  priority: number;
  kind: PriorityKind;
  /** `n(label)` / `1(label)`. */
  label?: string;
  /** Application name (`Stasis`), or for a hint the device list. */
  app: string;
  /** Raw text between the parentheses (or after the comma in the legacy `App,args` form). */
  appArgs: string;
  line: number;
  /** Whole line (first to last non-comment character). */
  span: Span;
  priorityText: string;
  prioritySpan: Span;
  appSpan: Span;
  /** Columns of appArgs on the line (empty span when there are no arguments). */
  argsSpan: Span;
}

export interface DialplanExtension {
  name: string;
  /** Line of the first priority (the symbol position). */
  line: number;
  /** Last line that belongs to it. */
  endLine: number;
  nameSpan: Span;
  priorities: DialplanPriority[];
}

export interface DialplanInclude {
  context: string;
  line: number;
  span: Span;
}

export interface DialplanContext {
  name: string;
  /** Header line `[name]`. */
  line: number;
  /** Last non-blank line before the next header (or the end). */
  endLine: number;
  nameSpan: Span;
  /** `[name](!)` */
  isTemplate: boolean;
  /** `[name](tmpl1,tmpl2)`: templates whose lines this section inherits. */
  templates: string[];
  /** Where each template name is written on the header line. */
  templateRefs: DialplanInclude[];
  /** `general` and `globals` hold settings and variables, not extensions. */
  isSpecial: boolean;
  extensions: DialplanExtension[];
  includes: DialplanInclude[];
}

export interface BlockComment {
  startLine: number;
  endLine: number;
}

/** `#include file` / `#tryinclude "file"`: path as written (relative to the including file's folder). */
export interface FileInclude {
  path: string;
  optional: boolean;
  line: number;
  span: Span;
}

export interface DialplanFile {
  contexts: DialplanContext[];
  blockComments: BlockComment[];
  fileIncludes: FileInclude[];
}
