// Just enough of the 'vscode' module for src/extension/webviews/index.ts: commands, webview
// panels and views that record what they were given, dialogs answered by the test, and an
// in-memory file system. Installed by register-fake-vscode.ts (this test process only).

type Listener<T> = (value: T) => unknown;

export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  event = (l: Listener<T>): Disposable => {
    this.listeners.push(l);
    return new Disposable(() => (this.listeners = this.listeners.filter((x) => x !== l)));
  };
  fire(v: T): void {
    for (const l of [...this.listeners]) l(v);
  }
}

export class Disposable {
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((i) => i.dispose()));
  }
  constructor(private readonly fn: () => unknown) {}
  dispose(): void {
    this.fn();
  }
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static file(path: string): Uri {
    return new Uri('file', path);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, [base.path.replace(/\/$/, ''), ...parts].join('/'));
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

export enum ViewColumn {
  Active = -1,
  One = 1,
}

export class FakeWebview {
  html = '';
  options: Record<string, unknown> = {};
  readonly cspSource = 'https://fake.vscode-cdn.net';
  readonly posted: unknown[] = [];
  readonly incoming = new EventEmitter<unknown>();
  onDidReceiveMessage = this.incoming.event;
  asWebviewUri(u: Uri): Uri {
    return Uri.file(`/webview${u.path}`);
  }
  private waiters: (() => void)[] = [];
  postMessage(m: unknown): Promise<boolean> {
    this.posted.push(structuredClone(m));
    for (const w of this.waiters.splice(0)) w();
    return Promise.resolve(true);
  }
  /** Resolves at the next postMessage (the batch timer fires it). */
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
  onDidDispose = this.disposeEmitter.event;
  onDidChangeViewState = this.viewState.event;
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

export const fake = {
  commands: new Map<string, (...args: unknown[]) => unknown>(),
  panels: [] as FakePanel[],
  viewProviders: new Map<string, { resolveWebviewView(v: unknown): void }>(),
  serializers: new Map<string, { deserializeWebviewPanel(p: unknown, state: unknown): Promise<void> }>(),
  saveAnswer: undefined as Uri | undefined,
  openAnswer: undefined as Uri[] | undefined,
  files: new Map<string, Uint8Array>(),
  messages: [] as string[],
  config: { bufferSize: 50_000 } as Record<string, unknown>,
};

export const commands = {
  registerCommand(id: string, fn: (...args: unknown[]) => unknown): Disposable {
    fake.commands.set(id, fn);
    return new Disposable(() => fake.commands.delete(id));
  },
  executeCommand(id: string, ...args: unknown[]): Promise<unknown> {
    return Promise.resolve(fake.commands.get(id)?.(...args));
  },
};

const note = (m: string): Promise<undefined> => {
  fake.messages.push(m);
  return Promise.resolve(undefined);
};

export enum ProgressLocation {
  SourceControl = 1,
  Window = 10,
  Notification = 15,
}

export const window = {
  createWebviewPanel(viewType: string, title: string, _column: unknown, options: Record<string, unknown>): FakePanel {
    const p = new FakePanel(viewType, title, options);
    fake.panels.push(p);
    return p;
  },
  registerWebviewViewProvider(id: string, provider: { resolveWebviewView(v: unknown): void }): Disposable {
    fake.viewProviders.set(id, provider);
    return new Disposable(() => fake.viewProviders.delete(id));
  },
  registerWebviewPanelSerializer(id: string, serializer: { deserializeWebviewPanel(p: unknown, state: unknown): Promise<void> }): Disposable {
    fake.serializers.set(id, serializer);
    return new Disposable(() => fake.serializers.delete(id));
  },
  showSaveDialog: () => Promise.resolve(fake.saveAnswer),
  showOpenDialog: () => Promise.resolve(fake.openAnswer),
  withProgress: <R>(_o: unknown, task: (p: { report(v: unknown): void }, t: { isCancellationRequested: boolean }) => Promise<R>): Promise<R> =>
    task({ report: () => undefined }, { isCancellationRequested: false }),
  showErrorMessage: note,
  showWarningMessage: note,
  showInformationMessage: note,
};

const configEmitter = new EventEmitter<{ affectsConfiguration(s: string): boolean }>();

export const workspace = {
  workspaceFolders: undefined,
  getConfiguration: () => ({ get: <T>(key: string, dflt: T): T => (fake.config[key] as T) ?? dflt }),
  onDidChangeConfiguration: configEmitter.event,
  asRelativePath: (u: Uri) => u.path,
  fs: {
    writeFile: (u: Uri, data: Uint8Array) => {
      fake.files.set(u.path, data);
      return Promise.resolve();
    },
    readFile: (u: Uri) => {
      const d = fake.files.get(u.path);
      return d ? Promise.resolve(d) : Promise.reject(new Error(`no file ${u.path}`));
    },
    stat: (u: Uri) => Promise.resolve({ size: fake.files.get(u.path)?.length ?? 0 }),
  },
};

export function fireConfigChange(section: string): void {
  configEmitter.fire({ affectsConfiguration: (s: string) => s === section });
}

/** vscode.l10n: English with {0} placeholders filled, as in plain Node. */
export const l10n = {
  t: (message: string, ...args: Array<string | number | boolean>): string =>
    message.replace(/\{(\d+)\}/g, (whole, i: string) => (args[Number(i)] === undefined ? whole : String(args[Number(i)]))),
};

/** vscode.env: the display language the panels write into their page's lang. */
export const env = { language: 'en' };
