// "Open as JSON": read-only virtual documents on the `ari-json` scheme that follow the model.
import * as vscode from 'vscode';
import type { AriTree } from './tree/ariTree';
import { JSON_SCHEME, type EntityRef, isStale, jsonPath, parseJsonPath } from './tree/jsonRefs';
import type { TreeChange } from './tree/source';

export class AriJsonDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly tree: Pick<AriTree, 'entity'>) {}

  static uri(ref: EntityRef): vscode.Uri {
    return vscode.Uri.from({ scheme: JSON_SCHEME, path: jsonPath(ref) });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const ref = parseJsonPath(uri.path);
    if (!ref) return '// Not an ARI Explorer document address.\n';
    const entity = this.tree.entity(ref);
    if (entity === undefined) return `// ${ref.kind} ${ref.id} is gone: hung up, destroyed, or not known to the current connection.\n`;
    return JSON.stringify(entity, null, 2) + '\n';
  }

  /** Called with each batched model change: only open documents are looked at. */
  modelChanged(change: TreeChange): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.scheme !== JSON_SCHEME) continue;
      const ref = parseJsonPath(doc.uri.path);
      if (ref && isStale(ref, change)) this.emitter.fire(doc.uri);
    }
  }

  /** After a connect, disconnect or resync every open document may differ. */
  refreshAll(): void {
    for (const doc of vscode.workspace.textDocuments) if (doc.uri.scheme === JSON_SCHEME) this.emitter.fire(doc.uri);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
