// Loads the recorded real-server transcripts (test/fixtures/ari-transcripts) for replay tests.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AriEvent } from '../../../src/extension/ari/events.generated';
import { transcriptDir } from '../shared/fixtures';

export interface TranscriptEntry {
  kind: 'request' | 'response' | 'event' | 'note';
  method?: string;
  path?: string;
  query?: Record<string, string>;
  status?: number;
  body?: unknown;
  ws?: string;
  upgrade?: string;
}

export interface Transcript {
  name: string;
  entries: TranscriptEntry[];
  /** WebSocket labels in the order they were opened. */
  sockets: string[];
  /** Labels of sockets opened with subscribeAll=true. */
  firehoses: Set<string>;
}

export { transcriptDir };

export function transcriptNames(): string[] {
  return readdirSync(transcriptDir)
    .filter((f) => /^\d\d-.*\.json$/.test(f))
    .sort();
}

export function loadTranscript(name: string): Transcript {
  const entries = JSON.parse(readFileSync(path.join(transcriptDir, name), 'utf8')) as TranscriptEntry[];
  const sockets: string[] = [];
  const firehoses = new Set<string>();
  for (const e of entries) {
    if (e.kind === 'request' && e.upgrade === 'websocket') {
      const label = e.ws ?? 'main';
      if (!sockets.includes(label)) sockets.push(label);
      if (e.query?.subscribeAll === 'true') firehoses.add(label);
    }
  }
  return { name, entries, sockets, firehoses };
}

/** The socket an event entry belongs to (files with one socket leave `ws` out). */
export function socketOf(t: Transcript, e: TranscriptEntry): string {
  return e.ws ?? t.sockets[0] ?? 'main';
}

/** An event entry that is a real ARI event (not a `_ws_close` marker). */
export function eventOf(e: TranscriptEntry): AriEvent | undefined {
  if (e.kind !== 'event') return undefined;
  const b = e.body as { type?: string } | undefined;
  return b && typeof b.type === 'string' ? (b as AriEvent) : undefined;
}

/** A 201 answer to POST .../play: what the commands area hands to trackPlayback(). */
export function isPlayResponse(e: TranscriptEntry): boolean {
  return e.kind === 'response' && e.method === 'POST' && e.status === 201 && /\/play(\/[^/]+)?$/.test(e.path ?? '');
}

/** GET of a list resource (`/ari/channels`, with or without an http prefix) answered 200. */
export function isListResponse(e: TranscriptEntry, resource: string): boolean {
  return (
    e.kind === 'response' && e.method === 'GET' && e.status === 200 && Array.isArray(e.body) && new RegExp(`^(/[^/]+)?/ari/${resource}$`).test(e.path ?? '')
  );
}
