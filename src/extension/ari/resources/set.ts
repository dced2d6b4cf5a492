// The typed resource groups over any requester (the session's AriRestClient, or a test's
// stand-in with only `request`), so callers outside ari/ never write a path: every call the
// product makes goes through a resource method the conformance test checks against the docs.
import { ApiDocsResource } from './apiDocs';
import { ApplicationsResource } from './applications';
import { AsteriskResource } from './asterisk';
import { BridgesResource } from './bridges';
import type { AriCaller } from './caller';
import { ChannelsResource } from './channels';
import { DeviceStatesResource } from './deviceStates';
import { EndpointsResource } from './endpoints';
import { MailboxesResource } from './mailboxes';
import { PlaybacksResource } from './playbacks';
import { RecordingsResource } from './recordings';
import { SoundsResource } from './sounds';
import { EventsResource } from './userEvents';

export interface AriResourceSet {
  readonly asterisk: AsteriskResource;
  readonly channels: ChannelsResource;
  readonly bridges: BridgesResource;
  readonly playbacks: PlaybacksResource;
  readonly recordings: RecordingsResource;
  readonly endpoints: EndpointsResource;
  readonly applications: ApplicationsResource;
  readonly deviceStates: DeviceStatesResource;
  readonly sounds: SoundsResource;
  readonly mailboxes: MailboxesResource;
  readonly events: EventsResource;
  readonly apiDocs: ApiDocsResource;
}

export function resourceSet(caller: AriCaller): AriResourceSet {
  return {
    asterisk: new AsteriskResource(caller),
    channels: new ChannelsResource(caller),
    bridges: new BridgesResource(caller),
    playbacks: new PlaybacksResource(caller),
    recordings: new RecordingsResource(caller),
    endpoints: new EndpointsResource(caller),
    applications: new ApplicationsResource(caller),
    deviceStates: new DeviceStatesResource(caller),
    sounds: new SoundsResource(caller),
    mailboxes: new MailboxesResource(caller),
    events: new EventsResource(caller),
    apiDocs: new ApiDocsResource(caller),
  };
}
