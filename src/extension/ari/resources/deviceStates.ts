import type { DeviceState } from '../models.generated';
import { type AriCaller, seg } from './caller';

export type DeviceStateValue = 'NOT_INUSE' | 'INUSE' | 'BUSY' | 'INVALID' | 'UNAVAILABLE' | 'RINGING' | 'RINGINUSE' | 'ONHOLD';

export class DeviceStatesResource {
  constructor(private readonly r: AriCaller) {}

  list(): Promise<DeviceState[]> {
    return this.r.call('GET', '/deviceStates');
  }
  get(name: string): Promise<DeviceState> {
    return this.r.call('GET', `/deviceStates/${seg(name)}`);
  }
  /** Only `Stasis:<name>` devices can be set (others answer 409). */
  update(name: string, state: DeviceStateValue): Promise<void> {
    return this.r.call('PUT', `/deviceStates/${seg(name)}`, { deviceState: state });
  }
  delete(name: string): Promise<void> {
    return this.r.call('DELETE', `/deviceStates/${seg(name)}`);
  }
}
