// Coalesces "something changed" signals into at most one flush per interval, so the webview
// gets one postMessage per batch however many events arrived. The timer is injectable so
// tests can drive it without sleeping. No vscode import.

export interface TimerApi {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: TimerApi = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class Batcher {
  private handle: unknown;
  private pending = false;

  constructor(
    private readonly flush: () => void,
    private readonly intervalMs = 50,
    private readonly timers: TimerApi = realTimers,
  ) {}

  /** Marks dirty; the flush runs once, intervalMs after the first signal. */
  schedule(): void {
    if (this.pending) return;
    this.pending = true;
    this.handle = this.timers.setTimeout(() => this.run(), this.intervalMs);
  }

  /** Runs a pending flush now. */
  flushNow(): void {
    if (!this.pending) return;
    this.timers.clearTimeout(this.handle);
    this.run();
  }

  cancel(): void {
    if (this.pending) this.timers.clearTimeout(this.handle);
    this.pending = false;
  }

  dispose(): void {
    this.cancel();
  }

  private run(): void {
    this.pending = false;
    this.handle = undefined;
    this.flush();
  }
}
