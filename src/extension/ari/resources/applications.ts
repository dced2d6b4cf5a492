import type { Application } from '../models.generated';
import { type AriCaller, seg } from './caller';

export interface EventFilterEntry {
  type: string;
}
/**
 * Body of PUT /applications/{name}/eventFilter. A list left out keeps its earlier value on
 * Asterisk 22 (transcript 20); `{}` resets both.
 */
export interface EventFilter {
  allowed?: EventFilterEntry[];
  disallowed?: EventFilterEntry[];
}

export class ApplicationsResource {
  constructor(private readonly r: AriCaller) {}

  list(): Promise<Application[]> {
    return this.r.call('GET', '/applications');
  }
  get(name: string): Promise<Application> {
    return this.r.call('GET', `/applications/${seg(name)}`);
  }
  /** `eventSource`: `channel:<id>`, `bridge:<id>`, `endpoint:<tech>[/<resource>]`, `deviceState:<name>`. */
  subscribe(name: string, eventSource: string | string[]): Promise<Application> {
    return this.r.call('POST', `/applications/${seg(name)}/subscription`, { eventSource });
  }
  unsubscribe(name: string, eventSource: string | string[]): Promise<Application> {
    return this.r.call('DELETE', `/applications/${seg(name)}/subscription`, { eventSource });
  }
  setEventFilter(name: string, filter: EventFilter = {}): Promise<Application> {
    return this.r.call('PUT', `/applications/${seg(name)}/eventFilter`, undefined, filter);
  }
}
