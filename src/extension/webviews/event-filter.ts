// Compiles an EventFilter into a predicate over stored events. Compiled once per filter
// change, so a 50,000-event rebuild does only cheap comparisons. No vscode import.

import type { EventFilter } from '../../shared/protocol';
import type { StoredEvent } from './event-store';

const ASTERISK_ID = /^\d+\.\d+$/;

export type EventPredicate = (e: StoredEvent) => boolean;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Channel and bridge match an id exactly (ids like 1700000000.1 are prefixes of .10) or a
 * name by substring; app matches exactly; text anywhere in the JSON, ignoring case.
 */
export function compileFilter(filter: EventFilter): EventPredicate {
  const tests: EventPredicate[] = [];
  if (filter.types.length > 0) {
    const types = new Set(filter.types);
    tests.push((e) => types.has(e.type));
  }
  const app = filter.app.trim().toLowerCase();
  if (app) tests.push((e) => e.app.toLowerCase() === app);
  const channel = filter.channel.trim();
  if (channel) {
    const lower = channel.toLowerCase();
    // An Asterisk unique id (1796077989.60) only ever means that channel: 1796077989.6 must
    // not also find every name that happens to contain it.
    if (ASTERISK_ID.test(channel)) tests.push((e) => e.channelIds.includes(channel));
    else tests.push((e) => e.channelIds.includes(channel) || e.channelNames.some((n) => n.toLowerCase().includes(lower)));
  }
  const bridge = filter.bridge.trim();
  if (bridge) {
    const lower = bridge.toLowerCase();
    tests.push((e) => e.bridgeIds.includes(bridge) || e.bridgeNames.some((n) => n !== '' && n.toLowerCase().includes(lower)));
  }
  const text = filter.text.trim();
  if (text) {
    // One case-insensitive regex over the stored JSON: no per-event lower-casing copy.
    const re = new RegExp(escapeRegExp(text), 'i');
    tests.push((e) => re.test(e.json));
  }
  if (tests.length === 0) return () => true;
  if (tests.length === 1) return tests[0];
  return (e) => tests.every((t) => t(e));
}
