// A plain-Node stand-in for the subset of the 'vscode' API that tree, status bar, profile and
// command code touch, so that code runs under node:test. register-vscode.ts makes `require('vscode')`
// resolve here. Shapes follow @types/vscode; only what tests need is implemented.
import * as fsp from 'node:fs/promises';
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
    return new Uri(m[1], m[2] ?? '', m[3] ?? '', m[4] ?? '', m[5] ?? '');
  }
  static file(path: string): Uri {
    return new Uri('file', '', path, '', '');
  }
  static from(c: { scheme: string; authority?: string; path?: string; query?: string; fragment?: string }): Uri {
    return new Uri(c.scheme, c.authority ?? '', c.path ?? '', c.query ?? '', c.fragment ?? '');
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
    const auth = this.authority ? `//${this.authority}` : '';
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
  reset(): void {
    this.treeViews.clear();
    this.statusBarItems.clear();
    this.contentProviders.clear();
    this.clipboard = '';
    workspace.textDocuments.length = 0;
    this.inputBoxAnswers = [];
    this.inputBoxes = [];
    this.quickPickAnswers = [];
    this.messageAnswers = [];
    this.messages = [];
    this.contextKeys.clear();
    this.executed = [];
    this.configuration.clear();
    this.statusBarMessages = [];
    this.statusBarShowing = [];
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
  showTextDocument: async (doc: unknown): Promise<unknown> => doc,
  createQuickPick: (): ScriptedQuickPick => new ScriptedQuickPick(),
  createInputBox: (): ScriptedInputBox => new ScriptedInputBox(),
};

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
export const typeValue = (text: string): Step => (qp) => {
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

/** A TextDocument reduced to what tests read. */
export interface FakeTextDocument {
  uri: Uri;
  languageId: string;
  getText(): string;
}

export const env = {
  clipboard: {
    writeText: async (text: string): Promise<void> => {
      fake.clipboard = text;
    },
    readText: async (): Promise<string> => fake.clipboard,
  },
};

export const languages = {
  setTextDocumentLanguage: async (doc: FakeTextDocument, languageId: string): Promise<FakeTextDocument> => {
    doc.languageId = languageId;
    return doc;
  },
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
  /** File URIs read from the real disk (tests write them to a temp folder). */
  fs: {
    stat: async (uri: Uri): Promise<{ size: number; type: number }> => {
      const st = await fsp.stat(uri.fsPath);
      return { size: st.size, type: st.isDirectory() ? 2 : 1 };
    },
    readFile: async (uri: Uri): Promise<Uint8Array> => fsp.readFile(uri.fsPath),
    writeFile: async (uri: Uri, data: Uint8Array): Promise<void> => fsp.writeFile(uri.fsPath, data),
  },
  textDocuments: [] as FakeTextDocument[],
  registerTextDocumentContentProvider: (scheme: string, provider: vscode.TextDocumentContentProvider): Disposable => {
    fake.contentProviders.set(scheme, provider);
    return new Disposable(() => fake.contentProviders.delete(scheme));
  },
  /** Documents of a registered scheme: getText() asks the provider each time, like a reopen. */
  openTextDocument: async (uri: Uri): Promise<FakeTextDocument> => {
    const existing = workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (existing) return existing;
    const provider = fake.contentProviders.get(uri.scheme);
    if (!provider) throw new Error(`no content provider for ${uri.scheme}`);
    const doc: FakeTextDocument = {
      uri,
      languageId: 'plaintext',
      getText: () => String(provider.provideTextDocumentContent(uri as unknown as vscode.Uri, { isCancellationRequested: false } as vscode.CancellationToken) ?? ''),
    };
    workspace.textDocuments.push(doc);
    return doc;
  },
  /** The fake's settings are user settings, so Restricted Mode changes nothing they say. */
  isTrusted: true,
  getConfiguration: (section?: string) => ({
    get: <T>(key: string, defaultValue?: T): T | undefined => {
      const full = section ? `${section}.${key}` : key;
      return fake.configuration.has(full) ? (fake.configuration.get(full) as T) : defaultValue;
    },
    inspect: <T>(key: string): { key: string; globalValue?: T } => {
      const full = section ? `${section}.${key}` : key;
      return { key: full, globalValue: fake.configuration.get(full) as T | undefined };
    },
  }),
};

/** A LogOutputChannel that keeps its lines (tests scan them for secrets). */
export class MemoryLogOutputChannel {
  readonly lines: string[] = [];
  readonly name = 'ARI Explorer';
  trace(m: string): void { this.lines.push(`trace ${m}`); }
  debug(m: string): void { this.lines.push(`debug ${m}`); }
  info(m: string): void { this.lines.push(`info ${m}`); }
  warn(m: string): void { this.lines.push(`warn ${m}`); }
  error(m: string | Error): void { this.lines.push(`error ${m instanceof Error ? m.message : m}`); }
  append(m: string): void { this.lines.push(m); }
  appendLine(m: string): void { this.lines.push(m); }
  show(): void {}
  hide(): void {}
  clear(): void { this.lines.length = 0; }
  replace(m: string): void { this.lines.length = 0; this.lines.push(m); }
  dispose(): void {}
  text(): string { return this.lines.join('\n'); }
}

/** vscode.l10n: English with {0} placeholders filled, as in plain Node. */
export const l10n = {
  t: (message: string, ...args: Array<string | number | boolean>): string =>
    message.replace(/\{(\d+)\}/g, (whole, i: string) => (args[Number(i)] === undefined ? whole : String(args[Number(i)]))),
};
