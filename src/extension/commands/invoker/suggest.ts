// Which live objects to offer for a parameter: `channelId` -> channels of the model, and so
// on. Pure: returns the source, the UI lists it.
import type { ApiOperation, ApiParameter } from './swagger';

export type SuggestionSource =
  | 'channels'
  | 'bridges'
  | 'playbacks'
  | 'liveRecordings'
  | 'storedRecordings'
  | 'applications'
  | 'deviceStates'
  | 'endpoints'
  | 'technologies'
  | 'endpointResources'
  | 'modules'
  | 'sounds';

const BY_NAME: Record<string, SuggestionSource> = {
  channelId: 'channels',
  otherChannelId: 'channels',
  channel: 'channels',
  caller: 'channels',
  bridgeId: 'bridges',
  playbackId: 'playbacks',
  applicationName: 'applications',
  app: 'applications',
  deviceName: 'deviceStates',
  endpoint: 'endpoints',
  tech: 'technologies',
  resource: 'endpointResources',
  moduleName: 'modules',
  soundId: 'sounds',
};

export function suggestionSource(op: Pick<ApiOperation, 'path' | 'nickname'>, param: Pick<ApiParameter, 'name' | 'paramType'>): SuggestionSource | undefined {
  // As a query parameter, channelId/playbackId name a NEW object (originate, play):
  // the caller invents it, so existing ids are no help.
  if (param.paramType === 'query' && (param.name === 'channelId' || param.name === 'playbackId')) return undefined;
  // ...WithId operations create the object their last path parameter names.
  if (op.nickname.endsWith('WithId') && param.paramType === 'path' && op.path.endsWith(`{${param.name}}`)) return undefined;
  if (param.name === 'recordingName') return op.path.startsWith('/recordings/live') ? 'liveRecordings' : 'storedRecordings';
  if (param.name === 'app' && op.path === '/applications') return undefined;
  return BY_NAME[param.name];
}
