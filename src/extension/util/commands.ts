import * as vscode from 'vscode';
import type { Services } from '../services';

/**
 * Registers a command wrapped once: a thrown error goes to the log and to an error message
 * with a "Show Log" button; a cancelled prompt (undefined) is silent.
 */
export function registerCommand(
  services: Services,
  id: string,
  handler: (...args: unknown[]) => unknown,
): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (err) {
      reportError(services, err, id);
      return undefined;
    }
  });
}

export function reportError(services: Services, err: unknown, context?: string): void {
  const message = err instanceof Error ? err.message : String(err);
  services.log.error(context ? `${context}: ${message}` : message);
  void vscode.window.showErrorMessage(message, 'Show Log').then((choice) => {
    if (choice === 'Show Log') services.log.show(true);
  });
}
