// Reading Stasis membership from a channel's dialplan location. An observer with
// subscribeAll gets no StasisStart for other apps' channels, but every channel event carries
// `dialplan`, and a channel inside Stasis sits at app_name 'Stasis' with app_data "app,arg1,...".
import type { DialplanCEP } from '../ari/models.generated';

export function isStasis(dp: DialplanCEP | undefined): boolean {
  return dp !== undefined && dp.app_name === 'Stasis';
}

/** The app named in `Stasis(app,args)` data; undefined for '' or '(null)' (create without app). */
export function stasisAppOf(appData: string | undefined): string | undefined {
  if (!appData) return undefined;
  const comma = appData.indexOf(',');
  const app = (comma < 0 ? appData : appData.slice(0, comma)).trim();
  return app === '' || app === '(null)' ? undefined : app;
}

export function stasisArgsOf(appData: string | undefined): string[] {
  if (!appData) return [];
  const comma = appData.indexOf(',');
  return comma < 0 ? [] : appData.slice(comma + 1).split(',');
}

/** Whether the dialplan location moved (a new dialplan app started) between two snapshots. */
export function dialplanMoved(prev: DialplanCEP | undefined, next: DialplanCEP | undefined): boolean {
  if (prev === next) return false;
  if (prev === undefined || next === undefined) return true;
  return prev.app_name !== next.app_name || prev.app_data !== next.app_data;
}
