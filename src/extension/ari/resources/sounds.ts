import type { Sound } from '../models.generated';
import { type AriCaller, seg } from './caller';

export interface ListSoundsParams {
  lang?: string;
  format?: string;
}

export class SoundsResource {
  constructor(private readonly r: AriCaller) {}

  list(p?: ListSoundsParams): Promise<Sound[]> {
    return this.r.call('GET', '/sounds', p);
  }
  get(id: string): Promise<Sound> {
    return this.r.call('GET', `/sounds/${seg(id)}`);
  }
}
