import * as vscode from 'vscode';
import type { Services } from '../services';
import { logged, shown } from './sanitize';
import { isCancelled } from '../connection/cancelled';

/**
 * Registers a command wrapped once: a thrown error goes to the log and to an error message
 * with a "Show Log" button; a cancelled prompt (undefined) is silent.
 */
export function registerCommand(services: Services, id: string, handler: (...args: unknown[]) => unknown): vscode.Disposable {
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
  // A dismissed prompt (which server, which profile…) ends the command quietly.
  if (isCancelled(err)) return;
  const message = err instanceof Error ? err.message : String(err);
  services.log.error(logged(context ? `${context}: ${message}` : message));
  // Errors quote server and file text: one line, no link syntax, capped (the log has it all).
  void vscode.window.showErrorMessage(shown(message, 600), 'Show Log').then((choice) => {
    if (choice === 'Show Log') services.log.show(true);
  });
}
