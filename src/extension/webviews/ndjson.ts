// Event logs as NDJSON: one event's JSON per line, nothing else (no profile, URL or user
// name is written). Reading keeps the good lines and reports the bad ones by line number.
// No vscode import.

import { redact } from '../util/logger';
import { t } from '../util/l10n';

/** One line per event, compacted (the panel keeps Asterisk's pretty-printed text). Lines are
 * run through redact() in case an event carries a URL with credentials. */
export function toNdjson(jsonLines: Iterable<string>): string {
  let out = '';
  for (const line of jsonLines) out += `${redact(compactJson(line))}\n`;
  return out;
}

/**
 * JSON text without the whitespace between tokens (strings untouched), so a pretty-printed
 * event is one line. Text that is not JSON still comes out on one line.
 */
export function compactJson(text: string): string {
  if (!/[\n\r\t]|[:,[{] /.test(text)) return text;
  let out = '';
  let start = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
      out += text.slice(start, i);
      start = i + 1;
    }
  }
  out += text.slice(start);
  // A raw line break inside a string (not valid JSON) must still not split the line.
  return out.replace(/\r?\n/g, ' ');
}

export interface NdjsonError {
  line: number;
  message: string;
}
export interface ParsedLogEvent {
  line: number;
  event: Record<string, unknown>;
  json: string;
}
export interface NdjsonParseResult {
  events: ParsedLogEvent[];
  errors: NdjsonError[];
}

/** Parses an NDJSON event log. Blank lines are skipped; a line must be a JSON object with a string `type`. */
export function parseNdjson(text: string): NdjsonParseResult {
  const events: ParsedLogEvent[] = [];
  const errors: NdjsonError[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (raw === '') continue;
    const line = i + 1;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      errors.push({ line, message: t('not JSON ({0})', err instanceof Error ? err.message : String(err)) });
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      errors.push({ line, message: t('not a JSON object') });
      continue;
    }
    const event = value as Record<string, unknown>;
    if (typeof event.type !== 'string' || event.type === '') {
      errors.push({ line, message: t('no "type" field') });
      continue;
    }
    events.push({ line, event, json: raw });
  }
  return { events, errors };
}

/** "lines 3, 7, 12 and 4 more" for a message. */
export function describeBadLines(errors: NdjsonError[], max = 5): string {
  const shown = errors.slice(0, max).map((e) => `${e.line} (${e.message})`);
  const more = errors.length > max ? t(' and {0} more', errors.length - max) : '';
  return errors.length === 1 ? t('line {0}', shown[0]) : t('lines {0}', shown.join(', ') + more);
}
