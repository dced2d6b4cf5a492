// Where a connection stands, as the status bar, the explorer and the per-profile controller
// share it. No vscode import: the core owns its types.

export type ConnectionPhase =
  | { kind: 'noProfile' }
  | { kind: 'disconnected'; profileName?: string }
  | { kind: 'connecting'; profileName: string; attempt: number }
  | { kind: 'connected'; profileName: string; version?: string; /** the profile skips TLS certificate verification */ insecure?: boolean }
  | { kind: 'reconnecting'; profileName: string; attempt: number; retryAt: number; error?: string }
  | { kind: 'error'; profileName: string; error: string; hint?: string };

/** A live phase: the profile has a session (connecting, connected or reconnecting). */
export function isLivePhase(phase: ConnectionPhase): boolean {
  return phase.kind === 'connecting' || phase.kind === 'connected' || phase.kind === 'reconnecting';
}
