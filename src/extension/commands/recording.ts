// Recording commands: live recording controls, and delete/copy of stored recordings.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { registerCommand } from '../util/commands';
import { copyStoredRecording, deleteStoredRecordings, listStoredRecordings, liveRecordingOp, type LiveRecordingOp } from './actions/recording';
import { playMedia } from './actions/channel';
import { stasisAppOf, targetIds } from './describe';
import { askText, pickChannels, pickEntries, pickLiveRecordings, plural, sessionOf } from './prompts';
import type { CommandSession } from './session';
import { validateRecordingName } from './validate';

// Command id, operation, QuickPick title, the states the pick offers.
const LIVE: [string, LiveRecordingOp, string, readonly string[] | undefined][] = [
  ['ariExplorer.recording.stop', 'stop', 'Stop Recording', undefined],
  ['ariExplorer.recording.pause', 'pause', 'Pause Recording', ['recording']],
  ['ariExplorer.recording.unpause', 'unpause', 'Unpause Recording', ['paused']],
  ['ariExplorer.recording.mute', 'mute', 'Mute Recording', undefined],
  ['ariExplorer.recording.unmute', 'unmute', 'Unmute Recording', undefined],
  ['ariExplorer.recording.cancel', 'cancel', 'Cancel Recording (discard)', undefined],
];

async function pickStored(session: CommandSession, title: string, many: boolean): Promise<string[] | undefined> {
  // Stored recordings change outside ARI events (files on disk): ask the server each time.
  const list = await listStoredRecordings(session);
  return pickEntries(
    list.map((r) => ({ id: r.name, label: r.name, description: r.format })),
    { title, noun: 'stored recordings', canPickMany: many },
  );
}

export function registerRecordingCommands(services: Services): vscode.Disposable[] {
  return [
    ...LIVE.map(([id, op, title, states]) =>
      registerCommand(services, id, async (node, selection) => {
        const s = sessionOf(services);
        const names = targetIds(['recording'], node, selection) ?? (await pickLiveRecordings(s, { title, canPickMany: true, states }));
        if (!names) return;
        if (op === 'cancel') {
          const ok = await vscode.window.showWarningMessage(
            `Cancel ${names.length === 1 ? names[0] : plural(names.length, 'recording')}? The recorded audio is discarded.`,
            { modal: true },
            'Cancel Recording',
          );
          if (!ok) return;
        }
        await liveRecordingOp(s, op, names);
        vscode.window.setStatusBarMessage(`ARI: ${op} ${names.length === 1 ? names[0] : plural(names.length, 'recording')}`, 4000);
      }),
    ),

    registerCommand(services, 'ariExplorer.storedRecording.delete', async (node, selection) => {
      const s = sessionOf(services);
      const names = targetIds(['storedRecording'], node, selection) ?? (await pickStored(s, 'Delete Stored Recording', true));
      if (!names) return;
      const what = names.length === 1 ? names[0] : plural(names.length, 'stored recording');
      const ok = await vscode.window.showWarningMessage(`Delete ${what} from the server?`, { modal: true }, 'Delete');
      if (ok !== 'Delete') return;
      await deleteStoredRecordings(s, names);
      vscode.window.setStatusBarMessage(`ARI: deleted ${what}`, 4000);
    }),

    // Node-only: the recording comes from the tree, the channel is asked.
    registerCommand(services, 'ariExplorer.storedRecording.play', async (node) => {
      const s = sessionOf(services);
      const [name] = targetIds(['storedRecording'], node, undefined) ?? [];
      if (!name) return;
      // No context key tracks Stasis channels (it would cost work per event): say it plainly here.
      if (![...s.model.channels.values()].some((c) => stasisAppOf(c) !== undefined)) {
        void vscode.window.showInformationMessage(
          `No channel in a Stasis application to play ${name} on: ARI plays media only on channels an ARI app controls.`,
        );
        return;
      }
      const [channelId] = (await pickChannels(s, { title: `Play ${name} on channel`, filter: (c) => stasisAppOf(c) !== undefined, noun: 'channels in Stasis' })) ?? [];
      if (!channelId) return;
      const pb = await playMedia(s, { kind: 'channel', id: channelId }, { media: [`recording:${name}`] });
      vscode.window.setStatusBarMessage(`ARI: playing ${name} (playback ${pb.id})`, 4000);
    }),

    registerCommand(services, 'ariExplorer.storedRecording.copy', async (node) => {
      const s = sessionOf(services);
      const [name] = targetIds(['storedRecording'], node, undefined) ?? (await pickStored(s, 'Copy Stored Recording', false)) ?? [];
      if (!name) return;
      const destination = await askText({ title: `Copy ${name}`, prompt: 'Name of the copy', value: `${name}-copy`, validate: validateRecordingName });
      if (!destination) return;
      const copy = await copyStoredRecording(s, name, destination);
      vscode.window.setStatusBarMessage(`ARI: copied ${name} to ${copy.name}`, 4000);
    }),
  ];
}
