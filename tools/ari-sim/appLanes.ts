// One socket registered for several apps gets one copy of each event per app (README surprise
// 16). Asterisk hands each app its own stasis subscription, and each subscription's messages
// are dispatched on that app's own thread (res/stasis/app.c: a message router per app), which
// then writes to the shared socket. So each app's copies keep their order, but the apps' streams
// interleave as the threads happen to run: one app's copies can run several events ahead of
// another's, in no fixed order. A lane per app, each drained by its own timer in short runs,
// models that. The lanes take turns on setImmediate (no timer delay: a copy is never held back
// longer than the other lanes' current runs), each turn sending a random run of 1-4, and a
// lane's first turn is sometimes skipped so no app is always first. A socket with one app sends
// at once (nothing to interleave).

export type Random = () => number;

interface Lane {
  queue: string[];
  timer: NodeJS.Immediate | undefined;
}

/** Most copies one lane sends before yielding to the timers again. */
const MAX_RUN = 4;
export class AppLanes {
  private readonly lanes = new Map<string, Lane>();
  private closed = false;

  constructor(
    apps: readonly string[],
    private readonly send: (text: string) => void,
    private readonly random: Random = Math.random,
  ) {
    if (new Set(apps).size > 1) for (const app of apps) this.lanes.set(app, { queue: [], timer: undefined });
  }

  push(app: string, text: string): void {
    if (this.closed) return;
    const lane = this.lanes.get(app);
    if (lane === undefined) {
      this.send(text);
      return;
    }
    lane.queue.push(text);
    if (lane.timer === undefined) this.arm(lane, this.random() < 0.5 ? 1 : 0);
  }

  /** Copies still waiting in a lane (tests). */
  get pending(): number {
    let n = 0;
    for (const lane of this.lanes.values()) n += lane.queue.length;
    return n;
  }

  close(): void {
    this.closed = true;
    for (const lane of this.lanes.values()) {
      if (lane.timer !== undefined) clearImmediate(lane.timer);
      lane.timer = undefined;
      lane.queue.length = 0;
    }
  }

  /** Sends the lane's next run after `skip` turns of the event loop. */
  private arm(lane: Lane, skip: number): void {
    lane.timer = setImmediate(() => {
      lane.timer = undefined;
      if (this.closed) return;
      if (skip > 0) {
        this.arm(lane, skip - 1);
        return;
      }
      const run = 1 + Math.floor(this.random() * MAX_RUN);
      for (let i = 0; i < run && lane.queue.length > 0; i++) this.send(lane.queue.shift() as string);
      if (lane.queue.length > 0) this.arm(lane, 0);
    });
  }
}
