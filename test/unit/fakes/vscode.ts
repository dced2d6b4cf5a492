// The one plain-Node stand-in for the 'vscode' API, for every unit test and the activation
// bench: registerVscode.ts makes `require('vscode')` resolve here. Shapes follow
// @types/vscode; only what tests need is implemented, and what a test scripts or inspects is
// on `fake`. Files are read from and written to the real disk (tests use temp folders).
import * as fsp from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';

type Listener<T> = (e: T) => unknown;

export class Disposable implements vscode.Disposable {
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((d) => d.dispose()));
  }
  private done = false;
  constructor(private readonly callOnDispose: () => unknown) {}
  dispose(): void {
    if (this.done) return;
    this.done = true;
    this.callOnDispose();
  }
}

export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (listener: Listener<T>, thisArgs?: unknown, disposables?: vscode.Disposable[]): Disposable => {
    const bound: Listener<T> = thisArgs ? listener.bind(thisArgs) : listener;
    this.listeners.push(bound);
    const d = new Disposable(() => {
      this.listeners = this.listeners.filter((l) => l !== bound);
    });
    disposables?.push(d);
    return d;
  };
  fire(data: T): void {
    for (const l of [...this.listeners]) l(data);
  }
  dispose(): void {
    this.listeners = [];
  }
}

export enum TreeItemCollapsibleState {
  None = 0,
  Collapsed = 1,
  Expanded = 2,
}

export enum StatusBarAlignment {
  Left = 1,
  Right = 2,
}

export class ThemeColor {
  constructor(readonly id: string) {}
}

export class ThemeIcon {
  static readonly File = new ThemeIcon('file');
  static readonly Folder = new ThemeIcon('folder');
  constructor(
    readonly id: string,
    readonly color?: ThemeColor,
  ) {}
}

export class MarkdownString {
  isTrusted?: boolean;
  supportThemeIcons?: boolean;
  supportHtml?: boolean;
  constructor(
    public value = '',
    supportThemeIcons = false,
  ) {
    this.supportThemeIcons = supportThemeIcons;
  }
  appendText(value: string): MarkdownString {
    this.value += value.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
    return this;
  }
  appendMarkdown(value: string): MarkdownString {
    this.value += value;
    return this;
  }
  appendCodeblock(code: string, language = ''): MarkdownString {
    this.value += `\n\`\`\`${language}\n${code}\n\`\`\`\n`;
    return this;
  }
}

export class Uri {
  static parse(value: string): Uri {
    const m = /^([a-zA-Z][\w+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(value);
    if (!m) throw new Error(`invalid uri ${value}`);
    return new Uri(m[1], m[2] ?? '', decodeURIComponent(m[3] ?? ''), m[4] ?? '', m[5] ?? '');
  }
  static file(path: string): Uri {
    return new Uri('file', '', path, '', '');
  }
  static from(c: { scheme: string; authority?: string; path?: string; query?: string; fragment?: string }): Uri {
    return new Uri(c.scheme, c.authority ?? '', c.path ?? '', c.query ?? '', c.fragment ?? '');
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return base.with({ path: [base.path.replace(/\/$/, ''), ...parts].join('/') });
  }
  private constructor(
    readonly scheme: string,
    readonly authority: string,
    readonly path: string,
    readonly query: string,
    readonly fragment: string,
  ) {}
  get fsPath(): string {
    return this.path;
  }
  with(c: { scheme?: string; authority?: string; path?: string; query?: string; fragment?: string }): Uri {
    return new Uri(c.scheme ?? this.scheme, c.authority ?? this.authority, c.path ?? this.path, c.query ?? this.query, c.fragment ?? this.fragment);
  }
  toString(): string {
    // As VS Code writes them: file URIs always have the (maybe empty) authority, file:///x.
    const auth = this.authority || this.scheme === 'file' ? `//${this.authority}` : '';
    return `${this.scheme}:${auth}${this.path}${this.query ? `?${this.query}` : ''}${this.fragment ? `#${this.fragment}` : ''}`;
  }
  toJSON(): string {
    return this.toString();
  }
}

export class TreeItem {
  id?: string;
  description?: string | boolean;
  tooltip?: string | MarkdownString;
  iconPath?: ThemeIcon;
  contextValue?: string;
  command?: vscode.Command;
  resourceUri?: Uri;
  label?: string;
  collapsibleState?: TreeItemCollapsibleState;
  constructor(label: string, collapsibleState: TreeItemCollapsibleState = TreeItemCollapsibleState.None) {
    this.label = label;
    this.collapsibleState = collapsibleState;
  }
}

/** SecretStorage kept in a Map, firing onDidChange on store and delete as VS Code does. */
export class InMemorySecretStorage implements vscode.SecretStorage {
  readonly values = new Map<string, string>();
  private readonly changed = new EventEmitter<vscode.SecretStorageChangeEvent>();
  readonly onDidChange = this.changed.event as vscode.Event<vscode.SecretStorageChangeEvent>;
  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }
  async store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
    this.changed.fire({ key });
  }
  async delete(key: string): Promise<void> {
    // VS Code fires only when something was removed.
    if (this.values.delete(key)) this.changed.fire({ key });
  }
  async keys(): Promise<string[]> {
    return [...this.values.keys()];
  }
}

/** globalState / workspaceState kept in a Map. */
export class InMemoryMemento implements vscode.Memento {
  readonly values = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, defaultValue?: T): T | undefined {
    return this.values.has(key) ? (structuredClone(this.values.get(key)) as T) : defaultValue;
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, structuredClone(value));
  }
  setKeysForSync(_keys: readonly string[]): void {}
}

// ---- window / commands / workspace: scripted answers and a record of what was shown ----

export interface ShownMessage {
  level: 'info' | 'warning' | 'error';
  text: string;
  items: string[];
  modal: boolean;
}

/** What tests script and inspect. Reset with `fake.reset()` between tests. */
export const fake = {
  get workspace() {
    return workspace;
  },
  inputBoxAnswers: [] as (string | undefined)[],
  inputBoxes: [] as vscode.InputBoxOptions[],
  quickPickAnswers: [] as ((items: readonly unknown[]) => unknown)[],
  /** Answers for messages, in order; a message with no answer left resolves undefined. */
  messageAnswers: [] as (string | undefined)[],
  messages: [] as ShownMessage[],
  contextKeys: new Map<string, unknown>(),
  commands: new Map<string, (...args: unknown[]) => unknown>(),
  executed: [] as { id: string; args: unknown[] }[],
  configuration: new Map<string, unknown>(),
  /** Texts given to window.setStatusBarMessage. */
  statusBarMessages: [] as string[],
  /** The status-bar messages not yet disposed, oldest first. */
  statusBarShowing: [] as string[],
  /** Set `configuration` first, then tell listeners: `fake.changeConfiguration('ariExplorer.tree.channelLabel')`. */
  changeConfiguration(key: string): void {
    configurationChanges.fire({ affectsConfiguration: (section: string) => key === section || key.startsWith(`${section}.`) });
  },
  messageShown: new EventEmitter<ShownMessage>(),
  treeViews: new Map<string, FakeTreeView>(),
  statusBarItems: new Map<string, FakeStatusBarItem>(),
  contentProviders: new Map<string, vscode.TextDocumentContentProvider>(),
  clipboard: '',
  /** Webview panels created, oldest first; views and serializers by id. */
  panels: [] as FakePanel[],
  viewProviders: new Map<string, { resolveWebviewView(v: unknown): void }>(),
  serializers: new Map<string, { deserializeWebviewPanel(p: unknown, state: unknown): Promise<void> }>(),
  /** What the next save / open dialog answers (undefined: cancelled). */
  saveAnswer: undefined as Uri | undefined,
  openAnswer: undefined as Uri[] | undefined,
  /** Documents shown in an editor, as showTextDocument was asked. */
  shown: [] as { uri: string; selection?: Range; viewColumn?: number }[],
  /** Settings of the workspace; `configuration` holds the user's (what Restricted Mode still reads). */
  workspaceConfiguration: new Map<string, unknown>(),
  configUpdates: [] as { key: string; value: unknown; target?: ConfigurationTarget }[],
  /** What workspace.findFiles searches, by glob. */
  workspaceFiles: [] as Uri[],
  /** Language providers by kind: symbols, folding, hover, definition, codeLens, links. */
  providers: {} as Record<string, unknown>,
  /** onDidSaveTextDocument listeners; a test awaits what they return. */
  saveListeners: [] as Listener<TextDocument>[],
  /** Forgets what was shown, asked and scripted; settings and registrations stay. */
  clearRecords(): void {
    this.inputBoxAnswers = [];
    this.inputBoxes = [];
    this.quickPickAnswers = [];
    this.messageAnswers = [];
    this.messages = [];
    this.executed = [];
    this.shown = [];
    this.configUpdates = [];
    this.statusBarMessages = [];
    this.statusBarShowing = [];
  },
  reset(): void {
    this.clearRecords();
    this.panels = [];
    this.saveAnswer = undefined;
    this.openAnswer = undefined;
    this.treeViews.clear();
    this.statusBarItems.clear();
    this.contentProviders.clear();
    this.clipboard = '';
    workspace.textDocuments.length = 0;
    window.visibleTextEditors.length = 0;
    this.contextKeys.clear();
    this.configuration.clear();
    this.workspaceConfiguration.clear();
  },
};

function message(level: ShownMessage['level']) {
  return async (text: string, ...rest: unknown[]): Promise<string | undefined> => {
    const modal = typeof rest[0] === 'object' && rest[0] !== null && !!(rest[0] as { modal?: boolean }).modal;
    const items = rest.filter((r): r is string => typeof r === 'string');
    const shown = { level, text, items, modal };
    fake.messages.push(shown);
    fake.messageShown.fire(shown);
    return fake.messageAnswers.shift();
  };
}

export const window = {
  showInputBox: async (options: vscode.InputBoxOptions = {}): Promise<string | undefined> => {
    fake.inputBoxes.push(options);
    return fake.inputBoxAnswers.shift();
  },
  showQuickPick: async (items: readonly unknown[] | Promise<readonly unknown[]>): Promise<unknown> => {
    const list = await items;
    const answer = fake.quickPickAnswers.shift();
    return answer ? answer(list) : undefined;
  },
  showInformationMessage: message('info'),
  showWarningMessage: message('warning'),
  showErrorMessage: message('error'),
  setStatusBarMessage: (text: string): Disposable => {
    fake.statusBarMessages.push(text);
    fake.statusBarShowing.push(text);
    let shown = true;
    return new Disposable(() => {
      if (!shown) return;
      shown = false;
      fake.statusBarShowing.splice(fake.statusBarShowing.indexOf(text), 1);
    });
  },
  createTreeView: <T>(id: string, options: { treeDataProvider: vscode.TreeDataProvider<T> }): FakeTreeView => {
    const view = new FakeTreeView(id, options.treeDataProvider as vscode.TreeDataProvider<unknown>);
    fake.treeViews.set(id, view);
    return view;
  },
  createStatusBarItem: (id: string, alignment?: StatusBarAlignment, priority?: number): FakeStatusBarItem => {
    const item = new FakeStatusBarItem(id, alignment, priority);
    fake.statusBarItems.set(id, item);
    return item;
  },
  withProgress: async <R>(_options: unknown, task: (progress: { report(v: unknown): void }, token: unknown) => Promise<R>): Promise<R> =>
    task({ report() {} }, { isCancellationRequested: false, onCancellationRequested: () => new Disposable(() => undefined) }),
  showTextDocument: async (doc: TextDocument, opts?: { selection?: Range; viewColumn?: number }): Promise<TextDocument> => {
    fake.shown.push({ uri: doc.uri.toString(), selection: opts?.selection, viewColumn: opts?.viewColumn });
    return doc;
  },
  /** Editors on screen; a test puts one here to check it is reused. */
  visibleTextEditors: [] as { document: { uri: { toString(): string } }; viewColumn?: number }[],
  createQuickPick: (): ScriptedQuickPick => new ScriptedQuickPick(),
  createInputBox: (): ScriptedInputBox => new ScriptedInputBox(),
  createWebviewPanel: (viewType: string, title: string, _column: unknown, options: Record<string, unknown>): FakePanel => {
    const panel = new FakePanel(viewType, title, options);
    fake.panels.push(panel);
    return panel;
  },
  registerWebviewViewProvider: (id: string, provider: { resolveWebviewView(v: unknown): void }): Disposable => {
    fake.viewProviders.set(id, provider);
    return new Disposable(() => fake.viewProviders.delete(id));
  },
  registerWebviewPanelSerializer: (id: string, serializer: { deserializeWebviewPanel(p: unknown, state: unknown): Promise<void> }): Disposable => {
    fake.serializers.set(id, serializer);
    return new Disposable(() => fake.serializers.delete(id));
  },
  showSaveDialog: async (): Promise<Uri | undefined> => fake.saveAnswer,
  showOpenDialog: async (): Promise<Uri[] | undefined> => fake.openAnswer,
};

/** A webview that keeps what the extension posted and lets a test play the page's messages. */
export class FakeWebview {
  html = '';
  options: Record<string, unknown> = {};
  readonly cspSource = 'https://fake.vscode-cdn.net';
  readonly posted: unknown[] = [];
  /** Fire a message here as the page would send it. */
  readonly incoming = new EventEmitter<unknown>();
  readonly onDidReceiveMessage = this.incoming.event;
  private waiters: (() => void)[] = [];
  asWebviewUri(u: Uri): Uri {
    return Uri.file(`/webview${u.path}`);
  }
  postMessage(m: unknown): Promise<boolean> {
    this.posted.push(structuredClone(m));
    for (const w of this.waiters.splice(0)) w();
    return Promise.resolve(true);
  }
  /** Resolves at the next postMessage. */
  nextPost(): Promise<void> {
    return new Promise((r) => this.waiters.push(r));
  }
}

export class FakePanel {
  readonly webview = new FakeWebview();
  visible = true;
  iconPath: unknown;
  revealed = 0;
  private readonly disposeEmitter = new EventEmitter<void>();
  private readonly viewState = new EventEmitter<unknown>();
  readonly onDidDispose = this.disposeEmitter.event;
  readonly onDidChangeViewState = this.viewState.event;
  constructor(
    readonly viewType: string,
    readonly title: string,
    readonly options: Record<string, unknown>,
  ) {
    this.webview.options = options;
  }
  reveal(): void {
    this.revealed++;
  }
  setVisible(v: boolean): void {
    this.visible = v;
    this.viewState.fire({ webviewPanel: this });
  }
  dispose(): void {
    this.disposeEmitter.fire();
  }
}

export const QuickInputButtons = { Back: { iconPath: 'back' } };

/** An inputBoxAnswers entry that presses the Back button instead of typing. */
export const PRESS_BACK = '\u0000back';

// ---- createInputBox: answered from fake.inputBoxAnswers like showInputBox; PRESS_BACK goes back,
// undefined cancels; an answer that fails validation is an error (the user would be stuck). ----
export class ScriptedInputBox {
  value = '';
  title = '';
  prompt = '';
  placeholder = '';
  validationMessage: string | undefined;
  ignoreFocusOut = false;
  password = false;
  buttons: unknown[] = [];
  private readonly change: ((v: string) => void)[] = [];
  private readonly accept: (() => void)[] = [];
  private readonly hidden: (() => void)[] = [];
  private readonly button: ((b: unknown) => void)[] = [];
  onDidChangeValue = (l: (v: string) => void) => (this.change.push(l), { dispose() {} });
  onDidAccept = (l: () => void) => (this.accept.push(l), { dispose() {} });
  onDidHide = (l: () => void) => (this.hidden.push(l), { dispose() {} });
  onDidTriggerButton = (l: (b: unknown) => void) => (this.button.push(l), { dispose() {} });
  show(): void {
    fake.inputBoxes.push({ title: this.title, prompt: this.prompt, value: this.value });
    const answer = fake.inputBoxAnswers.shift();
    queueMicrotask(() => {
      if (answer === undefined) return this.hide();
      if (answer === PRESS_BACK) {
        for (const l of this.button) l(QuickInputButtons.Back);
        return;
      }
      this.value = answer;
      for (const l of this.change) l(answer);
      assert.equal(this.validationMessage, undefined, `"${answer}" is rejected at ${this.title}: ${this.validationMessage}`);
      for (const l of this.accept) l();
    });
  }
  hide(): void {
    for (const l of this.hidden) l();
  }
  dispose(): void {}
}

// ---- createQuickPick: a scripted QuickPick. Tests push one Step per pick shown. ----

export interface QpItem {
  label: string;
  action?: string;
  value?: string;
  description?: string;
}

export class ScriptedQuickPick {
  items: QpItem[] = [];
  selectedItems: QpItem[] = [];
  activeItems: QpItem[] = [];
  value = '';
  title = '';
  placeholder = '';
  canSelectMany = false;
  ignoreFocusOut = false;
  matchOnDescription = false;
  private readonly change: ((v: string) => void)[] = [];
  private readonly accept: (() => void)[] = [];
  private readonly hidden: (() => void)[] = [];
  buttons: unknown[] = [];
  private readonly button: ((b: unknown) => void)[] = [];
  onDidChangeValue = (l: (v: string) => void) => (this.change.push(l), { dispose() {} });
  onDidAccept = (l: () => void) => (this.accept.push(l), { dispose() {} });
  onDidHide = (l: () => void) => (this.hidden.push(l), { dispose() {} });
  onDidTriggerButton = (l: (b: unknown) => void) => (this.button.push(l), { dispose() {} });
  pressBack(): void {
    for (const l of this.button) l(QuickInputButtons.Back);
  }
  show(): void {
    const step = script.shift();
    assert.ok(step, `no scripted answer for ${this.title}`);
    titles.push(this.title);
    queueMicrotask(() => step(this));
  }
  hide(): void {
    for (const l of this.hidden) l();
  }
  dispose(): void {}
  type(text: string): void {
    this.value = text;
    for (const l of this.change) l(text);
  }
  choose(pred: (i: QpItem) => boolean): void {
    const item = this.items.find(pred);
    assert.ok(item, `no item in ${this.title}: ${this.items.map((i) => i.label).join(' | ')}`);
    this.selectedItems = [item];
    this.activeItems = [item];
    for (const l of this.accept) l();
  }
}

export type Step = (qp: ScriptedQuickPick) => void;
/** The answers for the next createQuickPick()s, in order; the titles shown. */
export const script: Step[] = [];
export const titles: string[] = [];
export const typeValue =
  (text: string): Step =>
  (qp) => {
    qp.type(text);
    qp.choose((i) => i.label === text);
  };
export const sendNow: Step = (qp) => qp.choose((i) => i.action === 'sendNow');

export enum QuickPickItemKind {
  Separator = -1,
  Default = 0,
}

export enum ViewColumn {
  Active = -1,
  Beside = -2,
  One = 1,
  Two = 2,
}

export enum ProgressLocation {
  SourceControl = 1,
  Window = 10,
  Notification = 15,
}

export class FakeTreeView {
  description?: string;
  message?: string;
  title?: string;
  readonly visible = true;
  disposed = false;
  readonly expand = new EventEmitter<{ element: unknown }>();
  readonly collapse = new EventEmitter<{ element: unknown }>();
  readonly onDidExpandElement = this.expand.event;
  readonly onDidCollapseElement = this.collapse.event;
  readonly onDidChangeVisibility = new EventEmitter<{ visible: boolean }>().event;
  constructor(
    readonly id: string,
    readonly provider: vscode.TreeDataProvider<unknown>,
  ) {}
  dispose(): void {
    this.disposed = true;
  }
}

export class FakeStatusBarItem {
  text = '';
  tooltip?: string | MarkdownString;
  color?: ThemeColor;
  backgroundColor?: ThemeColor;
  command?: string;
  name?: string;
  shown = false;
  constructor(
    readonly id: string,
    readonly alignment?: StatusBarAlignment,
    readonly priority?: number,
  ) {}
  show(): void {
    this.shown = true;
  }
  hide(): void {
    this.shown = false;
  }
  dispose(): void {
    this.shown = false;
  }
}

/** A TextDocument reduced to what the extension reads; text given, or asked for at each read. */
export class TextDocument {
  version = 1;
  constructor(
    readonly uri: Uri,
    private readonly text: string | (() => string),
    public languageId = 'plaintext',
  ) {}
  getText(): string {
    return typeof this.text === 'string' ? this.text : this.text();
  }
  get lineCount(): number {
    return this.getText().split('\n').length;
  }
  lineAt(line: number): { text: string } {
    return { text: this.getText().split('\n')[line] ?? '' };
  }
}
/** The name the tests knew it by. */
export type FakeTextDocument = TextDocument;

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
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

export class Hover {
  constructor(
    readonly contents: MarkdownString,
    readonly range?: Range,
  ) {}
}
export class Location {
  constructor(
    readonly uri: Uri,
    readonly range: Range,
  ) {}
}
export class CodeLens {
  constructor(
    readonly range: Range,
    readonly command?: { title: string; command: string; arguments?: unknown[] },
  ) {}
}
export class DocumentSymbol {
  children: DocumentSymbol[] = [];
  constructor(
    readonly name: string,
    readonly detail: string,
    readonly kind: number,
    readonly range: Range,
    readonly selectionRange: Range,
  ) {}
}
export class DocumentLink {
  constructor(
    readonly range: Range,
    readonly target?: Uri,
  ) {}
}
export class FoldingRange {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly kind?: number,
  ) {}
}
export enum FileType {
  Unknown = 0,
  File = 1,
  Directory = 2,
}
export enum SymbolKind {
  Module = 1,
  Namespace = 2,
  Package = 3,
  Class = 4,
  Function = 11,
  Number = 15,
  Key = 19,
  EnumMember = 21,
  Event = 23,
}
export enum FoldingRangeKind {
  Comment = 1,
  Imports = 2,
  Region = 3,
}
export enum ConfigurationTarget {
  Global = 1,
  Workspace = 2,
  WorkspaceFolder = 3,
}

/** `**`, `*`, `?` and `{a,b}` of a findFiles glob, matched against the whole path. */
function globRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (glob.startsWith('**/', i)) {
      re += '(?:.*/)?';
      i += 2;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') re += '(?:';
    else if (c === '}') re += ')';
    else if (c === ',') re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`(?:^|/)${re}$`);
}

const noEvent = (): Disposable => new Disposable(() => undefined);

export const env = {
  /** The display language the panels write into their page's lang. */
  language: 'en',
  clipboard: {
    writeText: async (text: string): Promise<void> => {
      fake.clipboard = text;
    },
    readText: async (): Promise<string> => fake.clipboard,
  },
};

function registerProvider(kind: string) {
  return (_selector: unknown, provider: unknown): Disposable => {
    fake.providers[kind] = provider;
    return new Disposable(() => delete fake.providers[kind]);
  };
}

export const languages = {
  setTextDocumentLanguage: async (doc: TextDocument, languageId: string): Promise<TextDocument> => {
    doc.languageId = languageId;
    return doc;
  },
  registerDocumentSymbolProvider: registerProvider('symbols'),
  registerFoldingRangeProvider: registerProvider('folding'),
  registerHoverProvider: registerProvider('hover'),
  registerDefinitionProvider: registerProvider('definition'),
  registerCodeLensProvider: registerProvider('codeLens'),
  registerDocumentLinkProvider: registerProvider('links'),
};

export const commands = {
  executeCommand: async (id: string, ...args: unknown[]): Promise<unknown> => {
    fake.executed.push({ id, args });
    if (id === 'setContext') {
      fake.contextKeys.set(args[0] as string, args[1]);
      return undefined;
    }
    return fake.commands.get(id)?.(...args);
  },
  registerCommand: (id: string, handler: (...args: unknown[]) => unknown): Disposable => {
    fake.commands.set(id, handler);
    return new Disposable(() => fake.commands.delete(id));
  },
};

const configurationChanges = new EventEmitter<{ affectsConfiguration(section: string): boolean }>();

export const workspace = {
  onDidChangeConfiguration: configurationChanges.event,
  onDidChangeWorkspaceFolders: noEvent,
  onDidCloseTextDocument: noEvent,
  onDidSaveTextDocument: (l: Listener<TextDocument>): Disposable => {
    fake.saveListeners.push(l);
    return new Disposable(() => (fake.saveListeners = fake.saveListeners.filter((x) => x !== l)));
  },
  workspaceFolders: undefined as { uri: Uri }[] | undefined,
  getWorkspaceFolder: (uri: Uri): { uri: Uri } | undefined =>
    workspace.workspaceFolders?.find((f) => uri.fsPath === f.uri.fsPath || uri.fsPath.startsWith(`${f.uri.fsPath.replace(/\/$/, '')}/`)),
  asRelativePath: (u: Uri): string => u.path,
  createFileSystemWatcher: () => ({ onDidCreate: noEvent, onDidDelete: noEvent, onDidChange: noEvent, dispose() {} }),
  findFiles: async (include: string): Promise<Uri[]> => fake.workspaceFiles.filter((u) => globRegExp(include).test(u.path)),
  /** File URIs read from the real disk (tests write them to a temp folder). */
  fs: {
    stat: async (uri: Uri): Promise<{ size: number; type: FileType; mtime: number; ctime: number }> => {
      const st = await fsp.stat(uri.fsPath);
      return { size: st.size, type: st.isDirectory() ? FileType.Directory : FileType.File, mtime: st.mtimeMs, ctime: st.ctimeMs };
    },
    readDirectory: async (uri: Uri): Promise<[string, FileType][]> =>
      (await fsp.readdir(uri.fsPath, { withFileTypes: true })).map((e) => [e.name, e.isFile() ? FileType.File : FileType.Directory]),
    readFile: async (uri: Uri): Promise<Uint8Array> => fsp.readFile(uri.fsPath),
    writeFile: async (uri: Uri, data: Uint8Array): Promise<void> => fsp.writeFile(uri.fsPath, data),
  },
  textDocuments: [] as TextDocument[],
  registerTextDocumentContentProvider: (scheme: string, provider: vscode.TextDocumentContentProvider): Disposable => {
    fake.contentProviders.set(scheme, provider);
    return new Disposable(() => fake.contentProviders.delete(scheme));
  },
  /**
   * An open document, else one of a registered scheme (getText() asks the provider each time,
   * like a reopen), else a file read from disk.
   */
  openTextDocument: async (uri: Uri): Promise<TextDocument> => {
    const existing = workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (existing) return existing;
    const provider = fake.contentProviders.get(uri.scheme);
    if (!provider && uri.scheme !== 'file') throw new Error(`no content provider for ${uri.scheme}`);
    const doc = provider
      ? new TextDocument(uri, () =>
          String(provider.provideTextDocumentContent(uri as unknown as vscode.Uri, { isCancellationRequested: false } as vscode.CancellationToken) ?? ''),
        )
      : new TextDocument(uri, readFileSync(uri.fsPath, 'utf8'));
    workspace.textDocuments.push(doc);
    return doc;
  },
  /** Tests that are about Restricted Mode set it false. */
  isTrusted: true,
  getConfiguration: (section?: string) => ({
    /** As VS Code merges them: the workspace's value over the user's. */
    get: <T>(key: string, defaultValue?: T): T | undefined => {
      const full = section ? `${section}.${key}` : key;
      if (fake.workspaceConfiguration.has(full)) return fake.workspaceConfiguration.get(full) as T;
      return fake.configuration.has(full) ? (fake.configuration.get(full) as T) : defaultValue;
    },
    inspect: <T>(key: string): { key: string; globalValue?: T; workspaceValue?: T } => {
      const full = section ? `${section}.${key}` : key;
      return { key: full, globalValue: fake.configuration.get(full) as T | undefined, workspaceValue: fake.workspaceConfiguration.get(full) as T | undefined };
    },
    update: async (key: string, value: unknown, target?: ConfigurationTarget): Promise<void> => {
      const full = section ? `${section}.${key}` : key;
      (target === ConfigurationTarget.Global ? fake.configuration : fake.workspaceConfiguration).set(full, value);
      fake.configUpdates.push({ key: full, value, target });
    },
  }),
};

/** A LogOutputChannel that keeps its lines (tests scan them for secrets). */
export class MemoryLogOutputChannel {
  readonly lines: string[] = [];
  readonly name = 'ARI Explorer';
  trace(m: string): void {
    this.lines.push(`trace ${m}`);
  }
  debug(m: string): void {
    this.lines.push(`debug ${m}`);
  }
  info(m: string): void {
    this.lines.push(`info ${m}`);
  }
  warn(m: string): void {
    this.lines.push(`warn ${m}`);
  }
  error(m: string | Error): void {
    this.lines.push(`error ${m instanceof Error ? m.message : m}`);
  }
  append(m: string): void {
    this.lines.push(m);
  }
  appendLine(m: string): void {
    this.lines.push(m);
  }
  show(): void {}
  hide(): void {}
  clear(): void {
    this.lines.length = 0;
  }
  replace(m: string): void {
    this.lines.length = 0;
    this.lines.push(m);
  }
  dispose(): void {}
  text(): string {
    return this.lines.join('\n');
  }
}

/** vscode.l10n: English with {0} placeholders filled, as in plain Node. */
export const l10n = {
  t: (message: string, ...args: Array<string | number | boolean>): string =>
    message.replace(/\{(\d+)\}/g, (whole, i: string) => (args[Number(i)] === undefined ? whole : String(args[Number(i)]))),
};
