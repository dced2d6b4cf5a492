// A channel's reported dialplan location is not always a line it is running: a Local
// channel originated by ARI into an app reports its extension's priority 1 with app_name
// Stasis (02-originate-into-app), and the dialling half reports AppDial2. Say so plainly.
import type { DialplanPriority } from './types';

export interface ReportedApp {
  app_name?: string;
  app_data?: string;
}

export function channelLocationNote(reported: ReportedApp, line: DialplanPriority): string | undefined {
  const app = reported.app_name?.trim();
  if (!app || app.toLowerCase() === line.app.toLowerCase()) return undefined;
  const running = `${app}(${reported.app_data ?? ''})`;
  const why =
    app === 'AppDial2'
      ? 'it is the dialling half of a call'
      : app === 'Stasis'
        ? 'ARI placed it in the app directly'
        : 'it was moved there from outside the dialplan';
  return `The channel runs ${running}, not this line's ${line.app}(): ${why}.`;
}
