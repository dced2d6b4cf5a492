import * as vscode from 'vscode';
import { ConnectionManager } from './connection/manager';
import { TEST_PROBES_ENV, type Services } from './services';
import { registerProfiles } from './profiles';
import { registerViews } from './views';
import { registerEventPanel } from './webviews';
import { registerAriCommands } from './commands';
import { registerDialplan } from './dialplan';
import { registerCallFlow } from './callflow';
import { setTranslator } from './util/l10n';
import { registerWalkthrough } from './walkthrough';
import { HOST_PROBE_ENV, startHostProbe } from './util/hostProbe';

export interface ExtensionApi {
  readonly services: Services;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  setTranslator((message, ...args) => vscode.l10n.t(message, ...args));
  const log = vscode.window.createOutputChannel('ARI Explorer', { log: true });
  context.subscriptions.push(log);
  const connections = new ConnectionManager(context, log);
  context.subscriptions.push(connections);
  const services: Services = { context, log, connections, probes: process.env[TEST_PROBES_ENV] === '1' ? {} : undefined };
  const eventPanel = registerEventPanel(services);
  context.subscriptions.push(
    registerProfiles(services),
    registerViews(services),
    eventPanel,
    registerAriCommands(services),
    registerDialplan(services),
    registerWalkthrough(services),
    registerCallFlow(services, eventPanel.liveEvents),
  );
  // The in-VS-Code benchmark's probe (bench/host): only under its test flag, never for users.
  const probeDir = process.env[HOST_PROBE_ENV];
  if (probeDir) context.subscriptions.push(startHostProbe(probeDir, () => connections.active?.socket.stats.events ?? 0));
  return { services };
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}
