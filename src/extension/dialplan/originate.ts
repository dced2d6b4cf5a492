// "Originate to exten@context" from a CodeLens: POST /ari/channels with endpoint
// Local/<exten>@<context>; the calling side is asked for -- by default the Local channel's
// other half goes to a waiting extension (100@default: Answer, Wait), or into a Stasis app.
// "Call exten@context" (the Stasis line's lens, the walkthrough) asks nothing but, with several
// servers connected, which one: the other half waits on that extension, and the toast names the
// half that entered Stasis.
import * as vscode from 'vscode';
import type { OriginateParams } from '../ari/resources/channels';
import type { Services } from '../services';
import { registerCommand } from '../util/commands';
import { t } from '../util/l10n';
import { restrictedSetting } from '../util/trustedSettings';
import { describeCall, placeCall, type CallTarget, type WaitExtension } from './core/call';
import { CALL_COMMAND, ORIGINATE_COMMAND, callLenses, originateLenses, parseExtenAtContext, type OriginateTarget } from './core/lenses';
import { CONFIG_SECTION } from './language';
import { appsOf, pickServer } from './servers';
import type { DialplanSessionSource } from './sessionView';
import type { WorkspaceDialplans } from './workspaceDialplans';
import { shown } from '../util/sanitize';

const LAST_CHOICE_KEY = 'ariExplorer.dialplan.originate.lastCallingSide';

interface SideItem extends vscode.QuickPickItem {
  id: string;
  side?: Pick<OriginateParams, 'extension' | 'context' | 'priority' | 'app'>;
  ask?: 'extension' | 'app';
}

function isTarget(v: unknown): v is OriginateTarget {
  return typeof v === 'object' && v !== null && typeof (v as OriginateTarget).exten === 'string' && typeof (v as OriginateTarget).context === 'string';
}

async function pickTarget(dialplans: WorkspaceDialplans): Promise<OriginateTarget | undefined> {
  const index = await dialplans.index();
  const items = index.files.flatMap((f) => originateLenses(f.file).map((l) => l.args[0] as OriginateTarget));
  if (items.length === 0) throw new Error(t('No dialable extensions found in the workspace dialplan (extensions*.conf).'));
  const pick = await vscode.window.showQuickPick(
    items.map((t) => ({ label: `${t.exten}@${t.context}`, target: t })),
    { placeHolder: t('Extension to originate a Local channel to') },
  );
  return pick?.target;
}

function waitExtensionText(): string {
  return restrictedSetting(vscode.workspace.getConfiguration(CONFIG_SECTION), 'originate.waitExtension', '100@default');
}

function waitExtension(): WaitExtension {
  return parseExtenAtContext(waitExtensionText()) ?? { extension: '100', context: 'default' };
}

/** Extensions with a Stasis() line, for the palette's "Call…"; 1776@from-test when there are none. */
async function pickCallTarget(dialplans: WorkspaceDialplans): Promise<CallTarget | undefined> {
  const index = await dialplans.index();
  const seen = new Set<string>();
  const items = index.files
    .flatMap((f) => callLenses(f.file).map((l) => l.args[0] as CallTarget))
    .filter((x) => !seen.has(`${x.exten}@${x.context}`) && seen.add(`${x.exten}@${x.context}`));
  if (items.length === 0) return { exten: '1776', context: 'from-test', app: 'hello-world' };
  if (items.length === 1) return items[0];
  const pick = await vscode.window.showQuickPick(
    items.map((x) => ({ label: `${x.exten}@${x.context}`, target: x })),
    { placeHolder: t('Extension to call (its Stasis line decides the app)') },
  );
  return pick?.target;
}

async function pickCallingSide(services: Services, apps: readonly string[], target: OriginateTarget): Promise<SideItem['side'] | undefined> {
  const waitText = waitExtensionText();
  const wait = waitExtension();
  const items: SideItem[] = [
    {
      id: 'wait',
      label: `$(call-outgoing) ${wait.extension}@${wait.context}`,
      description: t('the other half runs this extension (e.g. Answer, Wait)'),
      side: { extension: wait.extension, context: wait.context, priority: 1 },
    },
    ...apps.map((app) => ({
      id: `app:${app}`,
      label: t('$(plug) Stasis app {0}', app),
      description: t('the other half enters this ARI application'),
      side: { app },
    })),
    { id: 'other-exten', label: t('$(edit) Another extension…'), ask: 'extension' as const },
    { id: 'other-app', label: t('$(edit) Another Stasis app…'), ask: 'app' as const },
  ];
  const last = services.context.workspaceState.get<string>(LAST_CHOICE_KEY);
  items.sort((a, b) => Number(b.id === last) - Number(a.id === last));
  const pick = await vscode.window.showQuickPick(items, { placeHolder: t('Calling side for Local/{0}@{1}', target.exten, target.context) });
  if (!pick) return undefined;
  await services.context.workspaceState.update(LAST_CHOICE_KEY, pick.id);
  if (pick.side) return pick.side;
  if (pick.ask === 'extension') {
    const text = await vscode.window.showInputBox({
      prompt: t('Extension for the calling side, as exten@context'),
      value: waitText,
      validateInput: (v) => (parseExtenAtContext(v) ? undefined : t('Use exten@context, e.g. 100@default')),
    });
    const e = text === undefined ? undefined : parseExtenAtContext(text);
    return e && { extension: e.extension, context: e.context, priority: 1 };
  }
  const app = await vscode.window.showInputBox({
    prompt: t('Stasis application for the calling side'),
    validateInput: (v) => (v.trim() ? undefined : t('Enter an application name')),
  });
  return app?.trim() ? { app: app.trim() } : undefined;
}

/** Called after a call entered Stasis, with the half that did; true when it announced it. */
export type StasisAnnouncer = (channel: { id: string; name: string }, app: string) => boolean;

export function registerOriginate(
  services: Services,
  source: DialplanSessionSource,
  dialplans: WorkspaceDialplans,
  announce: StasisAnnouncer = () => false,
): vscode.Disposable {
  const notConnected = () => new Error(t('Not connected to an Asterisk server: connect a profile to originate calls.'));
  // A lens or the walkthrough names no server: with several connected the user picks one
  // (dismissed: nothing is dialled), asked before the target so a cancel costs one step.
  const serverFor = (arg: unknown, placeHolder: string) => pickServer(source, arg, placeHolder, notConnected);
  const call = registerCommand(services, CALL_COMMAND, async (arg) => {
    const server = await serverFor(arg, t('Call from which server?'));
    const session = server.session;
    const target: CallTarget | undefined = isTarget(arg) ? arg : await pickCallTarget(dialplans);
    if (!target) return;
    const { channel, outcome } = await placeCall(
      { originate: (p) => session.rest.channels.originate(p), onEvents: (l) => session.onEvents(l) },
      target,
      waitExtension(),
    );
    const text = describeCall(target, channel, outcome, appsOf(source, server));
    services.log.info(`dialplan: call ${target.exten}@${target.context} on ${server.profileName}: ${channel.name} (${channel.id}) -> ${outcome.kind}`);
    if (outcome.kind === 'stasis') {
      if (!announce(outcome.channel, outcome.app)) void vscode.window.showInformationMessage(text);
    } else {
      void vscode.window.showWarningMessage(text);
    }
  });
  const originate = registerCommand(services, ORIGINATE_COMMAND, async (arg) => {
    const server = await serverFor(arg, t('Originate on which server?'));
    const target = isTarget(arg) ? arg : await pickTarget(dialplans);
    if (!target) return;
    const side = await pickCallingSide(services, appsOf(source, server), target);
    if (!side) return;
    const endpoint = `Local/${target.exten}@${target.context}`;
    const ch = await server.session.rest.channels.originate({ endpoint, ...side });
    const other = side.app ? t('Stasis app {0}', side.app) : `${side.extension}@${side.context}`;
    services.log.info(`dialplan: originated ${ch.name} (${ch.id}) on ${server.profileName} to ${target.exten}@${target.context}, calling side ${other}`);
    const text =
      source.servers.length > 1
        ? t('Originated {0} on {1} to {2}@{3} (calling side: {4}).', ch.name, server.profileName, target.exten, target.context, other)
        : t('Originated {0} to {1}@{2} (calling side: {3}).', ch.name, target.exten, target.context, other);
    void vscode.window.showInformationMessage(shown(text, 600));
  });
  return vscode.Disposable.from(call, originate);
}
