// The orchestrator's side of a client process: fork it, send a command, await the answer.
// The client runs from an esbuild bundle, as the extension runs in VS Code (dist/extension.js):
// no tsx transform hooks and no keepNames wrappers on the measured path.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import type { FromClient, PathId, ToClient } from './protocol';

const ROOT = join(__dirname, '..', '..');

/** Bundles clientProcess.ts (all three paths) into outDir; returns the file to fork. */
export async function buildClientBundle(outDir: string): Promise<string> {
  const outfile = join(outDir, 'clientProcess.js');
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [join(__dirname, 'clientProcess.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    // ari-client loads its own ws@6, swagger-client... from node_modules, as in an app.
    external: ['ari-client', 'bufferutil', 'utf-8-validate'],
    logLevel: 'silent',
  });
  return outfile;
}

export class ClientProcess {
  private readonly child: ChildProcess;
  private readonly exited: Promise<void>;
  private waiting: { kind: FromClient['kind']; resolve: (m: FromClient) => void; reject: (e: Error) => void } | undefined;

  constructor(
    readonly path: PathId,
    bundle: string,
  ) {
    // stdout dropped: swagger-client (inside ari-client) prints a deprecation notice.
    // ARI_BENCH_CPU_PROF=<dir>: each client writes a V8 CPU profile there (what limits a path).
    const prof = process.env.ARI_BENCH_CPU_PROF;
    this.child = fork(bundle, [path], {
      execArgv: prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`, `--cpu-prof-name=${path}.cpuprofile`] : [],
      env: { ...process.env, ARI_BENCH_ROOT: ROOT },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    this.child.on('message', (m: FromClient) => {
      const w = this.waiting;
      if (!w) return;
      if (m.kind === 'error') {
        this.waiting = undefined;
        w.reject(new Error(`${this.path}: ${m.message}`));
      } else if (m.kind === w.kind) {
        this.waiting = undefined;
        w.resolve(m);
      }
    });
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
    this.child.on('exit', (code) => this.waiting?.reject(new Error(`${this.path} client exited (${code})`)));
  }

  /** Arms a wait for `kind` (before sending what triggers it, so no answer is missed). */
  expect<K extends FromClient['kind']>(kind: K, timeoutMs: number): Promise<Extract<FromClient, { kind: K }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = undefined;
        reject(new Error(`${this.path}: no '${kind}' within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting = {
        kind,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m as Extract<FromClient, { kind: K }>);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
    });
  }

  send(m: ToClient): void {
    this.child.send(m);
  }

  /** Disconnects; the child exits by itself (writing its profile, if any). Resolves on exit. */
  stop(): Promise<void> {
    if (this.child.connected) this.child.disconnect();
    return this.exited;
  }
}
