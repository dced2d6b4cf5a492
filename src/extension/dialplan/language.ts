// The language id and how spans of the pure parser become vscode ranges.
import * as vscode from 'vscode';
import type { Span } from './core/types';

export const LANGUAGE_ID = 'asterisk';
export const DIALPLAN_SELECTOR: vscode.DocumentSelector = { language: LANGUAGE_ID };
export const CONFIG_SECTION = 'ariExplorer.dialplan';

export function toRange(s: Span): vscode.Range {
  return new vscode.Range(s.line, s.start, s.line, s.end);
}

/** Whole lines start..end, the last one to its end (clamped to the document). */
export function lineRange(doc: vscode.TextDocument, start: number, end: number): vscode.Range {
  const last = Math.min(end, doc.lineCount - 1);
  return new vscode.Range(start, 0, last, doc.lineAt(last).text.length);
}
