// Outline, folding, hover and go to definition: thin adapters over the pure core.
import * as vscode from 'vscode';
import { definitionAt } from './core/definition';
import { hoverAt, hoverMarkdown } from './core/hover';
import { documentOutline, foldingRanges, type OutlineKind, type OutlineNode } from './core/outline';
import { DIALPLAN_SELECTOR, lineRange, toRange } from './language';
import { includeTargets, type WorkspaceDialplans } from './workspaceDialplans';

const SYMBOL_KIND: Record<OutlineKind, vscode.SymbolKind> = {
  context: vscode.SymbolKind.Namespace,
  template: vscode.SymbolKind.Class,
  settings: vscode.SymbolKind.Module,
  extension: vscode.SymbolKind.Function,
  priority: vscode.SymbolKind.Number,
  hint: vscode.SymbolKind.Event,
  include: vscode.SymbolKind.Package,
};

function toSymbol(doc: vscode.TextDocument, n: OutlineNode): vscode.DocumentSymbol {
  const range = lineRange(doc, n.startLine, n.endLine);
  const selection = toRange(n.selection);
  // VS Code rejects a selection outside the range; fall back to the first line.
  const sel = range.contains(selection) ? selection : lineRange(doc, n.startLine, n.startLine);
  const kind = n.kind === 'priority' && n.name.includes('(') ? vscode.SymbolKind.Key : SYMBOL_KIND[n.kind];
  const s = new vscode.DocumentSymbol(n.name, n.detail, kind, range, sel);
  s.children = n.children.map((c) => toSymbol(doc, c));
  return s;
}

export function registerLanguageProviders(dialplans: WorkspaceDialplans): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerDocumentSymbolProvider(
      DIALPLAN_SELECTOR,
      { provideDocumentSymbols: (doc) => documentOutline(dialplans.parse(doc)).map((n) => toSymbol(doc, n)) },
      { label: 'Dialplan' },
    ),
    vscode.languages.registerFoldingRangeProvider(DIALPLAN_SELECTOR, {
      provideFoldingRanges: (doc) =>
        foldingRanges(dialplans.parse(doc)).map((r) => new vscode.FoldingRange(r.start, r.end, r.comment ? vscode.FoldingRangeKind.Comment : undefined)),
    }),
    vscode.languages.registerHoverProvider(DIALPLAN_SELECTOR, {
      provideHover(doc, pos) {
        const hit = hoverAt(dialplans.parse(doc), pos.line, pos.character, doc.lineAt(pos.line).text);
        if (!hit) return undefined;
        const md = new vscode.MarkdownString();
        md.appendCodeblock(hit.doc.signature, 'asterisk');
        md.appendMarkdown(hoverMarkdown(hit.doc));
        return new vscode.Hover(md, toRange(hit.span));
      },
    }),
    vscode.languages.registerDocumentLinkProvider(DIALPLAN_SELECTOR, {
      async provideDocumentLinks(doc) {
        const links: vscode.DocumentLink[] = [];
        for (const inc of dialplans.parse(doc).fileIncludes) {
          const [target, ...more] = await includeTargets(doc.uri, inc.path);
          // A wildcard include names several files: no single target to link to.
          if (target && more.length === 0 && !/[*?]/.test(inc.path)) links.push(new vscode.DocumentLink(toRange(inc.span), target));
        }
        return links;
      },
    }),
    vscode.languages.registerDefinitionProvider(DIALPLAN_SELECTOR, {
      async provideDefinition(doc, pos) {
        const index = await dialplans.index();
        const file = dialplans.parse(doc);
        return definitionAt(index, file, pos.line, pos.character).map((l) => new vscode.Location(vscode.Uri.parse(l.uri), toRange(l.span)));
      },
    }),
  );
}
