// Tells the CodeLens provider when to ask again: at once when a server connects or leaves,
// and at most once per `intervalMs` while any server's live model keeps changing (a throttle rather
// than a pure debounce, so a steady stream of events cannot postpone the refresh forever).
import { Emitter, type Disposable, type Event } from '../../util/emitter';
import type { DialplanServer, DialplanSessionSource } from '../sessionView';

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class LensRefresh implements Disposable {
  private readonly emitter = new Emitter<void>();
  readonly onDidChange: Event<void> = this.emitter.event;
  /** The listeners on every connected server's model and socket state. */
  private watched: Disposable[] = [];
  private readonly serversSub: Disposable;
  private pending: unknown;

  constructor(
    source: DialplanSessionSource,
    private readonly intervalMs = 500,
    private readonly timers: Timers = realTimers,
  ) {
    // The counts sum over the servers: one connecting or leaving changes them at once.
    this.serversSub = source.onDidChangeServers((servers) => {
      this.watch(servers);
      this.cancel();
      this.emitter.fire();
    });
    this.watch(source.servers);
  }

  private watch(servers: readonly DialplanServer[]): void {
    for (const d of this.watched) d.dispose();
    this.watched = [];
    for (const { session } of servers) {
      this.watched.push(session.onModelChange(() => this.schedule()));
      // A drop or a reconnect changes what the counts mean (see stasisLenses' `stale`).
      const state = session.onState?.(() => this.schedule());
      if (state) this.watched.push(state);
    }
  }

  private schedule(): void {
    if (this.pending !== undefined) return;
    this.pending = this.timers.set(() => {
      this.pending = undefined;
      this.emitter.fire();
    }, this.intervalMs);
  }

  private cancel(): void {
    if (this.pending !== undefined) this.timers.clear(this.pending);
    this.pending = undefined;
  }

  dispose(): void {
    this.cancel();
    this.serversSub.dispose();
    for (const d of this.watched) d.dispose();
    this.watched = [];
    this.emitter.dispose();
  }
}
