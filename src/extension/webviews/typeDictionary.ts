// The event types a store holds, as small ids with a live count per type: each slot keeps an
// Int32 instead of a string, and counting per type is two array writes. No vscode import.

export class TypeDictionary {
  private names: string[] = [];
  private readonly index = new Map<string, number>();
  private live: number[] = [];
  // Events of one type come in runs: the last type looked up answers without the map.
  private lastName = '';
  private lastId = -1;

  /** Types known, held or not. */
  get size(): number {
    return this.names.length;
  }

  /** The id of `type`, or -1 when it is not known. */
  find(type: string): number {
    if (type === this.lastName && this.lastId >= 0) return this.lastId;
    const id = this.index.get(type);
    if (id === undefined) return -1;
    this.lastName = type;
    this.lastId = id;
    return id;
  }

  /** The id of `type`, added when it is not known. */
  idOf(type: string): number {
    let id = this.find(type);
    if (id >= 0) return id;
    id = this.names.length;
    this.names.push(type);
    this.live.push(0);
    this.index.set(type, id);
    this.lastName = type;
    this.lastId = id;
    return id;
  }

  name(id: number): string {
    return this.names[id];
  }

  /** One more held event of type `id`. */
  count(id: number): void {
    this.live[id]++;
  }

  /** One held event of type `id` fewer. */
  uncount(id: number): void {
    this.live[id]--;
  }

  /** Held events per type name; types no held event has are left out. */
  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (let i = 0; i < this.names.length; i++) if (this.live[i] > 0) out[this.names[i]] = this.live[i];
    return out;
  }

  /** Forgets every type. */
  clear(): void {
    this.names = [];
    this.index.clear();
    this.live = [];
    this.lastName = '';
    this.lastId = -1;
  }
}
