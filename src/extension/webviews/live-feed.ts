// Follows the active connection: whichever session is active, its event batches go into the
// live store. Typed structurally against the session/manager contracts
// (docs/ARCHITECTURE.md) so this file needs neither of them to exist. No vscode import.

import type { Disposable } from '../util/emitter';
import type { EventStore } from './event-store';

export interface LiveEventRecord {
  receivedAt: number;
  event: object;
}
export interface EventSessionLike {
  onEvents(listener: (records: LiveEventRecord[]) => void): Disposable;
}
export interface ActiveSessionSource<S extends EventSessionLike = EventSessionLike> {
  readonly active: S | undefined;
  onDidChangeActive(listener: (session: S | undefined) => unknown): Disposable;
}

export class LiveFeed implements Disposable {
  private sessionSub: Disposable | undefined;
  private readonly activeSub: Disposable;

  constructor(
    source: ActiveSessionSource,
    private readonly store: EventStore,
    /** Called once per session batch, after the batch is in the store. */
    private readonly onBatch: () => void,
    /** Called when the active session changes (for the source label). */
    private readonly onActiveChanged: () => void = () => undefined,
  ) {
    this.follow(source.active);
    this.activeSub = source.onDidChangeActive((s) => {
      this.follow(s);
      this.onActiveChanged();
    });
  }

  private follow(session: EventSessionLike | undefined): void {
    this.sessionSub?.dispose();
    this.sessionSub = session?.onEvents((records) => {
      for (const r of records) {
        try {
          this.store.push(r.event, r.receivedAt);
        } catch {
          // An event that cannot be serialized is skipped; the stream goes on.
        }
      }
      if (records.length > 0) this.onBatch();
    });
  }

  dispose(): void {
    this.sessionSub?.dispose();
    this.activeSub.dispose();
  }
}
