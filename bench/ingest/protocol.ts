// Messages between the bench orchestrator and a client process (one process per path, so
// each path's CPU time is its own and no path warms or pollutes another's JIT).
import type { RunResult } from './meter';
import type { ProfileSummary } from './profileSummary';

export type PathId = 'floor' | 'project' | 'ariClient';

export const PATH_LABELS: Record<PathId, string> = {
  floor: '(a) ws + JSON.parse',
  project: '(b) ARI Explorer ingest',
  ariClient: '(c) npm ari-client',
};

export interface ConnectTarget {
  /** http://host:port of the event stream (ARI base without /ari). */
  url: string;
  /** Where ari-client reads /ari/api-docs (defaults to url). */
  docsUrl?: string;
  app: string;
  username: string;
  password: string;
  /** Known event count: the client reports by itself once it has processed them all. */
  expected?: number;
}

export type ToClient =
  | { kind: 'connect'; target: ConnectTarget }
  | { kind: 'finish' }
  | { kind: 'close' }
  /** CPU profiling of every run from now on (each run from connect to done), totals reset. */
  | { kind: 'profileStart' }
  | { kind: 'profileSummary' };

export type FromClient =
  | { kind: 'ready' }
  | { kind: 'done'; result: RunResult }
  | { kind: 'closed' }
  | { kind: 'profile'; summary: ProfileSummary }
  | { kind: 'error'; message: string };
