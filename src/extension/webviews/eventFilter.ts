// Compiles an EventFilter into a predicate over a store's positions. Compiled once per filter
// change, so a 50,000-event rebuild does only cheap comparisons on what the store keeps per
// event (type, app, the event's own channel and bridge id, its text). Matching a channel or
// bridge that is not the event's own (a Dial's caller, a playback's target) or a name first
// checks that the text contains it at all, and only then works out the event's facts.
// No vscode import.

import type { EventFilter } from '../../shared/protocol';
import { setHasApp } from '../ari/appSet';
import type { EventStore } from './eventStore';

const ASTERISK_ID = /^\d+\.\d+$/;
const TARGET_EVENT = /^(Playback|Recording)/;

/** Whether the held event at position n passes. */
export type EventPredicate = (store: EventStore, n: number) => boolean;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Can `text` (JSON) contain a string value that equals or (ignoring case) contains `needle`?
 * False only when certain: an escape in the text (\u00e9, \/, \") could hide a match, and
 * for non-ASCII needles case folding is left to the exact check.
 */
function mayContain(needle: string, ignoreCase: boolean): (text: string) => boolean {
  if (ignoreCase && /[^\u0000-\u007f]/.test(needle)) return () => true;
  // includes() is a fast substring search; a regex only where case must be ignored.
  if (!ignoreCase) return (text) => text.includes(needle) || text.includes('\\');
  const re = new RegExp(escapeRegExp(needle), 'i');
  return (text) => re.test(text) || text.includes('\\');
}

/**
 * Channel and bridge match an id exactly (ids like 1700000000.1 are prefixes of .10) or a
 * name by substring; app matches any app the event was delivered to, exactly; text anywhere in the JSON, ignoring case.
 */
export function compileFilter(filter: EventFilter): EventPredicate {
  const tests: EventPredicate[] = [];
  if (filter.types.length > 0) {
    const types = new Set(filter.types);
    tests.push((s, n) => types.has(s.typeAt(n)));
  }
  const app = filter.app.trim().toLowerCase();
  // An event belongs to every app that got a copy of it, whichever copy came first.
  if (app) tests.push((s, n) => setHasApp(s.appAt(n), app));
  const server = filter.server ?? '';
  if (server !== '') tests.push((s, n) => s.serverAt(n) === server);
  const channel = filter.channel.trim();
  if (channel) {
    const lower = channel.toLowerCase();
    // An Asterisk unique id (1796077989.60) only ever means that channel: 1796077989.6 must
    // not also find every name that happens to contain it.
    if (ASTERISK_ID.test(channel)) {
      const may = mayContain(channel, false);
      tests.push((s, n) => s.channelIdAt(n) === channel || (may(s.jsonAt(n)) && s.factsAt(n).channelIds.includes(channel)));
    } else {
      const may = mayContain(channel, true);
      tests.push((s, n) => {
        if (s.channelIdAt(n) === channel) return true;
        // A playback or recording names its channel only by id: its facts carry the name.
        if (!may(s.jsonAt(n)) && !TARGET_EVENT.test(s.typeAt(n))) return false;
        const f = s.factsAt(n);
        return f.channelIds.includes(channel) || f.channelNames.some((x) => x.toLowerCase().includes(lower));
      });
    }
  }
  const bridge = filter.bridge.trim();
  if (bridge) {
    const lower = bridge.toLowerCase();
    const may = mayContain(bridge, true);
    tests.push((s, n) => {
      if (s.bridgeIdAt(n) === bridge) return true;
      if (!may(s.jsonAt(n))) return false;
      const f = s.factsAt(n);
      return f.bridgeIds.includes(bridge) || f.bridgeNames.some((x) => x !== '' && x.toLowerCase().includes(lower));
    });
  }
  const text = filter.text.trim();
  if (text) {
    // One case-insensitive regex over the stored text: no per-event lower-casing copy.
    const re = new RegExp(escapeRegExp(text), 'i');
    tests.push((s, n) => re.test(s.jsonAt(n)));
  }
  if (tests.length === 0) return () => true;
  if (tests.length === 1) return tests[0];
  return (s, n) => tests.every((t) => t(s, n));
}
