// The text forms an event takes outside the live ring: the line an export writes (with the
// server's name, which ARI events do not carry) and the stand-in kept for an event over the
// size limit. No vscode import.

/**
 * The field an exported event carries its server's name in (ARI events have no such field):
 * a log of several servers keeps which server said what, and reopening it shows the column.
 */
export const SERVER_FIELD = 'ari_explorer_server';
/** The longest server name read back from an exported log. */
export const MAX_SERVER_LABEL = 200;

/** The line an export writes for an event: its JSON, with its server's name when it has one. */
export function exportedLine(e: { json: string; server: string }): string {
  if (e.server === '' || !e.json.startsWith('{') || e.json.includes(`"${SERVER_FIELD}"`)) return e.json;
  const rest = e.json.slice(1).trimStart();
  return `{${JSON.stringify(SERVER_FIELD)}:${JSON.stringify(e.server)}${rest.startsWith('}') ? '' : ','}${rest}`;
}

/** What a truncated event keeps of its text. */
const TRUNCATED_HEAD = 4096;

/** The stand-in for an event over the size limit: valid JSON, its type and app, its size, its start. */
export function truncatedEventJson(type: string, app: string, bytes: Uint8Array | string, size: number, limit: number): string {
  const head =
    typeof bytes === 'string'
      ? bytes.slice(0, TRUNCATED_HEAD)
      : Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, TRUNCATED_HEAD)).toString('utf8');
  return JSON.stringify({
    type,
    application: app,
    truncated: {
      bytes: size,
      limit,
      note: `Event of ${size} bytes is over the limit (ariExplorer.events.maxEventKilobytes): only its first ${TRUNCATED_HEAD} characters are kept.`,
    },
    head,
  });
}
