// Device states: Stasis:* devices are controlled through ARI; Local/* devices change with
// calls (the firehose sees those in identical pairs, surprise 15).
import type { SimCore } from './core';
import { HttpError } from './errors';

export const DEVICE_STATES = ['UNKNOWN', 'NOT_INUSE', 'INUSE', 'BUSY', 'INVALID', 'UNAVAILABLE', 'RINGING', 'RINGINUSE', 'ONHOLD'];

const STASIS = 'Stasis:';

/** The device name Asterisk publishes for a controlled device (prefix spelled "Stasis:"), else undefined. */
function controlledKey(name: string): string | undefined {
  return name.slice(0, STASIS.length).toLowerCase() === STASIS.toLowerCase() ? STASIS + name.slice(STASIS.length) : undefined;
}

/** device_state_subscription_create: `deviceState:` with no name subscribes to every device. */
export const DEVICE_STATE_ALL = '__AST_DEVICE_STATE_ALL_TOPIC';

export class DeviceStates {
  readonly states = new Map<string, string>();
  constructor(private readonly core: SimCore) {}

  list(): { name: string; state: string }[] {
    return [...this.states].map(([name, state]) => ({ name, state }));
  }

  /**
   * Never 404 (surprise 8): ast_device_state asks the provider before the ":" case-insensitively,
   * so `stasis:x` reads `Stasis:x`; unknown Stasis devices are UNKNOWN, anything else INVALID.
   */
  get(name: string): { name: string; state: string } {
    const key = controlledKey(name);
    const s = key !== undefined ? this.states.get(key) : undefined;
    if (s) return { name, state: s };
    if (name.startsWith('PJSIP/')) {
      const ep = this.core.endpoints.get('PJSIP', name.slice(6));
      if (ep) return { name, state: ep.state === 'online' ? 'NOT_INUSE' : 'UNAVAILABLE' };
    }
    return { name, state: key !== undefined ? 'UNKNOWN' : 'INVALID' };
  }

  /**
   * stasis_app_device_state_update: the "Stasis:" prefix (any case, 409), a name after it (404),
   * then ast_devstate_val (UNKNOWN or anything else unknown: 500). The event is the cache's
   * aggregate, published only when the state changed.
   */
  update(name: string, state: string | undefined): void {
    const key = controlledKey(name);
    if (key === undefined) throw new HttpError(409, 'Uncontrolled device specified');
    if (key === STASIS) throw new HttpError(404, 'Device name is missing');
    const up = (state ?? '').toUpperCase();
    if (up === 'UNKNOWN' || !DEVICE_STATES.includes(up)) throw new HttpError(500, 'Unknown device');
    if (this.states.get(key) === up) return; // devstate_cached: same state again, no event
    this.states.set(key, up);
    this.changed(key, up);
  }

  /**
   * stasis_app_device_state_delete: the same name checks; the cache is cleared and the UNKNOWN
   * that follows equals the (now empty) cached state, so no event (surprise 8); repeatable.
   */
  remove(name: string): void {
    const key = controlledKey(name);
    if (key === undefined) throw new HttpError(409, 'Uncontrolled device specified');
    if (key === STASIS) throw new HttpError(404, 'Device name is missing');
    this.states.delete(key);
  }

  localDevice(name: string, state: string): void {
    this.changed(name, state);
  }

  private changed(name: string, state: string): void {
    this.core.emit('DeviceStateChanged', { device_state: { name, state } }, { device: name });
  }
}
