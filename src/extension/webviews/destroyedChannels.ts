// Which channels have been destroyed, per server, so that the events real servers still send
// for a channel after its ChannelDestroyed (ChannelVarset, ChannelLeftBridge, StasisEnd,
// ChannelCallerId: surprise 17) read as stragglers, not as the channel coming back.
// No vscode import.

/** Destroyed channel ids remembered per server; the oldest are forgotten first. */
const MAX_DESTROYED = 4096;

export class DestroyedChannels {
  // Per server: two servers number their channels alike, so one server's destroy must not mark
  // the other's events late. Sets keep insertion order, which bounds them oldest first.
  private readonly byServer = new Map<string, Set<string>>();

  /** Notes the event's channel: true when the event comes after that channel's ChannelDestroyed. */
  isLate(server: string, type: string, channelId: string): boolean {
    if (channelId === '') return false;
    const destroyed = this.byServer.get(server);
    if (type !== 'ChannelDestroyed') return destroyed?.has(channelId) === true;
    if (destroyed === undefined) this.byServer.set(server, new Set([channelId]));
    else {
      destroyed.add(channelId);
      if (destroyed.size > MAX_DESTROYED) destroyed.delete(destroyed.values().next().value as string);
    }
    return false;
  }

  clear(): void {
    this.byServer.clear();
  }
}
