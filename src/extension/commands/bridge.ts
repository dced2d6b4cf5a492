// Bridge commands: create, add/remove channels (multi-pick), destroy, play, record, MOH.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { registerCommand } from '../util/commands';
import { t } from '../util/l10n';
import { addChannelsToBridge, bridgeCandidates, bridgeTypes, bridgeMoh, createBridge, destroyBridges, removeChannelsFromBridge } from './actions/bridge';
import { playMedia, recordTarget } from './actions/channel';
import { channelEntry, targetIds } from './describe';
import { askPlayParams, askRecordParams } from './media';
import { showPlaybackStatus } from './playbackStatus';
import { askText, done, pickBridges, pickEntries, sessionOf } from './prompts';
import type { CommandSession } from './session';

function bridgeLabel(session: CommandSession, id: string): string {
  const b = session.model.bridges.get(id);
  return b?.name ? b.name : t('bridge {0}', id);
}

/** Channels by name (a person reads names, not ids). */
function names(session: CommandSession, ids: readonly string[]): string {
  return ids.map((id) => session.model.channels.get(id)?.name ?? id).join(', ');
}

async function oneBridge(session: CommandSession, node: unknown, title: string): Promise<string | undefined> {
  return (targetIds(['bridge'], node, undefined) ?? (await pickBridges(session, { title })))?.[0];
}

export function registerBridgeCommands(services: Services): vscode.Disposable[] {
  const reg = (id: string, handler: (node?: unknown, selection?: unknown) => Promise<unknown>): vscode.Disposable =>
    registerCommand(services, id, (node, selection) => handler(node, selection));
  return [
    reg('ariExplorer.bridge.create', async (node) => {
      const s = await sessionOf(services, node);
      const picked = await vscode.window.showQuickPick(
        bridgeTypes().map((bt) => ({ label: bt.type, detail: bt.detail, picked: bt.type === 'mixing' })),
        { title: t('Create Bridge'), placeHolder: t('Bridge type attributes (mixing is the usual)'), canPickMany: true, ignoreFocusOut: true },
      );
      if (!picked) return;
      const name = await askText({ title: t('Create Bridge'), prompt: t('Bridge name (optional)') });
      if (name === undefined) return;
      const b = await createBridge(s, { types: picked.map((p) => p.label), name });
      done(t('Created {0} bridge {1}.', b.bridge_type, b.name || b.id));
    }),

    reg('ariExplorer.bridge.addChannels', async (node) => {
      const s = await sessionOf(services, node);
      const bridgeId = await oneBridge(s, node, t('Add Channels to Bridge'));
      if (!bridgeId) return;
      // Only channels in Stasis can join (else 422): offer those, and say why others are missing.
      const { candidates, notInStasis } = bridgeCandidates(s.model.channels.values(), bridgeId);
      if (candidates.length === 0) {
        void vscode.window.showInformationMessage(
          notInStasis > 0
            ? t(
                'No channel can join {0}: only channels in a Stasis application can be bridged, and none outside it is in one ({1} not in Stasis).',
                bridgeLabel(s, bridgeId),
                notInStasis,
              )
            : t('No channel can join {0}: no channel in a Stasis application is outside it.', bridgeLabel(s, bridgeId)),
        );
        return;
      }
      const ids = await pickEntries(candidates.map(channelEntry), {
        title: t('Add to {0}', bridgeLabel(s, bridgeId)),
        noun: t('channels outside this bridge'),
        canPickMany: true,
        placeHolder:
          notInStasis > 0
            ? t('Channels in a Stasis application ({0} not in Stasis cannot join a bridge and are not listed)', notInStasis)
            : t('Channels in a Stasis application'),
      });
      if (!ids) return;
      await addChannelsToBridge(s, bridgeId, ids);
      vscode.window.setStatusBarMessage(t('ARI: added {0} to {1}', names(s, ids), bridgeLabel(s, bridgeId)), 4000);
    }),

    reg('ariExplorer.bridge.removeChannels', async (node) => {
      const s = await sessionOf(services, node);
      const bridgeId = await oneBridge(s, node, t('Remove Channels from Bridge'));
      if (!bridgeId) return;
      const inside = s.model.bridges.get(bridgeId)?.channels ?? [];
      const entries = inside.map((id) => {
        const ch = s.model.channels.get(id);
        return ch ? channelEntry(ch) : { id, label: id };
      });
      const ids = await pickEntries(entries, { title: t('Remove from {0}', bridgeLabel(s, bridgeId)), noun: t('channels in this bridge'), canPickMany: true });
      if (!ids) return;
      await removeChannelsFromBridge(s, bridgeId, ids);
      vscode.window.setStatusBarMessage(t('ARI: removed {0} from {1}', names(s, ids), bridgeLabel(s, bridgeId)), 4000);
    }),

    reg('ariExplorer.bridge.destroy', async (node, selection) => {
      const s = await sessionOf(services, node);
      const ids = targetIds(['bridge'], node, selection) ?? (await pickBridges(s, { title: t('Destroy Bridge'), canPickMany: true }));
      if (!ids) return;
      const what = ids.length === 1 ? bridgeLabel(s, ids[0]) : t('{0} bridges', ids.length);
      const occupied = ids.reduce((n, id) => n + (s.model.bridges.get(id)?.channels.length ?? 0), 0);
      const destroy = t('Destroy');
      const ok = await vscode.window.showWarningMessage(
        occupied ? t('Destroy {0}? The channels inside ({1}) will leave it and stay up.', what, occupied) : t('Destroy {0}?', what),
        { modal: true },
        destroy,
      );
      if (ok !== destroy) return;
      await destroyBridges(s, ids);
      vscode.window.setStatusBarMessage(t('ARI: destroyed {0}', what), 4000);
    }),

    reg('ariExplorer.bridge.play', async (node) => {
      const s = await sessionOf(services, node);
      const bridgeId = await oneBridge(s, node, t('Play Media on Bridge'));
      if (!bridgeId) return;
      const p = await askPlayParams(s, bridgeLabel(s, bridgeId));
      if (!p) return;
      const pb = await playMedia(s, { kind: 'bridge', id: bridgeId }, p);
      showPlaybackStatus(s, pb.id, p.media, bridgeLabel(s, bridgeId), () => s.model.bridges.has(bridgeId));
    }),

    reg('ariExplorer.bridge.record', async (node) => {
      const s = await sessionOf(services, node);
      const bridgeId = await oneBridge(s, node, t('Record Bridge'));
      if (!bridgeId) return;
      const p = await askRecordParams(bridgeLabel(s, bridgeId));
      if (!p) return;
      const rec = await recordTarget(s, { kind: 'bridge', id: bridgeId }, p);
      done(t('Recording {0} as {1} ({2}).', bridgeLabel(s, bridgeId), `${rec.name}.${rec.format}`, rec.state));
    }),

    reg('ariExplorer.bridge.startMoh', async (node) => {
      const s = await sessionOf(services, node);
      const bridgeId = await oneBridge(s, node, t('Start Music on Hold on Bridge'));
      if (!bridgeId) return;
      const mohClass = await askText({ title: t('Music on hold for {0}', bridgeLabel(s, bridgeId)), prompt: t('Music on hold class (empty: default)') });
      if (mohClass === undefined) return;
      await bridgeMoh(s, bridgeId, true, mohClass);
      vscode.window.setStatusBarMessage(t('ARI: music on hold on {0}', bridgeLabel(s, bridgeId)), 4000);
    }),

    reg('ariExplorer.bridge.stopMoh', async (node) => {
      const s = await sessionOf(services, node);
      const bridgeId = await oneBridge(s, node, t('Stop Music on Hold on Bridge'));
      if (!bridgeId) return;
      await bridgeMoh(s, bridgeId, false);
      vscode.window.setStatusBarMessage(t('ARI: stopped music on hold on {0}', bridgeLabel(s, bridgeId)), 4000);
    }),
  ];
}
