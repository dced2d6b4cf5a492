import type * as vscode from 'vscode';
import type { ConnectionManager } from './connection/manager';
import type { EventFilter } from '../shared/protocol';

/** One node as the explorer serves it to VS Code. */
export interface ProbeNode {
  label: string;
  description?: string;
  contextValue?: string;
  children: ProbeNode[];
}

/**
 * Read-only views of what the user sees, filled in by the areas that own them. The
 * extension-host suite reads them through the API returned by activate(); the product never does.
 */
export interface Probes {
  /** The explorer as its TreeDataProvider serves it (Server node not expanded). */
  tree?: () => Promise<ProbeNode[]>;
  /** The live event buffer that feeds the event panel and view. */
  events?: () => {
    size: number;
    typeCounts: Record<string, number>;
    serverCounts: Record<string, number>;
    panelOpen: boolean;
    panelFilter?: EventFilter;
    panelTotal?: number;
  };
}

/** What every area of the extension is given: built once in extension.ts. */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  readonly connections: ConnectionManager;
  /**
   * Only when the test launchers set TEST_PROBES_ENV: a user's extension holds no probe and
   * keeps nothing alive for one.
   */
  readonly probes?: Probes;
}

/** Set to 1 by test/run-electron.mjs and test/e2e/runSuite.ts, for the extension-host suite. */
export const TEST_PROBES_ENV = 'ARI_EXPLORER_TEST_PROBES';
