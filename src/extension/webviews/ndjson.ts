// Event logs as NDJSON: one event's JSON per line, nothing else (no profile, URL or user
// name is written). Reading keeps the good lines and reports the bad ones by line number.
// No vscode import.

import { StringDecoder } from 'node:string_decoder';
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
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
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

/** Caps of a streamed log read: the file can be any size, memory and the event loop stay bounded. */
export interface NdjsonStreamOptions {
  /** A longer line is skipped as an error without being held (default 1 MiB). */
  maxLineChars?: number;
  /** How many errors are kept with their line numbers (the rest are only counted; default 100). */
  maxErrors?: number;
  /** Lines parsed between yields to the event loop (default 2000). */
  yieldEvery?: number;
  /** Called after each chunk with the bytes read so far. */
  onProgress?(bytesRead: number): void;
  /** Polled between chunks: true stops the read (the result says `cancelled`). */
  isCancelled?(): boolean;
}

export interface NdjsonStreamResult {
  events: number;
  errors: NdjsonError[];
  errorCount: number;
  cancelled: boolean;
}

/**
 * Reads an NDJSON event log chunk by chunk: each good event goes to `sink` as it is parsed
 * (the caller keeps only what it wants, e.g. the newest N in a ring), so the whole file is never
 * in memory; the event loop gets a turn every `yieldEvery` lines.
 */
export async function readNdjson(
  chunks: AsyncIterable<Uint8Array | string>,
  sink: (e: ParsedLogEvent) => void,
  opts: NdjsonStreamOptions = {},
): Promise<NdjsonStreamResult> {
  const maxLine = opts.maxLineChars ?? 1024 * 1024;
  const maxErrors = opts.maxErrors ?? 100;
  const yieldEvery = opts.yieldEvery ?? 2000;
  const decoder = new StringDecoder('utf8');
  const result: NdjsonStreamResult = { events: 0, errors: [], errorCount: 0, cancelled: false };
  const error = (line: number, message: string): void => {
    result.errorCount++;
    if (result.errors.length < maxErrors) result.errors.push({ line, message });
  };
  let pending = '';
  let overlong = false; // inside a line already over the limit: drop until its end
  let lineNo = 0;
  let sinceYield = 0;
  let bytes = 0;
  const handle = (raw: string): void => {
    lineNo++;
    const text = raw.trim();
    if (text === '') return;
    const parsed = parseLine(text);
    if (typeof parsed === 'string') error(lineNo, parsed);
    else {
      result.events++;
      sink({ line: lineNo, event: parsed, json: text });
    }
  };
  for await (const chunk of chunks) {
    if (opts.isCancelled?.()) {
      result.cancelled = true;
      return result;
    }
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    let text = typeof chunk === 'string' ? chunk : decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    let nl = text.indexOf('\n');
    while (nl >= 0) {
      if (overlong) {
        overlong = false;
      } else {
        handle(pending + text.slice(0, nl));
      }
      pending = '';
      text = text.slice(nl + 1);
      nl = text.indexOf('\n');
      if (++sinceYield >= yieldEvery) {
        sinceYield = 0;
        await new Promise<void>((r) => setImmediate(r));
      }
    }
    if (overlong) continue;
    pending += text;
    if (pending.length > maxLine) {
      lineNo++;
      error(lineNo, `longer than ${maxLine} characters`);
      pending = '';
      overlong = true; // its number is taken; its end must not count as another line
    }
    opts.onProgress?.(bytes);
    await new Promise<void>((r) => setImmediate(r));
  }
  const rest = pending + decoder.end();
  if (!overlong && rest.trim() !== '') handle(rest);
  return result;
}

function parseLine(raw: string): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    // The parser's message quotes the line: the line number is enough.
    return 'not JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const event = value as Record<string, unknown>;
  if (typeof event.type !== 'string' || event.type === '') return 'no "type" field';
  return event;
}
