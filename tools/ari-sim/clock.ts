// Time helpers: Asterisk-style timestamps and scalable timers that can all be cancelled
// at once (a restart or close must not leave callbacks running against a reset state).

/** `2026-11-29T11:11:50.660+0000`, the format Asterisk puts in every event and snapshot. */
export function astTimestamp(d: Date = new Date()): string {
  return d.toISOString().replace('Z', '+0000');
}

export class Timers {
  private readonly pending = new Set<NodeJS.Timeout>();
  /** Multiplies every delay: tests pass a small scale so a 1.4 s sound finishes in ~15 ms. */
  constructor(
    public timeScale = 1,
    /** A failing simulated step is reported, never allowed to take the server down. */
    private readonly onError: (e: unknown) => void = (e) => console.error('ari-sim timer:', e),
  ) {}

  after(ms: number, fn: () => void): NodeJS.Timeout {
    const t = setTimeout(
      () => {
        this.pending.delete(t);
        try {
          fn();
        } catch (e) {
          this.onError(e);
        }
      },
      Math.max(0, Math.round(ms * this.timeScale)),
    );
    this.pending.add(t);
    return t;
  }

  cancel(t: NodeJS.Timeout | undefined): void {
    if (!t) return;
    clearTimeout(t);
    this.pending.delete(t);
  }

  cancelAll(): void {
    for (const t of this.pending) clearTimeout(t);
    this.pending.clear();
  }
}
