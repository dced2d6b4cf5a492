// What this extension itself did to a channel (hold, mute, MOH, silence, ringing indication).
// ARI reports none of it: POST /channels/{id}/hold answers 204 and sends no ChannelHold (that
// event is for a phone putting its peer on hold), mute/MOH/silence/ring raise no event at all
// (ari-transcripts 09-channel-ops). So the menus can only offer Unhold/Unmute/Stop… for what the
// user switched on from here; anything else still goes through ARI: Invoke Operation… No vscode.
import { Emitter, type Event } from '../../util/emitter';

export type ChannelControl = 'ringing' | 'held' | 'muted' | 'moh' | 'silence';

/** In contextValue order. */
export const CHANNEL_CONTROLS: readonly ChannelControl[] = ['ringing', 'held', 'muted', 'moh', 'silence'];

/** The simple channel operations of commands/actions/channel.ts, and what each switches. */
const OPS: Record<string, [ChannelControl, boolean][]> = {
  ring: [['ringing', true]],
  ringStop: [['ringing', false]],
  answer: [['ringing', false]],
  hold: [['held', true]],
  unhold: [['held', false]],
  startMoh: [['moh', true]],
  stopMoh: [['moh', false]],
  startSilence: [['silence', true]],
  stopSilence: [['silence', false]],
};

export class ChannelControls {
  private readonly byChannel = new Map<string, Set<ChannelControl>>();
  /** Mute is per direction: unmuting 'in' leaves 'out' muted. */
  private readonly muted = new Map<string, Set<'in' | 'out'>>();
  private readonly changed = new Emitter<string[]>();
  /** Channel ids whose controls changed. */
  readonly onDidChange: Event<string[]> = this.changed.event;

  of(id: string): ReadonlySet<ChannelControl> {
    return this.byChannel.get(id) ?? EMPTY;
  }

  /** Whether any channel has `c` on. */
  any(c: ChannelControl): boolean {
    for (const set of this.byChannel.values()) if (set.has(c)) return true;
    return false;
  }

  /** A simple operation succeeded on these channels (the names of SimpleChannelOp plus startMoh). */
  noteOp(ids: readonly string[], op: string): void {
    const effects = OPS[op];
    if (!effects) return;
    for (const id of ids) for (const [c, on] of effects) this.set(id, c, on);
    this.changed.fire([...ids]);
  }

  noteMute(ids: readonly string[], direction: 'both' | 'in' | 'out', mute: boolean): void {
    const dirs: ('in' | 'out')[] = direction === 'both' ? ['in', 'out'] : [direction];
    for (const id of ids) {
      let set = this.muted.get(id);
      if (!set) this.muted.set(id, (set = new Set()));
      for (const d of dirs) {
        if (mute) set.add(d);
        else set.delete(d);
      }
      if (!set.size) this.muted.delete(id);
      this.set(id, 'muted', set.size > 0);
    }
    this.changed.fire([...ids]);
  }

  /** Channels that are gone take their controls with them. */
  retain(alive: (id: string) => boolean): void {
    for (const id of [...this.byChannel.keys()]) if (!alive(id)) this.byChannel.delete(id);
    for (const id of [...this.muted.keys()]) if (!alive(id)) this.muted.delete(id);
  }

  clear(): void {
    this.byChannel.clear();
    this.muted.clear();
  }

  private set(id: string, c: ChannelControl, on: boolean): void {
    let set = this.byChannel.get(id);
    if (on) {
      if (!set) this.byChannel.set(id, (set = new Set()));
      set.add(c);
    } else if (set) {
      set.delete(c);
      if (!set.size) this.byChannel.delete(id);
    }
  }
}

const EMPTY: ReadonlySet<ChannelControl> = new Set();

/** One store per session object: the commands note into it, the tree reads it. */
const stores = new WeakMap<object, ChannelControls>();

export function controlsOf(session: object): ChannelControls {
  let c = stores.get(session);
  if (!c) stores.set(session, (c = new ChannelControls()));
  return c;
}
