// Which Stasis app names a connection registers. Pure (no vscode).
//
// Two WebSockets that register the same app name: the newer wins and the older gets
// ApplicationReplaced, so registering a live application's name steals its calls. By default
// the extension therefore observes with a name of its own plus subscribeAll, and registers a
// profile's app names only after checking GET /applications.
import { randomBytes } from 'node:crypto';
import { t } from '../util/l10n';

/** `ari-explorer-<random>`: unique per window, stable across its reconnects. */
export function observerAppName(): string {
  return `ari-explorer-${randomBytes(4).toString('hex')}`;
}

/** The profile's requested names that the server already has registered. */
export function appsInUse(requested: readonly string[], registered: readonly { name: string }[]): string[] {
  const live = new Set(registered.map((a) => a.name));
  return requested.filter((a) => live.has(a));
}

/** Observer first, then the user's names, no duplicates. */
export function appsToRegister(observer: string, requested: readonly string[], skipped: readonly string[] = []): string[] {
  return [...new Set([observer, ...requested.filter((a) => !skipped.includes(a))])];
}

export function applicationReplacedMessage(app: string, profileName: string, observer: string): string {
  if (app === observer) {
    return t(
      'ARI Explorer\'s observer app "{0}" on {1} was taken over by another connection; this window no longer receives events. Reconnect to get a new name.',
      app,
      profileName,
    );
  }
  return t(
    'Another connection to {0} registered the Stasis app "{1}" (ApplicationReplaced): it now receives that app\'s calls and this window no longer does. The explorer keeps observing with "{2}".',
    profileName,
    app,
    observer,
  );
}
