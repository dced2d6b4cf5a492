// "ARI: Invoke Operation…", "ARI: Rerun Operation…" and "ARI: Copy Operation as curl…":
// any operation of the connected server's own API description, sent with the client's
// generic request(), the answer shown as a read-only JSON document, kept in a history.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { registerCommand } from '../../util/commands';
import { secretKey } from '../../profiles/profile';
import { sessionOf } from '../prompts';
import { t } from '../../util/l10n';
import type { ResponseDocuments } from '../responseDocuments';
import type { CommandSession } from '../session';
import { loadOperations } from './catalog';
import { formatCurl, type CurlAuth } from './curl';
import { HISTORY_LIMIT, InvokeHistory, historyLabel, type HistoryEntry } from './history';
import { askParam } from './paramPrompt';
import { buildRequest, promptOrder, type ParamValues, type PreparedRequest } from './request';
import { sendPrepared } from './send';
import { groupByResource, isInvokable, type ApiOperation } from './swagger';
import { isSameAriServer } from '../../util/origin';

interface OpItem extends vscode.QuickPickItem {
  op?: ApiOperation;
}

async function pickOperation(ops: ApiOperation[]): Promise<ApiOperation | undefined> {
  const items: OpItem[] = [];
  for (const g of groupByResource(ops.filter(isInvokable))) {
    items.push({ label: g.resource, kind: vscode.QuickPickItemKind.Separator });
    for (const op of g.operations) {
      items.push({ label: `${op.method} ${op.path}`, description: op.nickname, detail: op.summary, op });
    }
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: t('Invoke ARI Operation ({0})', items.filter((i) => i.op).length),
    placeHolder: t('Type to filter by path, name or summary'),
    matchOnDescription: true,
    matchOnDetail: true,
    ignoreFocusOut: true,
  });
  return picked?.op;
}

/** Asks each parameter in turn; undefined when cancelled. */
async function askValues(session: CommandSession, op: ApiOperation, previous: ParamValues = {}): Promise<ParamValues | undefined> {
  const values: ParamValues = {};
  const order = promptOrder(op);
  for (let i = 0; i < order.length; i++) {
    const param = order[i];
    const answer = await askParam(session, op, param, { index: i + 1, total: order.length }, previous[param.name]);
    if (!answer) return undefined;
    if (answer.kind === 'sendNow') break;
    if (answer.kind === 'value') values[param.name] = answer.text;
  }
  return values;
}

function definedValues(values: ParamValues): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined));
}

export function registerInvokerCommands(services: Services, documents: ResponseDocuments): vscode.Disposable[] {
  const history = new InvokeHistory(services.context.workspaceState, HISTORY_LIMIT);

  const run = async (
    session: CommandSession,
    meta: Pick<HistoryEntry, 'resource' | 'nickname' | 'operationPath' | 'values'>,
    req: PreparedRequest,
  ): Promise<void> => {
    services.log.info(`invoke ${req.method} ${req.path}`);
    const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: t('ARI {0} {1}', req.method, req.path) }, () =>
      sendPrepared(session, req),
    );
    services.log.info(`invoke ${req.method} ${req.path} -> ${outcome.status ?? 'no answer'}`);
    await history.add({
      at: Date.now(),
      resource: meta.resource,
      nickname: meta.nickname,
      operationPath: meta.operationPath,
      values: meta.values,
      request: req,
      baseUrl: session.rest.baseUrl,
      username: services.connections.activeProfile?.username,
      status: outcome.status,
    });
    await documents.show(`${outcome.status ?? 'error'} ${meta.nickname}`, outcome.document);
  };

  const pickHistory = async (title: string): Promise<HistoryEntry | undefined> => {
    const entries = history.list();
    if (entries.length === 0) {
      void vscode.window.showInformationMessage(t('No ARI operations invoked yet: use "ARI: Invoke Operation…" first.'));
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(
      entries.map((e) => ({ ...historyLabel(e), entry: e })),
      { title, matchOnDescription: true, matchOnDetail: true, ignoreFocusOut: true },
    );
    return picked?.entry;
  };

  return [
    registerCommand(services, 'ariExplorer.api.invoke', async (node?: unknown) => {
      const session = await sessionOf(services, node);
      const ops = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: t('Reading the server API description…') }, () =>
        loadOperations(session),
      );
      const op = await pickOperation(ops);
      if (!op) return;
      const values = await askValues(session, op);
      if (!values) return;
      const built = buildRequest(op, values);
      if (!built.ok) throw new Error(t('Cannot send {0}: {1}', op.nickname, built.errors.join(' ')));
      await run(session, { resource: op.resource, nickname: op.nickname, operationPath: op.path, values: definedValues(values) }, built.request);
    }),

    registerCommand(services, 'ariExplorer.api.rerun', async (node?: unknown) => {
      const session = await sessionOf(services, node);
      const entry = await pickHistory(t('Rerun ARI Operation'));
      if (!entry) return;
      const how = await vscode.window.showQuickPick(
        [
          { label: `$(debug-restart) ${t('Send again')}`, description: t('the same request'), edit: false },
          { label: `$(edit) ${t('Edit parameters…')}`, description: t('ask each parameter again, prefilled'), edit: true },
        ],
        { title: t('Rerun {0}', `${entry.request.method} ${entry.request.path}`), ignoreFocusOut: true },
      );
      if (!how) return;
      if (!how.edit) {
        await run(session, entry, entry.request);
        return;
      }
      const ops = await loadOperations(session);
      const op = ops.find((o) => o.resource === entry.resource && o.nickname === entry.nickname);
      if (!op) throw new Error(t("This server's API has no {0}: it cannot be edited here, only sent again.", `${entry.resource}.${entry.nickname}`));
      const values = await askValues(session, op, entry.values);
      if (!values) return;
      const built = buildRequest(op, values);
      if (!built.ok) throw new Error(t('Cannot send {0}: {1}', op.nickname, built.errors.join(' ')));
      await run(session, { ...entry, values: definedValues(values) }, built.request);
    }),

    registerCommand(services, 'ariExplorer.api.copyAsCurl', async () => {
      const entry = await pickHistory(t('Copy ARI Operation as curl'));
      if (!entry) return;
      const profile = services.connections.activeProfile;
      const username = entry.username ?? profile?.username ?? 'USER';
      const mode = await vscode.window.showQuickPick(
        [
          { label: t('Prompt for the password'), description: t('-u {0} (curl asks)', username), mode: 'prompt' as const },
          { label: t('Read {0}', '$ARI_PASSWORD'), description: `-u "${username}:$ARI_PASSWORD"`, mode: 'env' as const },
          { label: t('Include the password'), description: t('the password will be in the clipboard and your shell history'), mode: 'password' as const },
        ],
        { title: t('Copy as curl: credentials'), ignoreFocusOut: true },
      );
      if (!mode) return;
      let auth: CurlAuth;
      if (mode.mode === 'password') {
        const sameServer = profile !== undefined && isSameAriServer(entry.baseUrl, profile.url);
        const stored = sameServer ? await services.context.secrets.get(secretKey(profile.id)) : undefined;
        const password =
          stored ??
          (await vscode.window.showInputBox({
            title: t('Copy as curl'),
            prompt: t('Password of {0} to put in the command', username),
            password: true,
            ignoreFocusOut: true,
          }));
        if (password === undefined) return;
        auth = { kind: 'password', username, password };
      } else {
        auth = { kind: mode.mode, username };
      }
      const insecure = profile !== undefined && isSameAriServer(entry.baseUrl, profile.url) && profile.tls?.insecure === true;
      await vscode.env.clipboard.writeText(formatCurl(entry.baseUrl, entry.request, auth, { insecure }));
      vscode.window.setStatusBarMessage(auth.kind === 'password' ? t('ARI: curl command copied (with the password)') : t('ARI: curl command copied'), 4000);
    }),
  ];
}
