// Device states: Stasis:* devices are controlled through ARI; Local/* devices change with
// calls (the firehose sees those in identical pairs, surprise 15).
import type { SimCore } from './core';
import { HttpError } from './errors';

export const DEVICE_STATES = ['UNKNOWN', 'NOT_INUSE', 'INUSE', 'BUSY', 'INVALID', 'UNAVAILABLE', 'RINGING', 'RINGINUSE', 'ONHOLD'];

export class DeviceStates {
  readonly states = new Map<string, string>();
  constructor(private readonly core: SimCore) {}

  list(): { name: string; state: string }[] {
    return [...this.states].map(([name, state]) => ({ name, state }));
  }

  /** Never 404 (surprise 8): unknown Stasis devices are UNKNOWN, anything else INVALID. */
  get(name: string): { name: string; state: string } {
    const s = this.states.get(name);
    if (s) return { name, state: s };
    if (name.startsWith('PJSIP/')) {
      const ep = this.core.endpoints.get('PJSIP', name.slice(6));
      if (ep) return { name, state: ep.state === 'online' ? 'NOT_INUSE' : 'UNAVAILABLE' };
    }
    return { name, state: name.startsWith('Stasis:') ? 'UNKNOWN' : 'INVALID' };
  }

  update(name: string, state: string | undefined): void {
    if (!name.startsWith('Stasis:')) throw new HttpError(409, 'Uncontrolled device specified');
    const up = (state ?? '').toUpperCase();
    if (!DEVICE_STATES.includes(up)) throw new HttpError(500, 'Unknown device');
    if (this.states.get(name) === up) return; // same state again: no event
    this.states.set(name, up);
    this.changed(name, up);
  }

  /** DELETE emits nothing and can be repeated (surprise 8). */
  remove(name: string): void {
    if (!name.startsWith('Stasis:')) throw new HttpError(409, 'Uncontrolled device specified');
    this.states.delete(name);
  }

  localDevice(name: string, state: string): void {
    this.changed(name, state);
  }

  private changed(name: string, state: string): void {
    this.core.emit('DeviceStateChanged', { device_state: { name, state } }, { device: name });
  }
}
