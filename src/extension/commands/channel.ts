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
import { askText, done, pickBridges, pickChannels, pickValue, plural, sessionOf } from './prompts';
import type { ChannelView, CommandSession } from './session';
import { required, validateDtmf, validateEndpoint, validateInteger, validateVariableName } from './validate';
import { runOriginate } from './originate';

const HANGUP_DESCRIPTIONS: Partial<Record<HangupReason, string>> = {
  normal: '16 Normal Clearing (default)',
  busy: '17 User busy',
  congestion: '34 Circuit/channel congestion',
  no_answer: '19 User alerting, no answer',
  timeout: '18 No user responding',
  rejected: '21 Call Rejected',
  unallocated: '1 Unallocated (unassigned) number',
};

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
  return (
    targetIds(['channel'], node, selection) ??
    pickChannels(session, { title, canPickMany: o.many, filter: o.stasis ? stasisFirst(session) : undefined })
  );
}

function label(session: CommandSession, id: string): string {
  return session.model.channels.get(id)?.name ?? id;
}

function who(session: CommandSession, ids: readonly string[]): string {
  return ids.length === 1 ? label(session, ids[0]) : plural(ids.length, 'channel');
}

const SIMPLE_COMMANDS: [string, SimpleChannelOp, string, string][] = [
  ['ariExplorer.channel.answer', 'answer', 'Answer', 'Answered'],
  ['ariExplorer.channel.ring', 'ring', 'Ring', 'Ringing'],
  ['ariExplorer.channel.ringStop', 'ringStop', 'Stop Ringing', 'Stopped ringing on'],
  ['ariExplorer.channel.hold', 'hold', 'Hold', 'Put on hold:'],
  ['ariExplorer.channel.unhold', 'unhold', 'Unhold', 'Took off hold:'],
  ['ariExplorer.channel.stopMoh', 'stopMoh', 'Stop Music on Hold', 'Stopped music on hold on'],
  ['ariExplorer.channel.startSilence', 'startSilence', 'Start Silence', 'Playing silence to'],
  ['ariExplorer.channel.stopSilence', 'stopSilence', 'Stop Silence', 'Stopped silence on'],
];

export function registerChannelCommands(services: Services): vscode.Disposable[] {
  const reg = (id: string, handler: (node?: unknown, selection?: unknown) => Promise<unknown>): vscode.Disposable =>
    registerCommand(services, id, (node, selection) => handler(node, selection));

  const disposables: vscode.Disposable[] = [
    reg('ariExplorer.channel.originate', (node) => runOriginate(services, node)),

    reg('ariExplorer.channel.hangup', async (node, selection) => {
      const s = sessionOf(services);
      const ids = await channelsFor(s, node, selection, 'Hang Up', { many: true });
      if (!ids) return;
      const reason = await pickValue(HANGUP_REASONS, `Hang up ${who(s, ids)}`, {
        placeHolder: 'Hangup reason (sets the cause the other side sees)',
        describe: (r) => HANGUP_DESCRIPTIONS[r],
      });
      if (!reason) return;
      const names = who(s, ids);
      await hangupChannels(s, ids, reason === 'normal' ? undefined : reason);
      done(`Hung up ${names} (${reason}).`);
    }),

    ...SIMPLE_COMMANDS.map(([id, op, title, verb]) =>
      reg(id, async (node, selection) => {
        const s = sessionOf(services);
        const ids = await channelsFor(s, node, selection, title, { many: true, stasis: true });
        if (!ids) return;
        await channelOp(s, op, ids);
        controlsOf(s).noteOp(ids, op);
        vscode.window.setStatusBarMessage(`ARI: ${verb} ${who(s, ids)}`, 4000);
      }),
    ),

    ...(
      [
        ['ariExplorer.channel.mute', 'mute'],
        ['ariExplorer.channel.unmute', 'unmute'],
      ] as const
    ).map(([id, verb]) =>
      reg(id, async (node, selection) => {
        const s = sessionOf(services);
        const ids = await channelsFor(s, node, selection, verb === 'mute' ? 'Mute' : 'Unmute', { many: true, stasis: true });
        if (!ids) return;
        const direction = await pickValue<Direction>(['both', 'in', 'out'], `${verb === 'mute' ? 'Mute' : 'Unmute'} ${who(s, ids)}`, {
          placeHolder: 'Direction',
          describe: (d) => ({ both: 'both ways (default)', in: 'audio from the channel', out: 'audio to the channel' })[d],
        });
        if (!direction) return;
        await muteChannels(s, ids, direction, verb === 'mute');
        controlsOf(s).noteMute(ids, direction, verb === 'mute');
        vscode.window.setStatusBarMessage(`ARI: ${verb}d (${direction}) ${who(s, ids)}`, 4000);
      }),
    ),

    reg('ariExplorer.channel.startMoh', async (node, selection) => {
      const s = sessionOf(services);
      const ids = await channelsFor(s, node, selection, 'Start Music on Hold', { many: true, stasis: true });
      if (!ids) return;
      const mohClass = await askText({ title: `Music on hold for ${who(s, ids)}`, prompt: 'Music on hold class (empty: default)', placeHolder: 'default' });
      if (mohClass === undefined) return;
      await startMoh(s, ids, mohClass);
      controlsOf(s).noteOp(ids, 'startMoh');
      vscode.window.setStatusBarMessage(`ARI: music on hold on ${who(s, ids)}`, 4000);
    }),

    reg('ariExplorer.channel.sendDtmf', async (node) => {
      const s = sessionOf(services);
      const [id] = (await channelsFor(s, node, undefined, 'Send DTMF', { stasis: true })) ?? [];
      if (!id) return;
      const dtmf = await askText({ title: `Send DTMF to ${label(s, id)}`, prompt: 'Digits: 0-9, A-D, *, # — "," pauses', validate: validateDtmf });
      if (!dtmf) return;
      await sendDtmf(s, id, dtmf);
      vscode.window.setStatusBarMessage(`ARI: sent DTMF ${dtmf} to ${label(s, id)}`, 4000);
    }),

    reg('ariExplorer.channel.play', async (node) => {
      const s = sessionOf(services);
      const [id] = (await channelsFor(s, node, undefined, 'Play Media', { stasis: true })) ?? [];
      if (!id) return;
      const p = await askPlayParams(s, label(s, id));
      if (!p) return;
      const playback = await playMedia(s, { kind: 'channel', id }, p);
      vscode.window.setStatusBarMessage(`ARI: playing ${p.media.join(', ')} on ${label(s, id)} (playback ${playback.id})`, 5000);
    }),

    reg('ariExplorer.channel.record', async (node) => {
      const s = sessionOf(services);
      const [id] = (await channelsFor(s, node, undefined, 'Record Channel', { stasis: true })) ?? [];
      if (!id) return;
      const p = await askRecordParams(label(s, id));
      if (!p) return;
      const rec = await recordTarget(s, { kind: 'channel', id }, p);
      done(`Recording ${label(s, id)} as ${rec.name}.${rec.format} (${rec.state}).`);
    }),

    reg('ariExplorer.channel.getVariable', async (node) => {
      const s = sessionOf(services);
      const [id] = (await channelsFor(s, node, undefined, 'Get Channel Variable')) ?? [];
      if (!id) return;
      const variable = await askText({ title: `Variable of ${label(s, id)}`, prompt: 'Variable or function, e.g. CALLERID(num), CHANNEL(state)', validate: validateVariableName });
      if (!variable) return;
      const value = await getChannelVar(s, id, variable);
      const copy = await vscode.window.showInformationMessage(`${variable} = ${value === '' ? '(empty)' : value}`, 'Copy Value');
      if (copy) await vscode.env.clipboard.writeText(value);
    }),

    reg('ariExplorer.channel.setVariable', async (node) => {
      const s = sessionOf(services);
      const [id] = (await channelsFor(s, node, undefined, 'Set Channel Variable')) ?? [];
      if (!id) return;
      const title = `Set a variable on ${label(s, id)}`;
      const variable = await askText({ title, prompt: 'Variable name', validate: validateVariableName });
      if (!variable) return;
      const value = await askText({ title, prompt: `Value of ${variable} (empty clears it)` });
      if (value === undefined) return;
      await setChannelVar(s, id, variable, value);
      vscode.window.setStatusBarMessage(`ARI: ${variable} set on ${label(s, id)}`, 4000);
    }),

    reg('ariExplorer.channel.snoop', async (node) => {
      const s = sessionOf(services);
      const [id] = (await channelsFor(s, node, undefined, 'Snoop on Channel')) ?? [];
      if (!id) return;
      const title = `Snoop on ${label(s, id)}`;
      const spy = await pickValue(['both', 'in', 'out', 'none'] as const, title, { placeHolder: 'Spy (listen to) which direction?' });
      if (!spy) return;
      const whisper = await pickValue(['none', 'both', 'in', 'out'] as const, title, { placeHolder: 'Whisper (speak into) which direction?' });
      if (!whisper) return;
      const apps = [...s.model.applications.keys()];
      const app = await askText({ title, prompt: 'Stasis application that receives the snoop channel', value: apps[0] ?? '', validate: required('An application') });
      if (!app) return;
      const snoop = await snoopChannel(s, id, { app, spy, whisper });
      done(`Snoop channel ${snoop.name} created in ${app}.`);
    }),

    reg('ariExplorer.channel.continue', async (node) => {
      const s = sessionOf(services);
      const [id] = (await channelsFor(s, node, undefined, 'Continue in Dialplan', { stasis: true })) ?? [];
      if (!id) return;
      const title = `Continue ${label(s, id)} in the dialplan`;
      const context = await askText({ title, prompt: 'Context (empty: where the channel came from)' });
      if (context === undefined) return;
      const extension = await askText({ title, prompt: 'Extension (empty: the current one)' });
      if (extension === undefined) return;
      const priority = await askText({ title, prompt: 'Priority (empty: next)', validate: validateInteger({ min: 1, optional: true }) });
      if (priority === undefined) return;
      await continueInDialplan(s, id, { context, extension, priority: priority ? Number(priority) : undefined });
      vscode.window.setStatusBarMessage(`ARI: ${label(s, id)} continues in the dialplan`, 4000);
    }),

    reg('ariExplorer.channel.redirect', async (node) => {
      const s = sessionOf(services);
      const [id] = (await channelsFor(s, node, undefined, 'Redirect Channel', { stasis: true })) ?? [];
      if (!id) return;
      const endpoint = await askText({ title: `Redirect ${label(s, id)}`, prompt: 'Endpoint to redirect to (Tech/resource)', validate: validateEndpoint });
      if (!endpoint) return;
      await redirectChannel(s, id, endpoint);
      vscode.window.setStatusBarMessage(`ARI: redirected ${label(s, id)} to ${endpoint}`, 4000);
    }),

    // Node-only: the channel comes from the tree, the bridge is asked.
    reg('ariExplorer.channel.addToBridge', async (node, selection) => {
      const s = sessionOf(services);
      const ids = targetIds(['channel'], node, selection);
      if (!ids) return;
      const [bridgeId] = (await pickBridges(s, { title: `Add ${who(s, ids)} to bridge` })) ?? [];
      if (!bridgeId) return;
      await addChannelsToBridge(s, bridgeId, ids);
      vscode.window.setStatusBarMessage(`ARI: added ${who(s, ids)} to bridge ${bridgeId}`, 4000);
    }),
  ];
  return disposables;
}
