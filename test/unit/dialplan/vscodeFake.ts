// A plain-Node stand-in for the parts of 'vscode' the dialplan area touches, so its thin
// vscode layer (commands, providers, save hook) runs under node:test. `host` scripts the
// prompts and records what the code showed and opened. Import registerVscodeFake() first.
import Module from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Disposable, EventEmitter } from '../fakes/vscode';

// Disposable and EventEmitter are the shared fake's (../fakes/vscode); the rest differs from
// it on purpose (file URIs read from disk, hovers as plain text).
export { Disposable, EventEmitter };

type Listener<T> = (e: T) => unknown;

export class Position {
  constructor(readonly line: number, readonly character: number) {}
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(sl: number, sc: number, el: number, ec: number) {
    this.start = new Position(sl, sc);
    this.end = new Position(el, ec);
  }
  contains(r: Range): boolean {
    const le = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    return le(this.start, r.start) && le(r.end, this.end);
  }
}

export class Uri {
  private constructor(readonly fsPath: string) {}
  static file(p: string): Uri {
    return new Uri(p);
  }
  static parse(s: string): Uri {
    return new Uri(s.startsWith('file:') ? fileURLToPath(s) : s);
  }
  get scheme(): string {
    return 'file';
  }
  get path(): string {
    return this.fsPath.replace(/\\/g, '/');
  }
  toString(): string {
    return pathToFileURL(this.fsPath).toString();
  }
}

export class TextDocument {
  version = 1;
  constructor(readonly uri: Uri, private text: string, readonly languageId = 'asterisk') {}
  getText(): string {
    return this.text;
  }
  get lineCount(): number {
    return this.text.split('\n').length;
  }
  lineAt(line: number): { text: string } {
    return { text: this.text.split('\n')[line] ?? '' };
  }
}

export class MarkdownString {
  value = '';
  appendCodeblock(code: string): this {
    this.value += `\n\`\`\`\n${code}\n\`\`\`\n`;
    return this;
  }
  appendText(t: string): this {
    this.value += t.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
    return this;
  }
  appendMarkdown(t: string): this {
    this.value += t;
    return this;
  }
}

export class Hover {
  constructor(readonly contents: MarkdownString, readonly range?: Range) {}
}
export class Location {
  constructor(readonly uri: Uri, readonly range: Range) {}
}
export class CodeLens {
  constructor(readonly range: Range, readonly command?: { title: string; command: string; arguments?: unknown[] }) {}
}
export class DocumentSymbol {
  children: DocumentSymbol[] = [];
  constructor(readonly name: string, readonly detail: string, readonly kind: number, readonly range: Range, readonly selectionRange: Range) {}
}
export class DocumentLink {
  constructor(readonly range: Range, readonly target?: Uri) {}
}
export enum FileType { Unknown = 0, File = 1, Directory = 2 }
export class FoldingRange {
  constructor(readonly start: number, readonly end: number, readonly kind?: number) {}
}
export enum SymbolKind { Module = 1, Namespace = 2, Package = 3, Class = 4, Function = 11, Number = 15, Key = 19, EnumMember = 21, Event = 23 }
export enum FoldingRangeKind { Comment = 1, Imports = 2, Region = 3 }
export enum ConfigurationTarget { Global = 1, Workspace = 2, WorkspaceFolder = 3 }

type Handler = (...args: unknown[]) => unknown;

/** What tests script and inspect. */
export const host = {
  commands: new Map<string, Handler>(),
  executed: [] as { id: string; args: unknown[] }[],
  messages: [] as { level: 'info' | 'warning' | 'error'; text: string; items: string[] }[],
  /** Answers for the next message boxes (button label or undefined), in order. */
  messageAnswers: [] as (string | undefined)[],
  /** Picks the item whose label includes this text, or the first item when undefined. */
  quickPickAnswers: [] as (string | undefined)[],
  inputAnswers: [] as (string | undefined)[],
  shown: [] as { uri: string; selection?: Range; viewColumn?: number }[],
  /** Workspace settings, and the user's own ones (what Restricted Mode still reads). */
  config: new Map<string, unknown>(),
  userConfig: new Map<string, unknown>(),
  trusted: true,
  configUpdates: [] as { key: string; value: unknown; target?: ConfigurationTarget }[],
  documents: [] as TextDocument[],
  dialplanFiles: [] as Uri[],
  workspaceFolder: undefined as string | undefined,
  providers: {} as Record<string, unknown>,
  saveListeners: [] as Listener<TextDocument>[],
  reset(): void {
    this.executed = [];
    this.messages = [];
    this.messageAnswers = [];
    this.quickPickAnswers = [];
    this.inputAnswers = [];
    this.shown = [];
    this.configUpdates = [];
  },
};

function message(level: 'info' | 'warning' | 'error') {
  return async (text: string, ...items: unknown[]): Promise<string | undefined> => {
    const labels = items.filter((i): i is string => typeof i === 'string');
    host.messages.push({ level, text, items: labels });
    return host.messageAnswers.shift();
  };
}

const noEvent = () => new Disposable(() => undefined);

export const window = {
  showInformationMessage: message('info'),
  showWarningMessage: message('warning'),
  showErrorMessage: message('error'),
  async showQuickPick<T extends { label: string }>(items: T[] | Promise<T[]>): Promise<T | undefined> {
    const list = await items;
    const want = host.quickPickAnswers.shift();
    return want === undefined ? list[0] : list.find((i) => i.label.includes(want));
  },
  async showInputBox(): Promise<string | undefined> {
    return host.inputAnswers.shift();
  },
  async showTextDocument(doc: TextDocument, opts?: { selection?: Range; viewColumn?: number }): Promise<void> {
    host.shown.push({ uri: doc.uri.toString(), selection: opts?.selection, viewColumn: opts?.viewColumn });
  },
  /** Editors on screen; tests put one here to check it is reused. */
  visibleTextEditors: [] as { document: { uri: { toString(): string } }; viewColumn?: number }[],
};

export const commands = {
  registerCommand(id: string, fn: Handler): Disposable {
    host.commands.set(id, fn);
    return new Disposable(() => host.commands.delete(id));
  },
  async executeCommand(id: string, ...args: unknown[]): Promise<unknown> {
    host.executed.push({ id, args });
    return host.commands.get(id)?.(...args);
  },
};

function register(kind: string) {
  return (_selector: unknown, provider: unknown): Disposable => {
    host.providers[kind] = provider;
    return new Disposable(() => delete host.providers[kind]);
  };
}

export const languages = {
  registerDocumentSymbolProvider: register('symbols'),
  registerFoldingRangeProvider: register('folding'),
  registerHoverProvider: register('hover'),
  registerDefinitionProvider: register('definition'),
  registerCodeLensProvider: register('codeLens'),
  registerDocumentLinkProvider: register('links'),
};

export const workspace = {
  get isTrusted(): boolean {
    return host.trusted;
  },
  get textDocuments(): TextDocument[] {
    return host.documents;
  },
  get workspaceFolders() {
    return host.workspaceFolder ? [{ uri: Uri.file(host.workspaceFolder) }] : undefined;
  },
  getWorkspaceFolder() {
    return host.workspaceFolder ? { uri: Uri.file(host.workspaceFolder) } : undefined;
  },
  createFileSystemWatcher() {
    return { onDidCreate: noEvent, onDidDelete: noEvent, onDidChange: noEvent, dispose() {} };
  },
  onDidChangeConfiguration: noEvent,
  onDidChangeWorkspaceFolders: noEvent,
  onDidCloseTextDocument: noEvent,
  onDidSaveTextDocument(l: Listener<TextDocument>): Disposable {
    host.saveListeners.push(l);
    return new Disposable(() => (host.saveListeners = host.saveListeners.filter((x) => x !== l)));
  },
  async findFiles(include: string): Promise<Uri[]> {
    return include.includes('extensions') ? host.dialplanFiles : [];
  },
  fs: {
    async stat(u: Uri) {
      const s = statSync(u.fsPath);
      return { mtime: s.mtimeMs, size: s.size };
    },
    async readDirectory(u: Uri): Promise<[string, FileType][]> {
      return readdirSync(u.fsPath, { withFileTypes: true }).map((e) => [e.name, e.isFile() ? FileType.File : FileType.Directory]);
    },
    async readFile(u: Uri): Promise<Uint8Array> {
      return readFileSync(u.fsPath);
    },
  },
  async openTextDocument(u: Uri): Promise<TextDocument> {
    return host.documents.find((d) => d.uri.fsPath === u.fsPath) ?? new TextDocument(u, readFileSync(u.fsPath, 'utf8'));
  },
  getConfiguration(section?: string) {
    return {
      get<T>(key: string, dflt?: T): T | undefined {
        const full = section ? `${section}.${key}` : key;
        if (host.config.has(full)) return host.config.get(full) as T;
        return host.userConfig.has(full) ? (host.userConfig.get(full) as T) : dflt;
      },
      inspect<T>(key: string): { key: string; globalValue?: T; workspaceValue?: T } {
        const full = section ? `${section}.${key}` : key;
        return { key: full, globalValue: host.userConfig.get(full) as T | undefined, workspaceValue: host.config.get(full) as T | undefined };
      },
      async update(key: string, value: unknown, target?: ConfigurationTarget): Promise<void> {
        const full = section ? `${section}.${key}` : key;
        (target === ConfigurationTarget.Global ? host.userConfig : host.config).set(full, value);
        host.configUpdates.push({ key: full, value, target });
      },
    };
  },
};

export function registerVscodeFake(): void {
  type Resolve = (request: string, ...rest: unknown[]) => string;
  const mod = Module as unknown as { _resolveFilename: Resolve };
  const original = mod._resolveFilename;
  mod._resolveFilename = function (this: unknown, request, ...rest) {
    if (request === 'vscode') return __filename;
    return original.call(this, request, ...rest);
  };
}

// Registered on import so that later imports of code using 'vscode' get this module.
registerVscodeFake();

/** vscode.l10n: English with {0} placeholders filled, as in plain Node. */
export const l10n = {
  t: (message: string, ...args: Array<string | number | boolean>): string =>
    message.replace(/\{(\d+)\}/g, (whole, i: string) => (args[Number(i)] === undefined ? whole : String(args[Number(i)]))),
};
