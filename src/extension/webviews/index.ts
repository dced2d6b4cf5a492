// Host side of the event stream: the live ring buffer fed by the active session, the
// "ARI Events" editor panel (one at a time), the docked `ariExplorer.eventsView`, and the
// ariExplorer.events.* commands. Both webviews run the same bundle and controller.

import * as vscode from 'vscode';
import { ARI_EVENT_TYPES } from '../ari/events.generated';
import type { Services } from '../services';
import { registerCommand } from '../util/commands';
import type { EventFilter, SourceInfo } from '../../shared/protocol';
import { EMPTY_FILTER } from '../../shared/protocol';
import { exportedLine } from './eventLines';
import { EventStore } from './eventStore';
import { EventViewController, type EventViewHost, type WebviewPort } from './eventViewController';
import { EventView } from './eventView';
import { buildEventPanelHtml, makeNonce } from './html';
import { LiveFeed } from './liveFeed';
import * as hostProbe from '../util/hostProbe';
import { describeBadLines, readNdjson, toNdjson } from './ndjson';
import { filterFromArgument } from './showArgument';
import { t } from '../util/l10n';
import { shown } from '../util/sanitize';
import { Emitter } from '../util/emitter';
import { panelText } from './panelText';
import { eventBufferBytes, maxEventBytes } from '../util/limits';
import * as fs from 'node:fs';

const PANEL_TYPE = 'ariExplorer.eventsPanel';
const VIEW_ID = 'ariExplorer.eventsView';
const DEFAULT_BUFFER = 50_000;
/** Opened logs larger than this are refused: the whole file is read into memory. */
const MAX_LOG_BYTES = 512 * 1024 * 1024;

async function* oneChunk(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}

function bufferSize(): number {
  const v = vscode.workspace.getConfiguration('ariExplorer.events').get<number>('bufferSize', DEFAULT_BUFFER);
  return Number.isSafeInteger(v) && v >= 100 ? Math.min(v, 1_000_000) : DEFAULT_BUFFER;
}

class EventPanels implements vscode.Disposable, EventViewHost {
  readonly liveStore = new EventStore(bufferSize(), { maxBytes: eventBufferBytes(), maxEventBytes: maxEventBytes() });
  private readonly controllers = new Set<EventViewController>();
  private panel: { panel: vscode.WebviewPanel; controller: EventViewController } | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires after the live buffer changed (Call Flow follows it). */
  readonly liveChanged = new Emitter<void>();
  /** The panel's filter when it was last closed: reopening replays the buffer through it. */
  private lastPanelFilter: EventFilter | undefined;

  constructor(private readonly services: Services) {
    if (services.probes) {
      services.probes.events = () => ({
        size: this.liveStore.size,
        typeCounts: this.liveStore.typeCounts(),
        serverCounts: this.liveStore.serverCounts(),
        panelOpen: this.panel !== undefined,
        panelFilter: this.panel?.controller.view.filter,
        panelTotal: this.panel?.controller.view.total,
      });
    }
    this.disposables.push(
      new LiveFeed(
        services.connections,
        this.liveStore,
        () => this.liveBatchArrived(),
        () => this.controllers.forEach((c) => c.liveSourceChanged()),
      ),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('ariExplorer.events.bufferSize')) {
          this.liveStore.resize(bufferSize());
          this.liveStoreChanged();
        }
        if (e.affectsConfiguration('ariExplorer.events.maxBufferMegabytes') || e.affectsConfiguration('ariExplorer.events.maxEventKilobytes')) {
          this.liveStore.setLimits({ maxBytes: eventBufferBytes(), maxEventBytes: maxEventBytes() });
          this.liveStoreChanged();
        }
      }),
      vscode.window.registerWebviewViewProvider(VIEW_ID, { resolveWebviewView: (v) => this.resolveView(v) }),
      vscode.window.registerWebviewPanelSerializer(PANEL_TYPE, {
        deserializeWebviewPanel: async (panel) => {
          this.adoptPanel(panel, undefined);
        },
      }),
    );
  }

  get log(): vscode.LogOutputChannel {
    return this.services.log;
  }

  liveSource(): SourceInfo {
    const names = this.services.connections.servers.map((s) => s.profileName);
    return { kind: 'live', label: names.length > 0 ? t('live: {0}', names.join(', ')) : t('live: not connected') };
  }

  eventTypes(): string[] {
    const all = new Set<string>(ARI_EVENT_TYPES);
    for (const type of this.liveStore.seenTypes()) all.add(type);
    return [...all].sort();
  }

  liveStoreChanged(): void {
    for (const c of this.controllers) if (c.view.store === this.liveStore) c.storeChanged();
    this.liveChanged.fire(undefined);
  }

  async showCallFlow(store: EventStore, n: number, sourceLabel: string): Promise<void> {
    await vscode.commands.executeCommand('ariExplorer.callflow.show', { kind: 'event', store, n, sourceLabel });
  }

  /** A session batch reached the live store: views showing it update in this same wake-up. */
  private liveBatchArrived(): void {
    for (const c of this.controllers) if (c.view.store === this.liveStore) c.storeBatched();
    this.liveChanged.fire(undefined);
  }

  showPanel(filter: EventFilter | undefined): EventViewController {
    if (this.panel) {
      this.panel.panel.reveal();
      if (filter) this.panel.controller.applyFilter(filter);
      return this.panel.controller;
    }
    const panel = vscode.window.createWebviewPanel(PANEL_TYPE, t('ARI Events'), vscode.ViewColumn.Active, this.webviewOptions());
    return this.adoptPanel(panel, filter ?? this.lastPanelFilter);
  }

  /** A new panel, or one VS Code restored after a reload (its webview then says ready with its saved filter). */
  private adoptPanel(panel: vscode.WebviewPanel, filter: EventFilter | undefined): EventViewController {
    if (this.panel) this.panel.panel.dispose(); // only one: a restored duplicate replaces the old
    panel.webview.options = this.webviewOptions();
    panel.iconPath = vscode.Uri.joinPath(this.services.context.extensionUri, 'media', 'ari.svg');
    const controller = this.attach(panel.webview, 'panel', filter);
    const onFilter = panel.onDidChangeViewState(() => {
      // Without retainContextWhenHidden a hidden webview is torn down; it says ready again.
      if (!panel.visible) controller.webviewReloaded();
    });
    panel.onDidDispose(() => {
      this.lastPanelFilter = controller.view.filter;
      onFilter.dispose();
      this.detach(controller);
      this.panel = undefined;
    });
    this.panel = { panel, controller };
    return controller;
  }

  private resolveView(view: vscode.WebviewView): void {
    view.webview.options = this.webviewOptions();
    const controller = this.attach(view.webview, 'view', undefined);
    const onVisible = view.onDidChangeVisibility(() => {
      if (!view.visible) controller.webviewReloaded();
    });
    view.onDidDispose(() => {
      onVisible.dispose();
      this.detach(controller);
    });
  }

  private webviewOptions(): vscode.WebviewOptions {
    const root = this.services.context.extensionUri;
    return {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(root, 'dist', 'webview'), vscode.Uri.joinPath(root, 'media')],
    };
  }

  private attach(webview: vscode.Webview, variant: 'panel' | 'view', filter: EventFilter | undefined): EventViewController {
    const root = this.services.context.extensionUri;
    const uri = (...p: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(root, ...p)).toString();
    const port: WebviewPort = {
      postMessage: (m) => {
        hostProbe.notePost?.(m, variant);
        return webview.postMessage(m);
      },
      onDidReceiveMessage: (l) => webview.onDidReceiveMessage(l),
    };
    const controller = new EventViewController(port, this, filter);
    this.controllers.add(controller);
    webview.html = buildEventPanelHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: uri('dist', 'webview', 'main.js'),
      styleUri: uri('media', 'events.css'),
      codiconUri: uri('dist', 'webview', 'codicon.css'),
      variant,
      text: panelText(),
      lang: vscode.env.language,
    });
    return controller;
  }

  private detach(controller: EventViewController): void {
    this.controllers.delete(controller);
    controller.dispose();
  }

  async exportEvents(view: EventView): Promise<string | undefined> {
    const stamp = new Date().toISOString().replace(/[:]/g, '').replace(/\..*$/, '');
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      title: t('Export {0} events as NDJSON', view.total),
      defaultUri: folder ? vscode.Uri.joinPath(folder, `ari-events-${stamp}.ndjson`) : undefined,
      filters: { [t('NDJSON event log')]: ['ndjson', 'jsonl'], [t('All files')]: ['*'] },
      saveLabel: t('Export'),
    });
    if (!target) return undefined;
    const lines = [...view.events()].map(exportedLine);
    await vscode.workspace.fs.writeFile(target, Buffer.from(toNdjson(lines), 'utf8'));
    const where = vscode.workspace.asRelativePath(target);
    const text = lines.length === 1 ? t('Exported 1 event to {0}', where) : t('Exported {0} events to {1}', lines.length, where);
    this.log.info(`events: ${text}`);
    return text;
  }

  async openLog(): Promise<{ store: EventStore; label: string; notice?: string } | undefined> {
    const picked = await vscode.window.showOpenDialog({
      title: t('Open an ARI event log (NDJSON)'),
      canSelectMany: false,
      filters: { [t('Event logs')]: ['ndjson', 'jsonl', 'log', 'json', 'txt'], [t('All files')]: ['*'] },
      openLabel: t('Open Log'),
    });
    const file = picked?.[0];
    if (!file) return undefined;
    const stat = await vscode.workspace.fs.stat(file);
    if (stat.size > MAX_LOG_BYTES) throw new Error(t('The log is too large to open ({0} MB).', Math.round(stat.size / 1048576)));
    const name = file.path.split('/').pop() ?? file.path;
    // Streamed: read and parsed in chunks with turns for the event loop; only the newest
    // bufferSize events are kept (the store is a ring), within the store's byte budgets.
    const store = new EventStore(bufferSize(), { maxBytes: eventBufferBytes(), maxEventBytes: maxEventBytes() });
    const chunks: AsyncIterable<Uint8Array> =
      file.scheme === 'file' && fs.existsSync(file.fsPath)
        ? fs.createReadStream(file.fsPath, { highWaterMark: 1024 * 1024 })
        : oneChunk(await vscode.workspace.fs.readFile(file));
    const parsed = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: t('Opening {0}', name), cancellable: true },
      (progress, token) => {
        let reported = 0;
        return readNdjson(chunks, (p) => store.push(p.event, Date.parse(String(p.event.timestamp)) || 0, p.json), {
          isCancelled: () => token.isCancellationRequested,
          onProgress: (bytes) => {
            const pct = stat.size > 0 ? Math.floor((bytes / stat.size) * 100) : 100;
            if (pct > reported) progress.report({ increment: pct - reported, message: t('{0} MB', Math.round(bytes / 1048576)) });
            reported = pct;
          },
        });
      },
    );
    if (parsed.cancelled) return undefined;
    if (parsed.events === 0) {
      throw new Error(parsed.errorCount ? t('No events in {0}: bad {1}.', name, describeBadLines(parsed.errors)) : t('No events in {0}.', name));
    }
    const dropped = parsed.events - store.size;
    const notes: string[] = [];
    if (dropped > 0) notes.push(t('kept the newest {0} of {1} events (the event buffer size)', store.size, parsed.events));
    if (parsed.errorCount > 0) notes.push(t('skipped {0} bad {1}', parsed.errorCount, describeBadLines(parsed.errors)));
    let notice: string | undefined;
    if (notes.length > 0) {
      notice = t('{0}: {1}', name, notes.join('; '));
      this.log.warn(`events: ${notice}`);
      void vscode.window.showWarningMessage(shown(notice, 600));
    }
    return { store, label: t('log: {0} ({1} events)', name, store.size), notice };
  }

  exportFromCommand(): Promise<string | undefined> {
    const controller = this.panel?.controller;
    if (controller) return this.exportEvents(controller.view);
    return this.exportEvents(new EventView(this.liveStore, EMPTY_FILTER));
  }

  clearLive(): void {
    this.liveStore.clear();
    this.liveStoreChanged();
  }

  dispose(): void {
    this.panel?.panel.dispose();
    for (const c of this.controllers) c.dispose();
    this.controllers.clear();
    for (const d of this.disposables) d.dispose();
    this.liveChanged.dispose();
  }
}

/** The live buffer and its change signal, for the views that read the same events (Call Flow). */
export interface LiveEventBuffer {
  readonly store: EventStore;
  onDidChange(listener: () => void): vscode.Disposable;
}

export function registerEventPanel(services: Services): vscode.Disposable & { liveEvents: LiveEventBuffer } {
  const panels = new EventPanels(services);
  const ids = {
    show: 'ariExplorer.events.show',
    showForChannel: 'ariExplorer.events.showForChannel',
    showForBridge: 'ariExplorer.events.showForBridge',
    showForApp: 'ariExplorer.events.showForApp',
    openLog: 'ariExplorer.events.openLog',
    export: 'ariExplorer.events.export',
    clear: 'ariExplorer.events.clear',
  };
  // With one server connected every event is its own: no server filter to set.
  const serverName = (profileId: string): string | undefined => {
    const servers = services.connections.servers;
    return servers.length > 1 ? servers.find((s) => s.profileId === profileId)?.profileName : undefined;
  };
  const disposable = vscode.Disposable.from(
    panels,
    registerCommand(services, ids.show, (arg) => {
      panels.showPanel(filterFromArgument(arg, undefined, serverName));
    }),
    registerCommand(services, ids.showForChannel, (arg) => {
      panels.showPanel(filterFromArgument(arg, 'channel', serverName));
    }),
    registerCommand(services, ids.showForBridge, (arg) => {
      panels.showPanel(filterFromArgument(arg, 'bridge', serverName));
    }),
    registerCommand(services, ids.showForApp, (arg) => {
      panels.showPanel(filterFromArgument(arg, 'application', serverName));
    }),
    registerCommand(services, ids.openLog, async () => {
      const controller = panels.showPanel(undefined);
      await controller.handle({ kind: 'openLog' });
    }),
    registerCommand(services, ids.export, async () => {
      const text = await panels.exportFromCommand();
      if (text) void vscode.window.showInformationMessage(text);
    }),
    registerCommand(services, ids.clear, () => panels.clearLive()),
  );
  const liveEvents: LiveEventBuffer = { store: panels.liveStore, onDidChange: (l) => panels.liveChanged.event(l) };
  return Object.assign(disposable, { liveEvents });
}
