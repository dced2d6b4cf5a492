// Asterisk-wide commands: server info, module reload, global variables, device states.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { registerCommand } from '../util/commands';
import { DEVICE_STATES, deleteDeviceState, getGlobalVar, listModules, reloadModule, serverInfo, setGlobalVar, updateDeviceState } from './actions/server';
import { isNodeRef, targetIds } from './describe';
import { askText, pickEntries, pickValue, sessionOf } from './prompts';
import type { ResponseDocuments } from './responseDocuments';
import type { CommandSession } from './session';
import { validateStasisDevice, validateVariableName } from './validate';
import { t } from '../util/l10n';
import { shown } from '../util/sanitize';

async function pickDevice(session: CommandSession, title: string, allowNew: boolean): Promise<string | undefined> {
  const known = [...session.model.deviceStates.values()].filter((d) => d.name.startsWith('Stasis:'));
  const NEW = `$(add) ${t('Another Stasis device…')}`;
  if (known.length > 0) {
    const items = known.map((d) => ({ id: d.name, label: d.name, description: d.state }));
    if (allowNew) items.push({ id: NEW, label: NEW, description: 'Stasis:<name>' });
    const [picked] = (await pickEntries(items, { title, empty: t('No device states right now.') })) ?? [];
    if (!picked || picked !== NEW) return picked;
  } else if (!allowNew) {
    void vscode.window.showInformationMessage(t('No Stasis device states right now.'));
    return undefined;
  }
  return askText({ title, prompt: t('Device name (only Stasis: devices can be set through ARI)'), value: 'Stasis:', validate: validateStasisDevice });
}

export function registerServerCommands(services: Services, documents: ResponseDocuments): vscode.Disposable[] {
  return [
    registerCommand(services, 'ariExplorer.server.showInfo', async (node?: unknown) => {
      const s = await sessionOf(services, node);
      const info = await serverInfo(s);
      await documents.show(`asterisk-info-${info.system?.entity_id ?? 'server'}`, info);
    }),

    registerCommand(services, 'ariExplorer.module.reload', async (node) => {
      const s = await sessionOf(services, node);
      let [name] = targetIds(['module'], node, undefined) ?? [];
      if (!name) {
        const modules = await listModules(s);
        [name] =
          (await pickEntries(
            modules
              .map((m) => ({ id: m.name, label: m.name, description: `${m.status} · ${m.support_level}`, detail: m.description }))
              .sort((a, b) => a.label.localeCompare(b.label)),
            { title: t('Reload Module'), empty: t('No modules right now.') },
          )) ?? [];
      }
      if (!name) return;
      await reloadModule(s, name);
      void vscode.window.showInformationMessage(t('Reloaded {0}.', name));
    }),

    registerCommand(services, 'ariExplorer.server.getGlobalVar', async (node?: unknown) => {
      const s = await sessionOf(services, node);
      const variable = await askText({ title: t('Get Global Variable'), prompt: t('Global variable or function name'), validate: validateVariableName });
      if (!variable) return;
      const value = await getGlobalVar(s, variable);
      const text = shown(t('{0} = {1}', variable, value === '' ? t('(empty)') : value));
      const copy = await vscode.window.showInformationMessage(text, t('Copy Value'));
      if (copy) await vscode.env.clipboard.writeText(value);
    }),

    registerCommand(services, 'ariExplorer.server.setGlobalVar', async (node?: unknown) => {
      const s = await sessionOf(services, node);
      const variable = await askText({ title: t('Set Global Variable'), prompt: t('Global variable name'), validate: validateVariableName });
      if (!variable) return;
      const value = await askText({ title: t('Set Global Variable'), prompt: t('Value of {0} (empty clears it)', variable) });
      if (value === undefined) return;
      await setGlobalVar(s, variable, value);
      vscode.window.setStatusBarMessage(t('ARI: global {0} set', variable), 4000);
    }),

    registerCommand(services, 'ariExplorer.deviceState.update', async (node) => {
      const s = await sessionOf(services, node);
      const name = isNodeRef(node) && node.kind === 'deviceState' ? node.id : await pickDevice(s, t('Update Device State'), true);
      if (!name) return;
      const current = s.model.deviceStates.get(name)?.state;
      const state = await pickValue(DEVICE_STATES, t('Set {0}', name), {
        placeHolder: current ? t('Now {0}', current) : t('New state'),
        describe: (v) => (v === current ? t('current') : undefined),
      });
      if (!state) return;
      await updateDeviceState(s, name, state);
      vscode.window.setStatusBarMessage(t('ARI: {0} is {1}', name, state), 4000);
    }),

    registerCommand(services, 'ariExplorer.deviceState.delete', async (node) => {
      const s = await sessionOf(services, node);
      const name = isNodeRef(node) && node.kind === 'deviceState' ? node.id : await pickDevice(s, t('Delete Device State'), false);
      if (!name) return;
      await deleteDeviceState(s, name);
      // Asterisk sends no DeviceStateChanged for a delete (transcript 17): say what happened.
      void vscode.window.showInformationMessage(t('Deleted {0} (it now reads UNKNOWN; Asterisk sends no event for this).', name));
    }),
  ];
}
