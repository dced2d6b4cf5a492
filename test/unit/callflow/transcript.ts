// A recorded transcript's events (every socket, arrival order) as Call Flow reads a buffer.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { transcriptDir } from '../shared/fixtures';
import { CallIndex } from '../../../src/extension/callflow/core/grouping';
import { buildLadder, type FlowEvent, type Ladder } from '../../../src/extension/callflow/core/ladder';
import type { AriEvent } from '../../../src/extension/callflow/core/fields';

export function transcriptEvents(file: string): FlowEvent[] {
  const entries = JSON.parse(readFileSync(path.join(transcriptDir, file), 'utf8')) as { kind: string; body?: AriEvent }[];
  return entries.filter((e) => e.kind === 'event' && e.body && typeof e.body.type === 'string').map((e, n) => ({ n, event: e.body as AriEvent }));
}

export function indexOf(events: readonly FlowEvent[]): CallIndex {
  const index = new CallIndex();
  for (const { n, event } of events) index.ingest(n, event);
  return index;
}

/** The id of the first channel whose name ends with `suffix`. */
export function channelId(events: readonly FlowEvent[], suffix: string): string {
  for (const { event } of events) {
    const c = event.channel as { id?: string; name?: string } | undefined;
    if (c?.name?.endsWith(suffix) && c.id) return c.id;
  }
  throw new Error(`no channel ${suffix}`);
}

export function ladderOfChannel(events: readonly FlowEvent[], suffix: string): { ladder: Ladder; index: CallIndex; key: string } {
  const index = indexOf(events);
  const key = index.callOfChannel(channelId(events, suffix));
  if (!key) throw new Error(`no call for ${suffix}`);
  const wanted = new Set(index.eventsOf(key));
  return { ladder: buildLadder(events.filter((e) => wanted.has(e.n))), index, key };
}

/** "lane: label" per element, for readable order assertions. */
export function steps(ladder: Ladder): string[] {
  return ladder.elements.map(
    (el) =>
      `${ladder.lanes[el.lane].label.replace(/^Local\/.*-(\w+;\d)$/, '$1')}${el.to !== undefined ? ` -> ${ladder.lanes[el.to].label.replace(/^Local\/.*-(\w+;\d)$/, '$1')}` : ''}: ${el.label}`,
  );
}
