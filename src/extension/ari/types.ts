// One import for the ARI client's types: the generated models and events, and the options.
export * from './models.generated';
export * from './events.generated';
export type { AriTlsOptions, AriConnectionOptions } from './options';
export type { AriResponse, AriRequestOptions, HttpMethod } from './rest';
export type { SocketState, AriEventSocketOptions, RawFrame, AriEventSocketStats } from './events';
export type { BackoffOptions } from './backoff';
export type * from './resources/channels';
export type * from './resources/bridges';
export type * from './resources/asterisk';
export type * from './resources/playbacks';
export type * from './resources/endpoints';
export type * from './resources/applications';
export type * from './resources/deviceStates';
export type * from './resources/sounds';
export type * from './resources/userEvents';
export type * from './resources/apiDocs';
