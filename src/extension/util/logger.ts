// The logging surface the plain-Node layers use. A vscode.LogOutputChannel satisfies it,
// and so does the console-backed logger of tests and the simulator.

export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string | Error): void;
}

export const nullLogger: Logger = {
  trace() {},
  debug() {},
  info() {},
  warn() {},
  error() {},
};

/** Collects lines in memory; tests scan it for leaked secrets. */
export class MemoryLogger implements Logger {
  readonly lines: string[] = [];
  trace(m: string): void {
    this.lines.push(`trace ${m}`);
  }
  debug(m: string): void {
    this.lines.push(`debug ${m}`);
  }
  info(m: string): void {
    this.lines.push(`info ${m}`);
  }
  warn(m: string): void {
    this.lines.push(`warn ${m}`);
  }
  error(m: string | Error): void {
    this.lines.push(`error ${m instanceof Error ? m.message : m}`);
  }
  text(): string {
    return this.lines.join('\n');
  }
}

/**
 * Removes credentials from text that may reach a log or a message: Basic auth headers,
 * `api_key=` query values and `user:pass@` in URLs.
 */
export function redact(text: string): string {
  return text
    .replace(/(authorization\s*[:=]\s*"?)(basic|bearer)\s+[A-Za-z0-9+/=._-]+/gi, '$1$2 ***')
    .replace(/(api_key=)[^&\s"']+/gi, '$1***')
    .replace(/(\/\/)[^/@\s:]+:[^/@\s]+@/g, '$1***@');
}
