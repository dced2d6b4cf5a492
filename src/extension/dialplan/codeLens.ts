// CodeLens on dialplan documents while connected: live channel counts (summed over the
// connected servers) and a one-click "Call exten@context" on Stasis() lines, "Originate to
// exten@context" on dialable extensions.
import * as vscode from 'vscode';
import { LensRefresh } from './core/lensRefresh';
import { callLenses, originateLenses, stasisLenses } from './core/lenses';
import { DIALPLAN_SELECTOR, toRange } from './language';
import type { DialplanSessionSource } from './sessionView';
import type { WorkspaceDialplans } from './workspaceDialplans';

class DialplanCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly refresh: LensRefresh;

  constructor(
    private readonly source: DialplanSessionSource,
    private readonly dialplans: WorkspaceDialplans,
  ) {
    this.refresh = new LensRefresh(source);
    this.refresh.onDidChange(() => this.changed.fire());
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const servers = this.source.servers;
    if (!servers.length) return [];
    const file = this.dialplans.parse(doc);
    const counts = servers.map((s) => ({
      name: s.profileName,
      model: s.session.model,
      stale: s.session.state !== undefined && s.session.state.kind !== 'open',
    }));
    return [...stasisLenses(file, counts), ...callLenses(file), ...originateLenses(file)].map(
      (l) => new vscode.CodeLens(toRange(l.span), { title: l.title, tooltip: l.tooltip, command: l.command, arguments: l.args }),
    );
  }

  dispose(): void {
    this.refresh.dispose();
    this.changed.dispose();
  }
}

export function registerCodeLens(source: DialplanSessionSource, dialplans: WorkspaceDialplans): vscode.Disposable {
  const provider = new DialplanCodeLensProvider(source, dialplans);
  return vscode.Disposable.from(provider, vscode.languages.registerCodeLensProvider(DIALPLAN_SELECTOR, provider));
}
