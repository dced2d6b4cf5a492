// "Originate Call…": asks endpoint, destination (Stasis app or dialplan extension), caller
// id, timeout and variables, then shows a progress notification until the events say what
// happened — the 200 of POST /channels only means the channel was allocated.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { describeOutcome, originateAndWatch, type OriginateParams } from './actions/originate';
import { isNodeRef } from './describe';
import { askText, pickOne, sessionOf } from './prompts';
import type { CommandSession } from './session';
import { parseVariableList, required, validateEndpoint, validateInteger, validateVariableList } from './validate';
import { shown } from '../util/sanitize';

const DEFAULT_TIMEOUT_S = 30;

async function askEndpoint(session: CommandSession, node: unknown): Promise<string | undefined> {
  if (isNodeRef(node) && node.kind === 'endpoint') return node.id;
  const known = [...session.model.endpoints.values()].map((e) => `${e.technology}/${e.resource}`);
  if (known.length > 0) {
    const typed = '$(edit) Another endpoint…';
    const picked = await pickOne(
      [...known.map((k) => ({ label: k })), { label: typed, description: 'e.g. Local/100@default' }],
      'Originate: endpoint to call',
    );
    if (!picked) return undefined;
    if (picked.label !== typed) return picked.label;
  }
  return askText({ title: 'Originate', prompt: 'Endpoint to call (Tech/resource)', placeHolder: 'PJSIP/alice or Local/100@default', validate: validateEndpoint });
}

export async function askOriginateParams(session: CommandSession, node: unknown): Promise<OriginateParams | undefined> {
  const endpoint = await askEndpoint(session, node);
  if (!endpoint) return undefined;
  const title = `Originate to ${endpoint}`;
  const dest = await pickOne(
    [
      { label: 'Stasis application', description: 'hand the answered channel to an ARI app', dest: 'app' as const },
      { label: 'Dialplan extension', description: 'continue at context,extension,priority', dest: 'dialplan' as const },
    ],
    title,
    'Where does the answered call go?',
  );
  if (!dest) return undefined;
  const p: OriginateParams = { endpoint };
  if (dest.dest === 'app') {
    const apps = [...session.model.applications.keys()];
    const app = await askText({ title, prompt: `Stasis application${apps.length ? ` (registered: ${apps.join(', ')})` : ''}`, value: apps[0] ?? '', validate: required('An application name') });
    if (!app) return undefined;
    const appArgs = await askText({ title, prompt: 'Application arguments, comma separated (optional)' });
    if (appArgs === undefined) return undefined;
    Object.assign(p, { app, appArgs });
  } else {
    const extension = await askText({ title, prompt: 'Extension', validate: required('An extension') });
    if (!extension) return undefined;
    const context = await askText({ title, prompt: 'Context', value: 'default', validate: required('A context') });
    if (!context) return undefined;
    const priority = await askText({ title, prompt: 'Priority', value: '1', validate: validateInteger({ min: 1 }) });
    if (!priority) return undefined;
    Object.assign(p, { extension, context, priority: Number(priority) });
  }
  const callerId = await askText({ title, prompt: 'Caller ID (optional)', placeHolder: '"Alice" <1001>' });
  if (callerId === undefined) return undefined;
  const timeout = await askText({ title, prompt: 'Seconds to wait for an answer (-1: for ever)', value: String(DEFAULT_TIMEOUT_S), validate: validateInteger({ min: -1 }) });
  if (timeout === undefined) return undefined;
  const vars = await askText({ title, prompt: 'Channel variables, KEY=VALUE separated by commas (optional)', placeHolder: 'FOO=bar, CALLERID(name)=Alice', validate: validateVariableList });
  if (vars === undefined) return undefined;
  const parsed = parseVariableList(vars);
  return { ...p, callerId, timeout: timeout ? Number(timeout) : undefined, variables: parsed.ok ? parsed.variables : undefined };
}

export async function runOriginate(services: Services, node: unknown): Promise<void> {
  const session = sessionOf(services);
  const p = await askOriginateParams(session, node);
  if (!p) return;
  const timeoutS = p.timeout ?? DEFAULT_TIMEOUT_S;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Calling ${p.endpoint}…`, cancellable: true },
    async (_progress, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      try {
        return await originateAndWatch(session, p, {
          signal: abort.signal,
          // A margin past the call's own timeout; -1 waits until cancelled.
          maxWaitMs: timeoutS < 0 ? undefined : (timeoutS + 10) * 1000,
        });
      } finally {
        sub.dispose();
      }
    },
  );
  const text = shown(describeOutcome(p.endpoint, result.outcome), 600);
  services.log.info(`originate ${p.endpoint}: channel ${result.channel.id} -> ${text}`);
  if (result.outcome.kind === 'destroyed') {
    const choice = await vscode.window.showWarningMessage(text, 'Show Log');
    if (choice) services.log.show(true);
  } else {
    void vscode.window.showInformationMessage(text);
  }
}
