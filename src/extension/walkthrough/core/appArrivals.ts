// Being the app: which channels wait in the apps the user's profile registers, which just
// arrived (to announce), and the walkthrough's milestones, all read from the event stream.
// StasisStart/StasisEnd reach only the app that owns the channel, so they are the truth here
// against the simulator and a real Asterisk alike. Pure: no vscode.
import type { AriEvent } from '../../ari/events.generated';
import { t } from '../../util/l10n';

export interface Arrival {
  channelId: string;
  channelName: string;
  app: string;
}

/** Walkthrough steps that real events complete. */
export type Milestone = 'stasisStart' | 'playbackStarted' | 'playbackFinished' | 'stasisEnd';

export interface IngestResult {
  arrived: Arrival[];
  milestones: Milestone[];
  /** The number of waiting channels changed. */
  countChanged: boolean;
}

interface ChannelLike {
  id?: unknown;
  name?: unknown;
}

/** Caps the bookkeeping: a server with thousands of Stasis channels must not grow it without end. */
export const MAX_TRACKED = 10_000;

export class AppArrivals {
  private apps: Set<string>;
  private readonly waiting = new Map<string, Arrival>();
  /** Channels destroyed while waiting: a StasisEnd copy may still be on its way. */
  private readonly gone = new Set<string>();

  constructor(apps: readonly string[]) {
    this.apps = new Set(apps);
  }

  /** The profile's apps changed (or another profile connected): start over. */
  reset(apps: readonly string[]): void {
    this.apps = new Set(apps);
    this.waiting.clear();
    this.gone.clear();
  }

  get count(): number {
    return this.waiting.size;
  }

  get channels(): readonly Arrival[] {
    return [...this.waiting.values()];
  }

  ingest(events: readonly AriEvent[]): IngestResult {
    const before = this.waiting.size;
    const arrived: Arrival[] = [];
    const milestones = new Set<Milestone>();
    for (const e of events) {
      const app = (e as { application?: unknown }).application;
      const ch = (e as { channel?: ChannelLike }).channel;
      const id = typeof ch?.id === 'string' ? ch.id : undefined;
      // With several apps on one socket a record's application is the set of apps that got a
      // copy ("a,b"); the copies of different apps also arrive out of order, so the channel's
      // ChannelDestroyed can come before its StasisEnd.
      const ownApp = typeof app === 'string' ? app.split(',').find((x) => this.apps.has(x)) : undefined;
      const ours = ownApp !== undefined;
      if (e.type === 'StasisStart' && id && ownApp !== undefined) {
        if (this.waiting.size >= MAX_TRACKED && !this.waiting.has(id)) continue;
        const a: Arrival = { channelId: id, channelName: typeof ch?.name === 'string' ? ch.name : id, app: ownApp };
        this.waiting.set(id, a);
        arrived.push(a);
        milestones.add('stasisStart');
      } else if (e.type === 'StasisEnd' && id && (this.waiting.has(id) || this.gone.has(id) || ours)) {
        this.waiting.delete(id);
        milestones.add('stasisEnd');
        const i = arrived.findIndex((a) => a.channelId === id);
        if (i >= 0) arrived.splice(i, 1);
      } else if (e.type === 'ChannelDestroyed' && id && this.waiting.has(id)) {
        this.waiting.delete(id);
        this.gone.add(id);
        if (this.gone.size > MAX_TRACKED) this.gone.delete(this.gone.values().next().value as string);
        const i = arrived.findIndex((a) => a.channelId === id);
        if (i >= 0) arrived.splice(i, 1);
      } else if (e.type === 'PlaybackStarted' || e.type === 'PlaybackFinished') {
        const target = (e as { playback?: { target_uri?: unknown } }).playback?.target_uri;
        if (typeof target !== 'string' || !target.startsWith('channel:') || !this.waiting.has(target.slice(8))) continue;
        milestones.add(e.type === 'PlaybackStarted' ? 'playbackStarted' : 'playbackFinished');
      }
    }
    return { arrived, milestones: [...milestones], countChanged: before !== this.waiting.size };
  }
}

/** The next steps offered when a channel arrives: command ids take the channel as a tree node. */
export interface ArrivalAction {
  label: string;
  command: string;
}

/** The toast's own buttons: VS Code cuts every label short ("Ans…", "Pla…") once five share a
 * notification, so the first steps of the seed's flow are buttons and the rest sit behind More…. */
export function arrivalActions(): { buttons: ArrivalAction[]; more: ArrivalAction[] } {
  return {
    buttons: [
      { label: t('Answer'), command: 'ariExplorer.channel.answer' },
      { label: t('Play…'), command: 'ariExplorer.channel.play' },
      { label: t('Hang Up'), command: 'ariExplorer.channel.hangup' },
    ],
    more: [
      { label: t('Continue in Dialplan…'), command: 'ariExplorer.channel.continue' },
      { label: t('Add to Bridge…'), command: 'ariExplorer.channel.addToBridge' },
      { label: t('Show Events for This Channel'), command: 'ariExplorer.events.showForChannel' },
      { label: t('Show Call Flow'), command: 'ariExplorer.callflow.show' },
    ],
  };
}

/** The button that opens the rest of arrivalActions().more. */
export function moreLabel(): string {
  return t('More…');
}

/** `server`: the server's name, given when several are connected. */
export function arrivalMessage(a: Arrival, server?: string): string {
  if (server) return t('{0} entered Stasis({1}) on {2} and waits for your app. Next:', a.channelName, a.app, server);
  return t('{0} entered Stasis({1}) and waits for your app. Next:', a.channelName, a.app);
}

/** The view badge: undefined hides it. */
export function waitingBadge(count: number): { value: number; tooltip: string } | undefined {
  if (count === 0) return undefined;
  return { value: count, tooltip: count === 1 ? t('1 channel waits in your Stasis apps') : t('{0} channels wait in your Stasis apps', count) };
}
