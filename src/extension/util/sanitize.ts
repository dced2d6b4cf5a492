// Text a server or a file sent, on its way to a place that interprets it. VS Code turns
// `[label](command:…)` in a notification into a link that runs a command, a newline in a
// Markdown table cell ends the row, and a 5 MB server message would fill a toast. So every
// server- or file-derived string shown in a notification, the status bar, a QuickPick or the
// log goes through here; the full text stays in the log or a JSON document.
// Pure code (no vscode): the core and the tests use it too.

/** Default cap of shown text: enough for any real ARI message, channel name or variable. */
export const MAX_SHOWN_CHARS = 300;
/** Cap of one logged server text (a log line, not a dump). */
export const MAX_LOGGED_CHARS = 2000;

// C0/C1 controls, line and paragraph separators, bidi overrides (a name that reads backwards).
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g;

/** Cuts `text` to `max` characters and a trailing "…" (never splits a surrogate pair). */
export function capText(text: string, max = MAX_SHOWN_CHARS): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max);
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * Neutralises Markdown link syntax: `](` becomes `] (`, so neither `[x](command:…)` nor
 * `[x](https://…)` is a link any more, and the text still reads the same.
 */
export function unlink(text: string): string {
  return text.replace(/\]\s*\(/g, '] (').replace(/<((?:command|https?|file|vscode):)/gi, '‹$1');
}

/**
 * For a notification, a status bar text, a QuickPick or a tree label: one line (controls and
 * newlines become a space), no link syntax, at most `max` characters.
 */
export function shown(text: unknown, max = MAX_SHOWN_CHARS): string {
  const s = typeof text === 'string' ? text : text === undefined || text === null ? '' : String(text);
  return capText(unlink(s.replace(CONTROLS, ' ')), max);
}

/** For a log line: controls escaped (no forged lines), capped at `max` characters. */
export function logged(text: unknown, max = MAX_LOGGED_CHARS): string {
  const s = typeof text === 'string' ? text : String(text);
  const capped = s.length > max ? `${s.slice(0, max)}… (${s.length} chars)` : s;
  return capped.replace(CONTROLS, (m) =>
    [...m].map((ch) => (ch === '\n' ? '\\n' : ch === '\r' ? '\\r' : ch === '\t' ? ' ' : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)).join(''),
  );
}
