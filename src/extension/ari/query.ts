// Query strings as ARI reads them: arrays comma-joined (`channel=A,B`, `media=a,b`), booleans
// as true/false, undefined left out. Commas between items stay literal; each item is escaped.

export type QueryValue = string | number | boolean | readonly string[] | undefined | null;

function encodeItem(v: string): string {
  return encodeURIComponent(v).replace(/%3A/gi, ':').replace(/%40/g, '@').replace(/%2F/gi, '/');
}

/** '' or '?a=1&b=x,y' */
export function buildQuery(query: object | undefined): string {
  if (!query) return '';
  let out = '';
  for (const [key, raw] of Object.entries(query) as [string, QueryValue][]) {
    if (raw === undefined || raw === null) continue;
    let value: string;
    if (Array.isArray(raw)) {
      if (raw.length === 0) continue;
      value = raw.map((x) => encodeItem(String(x))).join(',');
    } else {
      value = encodeItem(String(raw));
    }
    out += `${out ? '&' : '?'}${encodeURIComponent(key)}=${value}`;
  }
  return out;
}
