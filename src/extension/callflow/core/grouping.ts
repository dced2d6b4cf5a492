// Which events belong to one call. Channels are joined into a call by the two halves of a Local
// pair (`;1`/`;2`), a Dial's caller and peer, a shared bridge and a shared `linkedid`; a call is
// the union of these links (union-find over channel and bridge nodes), so it grows as events
// arrive and two calls merge when a bridge joins them. Pure: fed by the live buffer or a log.

import { eventRefs, eventTime, eventType, localPairOf, str, type AriEvent } from './fields';

type Node = string; // 'c:<channel id>' or 'b:<bridge id>'

export interface CallMember {
  id: string;
  name: string;
}

/** A call as the palette lists it. */
export interface CallSummary {
  /** The call's key now; it may change when the call merges with another. */
  key: string;
  channels: CallMember[];
  bridges: CallMember[];
  firstTime: number;
  lastTime: number;
  /** Some channel of the call has not been destroyed yet. */
  live: boolean;
  eventCount: number;
  /** The caller id first seen on one of its channels, '' when none. */
  caller: string;
}

interface ChannelInfo {
  name: string;
  destroyed: boolean;
  caller: string;
}

/** How many recent events are remembered to drop the copy another app's subscription delivers. */
const DEDUPE_WINDOW = 256;

export class CallIndex {
  private readonly parent = new Map<Node, Node>();
  private readonly members = new Map<Node, Set<Node>>();
  private readonly nodeEvents = new Map<Node, number[]>();
  private readonly eventNode = new Map<number, Node>();
  private readonly times = new Map<number, number>();
  private readonly channels = new Map<string, ChannelInfo>();
  private readonly bridgeNames = new Map<string, string>();
  private readonly localHalves = new Map<string, string>();
  private readonly linked = new Map<string, string>();
  private readonly recent: { key: string; app: string }[] = [];
  private readonly recentKeys = new Map<string, string>();

  /** Adds event n (increasing). Returns false when it was skipped (no channel or bridge, or a duplicate). */
  ingest(n: number, e: AriEvent): boolean {
    const refs = eventRefs(e);
    if (refs.channels.length === 0 && refs.bridges.length === 0) return false;
    if (this.isDuplicate(e)) return false;
    const type = eventType(e);
    const nodes: Node[] = [];
    for (const c of refs.channels) {
      const node = `c:${c.id}`;
      nodes.push(node);
      this.touch(node);
      const info = this.channels.get(c.id) ?? { name: c.id, destroyed: false, caller: '' };
      if (c.name && c.name !== c.id) info.name = c.name;
      if (c.caller && !info.caller) info.caller = c.caller;
      this.channels.set(c.id, info);
      const pair = c.name ? localPairOf(c.name) : undefined;
      if (pair) {
        const other = this.localHalves.get(pair);
        if (other === undefined) this.localHalves.set(pair, c.id);
        else this.union(node, `c:${other}`);
      }
      if (c.linkedid) {
        const first = this.linked.get(c.linkedid);
        if (first === undefined) this.linked.set(c.linkedid, c.id);
        else this.union(node, `c:${first}`);
      }
    }
    for (const b of refs.bridges) {
      const node = `b:${b.id}`;
      nodes.push(node);
      this.touch(node);
      if (b.name) this.bridgeNames.set(b.id, b.name);
      else if (!this.bridgeNames.has(b.id)) this.bridgeNames.set(b.id, '');
    }
    for (const [a, b] of refs.links) this.union(`c:${a}`, `c:${b}`);
    // A channel entering a bridge joins the bridge's call; a bridge event carrying its member
    // list does the same for every member.
    if (type === 'ChannelEnteredBridge' || type === 'ChannelLeftBridge') {
      for (let i = 1; i < nodes.length; i++) this.union(nodes[0], nodes[i]);
    }
    if (type === 'ChannelDestroyed') {
      const info = this.channels.get(refs.channels[0].id);
      if (info) info.destroyed = true;
    }
    const primary = nodes[0];
    this.eventNode.set(n, primary);
    for (const node of new Set(nodes)) this.nodeEvents.get(node)?.push(n);
    const time = eventTime(e);
    if (Number.isFinite(time)) this.times.set(n, time);
    return true;
  }

  /** The call an event, a channel or a bridge belongs to. */
  callOfEvent(n: number): string | undefined {
    const node = this.eventNode.get(n);
    return node === undefined ? undefined : this.find(node);
  }
  callOfChannel(id: string): string | undefined {
    return this.parent.has(`c:${id}`) ? this.find(`c:${id}`) : undefined;
  }
  callOfBridge(id: string): string | undefined {
    return this.parent.has(`b:${id}`) ? this.find(`b:${id}`) : undefined;
  }

  /** The events of a call, in arrival order. */
  eventsOf(key: string): number[] {
    const root = this.parent.has(key) ? this.find(key) : undefined;
    if (root === undefined) return [];
    const out = new Set<number>();
    for (const node of this.members.get(root) ?? []) for (const n of this.nodeEvents.get(node) ?? []) out.add(n);
    return [...out].sort((a, b) => a - b);
  }

  summary(key: string): CallSummary | undefined {
    if (!this.parent.has(key)) return undefined;
    const root = this.find(key);
    const channels: CallMember[] = [];
    const bridges: CallMember[] = [];
    let live = false;
    let caller = '';
    for (const node of this.members.get(root) ?? []) {
      const id = node.slice(2);
      if (node.startsWith('c:')) {
        const info = this.channels.get(id);
        channels.push({ id, name: info?.name ?? id });
        if (info && !info.destroyed) live = true;
        if (!caller && info?.caller) caller = info.caller;
      } else bridges.push({ id, name: this.bridgeNames.get(id) ?? '' });
    }
    const events = this.eventsOf(root);
    const times = events.map((n) => this.times.get(n)).filter((t): t is number => t !== undefined);
    channels.sort((a, b) => a.name.localeCompare(b.name));
    return {
      key: root,
      channels,
      bridges,
      firstTime: times.length ? Math.min(...times.slice(0, 50)) : NaN,
      lastTime: times.length ? times[times.length - 1] : NaN,
      live,
      eventCount: events.length,
      caller,
    };
  }

  /** Every call with at least one channel, newest first. */
  calls(): CallSummary[] {
    const roots = new Set<Node>();
    for (const node of this.parent.keys()) roots.add(this.find(node));
    const out: CallSummary[] = [];
    for (const r of roots) {
      const s = this.summary(r);
      if (s && s.channels.length > 0) out.push(s);
    }
    return out.sort((a, b) => (b.lastTime || 0) - (a.lastTime || 0));
  }

  private touch(node: Node): void {
    if (this.parent.has(node)) return;
    this.parent.set(node, node);
    this.members.set(node, new Set([node]));
    this.nodeEvents.set(node, []);
  }

  private find(node: Node): Node {
    let root = node;
    while (this.parent.get(root) !== root) root = this.parent.get(root) ?? root;
    let cur = node;
    while (cur !== root) {
      const next = this.parent.get(cur) ?? root;
      this.parent.set(cur, root);
      cur = next;
    }
    return root;
  }

  private union(a: Node, b: Node): void {
    this.touch(a);
    this.touch(b);
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    const ma = this.members.get(ra) ?? new Set<Node>();
    const mb = this.members.get(rb) ?? new Set<Node>();
    if (ma.size < mb.size) [ra, rb] = [rb, ra];
    const big = this.members.get(ra) ?? new Set<Node>();
    for (const m of this.members.get(rb) ?? []) big.add(m);
    this.members.delete(rb);
    this.parent.set(rb, ra);
  }

  /**
   * The same occurrence delivered once per subscribed application (a firehose app and the
   * call's own app) is one element; a genuine repeat from the same app is kept.
   */
  private isDuplicate(e: AriEvent): boolean {
    const app = str(e.application);
    const { application: _app, asterisk_id: _id, ...rest } = e;
    const key = JSON.stringify(rest);
    const seenApp = this.recentKeys.get(key);
    if (seenApp !== undefined && seenApp !== app) return true;
    this.recentKeys.set(key, app);
    this.recent.push({ key, app });
    if (this.recent.length > DEDUPE_WINDOW) {
      const old = this.recent.shift();
      if (old && this.recentKeys.get(old.key) === old.app) this.recentKeys.delete(old.key);
    }
    return false;
  }
}
