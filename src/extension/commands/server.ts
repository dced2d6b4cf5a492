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
import { shown } from '../util/sanitize';

async function pickDevice(session: CommandSession, title: string, allowNew: boolean): Promise<string | undefined> {
  const known = [...session.model.deviceStates.values()].filter((d) => d.name.startsWith('Stasis:'));
  const NEW = '$(add) Another Stasis device…';
  if (known.length > 0) {
    const items = known.map((d) => ({ id: d.name, label: d.name, description: d.state }));
    if (allowNew) items.push({ id: NEW, label: NEW, description: 'Stasis:<name>' });
    const [picked] = (await pickEntries(items, { title, noun: 'device states' })) ?? [];
    if (!picked || picked !== NEW) return picked;
  } else if (!allowNew) {
    void vscode.window.showInformationMessage('No Stasis device states right now.');
    return undefined;
  }
  return askText({ title, prompt: 'Device name (only Stasis: devices can be set through ARI)', value: 'Stasis:', validate: validateStasisDevice });
}

export function registerServerCommands(services: Services, documents: ResponseDocuments): vscode.Disposable[] {
  return [
    registerCommand(services, 'ariExplorer.server.showInfo', async () => {
      const s = sessionOf(services);
      const info = await serverInfo(s);
      await documents.show(`asterisk-info-${info.system?.entity_id ?? 'server'}`, info);
    }),

    registerCommand(services, 'ariExplorer.module.reload', async (node) => {
      const s = sessionOf(services);
      let [name] = targetIds(['module'], node, undefined) ?? [];
      if (!name) {
        const modules = await listModules(s);
        [name] =
          (await pickEntries(
            modules
              .map((m) => ({ id: m.name, label: m.name, description: `${m.status} · ${m.support_level}`, detail: m.description }))
              .sort((a, b) => a.label.localeCompare(b.label)),
            { title: 'Reload Module', noun: 'modules' },
          )) ?? [];
      }
      if (!name) return;
      await reloadModule(s, name);
      void vscode.window.showInformationMessage(`Reloaded ${name}.`);
    }),

    registerCommand(services, 'ariExplorer.server.getGlobalVar', async () => {
      const s = sessionOf(services);
      const variable = await askText({ title: 'Get Global Variable', prompt: 'Global variable or function name', validate: validateVariableName });
      if (!variable) return;
      const value = await getGlobalVar(s, variable);
      const copy = await vscode.window.showInformationMessage(shown(`${variable} = ${value === '' ? '(empty)' : value}`), 'Copy Value');
      if (copy) await vscode.env.clipboard.writeText(value);
    }),

    registerCommand(services, 'ariExplorer.server.setGlobalVar', async () => {
      const s = sessionOf(services);
      const variable = await askText({ title: 'Set Global Variable', prompt: 'Global variable name', validate: validateVariableName });
      if (!variable) return;
      const value = await askText({ title: 'Set Global Variable', prompt: `Value of ${variable} (empty clears it)` });
      if (value === undefined) return;
      await setGlobalVar(s, variable, value);
      vscode.window.setStatusBarMessage(`ARI: global ${variable} set`, 4000);
    }),

    registerCommand(services, 'ariExplorer.deviceState.update', async (node) => {
      const s = sessionOf(services);
      const name = isNodeRef(node) && node.kind === 'deviceState' ? node.id : await pickDevice(s, 'Update Device State', true);
      if (!name) return;
      const current = s.model.deviceStates.get(name)?.state;
      const state = await pickValue(DEVICE_STATES, `Set ${name}`, { placeHolder: current ? `Now ${current}` : 'New state', describe: (v) => (v === current ? 'current' : undefined) });
      if (!state) return;
      await updateDeviceState(s, name, state);
      vscode.window.setStatusBarMessage(`ARI: ${name} is ${state}`, 4000);
    }),

    registerCommand(services, 'ariExplorer.deviceState.delete', async (node) => {
      const s = sessionOf(services);
      const name = isNodeRef(node) && node.kind === 'deviceState' ? node.id : await pickDevice(s, 'Delete Device State', false);
      if (!name) return;
      await deleteDeviceState(s, name);
      // Asterisk sends no DeviceStateChanged for a delete (transcript 17): say what happened.
      void vscode.window.showInformationMessage(`Deleted ${name} (it now reads UNKNOWN; Asterisk sends no event for this).`);
    }),
  ];
}
