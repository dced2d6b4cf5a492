// Small formatters for the list columns.

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Local time of day with milliseconds: 14:03:07.123 */
export function formatTime(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '--:--:--.---';
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** Time since the previous row: +12 ms, +1.250 s, +2 m 05 s */
export function formatDelta(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '';
  const sign = ms < 0 ? '−' : '+';
  const a = Math.abs(ms);
  if (a < 1000) return `${sign}${Math.round(a)} ms`;
  if (a < 60_000) return `${sign}${(a / 1000).toFixed(3)} s`;
  const m = Math.floor(a / 60_000);
  return `${sign}${m} m ${pad(Math.floor((a % 60_000) / 1000))} s`;
}

let counts = new Intl.NumberFormat('en-US');

/** Counts follow VS Code's display language (the page's lang): 50,000 in English, 50 000 in Russian. */
export function setDisplayLanguage(lang: string | undefined): void {
  try {
    counts = new Intl.NumberFormat(lang || 'en-US');
  } catch {
    counts = new Intl.NumberFormat('en-US');
  }
}

export function formatCount(n: number): string {
  return counts.format(n);
}
