// Asterisk extension patterns: `_` then X (0-9), Z (1-9), N (2-9), [sets and ranges],
// `.` (one or more of anything), `!` (zero or more). Anything else is literal. Matching is
// case-insensitive; `-` in plain extensions is decoration and ignored.

type Token = { kind: 'set'; chars: (c: string) => boolean; size: number } | { kind: 'rest'; min: number };

function tokenize(pattern: string): Token[] {
  const out: Token[] = [];
  const body = pattern.slice(1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    const up = ch.toUpperCase();
    if (up === 'X') out.push({ kind: 'set', chars: (c) => c >= '0' && c <= '9', size: 10 });
    else if (up === 'Z') out.push({ kind: 'set', chars: (c) => c >= '1' && c <= '9', size: 9 });
    else if (up === 'N') out.push({ kind: 'set', chars: (c) => c >= '2' && c <= '9', size: 8 });
    else if (ch === '.') out.push({ kind: 'rest', min: 1 });
    else if (ch === '!') out.push({ kind: 'rest', min: 0 });
    else if (ch === '[') {
      const close = body.indexOf(']', i + 1);
      const inner = close < 0 ? body.slice(i + 1) : body.slice(i + 1, close);
      i = close < 0 ? body.length : close;
      const set = expandSet(inner);
      out.push({ kind: 'set', chars: (c) => set.has(c.toLowerCase()), size: set.size });
    } else if (ch !== '-') {
      const lit = ch.toLowerCase();
      out.push({ kind: 'set', chars: (c) => c.toLowerCase() === lit, size: 1 });
    }
  }
  return out;
}

function expandSet(inner: string): Set<string> {
  const set = new Set<string>();
  for (let i = 0; i < inner.length; i++) {
    if (inner[i + 1] === '-' && i + 2 < inner.length) {
      const from = inner.charCodeAt(i);
      const to = inner.charCodeAt(i + 2);
      for (let c = from; c <= to; c++) set.add(String.fromCharCode(c).toLowerCase());
      i += 2;
    } else set.add(inner[i].toLowerCase());
  }
  return set;
}

export function isPattern(exten: string): boolean {
  return exten.startsWith('_');
}

/** Does the dialled `exten` match the dialplan extension `pattern` (plain or `_...`)? */
export function extensionMatches(pattern: string, exten: string): boolean {
  if (!isPattern(pattern)) return normalizePlain(pattern) === normalizePlain(exten);
  return matchFrom(tokenize(pattern), 0, exten, 0);
}

function normalizePlain(s: string): string {
  return s.replace(/-/g, '').toLowerCase();
}

function matchFrom(tokens: Token[], ti: number, s: string, si: number): boolean {
  if (ti === tokens.length) return si === s.length;
  const t = tokens[ti];
  if (t.kind === 'rest') return s.length - si >= t.min;
  return si < s.length && t.chars(s[si]) && matchFrom(tokens, ti + 1, s, si + 1);
}

/**
 * Orders candidate patterns the way Asterisk prefers them: position by position, the one
 * that allows fewer characters wins; `.`/`!` lose to anything. Negative: `a` is more specific.
 */
export function comparePatternSpecificity(a: string, b: string): number {
  const ta = tokenize(a);
  const tb = tokenize(b);
  for (let i = 0; i < Math.max(ta.length, tb.length); i++) {
    const sa = weight(ta[i]);
    const sb = weight(tb[i]);
    if (sa !== sb) return sa - sb;
  }
  return 0;
}

function weight(t: Token | undefined): number {
  if (!t) return 0;
  return t.kind === 'rest' ? 1000 + (1 - t.min) : t.size;
}
