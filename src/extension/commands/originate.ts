// "Originate Call…": one multi-step input (endpoint, destination — Stasis app or dialplan
// extension — its details, caller id, timeout, variables) with a step counter, Back, and the
// last answers as defaults; then a progress notification until the events say what happened —
// the 200 of POST /channels only means the channel was allocated. Steps: originateSteps.ts.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { t } from '../util/l10n';
import { describeOutcome, originateAndWatch, type OriginateParams } from './actions/originate';
import { isNodeRef } from './describe';
import { sessionOf } from './prompts';
import { restoreDraft, stepPrompt, stepsFor, stepTitle, toParams, validateStep, type Destination, type OriginateDraft, type StepId } from './originateSteps';
import { shown } from '../util/sanitize';

const DEFAULT_TIMEOUT_S = 30;
const DRAFT_KEY = 'ariExplorer.originate.lastAnswers';
const BACK = Symbol('back');
type StepAnswer = string | typeof BACK | undefined;

/** One text step in an InputBox: Enter accepts a valid value, Back and Escape as their names say. */
function textStep(title: string, id: StepId, value: string, canGoBack: boolean): Promise<StepAnswer> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    box.title = title;
    box.prompt = stepPrompt(id);
    box.value = value;
    box.ignoreFocusOut = true;
    box.buttons = canGoBack ? [vscode.QuickInputButtons.Back] : [];
    let done = false;
    const finish = (a: StepAnswer) => {
      if (done) return;
      done = true;
      resolve(a);
      box.hide();
      box.dispose();
    };
    box.onDidChangeValue((v) => (box.validationMessage = validateStep(id, v)));
    box.onDidAccept(() => {
      const error = validateStep(id, box.value);
      if (error) box.validationMessage = error;
      else finish(box.value.trim());
    });
    box.onDidTriggerButton(() => finish(BACK));
    box.onDidHide(() => finish(undefined));
    box.show();
  });
}

function destinationStep(title: string, current: Destination): Promise<StepAnswer> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { value: Destination }>();
    qp.title = title;
    qp.placeholder = stepPrompt('dest');
    qp.ignoreFocusOut = true;
    qp.buttons = [vscode.QuickInputButtons.Back];
    const items = [
      { label: t('Stasis application'), description: t('hand the answered channel to an ARI app'), value: 'app' as const },
      { label: t('Dialplan extension'), description: t('continue at context,extension,priority'), value: 'dialplan' as const },
    ];
    qp.items = items;
    qp.activeItems = items.filter((i) => i.value === current);
    let done = false;
    const finish = (a: StepAnswer) => {
      if (done) return;
      done = true;
      resolve(a);
      qp.hide();
      qp.dispose();
    };
    qp.onDidAccept(() => finish(qp.selectedItems[0]?.value ?? qp.activeItems[0]?.value));
    qp.onDidTriggerButton(() => finish(BACK));
    qp.onDidHide(() => finish(undefined));
    qp.show();
  });
}

export async function askOriginateParams(services: Services, node: unknown): Promise<OriginateParams | undefined> {
  const memento = services.context.workspaceState;
  const draft: OriginateDraft = restoreDraft(memento.get(DRAFT_KEY));
  if (isNodeRef(node) && node.kind === 'endpoint') draft.endpoint = node.id;
  for (let i = 0; ; ) {
    const steps = stepsFor(draft);
    if (i >= steps.length) break;
    const id = steps[i];
    const title = stepTitle(i, steps);
    const answer = id === 'dest' ? await destinationStep(title, draft.dest) : await textStep(title, id, draft[id], i > 0);
    if (answer === undefined) return undefined;
    if (answer === BACK) {
      i = Math.max(0, i - 1);
      continue;
    }
    if (id === 'dest') draft.dest = answer === 'dialplan' ? 'dialplan' : 'app';
    else draft[id] = answer;
    i += 1;
  }
  await memento.update(DRAFT_KEY, draft);
  return toParams(draft);
}

export async function runOriginate(services: Services, node: unknown): Promise<void> {
  const session = await sessionOf(services, node);
  const p = await askOriginateParams(services, node);
  if (!p) return;
  const timeoutS = p.timeout ?? DEFAULT_TIMEOUT_S;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('Calling {0}…', p.endpoint), cancellable: true },
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
    const choice = await vscode.window.showWarningMessage(text, t('Show Log'));
    if (choice) services.log.show(true);
  } else {
    void vscode.window.showInformationMessage(text);
  }
}
