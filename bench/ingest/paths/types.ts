// What each measured path offers the client process.
import type { Meter } from '../meter';
import type { ConnectTarget } from '../protocol';

export interface PathHandle {
  /** Path-specific counts for the report. */
  notes(): Record<string, number>;
  close(): Promise<void>;
}

/**
 * Connects and resolves once events can flow. `settled` is called when `target.expected`
 * events have gone all the way through the path (the run's end).
 */
export type OpenPath = (target: ConnectTarget, meter: Meter, settled: () => void) => Promise<PathHandle>;

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export function eventsUrl(httpUrl: string, app: string): string {
  return `${httpUrl.replace(/^http/, 'ws')}/ari/events?app=${encodeURIComponent(app)}&subscribeAll=true`;
}
