// Dirty-id bookkeeping for the model: per event only a Set.add, so apply() stays cheap.
import type { EntityKind, ModelChange } from './types';
import { ENTITY_KINDS } from './types';

export class ChangeTracker {
  private changed: Partial<Record<EntityKind, Set<string>>> = {};
  private structuralKinds: Set<EntityKind> | undefined;

  /** Fields of an existing entity changed. */
  field(kind: EntityKind, id: string): void {
    let set = this.changed[kind];
    if (set === undefined) this.changed[kind] = set = new Set();
    set.add(id);
  }

  /** An entity was added or removed, or moved between groups. */
  structure(kind: EntityKind, id: string): void {
    this.field(kind, id);
    (this.structuralKinds ??= new Set()).add(kind);
  }

  /** Everything may have changed (reset). */
  all(): void {
    this.changed = {};
    this.structuralKinds = new Set(ENTITY_KINDS);
  }

  get pending(): boolean {
    if (this.structuralKinds !== undefined) return true;
    for (const k in this.changed) if (this.changed[k as EntityKind]!.size > 0) return true;
    return false;
  }

  take(): ModelChange {
    const structuralKinds = this.structuralKinds;
    const change: ModelChange = { structural: structuralKinds !== undefined, changed: this.changed };
    if (structuralKinds !== undefined) change.structuralKinds = structuralKinds;
    this.changed = {};
    this.structuralKinds = undefined;
    return change;
  }
}
