// resource -> nickname -> handler
import type { Handler } from '../router';
import { applicationHandlers, eventHandlers } from './applications';
import { asteriskHandlers, endpointHandlers, mailboxHandlers, soundHandlers } from './asterisk';
import { bridgeHandlers } from './bridges';
import { channelHandlers } from './channels';
import { deviceStateHandlers, playbackHandlers, recordingHandlers } from './media';

export const HANDLERS: Record<string, Record<string, Handler>> = {
  asterisk: asteriskHandlers,
  endpoints: endpointHandlers,
  channels: channelHandlers,
  bridges: bridgeHandlers,
  recordings: recordingHandlers,
  sounds: soundHandlers,
  playbacks: playbackHandlers,
  deviceStates: deviceStateHandlers,
  mailboxes: mailboxHandlers,
  events: eventHandlers,
  applications: applicationHandlers,
};
