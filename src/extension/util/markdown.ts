// Escaping for Markdown that VS Code renders (tree tooltips, the status bar tooltip): every
// field a server sent is escaped, so it can neither become a link nor break out of a table.
import { MAX_SHOWN_CHARS, capText } from './sanitize';

const LINE_BREAKS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** Plain text in Markdown: one line, every Markdown character escaped, capped. */
export function escapeMarkdown(text: string, max = MAX_SHOWN_CHARS): string {
  return capText(text.replace(LINE_BREAKS, ' '), max).replace(/[\\`*_{}[\]()#+\-.!|<>~&:]/g, '\\$&');
}

/**
 * A table cell shown as a code span: nothing inside is Markdown, so only what ends the span
 * (a backtick), the cell (a pipe) or the row (a line break) needs care.
 */
export function markdownCodeCell(text: string, max = MAX_SHOWN_CHARS): string {
  return `\`${capText(text.replace(LINE_BREAKS, ' '), max).replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}
