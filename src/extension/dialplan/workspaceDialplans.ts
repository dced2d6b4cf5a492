// Every dialplan file of the workspace, parsed and cached: open documents of the language
// by version, files on disk by mtime. A file counts as dialplan when it matches the
// language's file name pattern or a `files.associations` entry that maps it to `asterisk`
// -- reading the globs avoids opening every *.conf as a TextDocument just to learn its language.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DialplanIndex, type IndexedFile } from './core/dialplanIndex';
import { associationMatches, DIALPLAN_FILENAME_GLOBS, globToRegExp } from './core/glob';
import { parseDialplan } from './core/parser';
import type { DialplanFile } from './core/types';
import { LANGUAGE_ID } from './language';

const MAX_FILES = 2000;

export class WorkspaceDialplans implements vscode.Disposable {
  private readonly parsed = new Map<string, { key: string; file: DialplanFile }>();
  private fileList: Promise<vscode.Uri[]> | undefined;
  private lastCount = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.conf');
    const forgetList = () => (this.fileList = undefined);
    this.disposables.push(
      watcher,
      watcher.onDidCreate(forgetList),
      watcher.onDidDelete((u) => {
        forgetList();
        this.parsed.delete(u.toString());
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('files.associations')) forgetList();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(forgetList),
      vscode.workspace.onDidCloseTextDocument((d) => this.parsed.delete(d.uri.toString())),
    );
  }

  /** The parse of an open document, reused while its version does not change. */
  parse(doc: vscode.TextDocument): DialplanFile {
    return this.cached(doc.uri.toString(), `v${doc.version}`, () => doc.getText());
  }

  /**
   * Open dialplan documents first (unsaved edits win), then the files on disk, then the
   * files they pull in with `#include` (a dialplan split into dialplan/office.conf is still
   * found though its name does not say extensions).
   */
  async index(): Promise<DialplanIndex> {
    const files = new Map<string, IndexedFile>();
    const queue: vscode.Uri[] = [];
    const follow = async (from: vscode.Uri, file: DialplanFile) => {
      for (const inc of file.fileIncludes) queue.push(...(await includeTargets(from, inc.path)));
    };
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.languageId !== LANGUAGE_ID) continue;
      const file = this.parse(doc);
      files.set(doc.uri.toString(), { uri: doc.uri.toString(), file });
      await follow(doc.uri, file);
    }
    queue.push(...(await this.files()));
    while (queue.length > 0 && files.size < MAX_FILES) {
      const uri = queue.shift() as vscode.Uri;
      const key = uri.toString();
      if (files.has(key)) continue;
      const file = await this.load(uri);
      if (!file) continue;
      files.set(key, { uri: key, file });
      await follow(uri, file);
    }
    this.lastCount = files.size;
    return new DialplanIndex([...files.values()]);
  }

  private async load(uri: vscode.Uri): Promise<DialplanFile | undefined> {
    const key = uri.toString();
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      const version = `m${stat.mtime}:${stat.size}`;
      const hit = this.parsed.get(key);
      if (hit && hit.key === version) return hit.file;
      const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
      return this.cached(key, version, () => text);
    } catch {
      // Missing (a #tryinclude, a path on the server only) or deleted meanwhile: skip it.
      return undefined;
    }
  }

  /** How many files the last index() took in, for "searched N files" messages. */
  get fileCount(): number {
    return this.lastCount;
  }

  private cached(uri: string, key: string, text: () => string): DialplanFile {
    const hit = this.parsed.get(uri);
    if (hit && hit.key === key) return hit.file;
    const file = parseDialplan(text());
    this.parsed.set(uri, { key, file });
    return file;
  }

  private files(): Promise<vscode.Uri[]> {
    this.fileList ??= (async () => {
      // One search per glob: association keys may hold braces of their own.
      const globs = [...DIALPLAN_FILENAME_GLOBS, ...associatedGlobs()];
      const found = new Map<string, vscode.Uri>();
      for (const g of globs) {
        const include = g.includes('/') ? g.replace(/^\//, '') : `**/${g}`;
        for (const u of await vscode.workspace.findFiles(include, '**/{node_modules,.git}/**', MAX_FILES)) {
          if (associationMatches(g, u.path)) found.set(u.toString(), u);
        }
      }
      return [...found.values()].slice(0, MAX_FILES);
    })();
    return this.fileList;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.parsed.clear();
  }
}

function associatedGlobs(): string[] {
  const assoc = vscode.workspace.getConfiguration('files').get<Record<string, string>>('associations') ?? {};
  return Object.entries(assoc)
    .filter(([, lang]) => lang === LANGUAGE_ID)
    .map(([glob]) => glob);
}

/** Files an `#include` names: relative to the including file's folder; `*` in the name lists the folder. */
export async function includeTargets(from: vscode.Uri, include: string): Promise<vscode.Uri[]> {
  if (from.scheme !== 'file') return [];
  const target = path.resolve(path.dirname(from.fsPath), include);
  const name = path.basename(target);
  if (!/[*?[{]/.test(name)) return [vscode.Uri.file(target)];
  const dir = path.dirname(target);
  const re = globToRegExp(name);
  try {
    const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.file(dir));
    return entries.filter(([n, type]) => type === vscode.FileType.File && re.test(n)).map(([n]) => vscode.Uri.file(path.join(dir, n)));
  } catch {
    return [];
  }
}
