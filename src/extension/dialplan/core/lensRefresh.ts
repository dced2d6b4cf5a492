// Tells the CodeLens provider when to ask again: at once when the active session changes,
// and at most once per `intervalMs` while the live model keeps changing (a throttle rather
// than a pure debounce, so a steady stream of events cannot postpone the refresh forever).
import { Emitter, type Disposable, type Event } from '../../util/emitter';
import type { DialplanSession, DialplanSessionSource } from '../sessionView';

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
  private modelSub: Disposable | undefined;
  private stateSub: Disposable | undefined;
  private readonly activeSub: Disposable;
  private pending: unknown;

  constructor(
    source: DialplanSessionSource,
    private readonly intervalMs = 500,
    private readonly timers: Timers = realTimers,
  ) {
    this.activeSub = source.onDidChangeActive((s) => {
      this.watch(s);
      this.cancel();
      this.emitter.fire();
    });
    this.watch(source.active);
  }

  private watch(session: DialplanSession | undefined): void {
    this.modelSub?.dispose();
    this.stateSub?.dispose();
    this.modelSub = session?.onModelChange(() => this.schedule());
    // A drop or a reconnect changes what the counts mean (see stasisLenses' `stale`).
    this.stateSub = session?.onState?.(() => this.schedule());
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
    this.activeSub.dispose();
    this.modelSub?.dispose();
    this.stateSub?.dispose();
    this.emitter.dispose();
  }
}
