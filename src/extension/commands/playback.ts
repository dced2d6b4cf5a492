// Playback commands: stop and the control operations (pause, unpause, restart, forward,
// reverse), on one playback or a multi-selection.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { registerCommand } from '../util/commands';
import { controlPlaybacks, stopPlaybacks, type PlaybackOperation } from './actions/playback';
import { targetIds } from './describe';
import { pickPlaybacks, plural, sessionOf } from './prompts';

// Command id, operation, QuickPick title, the states the pick offers.
const CONTROLS: [string, PlaybackOperation, string, readonly string[] | undefined][] = [
  ['ariExplorer.playback.pause', 'pause', 'Pause Playback', ['playing']],
  ['ariExplorer.playback.unpause', 'unpause', 'Unpause Playback', ['paused']],
  ['ariExplorer.playback.restart', 'restart', 'Restart Playback', undefined],
  ['ariExplorer.playback.forward', 'forward', 'Forward Playback', ['playing', 'paused']],
  ['ariExplorer.playback.reverse', 'reverse', 'Reverse Playback', ['playing', 'paused']],
];

export function registerPlaybackCommands(services: Services): vscode.Disposable[] {
  return [
    registerCommand(services, 'ariExplorer.playback.stop', async (node, selection) => {
      const s = sessionOf(services);
      const ids = targetIds(['playback'], node, selection) ?? (await pickPlaybacks(s, { title: 'Stop Playback', canPickMany: true }));
      if (!ids) return;
      await stopPlaybacks(s, ids);
      vscode.window.setStatusBarMessage(`ARI: stopped ${plural(ids.length, 'playback')}`, 4000);
    }),
    ...CONTROLS.map(([id, op, title, states]) =>
      registerCommand(services, id, async (node, selection) => {
        const s = sessionOf(services);
        const ids = targetIds(['playback'], node, selection) ?? (await pickPlaybacks(s, { title, canPickMany: true, states }));
        if (!ids) return;
        await controlPlaybacks(s, ids, op);
        vscode.window.setStatusBarMessage(`ARI: ${op} ${plural(ids.length, 'playback')}`, 4000);
      }),
    ),
  ];
}
