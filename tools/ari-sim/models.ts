// The Swagger 1.2 models the simulator serves in /ari/api-docs: every event type it can send
// (events.json) and the resource objects its responses and events carry (Channel in
// channels.json, Bridge in bridges.json, ...). Written from what the simulator itself emits
// (channel.ts toJSON, bridges.ts, playbacks.ts, recordings.ts, the event calls in engine.ts
// and friends), in the shape Asterisk's own documents have: `{ id, description, properties:
// { name: { type, required } } }`, events as subtypes of Event, Event of Message.
// Clients that dispatch on them (npm ari-client looks each event's type up in events.json's
// models and wraps its Channel/Bridge/... properties) work against the simulator.
import type { JsonObject } from './json';

/**
 * `name:Type` pairs, comma-separated; `!` after the type marks a required property, `[]` a
 * list (`List[Type]` in Swagger 1.2). Types are Swagger primitives (string, int, long,
 * boolean, double, Date, object) or model ids.
 */
type Props = string;

interface ModelSpec {
  description: string;
  props: Props;
}

/** Resource models, by the resource document that declares them. */
export const RESOURCE_MODELS: Record<string, Record<string, ModelSpec>> = {
  asterisk: {
    AsteriskInfo: { description: 'Asterisk system information', props: 'build:BuildInfo, system:SystemInfo, config:ConfigInfo, status:StatusInfo' },
    BuildInfo: {
      description: 'Info about how Asterisk was built',
      props: 'os:string!, kernel:string!, options:string!, machine:string!, date:string!, user:string!',
    },
    SystemInfo: { description: 'Info about Asterisk', props: 'version:string!, entity_id:string!' },
    ConfigInfo: {
      description: 'Info about Asterisk configuration',
      props: 'name:string!, default_language:string!, max_channels:int, max_open_files:int, max_load:double, setid:SetId!',
    },
    SetId: { description: 'Effective user/group id', props: 'user:string!, group:string!' },
    StatusInfo: { description: 'Info about Asterisk status', props: 'startup_time:Date!, last_reload_time:Date!' },
    AsteriskPing: { description: 'Asterisk ping information', props: 'asterisk_id:string!, ping:string!, timestamp:string!' },
    Module: { description: 'Details of an Asterisk module', props: 'name:string!, description:string!, use_count:int!, status:string!, support_level:string!' },
    LogChannel: { description: 'Details of an Asterisk log channel', props: 'channel:string!, type:string!, status:string!, configuration:string!' },
    Variable: { description: 'The value of a channel variable', props: 'value:string!' },
    ConfigTuple: { description: 'A key/value pair that makes up part of a configuration object.', props: 'attribute:string!, value:string!' },
  },
  channels: {
    Channel: {
      description: 'A specific communication connection between Asterisk and an Endpoint.',
      props:
        'id:string!, protocol_id:string!, name:string!, state:string!, caller:CallerID!, connected:CallerID!, accountcode:string!, dialplan:DialplanCEP!, creationtime:Date!, language:string!, channelvars:object, caller_rdnis:string, tenantid:string',
    },
    CallerID: { description: 'Caller identification', props: 'name:string!, number:string!' },
    DialplanCEP: {
      description: 'Dialplan location (context/extension/priority)',
      props: 'context:string!, exten:string!, priority:long!, app_name:string!, app_data:string!',
    },
    Dialed: { description: 'Dialed channel information.', props: '' },
    RTPstat: { description: 'A statistics of a RTP.', props: 'txcount:int!, rxcount:int!, local_ssrc:int!, remote_ssrc:int!, channel_uniqueid:string!' },
  },
  bridges: {
    Bridge: {
      description: 'The merging of media from one or more channels.',
      props:
        'id:string!, technology:string!, bridge_type:string!, bridge_class:string!, creator:string!, name:string!, channels:string[]!, video_mode:string, video_source_id:string, creationtime:Date!',
    },
  },
  playbacks: {
    Playback: {
      description: 'Object representing the playback of media to a channel',
      props: 'id:string!, media_uri:string!, next_media_uri:string, target_uri:string!, language:string, state:string!',
    },
  },
  recordings: {
    StoredRecording: { description: 'A past recording that may be played back.', props: 'name:string!, format:string!' },
    LiveRecording: {
      description: 'A recording that is in progress',
      props: 'name:string!, format:string!, target_uri:string!, state:string!, duration:int, talking_duration:int, silence_duration:int, cause:string',
    },
  },
  endpoints: {
    Endpoint: {
      description: 'An external device that may offer/accept calls to/from Asterisk.',
      props: 'technology:string!, resource:string!, state:string, channel_ids:string[]!',
    },
    TextMessage: { description: 'A text message.', props: 'from:string!, to:string!, body:string!, variables:object' },
  },
  deviceStates: {
    DeviceState: { description: 'Represents the state of a device.', props: 'name:string!, state:string!' },
  },
  mailboxes: {
    Mailbox: { description: 'Represents the state of a mailbox.', props: 'name:string!, old_messages:int!, new_messages:int!' },
  },
  applications: {
    Application: {
      description: 'Details of a Stasis application',
      props:
        'name:string!, channel_ids:string[]!, bridge_ids:string[]!, endpoint_ids:string[]!, device_names:string[]!, events_allowed:object[]!, events_disallowed:object[]!',
    },
  },
  sounds: {
    Sound: { description: 'A media file that may be played back.', props: 'id:string!, text:string, formats:FormatLangPair[]!' },
    FormatLangPair: { description: 'Identifies the format and language of a sound file', props: 'language:string!, format:string!' },
  },
};

/** Every event the simulator sends, with its own properties (Event's `type`, `application`, `timestamp` and `asterisk_id` come from Event and Message). */
export const EVENT_MODELS: Record<string, ModelSpec> = {
  ApplicationMoveFailed: {
    description: 'Notification that trying to move a channel to another Stasis application failed.',
    props: 'channel:Channel!, destination:string!, args:string[]!',
  },
  ApplicationRegistered: { description: 'Notification that a Stasis app has been registered.', props: '' },
  ApplicationReplaced: { description: 'Notification that another WebSocket has taken over for an application.', props: '' },
  ApplicationUnregistered: { description: 'Notification that a Stasis app has been unregistered.', props: '' },
  BridgeAttendedTransfer: {
    description: 'Notification that an attended transfer has occurred.',
    props:
      'transferer_first_leg:Channel!, transferer_second_leg:Channel!, replace_channel:Channel, transferee:Channel, transfer_target:Channel, result:string!, is_external:boolean!, transferer_first_leg_bridge:Bridge, transferer_second_leg_bridge:Bridge, destination_type:string!, destination_bridge:string, destination_application:string, destination_link_first_leg:Channel, destination_link_second_leg:Channel, destination_threeway_channel:Channel, destination_threeway_bridge:Bridge',
  },
  BridgeBlindTransfer: {
    description: 'Notification that a blind transfer has occurred.',
    props: 'channel:Channel!, replace_channel:Channel, transferee:Channel, exten:string!, context:string!, result:string!, is_external:boolean!, bridge:Bridge',
  },
  BridgeCreated: { description: 'Notification that a bridge has been created.', props: 'bridge:Bridge!' },
  BridgeDestroyed: { description: 'Notification that a bridge has been destroyed.', props: 'bridge:Bridge!' },
  BridgeMerged: { description: 'Notification that one bridge has merged into another.', props: 'bridge:Bridge!, bridge_from:Bridge!' },
  BridgeVideoSourceChanged: {
    description: 'Notification that the source of video in a bridge has changed.',
    props: 'bridge:Bridge!, old_video_source_id:string',
  },
  ChannelCallerId: { description: 'Channel changed Caller ID.', props: 'caller_presentation:int!, caller_presentation_txt:string!, channel:Channel!' },
  ChannelConnectedLine: { description: 'Channel changed Connected Line.', props: 'channel:Channel!' },
  ChannelCreated: { description: 'Notification that a channel has been created.', props: 'channel:Channel!' },
  ChannelDestroyed: { description: 'Notification that a channel has been destroyed.', props: 'cause:int!, cause_txt:string!, channel:Channel!' },
  ChannelDialplan: { description: 'Channel changed location in the dialplan.', props: 'channel:Channel!, dialplan_app:string!, dialplan_app_data:string!' },
  ChannelDtmfReceived: { description: 'DTMF received on a channel.', props: 'digit:string!, duration_ms:int!, channel:Channel!' },
  ChannelEnteredBridge: { description: 'Notification that a channel has entered a bridge.', props: 'bridge:Bridge!, channel:Channel' },
  ChannelHangupRequest: { description: 'A hangup was requested on the channel.', props: 'cause:int, soft:boolean, channel:Channel!' },
  ChannelHold: { description: 'A channel initiated a media hold.', props: 'channel:Channel!, musicclass:string' },
  ChannelLeftBridge: { description: 'Notification that a channel has left a bridge.', props: 'bridge:Bridge!, channel:Channel!' },
  ChannelStateChange: { description: "Notification of a channel's state change.", props: 'channel:Channel!' },
  ChannelTalkingFinished: { description: 'Talking is no longer detected on the channel.', props: 'channel:Channel!, duration:int!' },
  ChannelTalkingStarted: { description: 'Talking was detected on the channel.', props: 'channel:Channel!' },
  ChannelToneDetected: { description: 'Tone was detected on the channel.', props: 'channel:Channel!' },
  ChannelUnhold: { description: 'A channel initiated a media unhold.', props: 'channel:Channel!' },
  ChannelUserevent: {
    description: 'User-generated event with additional user-defined fields in the object.',
    props: 'eventname:string!, channel:Channel, bridge:Bridge, endpoint:Endpoint, userevent:object!',
  },
  ChannelVarset: { description: 'Channel variable changed.', props: 'variable:string!, value:string!, channel:Channel' },
  ContactStatusChange: { description: 'The state of a contact on an endpoint has changed.', props: 'endpoint:Endpoint!, contact_info:ContactInfo!' },
  DeviceStateChanged: { description: 'Notification that a device state has changed.', props: 'device_state:DeviceState!' },
  Dial: {
    description: 'Dialing state has changed.',
    props: 'caller:Channel, peer:Channel!, forward:string, forwarded:Channel, dialstring:string, dialstatus:string!',
  },
  EndpointStateChange: { description: 'Endpoint state changed.', props: 'endpoint:Endpoint!' },
  PeerStatusChange: { description: 'The state of a peer associated with an endpoint has changed.', props: 'endpoint:Endpoint!, peer:Peer!' },
  PlaybackContinuing: {
    description: 'Event showing the continuation of a media playback operation from one media URI to the next in the list.',
    props: 'playback:Playback!',
  },
  PlaybackFinished: { description: 'Event showing the completion of a media playback operation.', props: 'playback:Playback!' },
  PlaybackStarted: { description: 'Event showing the start of a media playback operation.', props: 'playback:Playback!' },
  RecordingFailed: { description: 'Event showing failure of a recording operation.', props: 'recording:LiveRecording!' },
  RecordingFinished: { description: 'Event showing the completion of a recording operation.', props: 'recording:LiveRecording!' },
  RecordingStarted: { description: 'Event showing the start of a recording operation.', props: 'recording:LiveRecording!' },
  StasisEnd: { description: 'Notification that a channel has left a Stasis application.', props: 'channel:Channel!' },
  StasisStart: {
    description: 'Notification that a channel has entered a Stasis application.',
    props: 'args:string[]!, channel:Channel!, replace_channel:Channel',
  },
  TextMessageReceived: { description: 'A text message was received from an endpoint.', props: 'message:TextMessage!, endpoint:Endpoint' },
};

/** Models events.json declares besides the events: the bases and the event-only objects. */
const EVENT_SUPPORT_MODELS: Record<string, ModelSpec> = {
  ContactInfo: {
    description: 'Detailed information about a contact on an endpoint.',
    props: 'uri:string!, contact_status:string!, aor:string!, roundtrip_usec:string',
  },
  Peer: {
    description: 'Detailed information about a remote peer that communicates with Asterisk.',
    props: 'peer_status:string!, cause:string, address:string, port:string, time:string',
  },
  MissingParams: { description: 'Error event sent when required params are missing.', props: 'params:string[]!' },
};

function property(spec: string): [string, JsonObject] {
  const [name, rawType] = spec.split(':').map((s) => s.trim());
  const required = rawType.endsWith('!');
  const type = required ? rawType.slice(0, -1) : rawType;
  const list = type.endsWith('[]');
  const prop: JsonObject = { required, type: list ? `List[${type.slice(0, -2)}]` : type };
  return [name, prop];
}

function model(id: string, spec: ModelSpec): JsonObject {
  const properties: JsonObject = {};
  for (const p of spec.props.split(',').filter((s) => s.trim() !== '')) {
    const [name, prop] = property(p);
    properties[name] = prop;
  }
  return { id, description: spec.description, properties };
}

/** The `models` object of one resource document (`channels`, `events`, ...). */
export function modelsFor(resource: string): JsonObject {
  const out: JsonObject = {};
  if (resource === 'events') {
    const events = Object.keys(EVENT_MODELS).sort();
    out.Message = {
      id: 'Message',
      description: 'Base type for errors and events',
      discriminator: 'type',
      properties: {
        type: { type: 'string', required: true, description: 'Indicates the type of this message.' },
        asterisk_id: { type: 'string', required: false, description: 'The unique ID for the Asterisk instance that raised this event.' },
      },
      subTypes: ['MissingParams', 'Event'],
    };
    out.Event = {
      id: 'Event',
      description: 'Base type for asynchronous events from Asterisk.',
      properties: {
        application: { type: 'string', required: true, description: 'Name of the application receiving the event.' },
        timestamp: { type: 'Date', required: true, description: 'Time at which this event was created.' },
      },
      subTypes: events,
    };
    for (const [id, spec] of Object.entries(EVENT_SUPPORT_MODELS)) out[id] = model(id, spec);
    for (const id of events) out[id] = model(id, EVENT_MODELS[id]);
    return out;
  }
  for (const [id, spec] of Object.entries(RESOURCE_MODELS[resource] ?? {})) out[id] = model(id, spec);
  return out;
}
