// Asks for one parameter of an operation: a QuickPick that shows the parameter's
// description, type and required flag, offers its allowed values or live ids from the
// model, accepts any typed value (validated as it is typed), and for optional parameters
// offers "skip" and "send now".
import * as vscode from 'vscode';
import { bridgeEntry, channelEntry, playbackEntry, recordingEntry, type PickEntry } from '../describe';
import type { CommandSession } from '../session';
import { listModules, listSounds } from '../actions/server';
import { listStoredRecordings } from '../actions/recording';
import { bodyTemplate, splitList, validateParamValue } from './request';
import { suggestionSource, type SuggestionSource } from './suggest';
import type { ApiOperation, ApiParameter } from './swagger';

export type ParamAnswer = { kind: 'value'; text: string } | { kind: 'skip' } | { kind: 'sendNow' };

interface Item extends vscode.QuickPickItem {
  action: 'value' | 'skip' | 'sendNow' | 'typed';
  value?: string;
}

async function suggestions(session: CommandSession, source: SuggestionSource): Promise<PickEntry[]> {
  const m = session.model;
  switch (source) {
    case 'channels':
      return [...m.channels.values()].map(channelEntry);
    case 'bridges':
      return [...m.bridges.values()].map(bridgeEntry);
    case 'playbacks':
      return [...m.playbacks.values()].map(playbackEntry);
    case 'liveRecordings':
      return [...m.recordings.values()].map(recordingEntry);
    case 'storedRecordings': {
      // Files on disk change without events: ask the server.
      const list = await listStoredRecordings(session).catch(() => []);
      return list.map((r) => ({ id: r.name, label: r.name, description: r.format }));
    }
    case 'applications':
      return [...m.applications.values()].map((a) => ({ id: a.name, label: a.name, description: `${a.channel_ids.length} channels` }));
    case 'deviceStates':
      return [...m.deviceStates.values()].map((d) => ({ id: d.name, label: d.name, description: d.state }));
    case 'endpoints':
      return [...m.endpoints.values()].map((e) => ({ id: `${e.technology}/${e.resource}`, label: `${e.technology}/${e.resource}`, description: e.state }));
    case 'technologies':
      return [...new Set([...m.endpoints.values()].map((e) => e.technology))].map((t) => ({ id: t, label: t }));
    case 'endpointResources':
      return [...m.endpoints.values()].map((e) => ({ id: e.resource, label: e.resource, description: e.technology }));
    case 'modules':
      return (await listModules(session).catch(() => [])).map((x) => ({ id: x.name, label: x.name, description: x.status }));
    case 'sounds':
      return (await listSounds(session).catch(() => [])).map((x) => ({ id: x.id, label: x.id, description: x.text }));
  }
}

function describeParam(p: ApiParameter): string {
  const type = `${p.dataType}${p.allowMultiple ? ' list (comma separated)' : ''}`;
  return `${p.required ? 'required' : 'optional'} ${p.paramType} parameter · ${type}${p.defaultValue !== undefined ? ` · default ${p.defaultValue}` : ''}`;
}

export async function askParam(
  session: CommandSession,
  op: ApiOperation,
  param: ApiParameter,
  step: { index: number; total: number },
  previous?: string,
): Promise<ParamAnswer | undefined> {
  const title = `${op.method} ${op.path} — ${param.name} (${step.index}/${step.total})`;
  if (param.paramType === 'body') return askBody(op, param, title, previous);

  const valueItems: Item[] = [];
  const allowed = param.allowableValues?.valueType === 'LIST' ? param.allowableValues.values : param.dataType === 'boolean' ? ['true', 'false'] : [];
  for (const v of allowed) valueItems.push({ label: v, action: 'value', value: v, description: v === param.defaultValue ? 'default' : undefined });
  const source = suggestionSource(op, param);
  if (source) {
    for (const e of await suggestions(session, source))
      valueItems.push({
        label: e.id,
        description: e.label !== e.id ? `${e.label} · ${e.description ?? ''}` : e.description,
        detail: e.detail,
        action: 'value',
        value: e.id,
      });
  }
  const actions: Item[] = param.required
    ? []
    : [
        { label: '$(debug-step-over) Skip', description: 'leave this parameter out', action: 'skip' },
        { label: '$(rocket) Send now', description: 'skip the remaining optional parameters', action: 'sendNow' },
      ];

  const qp = vscode.window.createQuickPick<Item>();
  qp.title = title;
  qp.placeholder = param.description ? `${param.description}` : `Value for ${param.name}`;
  qp.ignoreFocusOut = true;
  qp.matchOnDescription = true;
  qp.canSelectMany = param.allowMultiple && valueItems.length > 0;
  const sep: Item = { label: describeParam(param), kind: vscode.QuickPickItemKind.Separator, action: 'skip' };
  const base = [sep, ...valueItems, ...(qp.canSelectMany ? [] : actions)];
  qp.items = base;
  if (previous && qp.canSelectMany) {
    // Earlier values come back checked, or as typed text when none of them is offered.
    const earlier = splitList(previous);
    qp.selectedItems = valueItems.filter((i) => i.value !== undefined && earlier.includes(i.value));
    if (qp.selectedItems.length === 0) qp.value = previous;
  } else if (previous) {
    qp.value = previous;
  }

  const typedItem = (text: string): Item => {
    const reason = validateParamValue(param, text);
    return {
      label: text,
      description: reason ? `$(error) ${reason}` : `$(edit) use this value`,
      action: 'typed',
      value: text,
      alwaysShow: true,
    };
  };
  const refresh = (): void => {
    // Reassigning the items of a multi-select picker would drop its checked items.
    if (qp.canSelectMany) return;
    const text = qp.value.trim();
    const exact = valueItems.some((i) => i.value === text);
    qp.items = text && !exact ? [typedItem(text), ...base] : base;
  };
  refresh();

  return new Promise<ParamAnswer | undefined>((resolve) => {
    let settled = false;
    const finish = (a: ParamAnswer | undefined): void => {
      if (settled) return;
      settled = true;
      resolve(a);
      qp.hide();
    };
    qp.onDidChangeValue(refresh);
    qp.onDidAccept(() => {
      if (qp.canSelectMany) {
        const picked = qp.selectedItems.map((i) => i.value ?? '').filter(Boolean);
        // Typed text filters the list while picking, so it counts only when nothing is checked.
        const all = picked.length > 0 ? picked : splitList(qp.value);
        if (all.length === 0) {
          if (param.required) return; // stay open: a value is needed
          finish({ kind: 'skip' });
          return;
        }
        if (all.some((v) => validateParamValue(param, v))) return;
        finish({ kind: 'value', text: all.join(',') });
        return;
      }
      const item = qp.selectedItems[0] ?? qp.activeItems[0];
      if (!item) {
        const text = qp.value.trim();
        if (text && !validateParamValue(param, text)) finish({ kind: 'value', text });
        return;
      }
      if (item.action === 'skip') finish({ kind: 'skip' });
      else if (item.action === 'sendNow') finish({ kind: 'sendNow' });
      else if (item.value !== undefined && !validateParamValue(param, item.value)) finish({ kind: 'value', text: item.value });
      // An invalid typed value keeps the picker open with the reason shown on the item.
    });
    qp.onDidHide(() => {
      finish(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

async function askBody(op: ApiOperation, param: ApiParameter, title: string, previous?: string): Promise<ParamAnswer | undefined> {
  const text = await vscode.window.showInputBox({
    title,
    prompt: `${param.description || 'JSON body'} (${param.required ? 'required' : 'optional: empty leaves it out'})`,
    value: previous ?? bodyTemplate(param),
    ignoreFocusOut: true,
    validateInput: (v) => validateParamValue(param, v),
  });
  if (text === undefined) return undefined;
  return text.trim() === '' ? { kind: 'skip' } : { kind: 'value', text };
}
