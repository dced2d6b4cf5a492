// Bridge commands: create, add/remove channels (multi-pick), destroy, play, record, MOH.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { registerCommand } from '../util/commands';
import { BRIDGE_TYPES, addChannelsToBridge, bridgeMoh, createBridge, destroyBridges, removeChannelsFromBridge } from './actions/bridge';
import { playMedia, recordTarget } from './actions/channel';
import { channelEntry, targetIds } from './describe';
import { askPlayParams, askRecordParams } from './media';
import { askText, done, pickBridges, pickEntries, plural, sessionOf } from './prompts';
import type { CommandSession } from './session';

function bridgeLabel(session: CommandSession, id: string): string {
  const b = session.model.bridges.get(id);
  return b?.name ? `${b.name} (${id})` : `bridge ${id}`;
}

async function oneBridge(session: CommandSession, node: unknown, title: string): Promise<string | undefined> {
  return (targetIds(['bridge'], node, undefined) ?? (await pickBridges(session, { title })))?.[0];
}

export function registerBridgeCommands(services: Services): vscode.Disposable[] {
  const reg = (id: string, handler: (node?: unknown, selection?: unknown) => Promise<unknown>): vscode.Disposable =>
    registerCommand(services, id, (node, selection) => handler(node, selection));
  return [
    reg('ariExplorer.bridge.create', async () => {
      const s = sessionOf(services);
      const picked = await vscode.window.showQuickPick(
        BRIDGE_TYPES.map((t) => ({ label: t.type, detail: t.detail, picked: t.type === 'mixing' })),
        { title: 'Create Bridge', placeHolder: 'Bridge type attributes (mixing is the usual)', canPickMany: true, ignoreFocusOut: true },
      );
      if (!picked) return;
      const name = await askText({ title: 'Create Bridge', prompt: 'Bridge name (optional)' });
      if (name === undefined) return;
      const b = await createBridge(s, { types: picked.map((p) => p.label), name });
      done(`Created ${b.bridge_type} bridge ${b.name || b.id}.`);
    }),

    reg('ariExplorer.bridge.addChannels', async (node) => {
      const s = sessionOf(services);
      const bridgeId = await oneBridge(s, node, 'Add Channels to Bridge');
      if (!bridgeId) return;
      const inside = new Set(s.model.bridges.get(bridgeId)?.channels ?? []);
      const candidates = [...s.model.channels.values()].filter((c) => !inside.has(c.id));
      const ids = await pickEntries(candidates.map(channelEntry), { title: `Add to ${bridgeLabel(s, bridgeId)}`, noun: 'channels outside this bridge', canPickMany: true });
      if (!ids) return;
      await addChannelsToBridge(s, bridgeId, ids);
      vscode.window.setStatusBarMessage(`ARI: added ${plural(ids.length, 'channel')} to ${bridgeLabel(s, bridgeId)}`, 4000);
    }),

    reg('ariExplorer.bridge.removeChannels', async (node) => {
      const s = sessionOf(services);
      const bridgeId = await oneBridge(s, node, 'Remove Channels from Bridge');
      if (!bridgeId) return;
      const inside = s.model.bridges.get(bridgeId)?.channels ?? [];
      const entries = inside.map((id) => {
        const ch = s.model.channels.get(id);
        return ch ? channelEntry(ch) : { id, label: id };
      });
      const ids = await pickEntries(entries, { title: `Remove from ${bridgeLabel(s, bridgeId)}`, noun: 'channels in this bridge', canPickMany: true });
      if (!ids) return;
      await removeChannelsFromBridge(s, bridgeId, ids);
      vscode.window.setStatusBarMessage(`ARI: removed ${plural(ids.length, 'channel')} from ${bridgeLabel(s, bridgeId)}`, 4000);
    }),

    reg('ariExplorer.bridge.destroy', async (node, selection) => {
      const s = sessionOf(services);
      const ids = targetIds(['bridge'], node, selection) ?? (await pickBridges(s, { title: 'Destroy Bridge', canPickMany: true }));
      if (!ids) return;
      const what = ids.length === 1 ? bridgeLabel(s, ids[0]) : plural(ids.length, 'bridge');
      const occupied = ids.reduce((n, id) => n + (s.model.bridges.get(id)?.channels.length ?? 0), 0);
      const ok = await vscode.window.showWarningMessage(
        `Destroy ${what}?${occupied ? ` ${plural(occupied, 'channel')} inside will leave it (and stay up).` : ''}`,
        { modal: true },
        'Destroy',
      );
      if (ok !== 'Destroy') return;
      await destroyBridges(s, ids);
      vscode.window.setStatusBarMessage(`ARI: destroyed ${what}`, 4000);
    }),

    reg('ariExplorer.bridge.play', async (node) => {
      const s = sessionOf(services);
      const bridgeId = await oneBridge(s, node, 'Play Media on Bridge');
      if (!bridgeId) return;
      const p = await askPlayParams(s, bridgeLabel(s, bridgeId));
      if (!p) return;
      const pb = await playMedia(s, { kind: 'bridge', id: bridgeId }, p);
      vscode.window.setStatusBarMessage(`ARI: playing ${p.media.join(', ')} on ${bridgeLabel(s, bridgeId)} (playback ${pb.id})`, 5000);
    }),

    reg('ariExplorer.bridge.record', async (node) => {
      const s = sessionOf(services);
      const bridgeId = await oneBridge(s, node, 'Record Bridge');
      if (!bridgeId) return;
      const p = await askRecordParams(bridgeLabel(s, bridgeId));
      if (!p) return;
      const rec = await recordTarget(s, { kind: 'bridge', id: bridgeId }, p);
      done(`Recording ${bridgeLabel(s, bridgeId)} as ${rec.name}.${rec.format} (${rec.state}).`);
    }),

    reg('ariExplorer.bridge.startMoh', async (node) => {
      const s = sessionOf(services);
      const bridgeId = await oneBridge(s, node, 'Start Music on Hold on Bridge');
      if (!bridgeId) return;
      const mohClass = await askText({ title: `Music on hold for ${bridgeLabel(s, bridgeId)}`, prompt: 'Music on hold class (empty: default)' });
      if (mohClass === undefined) return;
      await bridgeMoh(s, bridgeId, true, mohClass);
      vscode.window.setStatusBarMessage(`ARI: music on hold on ${bridgeLabel(s, bridgeId)}`, 4000);
    }),

    reg('ariExplorer.bridge.stopMoh', async (node) => {
      const s = sessionOf(services);
      const bridgeId = await oneBridge(s, node, 'Stop Music on Hold on Bridge');
      if (!bridgeId) return;
      await bridgeMoh(s, bridgeId, false);
      vscode.window.setStatusBarMessage(`ARI: stopped music on hold on ${bridgeLabel(s, bridgeId)}`, 4000);
    }),
  ];
}
