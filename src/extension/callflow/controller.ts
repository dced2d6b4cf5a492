// Binds one Call Flow webview to one call of a FlowSource: the model (rebuilt and sent once per
// batch while the call grows), an element's event JSON on request, and the actions the
// webview asks for, each validated first. It sees vscode only through FlowHost, so plain-Node
// tests drive it.

import {
  isFlowWebviewMessage,
  type FlowElement,
  type FlowExportFormat,
  type FlowHostMessage,
  type FlowLane,
  type FlowModelMessage,
  type FlowStrings,
  type FlowWebviewMessage,
} from '../../shared/callflowProtocol';
import type { Disposable } from '../util/emitter';
import { t } from '../util/l10n';
import type { Logger } from '../util/logger';
import { Batcher, type TimerApi } from '../webviews/batcher';
import type { AriEvent } from './core/fields';
import { buildLadder, LONG_GAP_MS, type DialplanStep, type Ladder } from './core/ladder';
import type { FlowSource } from './source';

export interface FlowPort {
  postMessage(message: FlowHostMessage): unknown;
  onDidReceiveMessage(listener: (message: unknown) => void): Disposable;
}

export interface FlowHost {
  readonly log: Logger;
  /** The channel is live on the connected server (its lane offers commands). */
  isLiveChannel(id: string): boolean;
  goToDialplan(step: DialplanStep, channel: string): Promise<void>;
  channelCommands(channel: { id: string; name: string }): Promise<void>;
  exportLadder(format: FlowExportFormat, ladder: Ladder, title: string): Promise<void>;
  /** The title changed (the call got its caller id, merged with another…). */
  titleChanged(title: string): void;
}

/** Most events shown as JSON for one element (a collapsed run of variable sets). */
const MAX_DETAIL_EVENTS = 50;

export function flowStrings(): FlowStrings {
  return {
    inProgress: t('Call in progress: the flow grows as events arrive'),
    ended: t('Call ended'),
    empty: t('No events of this call are in the buffer'),
    elements: t('{0} elements'),
    exportMermaid: t('Copy as Mermaid'),
    exportSvg: t('Save as SVG…'),
    exportMarkdown: t('Copy as Markdown'),
    goToDialplan: t('Go to Dialplan'),
    laneCommands: t('Channel commands for {0}'),
    detailHint: t('Select an element (arrow keys, click) to see its event JSON; Enter on a dialplan step opens it in the dialplan'),
    loading: t('Loading…'),
    gone: t('These events are no longer in the buffer.'),
    ladder: t('Call flow ladder'),
    time: t('Time'),
    events: t('{0} events'),
  };
}

export class FlowController implements Disposable {
  private ready = false;
  private ladder: Ladder | undefined;
  private readonly cache = new Map<number, AriEvent>();
  private readonly batcher: Batcher;
  private readonly subscription: Disposable;
  private title = '';
  private epoch: number;

  constructor(
    private readonly port: FlowPort,
    readonly source: FlowSource,
    /** A node of the call ('c:<channel id>', 'b:<bridge id>'): it stays in the call when calls merge. */
    readonly node: string,
    private readonly host: FlowHost,
    timers?: TimerApi,
    batchMs = 150,
  ) {
    this.epoch = source.epoch;
    this.batcher = new Batcher(() => this.flush(), batchMs, timers);
    this.subscription = port.onDidReceiveMessage((m) => void this.handle(m));
  }

  /** The buffer got events: one model goes out per batch interval. */
  sourceChanged(): void {
    this.batcher.schedule();
  }

  /** The webview was torn down while hidden and will say ready again. */
  webviewReloaded(): void {
    this.ready = false;
  }

  currentLadder(): Ladder {
    if (this.source.epoch !== this.epoch) {
      this.cache.clear();
      this.epoch = this.source.epoch;
    }
    this.ladder = buildLadder(this.source.events(this.node, this.cache));
    return this.ladder;
  }

  /** "Local/1776@from-test-00000020 (Carol <1003>)": the call's first channel and its caller. */
  callTitle(): string {
    const s = this.source.calls.summary(this.node);
    if (!s) return this.title || this.node.slice(2);
    const first = s.channels[0]?.name.replace(/;[12]$/, '') ?? s.bridges[0]?.name ?? this.node.slice(2);
    const more = s.channels.length > 2 ? ` +${s.channels.length - 2}` : '';
    return `${first}${more}${s.caller ? ` (${s.caller})` : ''}`;
  }

  async handle(raw: unknown): Promise<void> {
    if (!isFlowWebviewMessage(raw)) {
      this.host.log.warn('call flow: ignored a malformed message from the webview');
      return;
    }
    try {
      await this.dispatch(raw);
    } catch (e) {
      this.host.log.error(`call flow: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private async dispatch(m: FlowWebviewMessage): Promise<void> {
    switch (m.kind) {
      case 'ready':
        this.ready = true;
        this.flush();
        return;
      case 'requestDetail': {
        const el = this.ladder?.elements[m.row];
        if (!el) return;
        const events = el.events.slice(0, MAX_DETAIL_EVENTS).map((n) => this.cache.get(n));
        const json = events.every((e) => e !== undefined) ? events.map((e) => JSON.stringify(e, null, 2)).join('\n') : undefined;
        this.post({ kind: 'detail', row: m.row, json });
        return;
      }
      case 'goToDialplan': {
        const el = this.ladder?.elements[m.row];
        if (!el?.dialplan || !this.ladder) return;
        await this.host.goToDialplan(el.dialplan, this.ladder.lanes[el.lane]?.label ?? '');
        return;
      }
      case 'laneCommands': {
        const lane = this.ladder?.lanes[m.lane];
        if (lane?.kind !== 'channel' || !this.host.isLiveChannel(lane.ref)) return;
        await this.host.channelCommands({ id: lane.ref, name: lane.label });
        return;
      }
      case 'export':
        await this.host.exportLadder(m.format, this.ladder ?? this.currentLadder(), this.callTitle());
        return;
    }
  }

  private flush(): void {
    if (!this.ready) return;
    const ladder = this.currentLadder();
    const title = this.callTitle();
    if (title !== this.title) {
      this.title = title;
      this.host.titleChanged(title);
    }
    this.post(this.modelMessage(ladder, title));
  }

  modelMessage(ladder: Ladder, title: string): FlowModelMessage {
    const lanes: FlowLane[] = ladder.lanes.map((l) => ({
      kind: l.kind,
      label: l.label,
      detail: l.detail,
      firstRow: l.firstRow,
      lastRow: l.lastRow,
      ended: l.ended,
      live: l.kind === 'channel' && !l.ended && this.host.isLiveChannel(l.ref),
    }));
    const elements: FlowElement[] = ladder.elements.map((e) => {
      const out: FlowElement = {
        kind: e.kind,
        lane: e.lane,
        label: e.label,
        detail: e.detail,
        time: Number.isFinite(e.time) ? e.time : 0,
        count: e.events.length,
        failed: e.failed === true,
        dialplan: e.dialplan !== undefined,
      };
      if (e.to !== undefined) out.to = e.to;
      if (e.gapMs !== undefined) out.gapMs = e.gapMs;
      return out;
    });
    return {
      kind: 'model',
      title,
      source: this.source.label,
      lanes,
      elements,
      spans: ladder.spans.map((s) => ({ ...s })),
      inProgress: ladder.inProgress,
      longGapMs: LONG_GAP_MS,
      strings: flowStrings(),
    };
  }

  private post(m: FlowHostMessage): void {
    void this.port.postMessage(m);
  }

  dispose(): void {
    this.batcher.dispose();
    this.subscription.dispose();
  }
}
