// The dialplan features on the demo workspace's extensions.conf (the suite opens demo/).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, waitFor } from './helpers';

function demoDialplan(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite runs with demo/ open');
  return vscode.Uri.joinPath(folder.uri, 'extensions.conf');
}

function flatten(symbols: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);
}

describe('dialplan (demo/extensions.conf)', () => {
  it('opens as the "asterisk" language', async () => {
    await activateExtension();
    const doc = await vscode.workspace.openTextDocument(demoDialplan());
    assert.equal(doc.languageId, 'asterisk');
  });

  it('lists contexts and extensions as document symbols', async () => {
    await activateExtension();
    const doc = await vscode.workspace.openTextDocument(demoDialplan());
    const symbols = await waitFor('document symbols', async () => {
      const r = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', doc.uri);
      return r && r.length > 0 ? r : undefined;
    });
    const names = flatten(symbols).map((s) => s.name);
    for (const expected of ['from-test', 'default']) {
      assert.ok(
        names.some((n) => n.includes(expected)),
        `symbol for [${expected}] in ${names.join(', ')}`,
      );
    }
    assert.ok(
      names.some((n) => n.includes('1776')),
      `symbol for extension 1776 in ${names.join(', ')}`,
    );
  });
});
