// Per-run measurement inside a client process: wall time from the first event dispatched to
// the last one (plus any work that ran after the last frame, e.g. a final batch flush), and
// CPU time (process.cpuUsage, user + system) over the same run. Kept to one counter bump and
// one clock read per event so the meter does not weigh on the path it measures.
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { snapshotWakeups, type WakeupCounts } from './wakeups';

export interface RunResult {
  events: number;
  wallMs: number;
  cpuMs: number;
  /** Extra facts a path reports (nodes fired, panel updates...). */
  notes: Record<string, number>;
}

export class Meter {
  count = 0;
  private t0 = 0;
  private tLast = 0;
  private cpu0: NodeJS.CpuUsage | undefined;
  private elu0: EventLoopUtilization | undefined;
  private busyAfterLast = 0;
  private wake0: WakeupCounts | undefined;

  event(): void {
    if (++this.count === 1) {
      this.t0 = performance.now();
      this.cpu0 = process.cpuUsage();
      this.elu0 = performance.eventLoopUtilization();
      this.wake0 = snapshotWakeups();
    }
    this.tLast = performance.now();
  }

  /** Times deferred work (batch flushes); what runs after the last frame counts as run time. */
  timed<T>(fn: () => T): T {
    const start = performance.now();
    try {
      return fn();
    } finally {
      if (this.count > 0 && start >= this.tLast) this.busyAfterLast += performance.now() - start;
    }
  }

  /** The same for work whose start and end were taken by the caller (spanning two listeners). */
  addBusy(start: number, end: number): void {
    if (this.count > 0 && start >= this.tLast) this.busyAfterLast += end - start;
  }

  result(notes: Record<string, number> = {}): RunResult {
    const cpu = this.cpu0 ? process.cpuUsage(this.cpu0) : { user: 0, system: 0 };
    // Share of the run the event loop was busy (not waiting in poll): < 1 means the path
    // waited for data (or for its batch timers) rather than for the CPU.
    const elu = this.elu0 ? performance.eventLoopUtilization(this.elu0).utilization : NaN;
    // Wake-ups from the first event to the report (a final batch flush counts).
    const wake = snapshotWakeups();
    const reads = this.wake0 ? wake.reads - this.wake0.reads : 0;
    const timers = this.wake0 ? wake.timers - this.wake0.timers : 0;
    return {
      events: this.count,
      wallMs: this.count > 0 ? this.tLast - this.t0 + this.busyAfterLast : 0,
      cpuMs: (cpu.user + cpu.system) / 1000,
      notes: { ...notes, ingestMs: this.tLast - this.t0, busyAfterLastMs: this.busyAfterLast, loopBusy: elu, reads, timers },
    };
  }
}
