// The tree listens to its sessions only while the view is shown: a hidden tree costs nothing
// per event batch. When the view shows again each tree catches up and everything is
// refreshed once. No vscode: explorer.ts hands in the view's visibility.
import type { Disposable } from '../../util/emitter';

/** One server's tree and what feeds it. */
export interface TreeFeed {
  /** Listen to the session again; the tree first catches up with what it missed. */
  resume(): Disposable;
  /** Stop listening: the tree reads the model afresh when asked. */
  pause(): void;
}

export class VisibleFeeds implements Disposable {
  private readonly feeds = new Map<string, { feed: TreeFeed; sub?: Disposable }>();

  constructor(
    private shown: boolean,
    /** Everything may have changed while hidden: refresh the whole view. */
    private readonly refreshAll: () => void,
  ) {}

  get visible(): boolean {
    return this.shown;
  }

  /** A server's feed; listening at once if the view is shown. Disposing removes it. */
  add(id: string, feed: TreeFeed): Disposable {
    this.remove(id);
    const entry: { feed: TreeFeed; sub?: Disposable } = { feed };
    this.feeds.set(id, entry);
    if (this.shown) entry.sub = feed.resume();
    else feed.pause();
    return { dispose: () => this.feeds.get(id) === entry && this.remove(id) };
  }

  setVisible(visible: boolean): void {
    if (visible === this.shown) return;
    this.shown = visible;
    for (const entry of this.feeds.values()) {
      if (visible) {
        entry.sub = entry.feed.resume();
      } else {
        entry.sub?.dispose();
        entry.sub = undefined;
        entry.feed.pause();
      }
    }
    if (visible && this.feeds.size) this.refreshAll();
  }

  dispose(): void {
    for (const id of [...this.feeds.keys()]) this.remove(id);
  }

  private remove(id: string): void {
    this.feeds.get(id)?.sub?.dispose();
    this.feeds.delete(id);
  }
}
