// One sort per rebuild, on precomputed string keys (no per-compare lookups). No vscode.

export function sortBy(ids: Iterable<string>, keyOf: (id: string) => string): string[] {
  const rows: [string, string][] = [];
  for (const id of ids) rows.push([keyOf(id), id]);
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return rows.map((r) => r[1]);
}
