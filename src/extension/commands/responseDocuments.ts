// Read-only JSON documents for ARI answers (invoker responses, server info): a virtual
// document provider on the `ari-response` scheme, so nothing is written to disk and the
// editor cannot save over anything.
import * as vscode from 'vscode';

export const RESPONSE_SCHEME = 'ari-response';
/** Older documents are dropped; an open editor keeps its text until it is closed. */
const KEEP = 30;

export class ResponseDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private counter = 0;
  private readonly registration: vscode.Disposable;

  constructor() {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(RESPONSE_SCHEME, this);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '// This response is no longer kept: run the operation again.\n';
  }

  /** Opens `content` (JSON-serialisable) as `<title>.json`, beside the active editor. */
  async show(title: string, content: unknown): Promise<vscode.Uri> {
    const n = ++this.counter;
    const safe =
      title
        .replace(/[^\w.@:-]+/g, '_')
        .replace(/^_+|_+$/g, '')
        .slice(0, 80) || 'response';
    const uri = vscode.Uri.from({ scheme: RESPONSE_SCHEME, path: `/${n}/${safe}.json` });
    this.texts.set(uri.toString(), `${JSON.stringify(content, null, 2)}\n`);
    while (this.texts.size > KEEP) {
      const oldest = this.texts.keys().next().value;
      if (oldest === undefined) break;
      this.texts.delete(oldest);
    }
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
    return uri;
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
    this.texts.clear();
  }
}
