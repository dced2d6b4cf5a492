// A kind of tree row as data: one CategorySpec per top-level category, with a RowSpec per kind
// of row it lists. The tree core (ariTree, render, filter, jsonRefs) reads these instead of
// switching on kinds, so a new kind is one file here plus a line in index.ts. No vscode.
import type { Application } from '../../../ari/models.generated';
import type { EntityKind } from '../../../state/model';
import type { ChannelLabelMode, NodeView } from '../labels';
import type { AriNode } from '../nodes';
import type { TreeModelSource, TreeSource } from '../source';

/** What a row reads besides its entity. */
export interface ViewContext {
  readonly source: TreeSource;
  /** `ariExplorer.tree.channelLabel`. */
  readonly channelLabel: ChannelLabelMode;
}

/** The filter, for a category deciding which of its members it lets through. */
export interface FilterContext extends ViewContext {
  /** Show only what belongs to this Stasis app. */
  readonly app?: string;
  /** The registered app of that name: the bridges, endpoints and devices it lists. */
  readonly appObject?: Application;
  /** The text filter, lower-cased. */
  readonly needle?: string;
  /** No text filter, or it is in the row's label or description. */
  textOk(v: Pick<NodeView, 'label' | 'description'>): boolean;
  channelInApp(id: string): boolean;
  bridgeInApp(id: string): boolean;
  /** A `channel:…` or `bridge:…` target in the app. */
  targetInApp(uri: string | undefined): boolean;
}

/** One kind of row: a channel, a stored recording… */
export interface RowSpec {
  /** The model kind whose changes concern these rows (stored recordings: 'recording'). */
  readonly modelKind: EntityKind;
  /** Unique in the tree and the TreeItem id; the menus never see it. */
  key(id: string): string;
  /** Label, description, icon and contextValue (the menus' `when` clauses match it). The
   *  entity may be gone: the row still says something. */
  view(node: AriNode, ctx: ViewContext): NodeView;
  /** The ARI object behind the row: Copy as JSON, Open as JSON, and the default hover. */
  entity(id: string, model: TreeModelSource): unknown;
  /** The hover's Markdown, when the entity's fields under the label are not enough. */
  tooltip?(id: string, ctx: ViewContext): string | undefined;
  /** Rows beneath this one: the channels in a bridge. */
  readonly members?: { readonly kind: string; ids(id: string, model: TreeModelSource): readonly string[] };
}

/** The row of an empty category: what would fill it and, where one exists, the command that does. */
export interface Hint {
  label: string;
  description?: string;
  command?: string;
}

export interface CategorySpec<Id extends string = string, Kind extends string = string> {
  readonly id: Id;
  label(): string;
  readonly icon: string;
  /** What the category holds (its name alone would repeat the label). */
  tooltip(): string;
  /** Open until the user closes it. */
  readonly expanded?: boolean;
  hint(): Hint;
  /** The model kinds listed here: when one comes or goes, the category is re-read. */
  readonly modelKinds: readonly EntityKind[];
  /** Model kinds whose coming and going changes every row's text (an application counts channels). */
  readonly countsOf?: readonly EntityKind[];
  /** How many entities there are, filter or not. */
  total(model: TreeModelSource): number;
  /** The member keys the filter lets through: ids, prefixed when rows of several kinds share
   *  the category (`live:`/`stored:`). */
  members(filter: FilterContext): Set<string>;
  /** The member keys in display order. */
  order(keys: ReadonlySet<string>, model: TreeModelSource): string[];
  /** The row a member key stands for. */
  row(key: string): { kind: Kind; id: string };
  readonly rows: { readonly [K in Kind]: RowSpec };
}

/** Keeps the literal id and row kinds, from which nodes.ts derives its unions. */
export function defineCategory<const Id extends string, const Kind extends string>(spec: CategorySpec<Id, Kind>): CategorySpec<Id, Kind> {
  return spec;
}
