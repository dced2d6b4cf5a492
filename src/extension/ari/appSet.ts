// The set of apps an event was delivered to, as one string: the names sorted and joined with
// ','. An app name cannot hold a comma (ARI splits `app=` on commas), and one string per event
// fits the stores' per-slot string arrays with no object per event. The common case, one app,
// is just its name. Sets are interned (there are only ever a handful): equal sets share one string.

const interned = new Map<string, string>();
const MAX_INTERNED = 1024;

/** `set` with `app` added ('' = no app yet). */
export function withApp(set: string, app: string): string {
  if (app === '' || set === app) return set;
  if (set === '') return app;
  const names = set.split(',');
  if (names.includes(app)) return set;
  names.push(app);
  names.sort();
  const joined = names.join(',');
  const known = interned.get(joined);
  if (known !== undefined) return known;
  if (interned.size >= MAX_INTERNED) interned.clear();
  interned.set(joined, joined);
  return joined;
}

/** The names in a set. */
export function appsOf(set: string): string[] {
  return set === '' ? [] : set.split(',');
}

/** Whether the set holds `app`, ignoring case (the event panel's app filter). */
export function setHasApp(set: string, lowerApp: string): boolean {
  if (set.length === lowerApp.length) return set.toLowerCase() === lowerApp;
  if (set.indexOf(',') < 0) return false;
  return set.split(',').some((a) => a.toLowerCase() === lowerApp);
}
