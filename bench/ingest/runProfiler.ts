// CPU profiles of the measured runs only (connect to done), through the inspector in the
// client process itself: module loading and the idle time between runs stay out, and the
// self times of all runs of a stream are summed.
import { Session } from 'node:inspector';
import { accumulateProfile, newTotals, summariseTotals, type CpuProfile, type ProfileSummary, type ProfileTotals } from './profileSummary';

const SAMPLING_US = 250;

export class RunProfiler {
  private readonly session = new Session();
  private totals: ProfileTotals = newTotals();
  private running = false;

  constructor() {
    this.session.connect();
  }

  reset(): void {
    this.totals = newTotals();
  }

  async startRun(): Promise<void> {
    if (this.running) return;
    await this.post('Profiler.enable');
    await this.post('Profiler.setSamplingInterval', { interval: SAMPLING_US });
    await this.post('Profiler.start');
    this.running = true;
  }

  async stopRun(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    const res = (await this.post('Profiler.stop')) as { profile: CpuProfile };
    accumulateProfile(res.profile, this.totals);
  }

  summary(): ProfileSummary {
    return summariseTotals(this.totals);
  }

  private post(method: string, params?: object): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result)));
    });
  }
}
