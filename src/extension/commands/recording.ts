// Recording commands: live recording controls, and delete/copy of stored recordings.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { registerCommand } from '../util/commands';
import { copyStoredRecording, deleteStoredRecordings, listStoredRecordings, liveRecordingOp, type LiveRecordingOp } from './actions/recording';
import { playMedia } from './actions/channel';
import { showPlaybackStatus } from './playbackStatus';
import { stasisAppOf, targetIds } from './describe';
import { askText, pickChannels, pickEntries, pickLiveRecordings, sessionOf } from './prompts';
import { t } from '../util/l10n';
import type { CommandSession } from './session';
import { validateRecordingName } from './validate';

// Command id, operation, QuickPick title, the states the pick offers, what the status bar says.
// Text in functions: t() answers in the display language only once activation ran.
const LIVE: [string, LiveRecordingOp, () => string, readonly string[] | undefined, (what: string) => string][] = [
  ['ariExplorer.recording.stop', 'stop', () => t('Stop Recording'), undefined, (w) => t('ARI: stopped {0}', w)],
  ['ariExplorer.recording.pause', 'pause', () => t('Pause Recording'), ['recording'], (w) => t('ARI: paused {0}', w)],
  ['ariExplorer.recording.unpause', 'unpause', () => t('Unpause Recording'), ['paused'], (w) => t('ARI: unpaused {0}', w)],
  ['ariExplorer.recording.mute', 'mute', () => t('Mute Recording'), undefined, (w) => t('ARI: muted {0}', w)],
  ['ariExplorer.recording.unmute', 'unmute', () => t('Unmute Recording'), undefined, (w) => t('ARI: unmuted {0}', w)],
  ['ariExplorer.recording.cancel', 'cancel', () => t('Cancel Recording (discard)'), undefined, (w) => t('ARI: cancelled {0}', w)],
];

async function pickStored(session: CommandSession, title: string, many: boolean): Promise<string[] | undefined> {
  // Stored recordings change outside ARI events (files on disk): ask the server each time.
  const list = await listStoredRecordings(session);
  return pickEntries(
    list.map((r) => ({ id: r.name, label: r.name, description: r.format })),
    { title, empty: t('No stored recordings right now.'), canPickMany: many },
  );
}

export function registerRecordingCommands(services: Services): vscode.Disposable[] {
  return [
    ...LIVE.map(([id, op, title, states, said]) =>
      registerCommand(services, id, async (node, selection) => {
        const s = await sessionOf(services, node);
        const names = targetIds(['recording'], node, selection) ?? (await pickLiveRecordings(s, { title: title(), canPickMany: true, states }));
        if (!names) return;
        const what = names.length === 1 ? names[0] : t('{0} recordings', names.length);
        if (op === 'cancel') {
          const ok = await vscode.window.showWarningMessage(t('Cancel {0}? The recorded audio is discarded.', what), { modal: true }, t('Cancel Recording'));
          if (!ok) return;
        }
        await liveRecordingOp(s, op, names);
        vscode.window.setStatusBarMessage(said(what), 4000);
      }),
    ),

    registerCommand(services, 'ariExplorer.storedRecording.delete', async (node, selection) => {
      const s = await sessionOf(services, node);
      const names = targetIds(['storedRecording'], node, selection) ?? (await pickStored(s, t('Delete Stored Recording'), true));
      if (!names) return;
      const what = names.length === 1 ? names[0] : t('{0} stored recordings', names.length);
      const del = t('Delete');
      const ok = await vscode.window.showWarningMessage(t('Delete {0} from the server?', what), { modal: true }, del);
      if (ok !== del) return;
      await deleteStoredRecordings(s, names);
      vscode.window.setStatusBarMessage(t('ARI: deleted {0}', what), 4000);
    }),

    // Node-only: the recording comes from the tree, the channel is asked.
    registerCommand(services, 'ariExplorer.storedRecording.play', async (node) => {
      const s = await sessionOf(services, node);
      const [name] = targetIds(['storedRecording'], node, undefined) ?? [];
      if (!name) return;
      // No context key tracks Stasis channels (it would cost work per event): say it plainly here.
      if (![...s.model.channels.values()].some((c) => stasisAppOf(c) !== undefined)) {
        void vscode.window.showInformationMessage(
          t('No channel in a Stasis application to play {0} on: ARI plays media only on channels an ARI app controls.', name),
        );
        return;
      }
      const [channelId] =
        (await pickChannels(s, {
          title: t('Play {0} on channel', name),
          filter: (c) => stasisAppOf(c) !== undefined,
          empty: t('No channels in Stasis right now.'),
        })) ?? [];
      if (!channelId) return;
      const media = [`recording:${name}`];
      const pb = await playMedia(s, { kind: 'channel', id: channelId }, { media });
      showPlaybackStatus(s, pb.id, media, s.model.channels.get(channelId)?.name ?? channelId, () => s.model.channels.has(channelId));
    }),

    registerCommand(services, 'ariExplorer.storedRecording.copy', async (node) => {
      const s = await sessionOf(services, node);
      const [name] = targetIds(['storedRecording'], node, undefined) ?? (await pickStored(s, t('Copy Stored Recording'), false)) ?? [];
      if (!name) return;
      const destination = await askText({ title: t('Copy {0}', name), prompt: t('Name of the copy'), value: `${name}-copy`, validate: validateRecordingName });
      if (!destination) return;
      const copy = await copyStoredRecording(s, name, destination);
      vscode.window.setStatusBarMessage(t('ARI: copied {0} to {1}', name, copy.name), 4000);
    }),
  ];
}
