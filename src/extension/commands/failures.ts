// Turns a failed ARI call into an Error whose message says what failed, in the server's
// words, and what to do (AriError.hint). registerCommand shows it with "Show Log".

interface AriErrorLike {
  status?: number;
  serverMessage?: string;
  hint?: string;
  message: string;
}

function isAriErrorLike(err: unknown): err is AriErrorLike {
  return err instanceof Error && ('hint' in err || 'status' in err);
}

export class CommandError extends Error {
  override readonly name = 'CommandError';
  readonly status?: number;
  constructor(message: string, status?: number, cause?: unknown) {
    super(message);
    this.status = status;
    if (cause !== undefined) (this as { cause?: unknown }).cause = cause;
  }
}

/** "Could not hang up 1.2: 404 Channel not found. The object does not exist …" */
export function describeFailure(action: string, err: unknown): CommandError {
  if (err instanceof CommandError) return err;
  if (isAriErrorLike(err)) {
    const said = err.status !== undefined ? `${err.status} ${err.serverMessage ?? ''}`.trim() : err.message;
    const hint = err.hint ? ` ${err.hint}` : '';
    return new CommandError(`Could not ${action}: ${said}.${hint}`, err.status, err);
  }
  const text = err instanceof Error ? err.message : String(err);
  return new CommandError(`Could not ${action}: ${text}`, undefined, err);
}

/** Runs one ARI call and rewrites its failure with `action`. */
export async function attempt<T>(action: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw describeFailure(action, err);
  }
}

export interface BatchResult {
  succeeded: string[];
  failed: { id: string; error: CommandError }[];
}

/**
 * Acts on several objects at once (a multi-selection): all calls run, then one error lists
 * those that failed, so one stale node does not stop the others.
 */
export async function forEachId(ids: readonly string[], action: (id: string) => string, run: (id: string) => Promise<unknown>): Promise<BatchResult> {
  const settled = await Promise.allSettled(ids.map((id) => attempt(action(id), () => run(id))));
  const result: BatchResult = { succeeded: [], failed: [] };
  settled.forEach((s, i) => {
    if (s.status === 'fulfilled') result.succeeded.push(ids[i]);
    else result.failed.push({ id: ids[i], error: describeFailure(action(ids[i]), s.reason) });
  });
  if (result.failed.length === 1 && ids.length === 1) throw result.failed[0].error;
  if (result.failed.length > 0) {
    const lines = result.failed.map((f) => f.error.message).join(' | ');
    throw new CommandError(`${result.failed.length} of ${ids.length} failed: ${lines}`, result.failed[0].error.status);
  }
  return result;
}
