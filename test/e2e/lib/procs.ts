// Process helpers for the real-VS-Code suites and `npm start`: servers start detached in their
// own process group with output to a log file, are waited on with deadlines, and their groups
// are killed on exit, SIGINT and SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname } from 'node:path';

export interface Managed {
  readonly name: string;
  readonly child: ChildProcess;
  readonly logFile: string;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  readonly exited: Promise<number | string>;
}

const running = new Set<Managed>();
const cleanups: Array<() => Promise<void> | void> = [];
let handlersInstalled = false;

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const onSignal = (sig: NodeJS.Signals) => {
    void stopAll().finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  // Last resort: synchronous kill of whatever is still running.
  process.once('exit', () => {
    for (const m of running) killGroupNow(m, 'SIGKILL');
  });
}

/** Registers a cleanup that stopAll() runs (in reverse order) before killing processes. */
export function onCleanup(fn: () => Promise<void> | void): void {
  installHandlers();
  cleanups.push(fn);
}

export function spawnDetached(
  name: string,
  command: string,
  args: readonly string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string; logFile: string },
): Managed {
  installHandlers();
  mkdirSync(dirname(opts.logFile), { recursive: true });
  const fd = openSync(opts.logFile, 'a');
  const child = spawn(command, args, {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    detached: true,
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
    child.once('error', (err) => resolve(`spawn error: ${err.message}`));
  });
  const m: Managed = { name, child, logFile: opts.logFile, exited };
  running.add(m);
  void exited.then(() => running.delete(m));
  return m;
}

function killGroupNow(m: Managed, signal: NodeJS.Signals): void {
  if (m.child.pid === undefined) return;
  try {
    process.kill(-m.child.pid, signal);
  } catch {
    // already gone
  }
}

/** SIGTERM to the process group, SIGKILL after graceMs if still alive. */
export async function stopProcess(m: Managed, graceMs = 5000): Promise<void> {
  if (!running.has(m)) return;
  killGroupNow(m, 'SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    m.exited.then(() => false),
    new Promise<boolean>((r) => {
      timer = setTimeout(() => r(true), graceMs);
    }),
  ]);
  if (timer) clearTimeout(timer);
  // The group may hold children that outlive the leader: always finish it off.
  killGroupNow(m, 'SIGKILL');
  if (timedOut) await m.exited;
}

let stopping: Promise<void> | undefined;
/** True once stopAll() has begun (a process exiting after that is expected). */
export function isStopping(): boolean {
  return stopping !== undefined;
}
export function stopAll(): Promise<void> {
  stopping ??= (async () => {
    for (const fn of cleanups.splice(0).reverse()) {
      try {
        await fn();
      } catch {
        // keep going
      }
    }
    await Promise.all([...running].map((m) => stopProcess(m)));
  })();
  return stopping;
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Polls url until it answers with a status < 500 (or `ok`), failing after timeoutMs or when `proc` exits. */
export async function waitForUrl(url: string, timeoutMs: number, opts: { proc?: Managed; ok?: (status: number) => boolean } = {}): Promise<void> {
  const ok = opts.ok ?? ((s: number) => s < 500);
  const deadline = Date.now() + timeoutMs;
  let exited: number | string | undefined;
  void opts.proc?.exited.then((c) => (exited = c));
  let lastError = '';
  while (Date.now() < deadline) {
    if (exited !== undefined) {
      throw new Error(`${opts.proc?.name} exited (${exited}) before ${url} answered; log: ${opts.proc?.logFile}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (ok(res.status)) return;
      lastError = `HTTP ${res.status}`;
    } catch (err) {
      lastError = err instanceof Error ? err.message : String(err);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms (${lastError})`);
}
