// Line-level helpers for Asterisk config text: comment removal that keeps columns, and
// splitting application arguments at top-level separators.

export interface CommentState {
  /** Nesting depth of `;-- --;` block comments (Asterisk counts them). */
  depth: number;
}

/** `;--` opens a block comment, but not `;---...` (a common separator line): as in config.c. */
function opensBlock(line: string, i: number): boolean {
  return line.startsWith(';--', i) && line[i + 3] !== '-';
}

/**
 * Returns the line with comments replaced by spaces, so columns stay valid for spans.
 * `;` starts a comment unless escaped as `\;`; `;--` ... `--;` is a block comment that may
 * span lines and nest (the state carries over). Quotes do not protect `;` in Asterisk configs.
 */
export function stripComments(line: string, state: CommentState): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    if (state.depth > 0) {
      if (line.startsWith('--;', i)) {
        state.depth--;
        out += '   ';
        i += 3;
      } else if (opensBlock(line, i)) {
        state.depth++;
        out += '   ';
        i += 3;
      } else {
        out += ' ';
        i++;
      }
      continue;
    }
    const ch = line[i];
    if (ch === '\\' && line[i + 1] === ';') {
      out += '\\;';
      i += 2;
      continue;
    }
    if (ch === ';') {
      if (opensBlock(line, i)) {
        state.depth = 1;
        out += '   ';
        i += 3;
        continue;
      }
      out += ' '.repeat(line.length - i);
      return out;
    }
    out += ch;
    i++;
  }
  return out;
}

export interface ArgPiece {
  text: string;
  /** Offset of `text` within the string that was split. */
  offset: number;
}

const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/**
 * Splits at `sep` characters that are not nested inside (), [], {} (which covers
 * `${VAR}`, `$[expr]` and `FUNC(...)`) or double quotes. Each piece is trimmed, with its
 * offset adjusted to the first kept character.
 */
export function splitTopLevel(text: string, seps: string): ArgPiece[] {
  const pieces: ArgPiece[] = [];
  const stack: string[] = [];
  let inQuote = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '"') {
      inQuote = !inQuote;
      continue;
    }
    if (inQuote) continue;
    if (OPENERS[ch]) stack.push(OPENERS[ch]);
    else if (stack.length > 0 && ch === stack[stack.length - 1]) stack.pop();
    else if (stack.length === 0 && seps.includes(ch)) {
      pieces.push(trimmedPiece(text, start, i));
      start = i + 1;
    }
  }
  pieces.push(trimmedPiece(text, start, text.length));
  return pieces;
}

/** Index of the first top-level occurrence of `ch`, or -1. */
export function indexOfTopLevel(text: string, ch: string): number {
  let depth = 0;
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '"') inQuote = !inQuote;
    if (inQuote) continue;
    if (c in OPENERS) depth++;
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0 && c === ch) return i;
  }
  return -1;
}

function trimmedPiece(text: string, start: number, end: number): ArgPiece {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  return { text: raw.trim(), offset: start + lead };
}
