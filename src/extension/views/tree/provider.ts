// The thin vscode side of the explorer: NodeView -> TreeItem, refreshes -> onDidChangeTreeData.
import * as vscode from 'vscode';
import type { TreeRefresh } from './ariTree';
import type { AriNode } from './nodes';
import type { Collapsible, NodeView } from './labels';

/** What the provider reads: an AriTree, or the ServerForest of several (forest.ts). */
export interface TreeView {
  view(node: AriNode): NodeView | undefined;
  children(node?: AriNode): AriNode[] | Promise<AriNode[]>;
  tooltip(node: AriNode): string | undefined;
  parent?(node: AriNode): AriNode | undefined;
  itemId?(node: AriNode): string;
}

const COLLAPSIBLE: Record<Collapsible, vscode.TreeItemCollapsibleState> = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
};

export class AriTreeProvider implements vscode.TreeDataProvider<AriNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<AriNode | AriNode[] | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(readonly tree: TreeView) {}

  getTreeItem(node: AriNode): vscode.TreeItem {
    const v = this.tree.view(node);
    if (!v) return new vscode.TreeItem(node.id);
    const item = new vscode.TreeItem(v.label, COLLAPSIBLE[v.collapsible]);
    item.id = this.tree.itemId?.(node) ?? node.key;
    item.description = v.description;
    item.iconPath = new vscode.ThemeIcon(v.icon, v.color ? new vscode.ThemeColor(v.color) : undefined);
    item.contextValue = v.contextValue;
    if (v.command) item.command = { command: v.command, title: v.label };
    if (v.ariaLabel) item.accessibilityInformation = { label: v.ariaLabel };
    return item;
  }

  getChildren(node?: AriNode): AriNode[] | Promise<AriNode[]> {
    return this.tree.children(node);
  }

  getParent(node: AriNode): AriNode | undefined {
    return this.tree.parent ? this.tree.parent(node) : node.parent;
  }

  /** Tooltips are built on hover only: 10k channels never pay for Markdown per refresh. The
   *  model is read now, so a row that moved shows its own entity, and a destroyed one none. */
  resolveTreeItem(item: vscode.TreeItem, node: AriNode): vscode.TreeItem {
    const md = this.tree.tooltip(node);
    item.tooltip = md ? new vscode.MarkdownString(md) : undefined;
    return item;
  }

  refresh(r: TreeRefresh): void {
    if (r.root) this.emitter.fire(undefined);
    else if (r.nodes.length) this.emitter.fire(r.nodes);
  }

  refreshAll(): void {
    this.emitter.fire(undefined);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
