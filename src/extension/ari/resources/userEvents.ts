import { type AriCaller, seg, variablesBody } from './caller';

export interface UserEventParams {
  application: string;
  /** `channel:<id>`, `bridge:<id>`, `endpoint:<tech>/<resource>`, `deviceState:<name>`; several allowed. */
  source?: string | string[];
  variables?: Record<string, string>;
}

/** The REST side of /events (the WebSocket is AriEventSocket). */
export class EventsResource {
  constructor(private readonly r: AriCaller) {}

  /** Arrives as a `ChannelUserevent` whatever the source (transcript 20). */
  userEvent(eventName: string, p: UserEventParams): Promise<void> {
    const { variables, ...q } = p;
    return this.r.call('POST', `/events/user/${seg(eventName)}`, q, variablesBody(variables));
  }
  claimChannel(channelId: string, application: string): Promise<void> {
    return this.r.call('POST', '/events/claim', { channelId, application });
  }
}
