// The registry of tree kinds: the categories in display order, and lookups by row kind and by
// model kind. Adding a kind: its file here and one line in CATEGORY_SPECS (docs/ARCHITECTURE.md,
// "Adding a node kind"). No vscode.
import type { EntityKind } from '../../../state/model';
import { applications } from './applications';
import { bridges } from './bridges';
import { channels } from './channels';
import { deviceStates } from './deviceStates';
import { endpoints } from './endpoints';
import { playbacks } from './playbacks';
import { recordings } from './recordings';
import type { CategorySpec, RowSpec } from './spec';

export type { CategorySpec, FilterContext, Hint, RowSpec, ViewContext } from './spec';

/** The top-level categories, in display order. */
export const CATEGORY_SPECS = [channels, bridges, playbacks, recordings, endpoints, applications, deviceStates] as const;

type Spec = (typeof CATEGORY_SPECS)[number];
/** A top-level category ('modules' lives under Server and is no kind). */
export type TopCategory = Spec['id'];
/** The kinds of entity rows: channel, bridge, storedRecording… */
export type RowKind = Spec extends infer S ? (S extends CategorySpec<string, infer K> ? K : never) : never;

// Every model kind has a row of its own name: a kind added to state/types.ts without one here
// fails to compile.
const everyEntityKindHasARow: [Exclude<EntityKind, RowKind>] extends [never] ? true : never = true;
void everyEntityKindHasARow;

export const CATEGORIES: readonly TopCategory[] = CATEGORY_SPECS.map((s) => s.id);

const byId = new Map<string, CategorySpec>(CATEGORY_SPECS.map((s) => [s.id, s]));
const rowsByKind = new Map<string, RowSpec>();
const categoryOfModelKind = new Map<EntityKind, TopCategory>();
for (const spec of CATEGORY_SPECS) {
  for (const [kind, row] of Object.entries<RowSpec>(spec.rows)) rowsByKind.set(kind, row);
  for (const kind of spec.modelKinds) categoryOfModelKind.set(kind, spec.id);
}

export function categorySpec(c: TopCategory): CategorySpec {
  return byId.get(c)!;
}

/** The spec of an entity row; undefined for the tree's own nodes (category, server, module, hint…). */
export function rowSpec(kind: string): RowSpec | undefined {
  return rowsByKind.get(kind);
}

/** The category a model kind is listed under. */
export function categoryOf(kind: EntityKind): TopCategory | undefined {
  return categoryOfModelKind.get(kind);
}
