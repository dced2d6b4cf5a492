// The user dismissed a prompt: commands end quietly. No vscode import, so the connection core
// can tell a cancelled connect from a failed one.

export class CancelledError extends Error {
  constructor() {
    super('Cancelled.');
    this.name = 'CancelledError';
  }
}

export function isCancelled(err: unknown): boolean {
  return err instanceof CancelledError;
}
