// Host side of Call Flow: one webview editor panel per call, opened from a channel or bridge in
// the tree, from an event row of the event panel, or from the palette (a live or recent call).
// The live flows follow the event panel's ring buffer; a flow opened from a log's row reads
// that log.

import * as vscode from 'vscode';
import type { FlowExportFormat } from '../../shared/callflowProtocol';
import type { Services } from '../services';
import { registerCommand } from '../util/commands';
import { t } from '../util/l10n';
import type { EventStore } from '../webviews/eventStore';
import { makeNonce } from '../webviews/html';
import { toMarkdown, toMermaid, toSvg } from './core/export';
import type { CallSummary } from './core/grouping';
import type { DialplanStep, Ladder } from './core/ladder';
import { FlowController, type FlowHost } from './controller';
import { buildCallFlowHtml } from './html';
import { FlowSource } from './source';

export const SHOW_CALL_FLOW_COMMAND = 'ariExplorer.callflow.show';
const PANEL_TYPE = 'ariExplorer.callFlow';
const GO_TO_DIALPLAN_COMMAND = 'ariExplorer.channel.goToDialplan';

/** The live event buffer and a signal when it changed (the event panel owns both). */
export interface LiveEvents {
  readonly store: EventStore;
  onDidChange(listener: () => void): vscode.Disposable;
}

/** The argument the event panel passes for "Show Call Flow" on a row. */
export interface CallFlowEventArg {
  kind: 'event';
  store: EventStore;
  n: number;
  /** The panel's source label ("log: x.ndjson (120 events)"). */
  sourceLabel: string;
}

function isEventArg(v: unknown): v is CallFlowEventArg {
  const a = v as CallFlowEventArg;
  return typeof v === 'object' && v !== null && a.kind === 'event' && typeof a.n === 'number' && typeof a.store === 'object' && a.store !== null;
}

function nodeOfTreeItem(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const n = v as { kind?: unknown; id?: unknown };
  if (typeof n.id !== 'string') return undefined;
  if (n.kind === 'channel') return `c:${n.id}`;
  if (n.kind === 'bridge') return `b:${n.id}`;
  return undefined;
}

/** The channel commands a live lane header offers. */
function channelCommands(): { id: string; label: string }[] {
  return [
    { id: 'ariExplorer.channel.hangup', label: t('Hang Up…') },
    { id: 'ariExplorer.channel.answer', label: t('Answer') },
    { id: 'ariExplorer.channel.play', label: t('Play Media…') },
    { id: 'ariExplorer.channel.record', label: t('Record…') },
    { id: 'ariExplorer.channel.sendDtmf', label: t('Send DTMF…') },
    { id: 'ariExplorer.channel.hold', label: t('Hold') },
    { id: 'ariExplorer.channel.unhold', label: t('Unhold') },
    { id: 'ariExplorer.channel.mute', label: t('Mute…') },
    { id: 'ariExplorer.channel.unmute', label: t('Unmute…') },
    { id: 'ariExplorer.channel.startMoh', label: t('Start Music on Hold…') },
    { id: 'ariExplorer.channel.stopMoh', label: t('Stop Music on Hold') },
    { id: 'ariExplorer.channel.setVariable', label: t('Set Variable…') },
    { id: 'ariExplorer.channel.getVariable', label: t('Get Variable…') },
    { id: 'ariExplorer.channel.continue', label: t('Continue in Dialplan…') },
    { id: 'ariExplorer.channel.redirect', label: t('Redirect…') },
    { id: 'ariExplorer.channel.addToBridge', label: t('Add to Bridge…') },
    { id: GO_TO_DIALPLAN_COMMAND, label: t('Go to Dialplan Location') },
    { id: 'ariExplorer.events.showForChannel', label: t('Show Events for This Channel') },
  ];
}

interface OpenFlow {
  panel: vscode.WebviewPanel;
  controller: FlowController;
}

class CallFlowPanels implements vscode.Disposable {
  private readonly live: FlowSource;
  private readonly logs = new WeakMap<EventStore, FlowSource>();
  private readonly open = new Set<OpenFlow>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly services: Services,
    liveEvents: LiveEvents,
  ) {
    this.live = new FlowSource(liveEvents.store, t('live'));
    this.disposables.push(
      liveEvents.onDidChange(() => {
        // The index follows the buffer only while a flow is open; a command syncs it on demand.
        if (![...this.open].some((o) => o.controller.source === this.live)) return;
        if (this.live.sync()) for (const o of this.open) if (o.controller.source === this.live) o.controller.sourceChanged();
      }),
    );
  }

  async show(arg: unknown): Promise<void> {
    let source = this.live;
    let node: string | undefined;
    if (isEventArg(arg)) {
      source = arg.store === this.live.store ? this.live : this.logSource(arg.store, arg.sourceLabel);
      source.sync();
      node = source.calls.callOfEvent(arg.n);
      if (!node) throw new Error(t('This event concerns no channel or bridge: it is not part of a call.'));
    } else {
      this.live.sync();
      node = nodeOfTreeItem(arg) ?? (await this.pickCall());
    }
    if (!node) return;
    this.reveal(source, node);
  }

  private logSource(store: EventStore, label: string): FlowSource {
    let s = this.logs.get(store);
    if (!s) {
      s = new FlowSource(store, label || t('event log'));
      this.logs.set(store, s);
    }
    return s;
  }

  private async pickCall(): Promise<string | undefined> {
    const calls = this.live.calls.calls();
    if (calls.length === 0) throw new Error(t('No calls in the event buffer yet: make a call (or open an event log in the event panel) first.'));
    const items = calls
      .slice(0, 500)
      .map((c) => ({ label: callLabel(c), description: describeCall(c), detail: c.channels.map((x) => x.name).join(', '), key: c.key }));
    const pick = await vscode.window.showQuickPick(items, {
      placeHolder: t('Call whose flow to show (live and recent calls in the event buffer)'),
      matchOnDetail: true,
    });
    return pick?.key;
  }

  private reveal(source: FlowSource, node: string): void {
    const call = source.calls.callOfChannel(node.slice(2)) ?? source.calls.callOfBridge(node.slice(2)) ?? node;
    for (const o of this.open) {
      const c = o.controller;
      if (c.source !== source) continue;
      const root = c.source.calls.callOfChannel(c.node.slice(2)) ?? c.source.calls.callOfBridge(c.node.slice(2)) ?? c.node;
      if (root === call || c.node === node) {
        o.panel.reveal();
        return;
      }
    }
    const panel = vscode.window.createWebviewPanel(PANEL_TYPE, t('Call Flow'), vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: false,
      localResourceRoots: [
        vscode.Uri.joinPath(this.services.context.extensionUri, 'dist', 'webview'),
        vscode.Uri.joinPath(this.services.context.extensionUri, 'media'),
      ],
    });
    panel.iconPath = vscode.Uri.joinPath(this.services.context.extensionUri, 'media', 'ari.svg');
    const webview = panel.webview;
    const flow: OpenFlow = { panel, controller: undefined as unknown as FlowController };
    const host: FlowHost = {
      log: this.services.log,
      isLiveChannel: (id) => source === this.live && this.services.connections.servers.some((s) => s.session.model.channels.has(id)),
      goToDialplan: (step, channel) => this.goToDialplan(step, channel),
      channelCommands: (channel) => this.channelCommands(channel),
      exportLadder: (format, ladder, title) => this.exportLadder(format, ladder, title),
      titleChanged: (title) => {
        panel.title = t('Call Flow: {0}', title);
      },
    };
    flow.controller = new FlowController(
      { postMessage: (m) => webview.postMessage(m), onDidReceiveMessage: (l) => webview.onDidReceiveMessage(l) },
      source,
      node,
      host,
    );
    const uri = (...p: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(this.services.context.extensionUri, ...p)).toString();
    webview.html = buildCallFlowHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: uri('dist', 'webview', 'callflow.js'),
      styleUri: uri('media', 'callflow.css'),
      codiconUri: uri('dist', 'webview', 'codicon.css'),
      title: t('Call Flow'),
      lang: vscode.env.language,
    });
    const onState = panel.onDidChangeViewState(() => {
      if (!panel.visible) flow.controller.webviewReloaded();
    });
    panel.onDidDispose(() => {
      onState.dispose();
      flow.controller.dispose();
      this.open.delete(flow);
    });
    this.open.add(flow);
  }

  private async goToDialplan(step: DialplanStep, channel: string): Promise<void> {
    await vscode.commands.executeCommand(GO_TO_DIALPLAN_COMMAND, { kind: 'dialplanStep', ...step, channel });
  }

  private async channelCommands(channel: { id: string; name: string }): Promise<void> {
    const pick = await vscode.window.showQuickPick(channelCommands(), { placeHolder: t('Channel commands for {0}', channel.name) });
    if (pick) await vscode.commands.executeCommand(pick.id, { kind: 'channel', id: channel.id, name: channel.name });
  }

  private async exportLadder(format: FlowExportFormat, ladder: Ladder, title: string): Promise<void> {
    if (format === 'svg') {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const name = `call-flow-${title.replace(/[^\w.-]+/g, '_').slice(0, 60)}.svg`;
      const target = await vscode.window.showSaveDialog({
        title: t('Save the call flow as SVG'),
        defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
        filters: { SVG: ['svg'] },
      });
      if (!target) return;
      await vscode.workspace.fs.writeFile(target, Buffer.from(toSvg(ladder), 'utf8'));
      void vscode.window.showInformationMessage(t('Saved the call flow to {0}', vscode.workspace.asRelativePath(target)));
      return;
    }
    const text = format === 'mermaid' ? toMermaid(ladder) : toMarkdown(ladder, title);
    await vscode.env.clipboard.writeText(text);
    void vscode.window.showInformationMessage(
      format === 'mermaid' ? t('Copied the call flow as a Mermaid sequence diagram') : t('Copied the call flow as Markdown'),
    );
  }

  dispose(): void {
    for (const o of [...this.open]) o.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function callLabel(c: CallSummary): string {
  const first = c.channels[0]?.name.replace(/;[12]$/, '') ?? c.key;
  return `${c.live ? '$(pulse)' : '$(history)'} ${first}${c.caller ? ` ${c.caller}` : ''}`;
}

function describeCall(c: CallSummary): string {
  const when = Number.isFinite(c.firstTime) ? new Date(c.firstTime).toLocaleTimeString() : '';
  const state = c.live ? t('live') : t('ended');
  return t('{0} · {1} · {2} channels, {3} bridges, {4} events', state, when, c.channels.length, c.bridges.length, c.eventCount);
}

export function registerCallFlow(services: Services, liveEvents: LiveEvents): vscode.Disposable {
  const panels = new CallFlowPanels(services, liveEvents);
  return vscode.Disposable.from(
    panels,
    registerCommand(services, SHOW_CALL_FLOW_COMMAND, (arg) => panels.show(arg)),
  );
}
