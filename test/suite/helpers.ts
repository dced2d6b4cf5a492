// Shared by the extension-host tests: the extension's API and small awaiting helpers.
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension/extension';
import { TEST_PROBES_ENV, type Probes } from '../../src/extension/services';

export const EXTENSION_ID = 'ari-explorer.ari-explorer';

export async function activateExtension(): Promise<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} not found`);
  return ext.isActive ? ext.exports : await ext.activate();
}

/** The extension's test probes: there only when the suite's launcher set TEST_PROBES_ENV. */
export async function probes(): Promise<Probes> {
  const { services } = await activateExtension();
  if (!services.probes) throw new Error(`no test probes: the suite's launcher must set ${TEST_PROBES_ENV}=1`);
  return services.probes;
}

/** package.json as the running VS Code sees it. */
export function manifest(): {
  contributes?: { commands?: Array<{ command: string; title: string }> };
} {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} not found`);
  return ext.packageJSON as ReturnType<typeof manifest>;
}

/**
 * Resolves when `check` returns a truthy value, re-checking whenever `events` fire and on a
 * short poll as a safety net; rejects after timeoutMs with `what` in the message.
 */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  opts: { timeoutMs?: number; events?: Array<vscode.Event<unknown>> } = {},
): Promise<T> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const subs: vscode.Disposable[] = [];
  try {
    return await new Promise<T>((resolve, reject) => {
      let done = false;
      const attempt = async () => {
        if (done) return;
        try {
          const v = await check();
          if (v && !done) {
            done = true;
            resolve(v);
          }
        } catch (err) {
          done = true;
          reject(err);
        }
      };
      for (const e of opts.events ?? []) subs.push(e(() => void attempt()));
      const poll = setInterval(() => void attempt(), 100);
      const timer = setTimeout(() => {
        if (!done) {
          done = true;
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
        }
      }, timeoutMs);
      subs.push({ dispose: () => (clearInterval(poll), clearTimeout(timer)) });
      void attempt();
    });
  } finally {
    for (const s of subs) s.dispose();
  }
}

/**
 * Drives a command that asks with QuickPicks by accepting the selected (first) item of each
 * one until the command's promise settles (or timeoutMs).
 */
export async function acceptQuickPicksUntil<T>(command: Thenable<T>, timeoutMs = 10_000): Promise<T> {
  let settled = false;
  const result = Promise.resolve(command).finally(() => (settled = true));
  const deadline = Date.now() + timeoutMs;
  while (!settled && Date.now() < deadline) {
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await Promise.race([result.catch(() => undefined), new Promise((r) => setTimeout(r, 100))]);
  }
  if (!settled) throw new Error(`command still waiting for input after ${timeoutMs} ms`);
  return result;
}
