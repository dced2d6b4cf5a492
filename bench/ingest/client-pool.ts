// The orchestrator's side of a client process: fork it, send a command, await the answer.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { FromClient, PathId, ToClient } from './protocol';

export class ClientProcess {
  private readonly child: ChildProcess;
  private waiting: { kind: FromClient['kind']; resolve: (m: FromClient) => void; reject: (e: Error) => void } | undefined;

  constructor(readonly path: PathId) {
    // stdout dropped: swagger-client (inside ari-client) prints a deprecation notice.
    this.child = fork(join(__dirname, 'client-process.ts'), [path], {
      execArgv: ['--import', 'tsx'],
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

  stop(): void {
    if (this.child.connected) this.child.disconnect();
  }
}
