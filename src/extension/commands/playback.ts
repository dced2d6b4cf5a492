// Playback commands: stop and the control operations (pause, unpause, restart, forward,
// reverse), on one playback or a multi-selection.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { registerCommand } from '../util/commands';
import { controlPlaybacks, stopPlaybacks, type PlaybackOperation } from './actions/playback';
import { targetIds } from './describe';
import { pickPlaybacks, plural, sessionOf } from './prompts';

const CONTROLS: [PlaybackOperation, string, readonly string[] | undefined][] = [
  ['pause', 'Pause Playback', ['playing']],
  ['unpause', 'Unpause Playback', ['paused']],
  ['restart', 'Restart Playback', undefined],
  ['forward', 'Forward Playback', ['playing', 'paused']],
  ['reverse', 'Reverse Playback', ['playing', 'paused']],
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
    ...CONTROLS.map(([op, title, states]) =>
      registerCommand(services, `ariExplorer.playback.${op}`, async (node, selection) => {
        const s = sessionOf(services);
        const ids = targetIds(['playback'], node, selection) ?? (await pickPlaybacks(s, { title, canPickMany: true, states }));
        if (!ids) return;
        await controlPlaybacks(s, ids, op);
        vscode.window.setStatusBarMessage(`ARI: ${op} ${plural(ids.length, 'playback')}`, 4000);
      }),
    ),
  ];
}
