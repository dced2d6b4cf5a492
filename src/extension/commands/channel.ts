// Channel commands: from a tree node they act on it (or on the multi-selection), from the
// palette they ask with a QuickPick of live channels. The ARI calls are in actions/.
import { controlsOf } from '../views/tree/controls';
import * as vscode from 'vscode';
import type { Services } from '../services';
import { registerCommand } from '../util/commands';
import {
  HANGUP_REASONS,
  channelOp,
  continueInDialplan,
  getChannelVar,
  hangupChannels,
  muteChannels,
  playMedia,
  recordTarget,
  redirectChannel,
  sendDtmf,
  setChannelVar,
  snoopChannel,
  startMoh,
  type Direction,
  type HangupReason,
  type SimpleChannelOp,
} from './actions/channel';
import { addChannelsToBridge } from './actions/bridge';
import { stasisAppOf, targetIds } from './describe';
import { askPlayParams, askRecordParams } from './media';
import { showPlaybackStatus } from './playbackStatus';
import { askText, done, pickBridges, pickChannels, pickValue, sessionOf } from './prompts';
import type { ChannelView, CommandSession } from './session';
import { required, validateDtmf, validateEndpoint, validateInteger, validateVariableName } from './validate';
import { runOriginate } from './originate';
import { t } from '../util/l10n';
import { shown } from '../util/sanitize';

// Functions, not constants: t() answers in the display language only once activation ran.
export const hangupDescriptions = (): Record<HangupReason, string> => ({
  normal: t('16 Normal Clearing (default)'),
  busy: t('17 User busy'),
  congestion: t('34 Circuit/channel congestion'),
  no_answer: t('19 User alerting, no answer'),
  timeout: t('18 No user responding'),
  rejected: t('21 Call Rejected'),
  unallocated: t('1 Unallocated (unassigned) number'),
  normal_unspecified: t('31 Normal, unspecified'),
  number_incomplete: t('28 Invalid number format'),
  codec_mismatch: t('58 Bearer capability not available'),
  interworking: t('127 Interworking, unspecified'),
  failure: t('38 Network out of order'),
  answered_elsewhere: t('26 Answered elsewhere'),
});

/** Stasis-only operations offer the channels in Stasis first; all when none is. */
function stasisFirst(session: CommandSession): (ch: ChannelView) => boolean {
  const any = [...session.model.channels.values()].some((c) => stasisAppOf(c) !== undefined);
  return (ch) => !any || stasisAppOf(ch) !== undefined;
}

async function channelsFor(
  session: CommandSession,
  node: unknown,
  selection: unknown,
  title: string,
  o: { many?: boolean; stasis?: boolean } = {},
): Promise<string[] | undefined> {
  return targetIds(['channel'], node, selection) ?? pickChannels(session, { title, canPickMany: o.many, filter: o.stasis ? stasisFirst(session) : undefined });
}

function label(session: CommandSession, id: string): string {
  return session.model.channels.get(id)?.name ?? id;
}

function who(session: CommandSession, ids: readonly string[]): string {
  return ids.length === 1 ? label(session, ids[0]) : t('{0} channels', ids.length);
}

const DEFAULT_MOH_CLASS = 'default';

type Text = () => string;
type Said = (who: string) => string;
const SIMPLE_COMMANDS: [string, SimpleChannelOp, Text, Said][] = [
  ['ariExplorer.channel.answer', 'answer', () => t('Answer'), (w) => t('ARI: Answered {0}', w)],
  ['ariExplorer.channel.ring', 'ring', () => t('Ring'), (w) => t('ARI: Ringing {0}', w)],
  ['ariExplorer.channel.ringStop', 'ringStop', () => t('Stop Ringing'), (w) => t('ARI: Stopped ringing on {0}', w)],
  ['ariExplorer.channel.hold', 'hold', () => t('Hold'), (w) => t('ARI: Put on hold: {0}', w)],
  ['ariExplorer.channel.unhold', 'unhold', () => t('Unhold'), (w) => t('ARI: Took off hold: {0}', w)],
  ['ariExplorer.channel.stopMoh', 'stopMoh', () => t('Stop Music on Hold'), (w) => t('ARI: Stopped music on hold on {0}', w)],
  ['ariExplorer.channel.startSilence', 'startSilence', () => t('Start Silence'), (w) => t('ARI: Playing silence to {0}', w)],
  ['ariExplorer.channel.stopSilence', 'stopSilence', () => t('Stop Silence'), (w) => t('ARI: Stopped silence on {0}', w)],
];

export function registerChannelCommands(services: Services): vscode.Disposable[] {
  const reg = (id: string, handler: (node?: unknown, selection?: unknown) => Promise<unknown>): vscode.Disposable =>
    registerCommand(services, id, (node, selection) => handler(node, selection));

  const disposables: vscode.Disposable[] = [
    reg('ariExplorer.channel.originate', (node) => runOriginate(services, node)),

    reg('ariExplorer.channel.hangup', async (node, selection) => {
      const s = await sessionOf(services, node);
      const ids = await channelsFor(s, node, selection, t('Hang Up'), { many: true });
      if (!ids) return;
      const descriptions = hangupDescriptions();
      const reason = await pickValue(HANGUP_REASONS, t('Hang up {0}', who(s, ids)), {
        placeHolder: t('Hangup reason (sets the cause the other side sees)'),
        describe: (r) => descriptions[r],
      });
      if (!reason) return;
      const names = who(s, ids);
      await hangupChannels(s, ids, reason === 'normal' ? undefined : reason);
      done(t('Hung up {0} ({1}).', names, reason));
    }),

    ...SIMPLE_COMMANDS.map(([id, op, title, verb]) =>
      reg(id, async (node, selection) => {
        const s = await sessionOf(services, node);
        const ids = await channelsFor(s, node, selection, title(), { many: true, stasis: true });
        if (!ids) return;
        await channelOp(s, op, ids);
        controlsOf(s).noteOp(ids, op);
        vscode.window.setStatusBarMessage(verb(who(s, ids)), 4000);
      }),
    ),

    ...(
      [
        ['ariExplorer.channel.mute', 'mute'],
        ['ariExplorer.channel.unmute', 'unmute'],
      ] as const
    ).map(([id, verb]) =>
      reg(id, async (node, selection) => {
        const s = await sessionOf(services, node);
        const mute = verb === 'mute';
        const ids = await channelsFor(s, node, selection, mute ? t('Mute') : t('Unmute'), { many: true, stasis: true });
        if (!ids) return;
        const names = who(s, ids);
        const direction = await pickValue<Direction>(['both', 'in', 'out'], mute ? t('Mute {0}', names) : t('Unmute {0}', names), {
          placeHolder: t('Direction'),
          describe: (d) => ({ both: t('both ways (default)'), in: t('audio from the channel'), out: t('audio to the channel') })[d],
        });
        if (!direction) return;
        await muteChannels(s, ids, direction, mute);
        controlsOf(s).noteMute(ids, direction, mute);
        vscode.window.setStatusBarMessage(mute ? t('ARI: muted ({0}) {1}', direction, names) : t('ARI: unmuted ({0}) {1}', direction, names), 4000);
      }),
    ),

    reg('ariExplorer.channel.startMoh', async (node, selection) => {
      const s = await sessionOf(services, node);
      const ids = await channelsFor(s, node, selection, t('Start Music on Hold'), { many: true, stasis: true });
      if (!ids) return;
      const mohClass = await askText({
        title: t('Music on hold for {0}', who(s, ids)),
        prompt: t('Music on hold class (empty: default)'),
        placeHolder: DEFAULT_MOH_CLASS,
      });
      if (mohClass === undefined) return;
      await startMoh(s, ids, mohClass);
      controlsOf(s).noteOp(ids, 'startMoh');
      vscode.window.setStatusBarMessage(t('ARI: music on hold on {0}', who(s, ids)), 4000);
    }),

    reg('ariExplorer.channel.sendDtmf', async (node) => {
      const s = await sessionOf(services, node);
      const [id] = (await channelsFor(s, node, undefined, t('Send DTMF'), { stasis: true })) ?? [];
      if (!id) return;
      const dtmf = await askText({ title: t('Send DTMF to {0}', label(s, id)), prompt: t('Digits: 0-9, A-D, *, # — "," pauses'), validate: validateDtmf });
      if (!dtmf) return;
      await sendDtmf(s, id, dtmf);
      vscode.window.setStatusBarMessage(t('ARI: sent DTMF {0} to {1}', dtmf, label(s, id)), 4000);
    }),

    reg('ariExplorer.channel.play', async (node) => {
      const s = await sessionOf(services, node);
      const [id] = (await channelsFor(s, node, undefined, t('Play Media'), { stasis: true })) ?? [];
      if (!id) return;
      const p = await askPlayParams(s, label(s, id), s.model.channels.get(id)?.language || undefined);
      if (!p) return;
      const playback = await playMedia(s, { kind: 'channel', id }, p);
      showPlaybackStatus(s, playback.id, p.media, label(s, id), () => s.model.channels.has(id));
    }),

    reg('ariExplorer.channel.record', async (node) => {
      const s = await sessionOf(services, node);
      const [id] = (await channelsFor(s, node, undefined, t('Record Channel'), { stasis: true })) ?? [];
      if (!id) return;
      const p = await askRecordParams(label(s, id));
      if (!p) return;
      const rec = await recordTarget(s, { kind: 'channel', id }, p);
      done(t('Recording {0} as {1} ({2}).', label(s, id), `${rec.name}.${rec.format}`, rec.state));
    }),

    reg('ariExplorer.channel.getVariable', async (node) => {
      const s = await sessionOf(services, node);
      const [id] = (await channelsFor(s, node, undefined, t('Get Channel Variable'))) ?? [];
      if (!id) return;
      const variable = await askText({
        title: t('Variable of {0}', label(s, id)),
        prompt: t('Variable or function, e.g. CALLERID(num), CHANNEL(state)'),
        validate: validateVariableName,
      });
      if (!variable) return;
      const value = await getChannelVar(s, id, variable);
      const text = shown(t('{0} = {1}', variable, value === '' ? t('(empty)') : value));
      const copy = await vscode.window.showInformationMessage(text, t('Copy Value'));
      if (copy) await vscode.env.clipboard.writeText(value);
    }),

    reg('ariExplorer.channel.setVariable', async (node) => {
      const s = await sessionOf(services, node);
      const [id] = (await channelsFor(s, node, undefined, t('Set Channel Variable'))) ?? [];
      if (!id) return;
      const title = t('Set a variable on {0}', label(s, id));
      const variable = await askText({ title, prompt: t('Variable name'), validate: validateVariableName });
      if (!variable) return;
      const value = await askText({ title, prompt: t('Value of {0} (empty clears it)', variable) });
      if (value === undefined) return;
      await setChannelVar(s, id, variable, value);
      vscode.window.setStatusBarMessage(t('ARI: {0} set on {1}', variable, label(s, id)), 4000);
    }),

    reg('ariExplorer.channel.snoop', async (node) => {
      const s = await sessionOf(services, node);
      const [id] = (await channelsFor(s, node, undefined, t('Snoop on Channel'))) ?? [];
      if (!id) return;
      const title = t('Snoop on {0}', label(s, id));
      const spy = await pickValue(['both', 'in', 'out', 'none'] as const, title, { placeHolder: t('Spy (listen to) which direction?') });
      if (!spy) return;
      const whisper = await pickValue(['none', 'both', 'in', 'out'] as const, title, { placeHolder: t('Whisper (speak into) which direction?') });
      if (!whisper) return;
      const apps = [...s.model.applications.keys()];
      const app = await askText({
        title,
        prompt: t('Stasis application that receives the snoop channel'),
        value: apps[0] ?? '',
        validate: required(t('An application')),
      });
      if (!app) return;
      const snoop = await snoopChannel(s, id, { app, spy, whisper });
      done(t('Snoop channel {0} created in {1}.', snoop.name, app));
    }),

    reg('ariExplorer.channel.continue', async (node) => {
      const s = await sessionOf(services, node);
      const [id] = (await channelsFor(s, node, undefined, t('Continue in Dialplan'), { stasis: true })) ?? [];
      if (!id) return;
      const title = t('Continue {0} in the dialplan', label(s, id));
      const context = await askText({ title, prompt: t('Context (empty: where the channel came from)') });
      if (context === undefined) return;
      const extension = await askText({ title, prompt: t('Extension (empty: the current one)') });
      if (extension === undefined) return;
      const priority = await askText({ title, prompt: t('Priority (empty: next)'), validate: validateInteger({ min: 1, optional: true }) });
      if (priority === undefined) return;
      await continueInDialplan(s, id, { context, extension, priority: priority ? Number(priority) : undefined });
      vscode.window.setStatusBarMessage(t('ARI: {0} continues in the dialplan', label(s, id)), 4000);
    }),

    reg('ariExplorer.channel.redirect', async (node) => {
      const s = await sessionOf(services, node);
      const [id] = (await channelsFor(s, node, undefined, t('Redirect Channel'), { stasis: true })) ?? [];
      if (!id) return;
      const endpoint = await askText({
        title: t('Redirect {0}', label(s, id)),
        prompt: t('Endpoint to redirect to (Tech/resource)'),
        validate: validateEndpoint,
      });
      if (!endpoint) return;
      await redirectChannel(s, id, endpoint);
      vscode.window.setStatusBarMessage(t('ARI: redirected {0} to {1}', label(s, id), endpoint), 4000);
    }),

    // Node-only: the channel comes from the tree, the bridge is asked.
    reg('ariExplorer.channel.addToBridge', async (node, selection) => {
      const s = await sessionOf(services, node);
      const ids = targetIds(['channel'], node, selection);
      if (!ids) return;
      const [bridgeId] = (await pickBridges(s, { title: t('Add {0} to bridge', who(s, ids)) })) ?? [];
      if (!bridgeId) return;
      await addChannelsToBridge(s, bridgeId, ids);
      vscode.window.setStatusBarMessage(t('ARI: added {0} to bridge {1}', who(s, ids), bridgeId), 4000);
    }),
  ];
  return disposables;
}
