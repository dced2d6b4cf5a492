// Playback commands: stop and the control operations (pause, unpause, restart, forward,
// reverse), on one playback or a multi-selection.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { registerCommand } from '../util/commands';
import { controlPlaybacks, stopPlaybacks, type PlaybackOperation } from './actions/playback';
import { targetIds } from './describe';
import { pickPlaybacks, sessionOf } from './prompts';
import { t } from '../util/l10n';

// Command id, operation, QuickPick title, the states the pick offers, what the status bar says.
// Text in functions: t() answers in the display language only once activation ran.
const CONTROLS: [string, PlaybackOperation, () => string, readonly string[] | undefined, (n: number) => string][] = [
  ['ariExplorer.playback.pause', 'pause', () => t('Pause Playback'), ['playing'], (n) => t('ARI: paused {0}', count(n))],
  ['ariExplorer.playback.unpause', 'unpause', () => t('Unpause Playback'), ['paused'], (n) => t('ARI: unpaused {0}', count(n))],
  ['ariExplorer.playback.restart', 'restart', () => t('Restart Playback'), undefined, (n) => t('ARI: restarted {0}', count(n))],
  ['ariExplorer.playback.forward', 'forward', () => t('Forward Playback'), ['playing', 'paused'], (n) => t('ARI: forwarded {0}', count(n))],
  ['ariExplorer.playback.reverse', 'reverse', () => t('Reverse Playback'), ['playing', 'paused'], (n) => t('ARI: reversed {0}', count(n))],
];

function count(n: number): string {
  return n === 1 ? t('1 playback') : t('{0} playbacks', n);
}

export function registerPlaybackCommands(services: Services): vscode.Disposable[] {
  return [
    registerCommand(services, 'ariExplorer.playback.stop', async (node, selection) => {
      const s = await sessionOf(services, node);
      const ids = targetIds(['playback'], node, selection) ?? (await pickPlaybacks(s, { title: t('Stop Playback'), canPickMany: true }));
      if (!ids) return;
      await stopPlaybacks(s, ids);
      vscode.window.setStatusBarMessage(t('ARI: stopped {0}', count(ids.length)), 4000);
    }),
    ...CONTROLS.map(([id, op, title, states, said]) =>
      registerCommand(services, id, async (node, selection) => {
        const s = await sessionOf(services, node);
        const ids = targetIds(['playback'], node, selection) ?? (await pickPlaybacks(s, { title: title(), canPickMany: true, states }));
        if (!ids) return;
        await controlPlaybacks(s, ids, op);
        vscode.window.setStatusBarMessage(said(ids.length), 4000);
      }),
    ),
  ];
}
