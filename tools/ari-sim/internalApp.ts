// An in-process Stasis application (the demo and load generators play the app role so
// that channels actually enter Stasis without any external socket).
import type { AppOwner } from './apps';
import type { JsonObject } from './json';

export class InternalApp implements AppOwner {
  readonly subscribeAll = false;
  constructor(private readonly onEvent: (app: string, event: JsonObject) => void) {}
  deliver(app: string, _text: string, event: JsonObject): void {
    // Handle after the emitting call finished, as a socket client would.
    setImmediate(() => {
      try {
        this.onEvent(app, event);
      } catch (e) {
        console.error('ari-sim internal app:', e);
      }
    });
  }
}
