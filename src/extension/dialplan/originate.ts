// "Originate to exten@context" from a CodeLens: POST /ari/channels with endpoint
// Local/<exten>@<context>; the calling side is asked for -- by default the Local channel's
// other half goes to a waiting extension (100@default: Answer, Wait), or into a Stasis app.
import * as vscode from 'vscode';
import type { OriginateParams } from '../ari/resources/channels';
import type { Services } from '../services';
import { registerCommand } from '../util/commands';
import { restrictedSetting } from '../util/trustedSettings';
import { ORIGINATE_COMMAND, originateLenses, parseExtenAtContext, type OriginateTarget } from './core/lenses';
import { CONFIG_SECTION } from './language';
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
  if (items.length === 0) throw new Error('No dialable extensions found in the workspace dialplan (extensions*.conf).');
  const pick = await vscode.window.showQuickPick(
    items.map((t) => ({ label: `${t.exten}@${t.context}`, target: t })),
    { placeHolder: 'Extension to originate a Local channel to' },
  );
  return pick?.target;
}

async function pickCallingSide(services: Services, source: DialplanSessionSource, target: OriginateTarget): Promise<SideItem['side'] | undefined> {
  const waitText = restrictedSetting(vscode.workspace.getConfiguration(CONFIG_SECTION), 'originate.waitExtension', '100@default');
  const wait = parseExtenAtContext(waitText) ?? { extension: '100', context: 'default' };
  const items: SideItem[] = [
    {
      id: 'wait',
      label: `$(call-outgoing) ${wait.extension}@${wait.context}`,
      description: 'the other half runs this extension (e.g. Answer, Wait)',
      side: { extension: wait.extension, context: wait.context, priority: 1 },
    },
    ...(source.activeProfile?.apps ?? []).map((app) => ({
      id: `app:${app}`,
      label: `$(plug) Stasis app ${app}`,
      description: 'the other half enters this ARI application',
      side: { app },
    })),
    { id: 'other-exten', label: '$(edit) Another extension…', ask: 'extension' as const },
    { id: 'other-app', label: '$(edit) Another Stasis app…', ask: 'app' as const },
  ];
  const last = services.context.workspaceState.get<string>(LAST_CHOICE_KEY);
  items.sort((a, b) => Number(b.id === last) - Number(a.id === last));
  const pick = await vscode.window.showQuickPick(items, { placeHolder: `Calling side for Local/${target.exten}@${target.context}` });
  if (!pick) return undefined;
  await services.context.workspaceState.update(LAST_CHOICE_KEY, pick.id);
  if (pick.side) return pick.side;
  if (pick.ask === 'extension') {
    const text = await vscode.window.showInputBox({ prompt: 'Extension for the calling side, as exten@context', value: waitText, validateInput: (v) => (parseExtenAtContext(v) ? undefined : 'Use exten@context, e.g. 100@default') });
    const e = text === undefined ? undefined : parseExtenAtContext(text);
    return e && { extension: e.extension, context: e.context, priority: 1 };
  }
  const app = await vscode.window.showInputBox({ prompt: 'Stasis application for the calling side', validateInput: (v) => (v.trim() ? undefined : 'Enter an application name') });
  return app?.trim() ? { app: app.trim() } : undefined;
}

export function registerOriginate(services: Services, source: DialplanSessionSource, dialplans: WorkspaceDialplans): vscode.Disposable {
  return registerCommand(services, ORIGINATE_COMMAND, async (arg) => {
    const session = source.active;
    if (!session) throw new Error('Not connected to an Asterisk server: connect a profile to originate calls.');
    const target = isTarget(arg) ? arg : await pickTarget(dialplans);
    if (!target) return;
    const side = await pickCallingSide(services, source, target);
    if (!side) return;
    const endpoint = `Local/${target.exten}@${target.context}`;
    const ch = await session.rest.channels.originate({ endpoint, ...side });
    const other = side.app ? `Stasis app ${side.app}` : `${side.extension}@${side.context}`;
    services.log.info(`dialplan: originated ${ch.name} (${ch.id}) to ${target.exten}@${target.context}, calling side ${other}`);
    void vscode.window.showInformationMessage(shown(`Originated ${ch.name} to ${target.exten}@${target.context} (calling side: ${other}).`, 600));
  });
}
