// The simulator's route table: every ARI 22 operation with its parameters in a compact
// notation. The router, the parameter checks and /ari/api-docs are all generated from it.
//
// Param notation (space separated): `<q|p|b>:<name>[:<dataType>][!][*][=<a|b|c>][~<default>]`
//   q/p/b = query/path/body, ! = required, * = allowMultiple, = allowable values, ~ default.

export interface ParamSpec {
  name: string;
  paramType: 'query' | 'path' | 'body';
  dataType: string;
  required: boolean;
  allowMultiple: boolean;
  allowableValues?: string[];
  defaultValue?: string;
}

export interface OperationSpec {
  resource: string;
  httpMethod: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  nickname: string;
  summary: string;
  params: ParamSpec[];
  responseClass: string;
}

type Row = [string, string, string, string, string, string];

const RESOURCES: Record<string, { description: string; rows: Row[] }> = {
  asterisk: {
    description: 'Asterisk resources',
    rows: [
      [
        'GET',
        '/asterisk/config/dynamic/{configClass}/{objectType}/{id}',
        'getObject',
        'Retrieve a dynamic configuration object.',
        'p:configClass! p:objectType! p:id!',
        'List[ConfigTuple]',
      ],
      [
        'PUT',
        '/asterisk/config/dynamic/{configClass}/{objectType}/{id}',
        'updateObject',
        'Create or update a dynamic configuration object.',
        'p:configClass! p:objectType! p:id! b:fields:containers',
        'List[ConfigTuple]',
      ],
      [
        'DELETE',
        '/asterisk/config/dynamic/{configClass}/{objectType}/{id}',
        'deleteObject',
        'Delete a dynamic configuration object.',
        'p:configClass! p:objectType! p:id!',
        'void',
      ],
      ['GET', '/asterisk/info', 'getInfo', 'Gets Asterisk system information.', 'q:only*=build|system|config|status', 'AsteriskInfo'],
      ['GET', '/asterisk/ping', 'ping', 'Response pong message.', '', 'AsteriskPing'],
      ['GET', '/asterisk/modules', 'listModules', 'List Asterisk modules.', '', 'List[Module]'],
      ['GET', '/asterisk/modules/{moduleName}', 'getModule', 'Get Asterisk module information.', 'p:moduleName!', 'Module'],
      ['POST', '/asterisk/modules/{moduleName}', 'loadModule', 'Load an Asterisk module.', 'p:moduleName!', 'void'],
      ['DELETE', '/asterisk/modules/{moduleName}', 'unloadModule', 'Unload an Asterisk module.', 'p:moduleName!', 'void'],
      ['PUT', '/asterisk/modules/{moduleName}', 'reloadModule', 'Reload an Asterisk module.', 'p:moduleName!', 'void'],
      ['GET', '/asterisk/logging', 'listLogChannels', 'Gets Asterisk log channel information.', '', 'List[LogChannel]'],
      ['POST', '/asterisk/logging/{logChannelName}', 'addLog', 'Adds a log channel.', 'p:logChannelName! q:configuration!', 'void'],
      ['DELETE', '/asterisk/logging/{logChannelName}', 'deleteLog', 'Deletes a log channel.', 'p:logChannelName!', 'void'],
      ['PUT', '/asterisk/logging/{logChannelName}/rotate', 'rotateLog', 'Rotates a log channel.', 'p:logChannelName!', 'void'],
      ['GET', '/asterisk/variable', 'getGlobalVar', 'Get the value of a global variable.', 'q:variable!', 'Variable'],
      ['POST', '/asterisk/variable', 'setGlobalVar', 'Set the value of a global variable.', 'q:variable! q:value', 'void'],
    ],
  },
  endpoints: {
    description: 'Endpoint resources',
    rows: [
      ['GET', '/endpoints', 'list', 'List all endpoints.', '', 'List[Endpoint]'],
      [
        'PUT',
        '/endpoints/sendMessage',
        'sendMessage',
        'Send a message to some technology URI or endpoint.',
        'q:to! q:from! q:body b:variables:containers',
        'void',
      ],
      [
        'POST',
        '/endpoints/refer',
        'refer',
        'Refer an endpoint or technology URI to some technology URI or endpoint.',
        'q:to! q:from! q:refer_to! q:to_self:boolean~False b:variables:containers',
        'void',
      ],
      ['GET', '/endpoints/{tech}', 'listByTech', 'List available endoints for a given endpoint technology.', 'p:tech', 'List[Endpoint]'],
      ['GET', '/endpoints/{tech}/{resource}', 'get', 'Details for an endpoint.', 'p:tech p:resource', 'Endpoint'],
      [
        'PUT',
        '/endpoints/{tech}/{resource}/sendMessage',
        'sendMessageToEndpoint',
        'Send a message to some endpoint in a technology.',
        'p:tech p:resource q:from! q:body b:variables:containers',
        'void',
      ],
      [
        'POST',
        '/endpoints/{tech}/{resource}/refer',
        'referToEndpoint',
        'Refer an endpoint or technology URI to some technology URI or endpoint.',
        'p:tech p:resource q:from! q:refer_to! q:to_self:boolean~False b:variables:containers',
        'void',
      ],
    ],
  },
  channels: {
    description: 'Channel resources',
    rows: [
      ['GET', '/channels', 'list', 'List all active channels in Asterisk.', '', 'List[Channel]'],
      [
        'POST',
        '/channels',
        'originate',
        'Create a new channel (originate).',
        'q:endpoint! q:extension q:context q:priority:long q:label q:app q:appArgs q:callerId q:timeout:int~30 b:variables:containers q:channelId q:otherChannelId q:originator q:formats',
        'Channel',
      ],
      [
        'POST',
        '/channels/create',
        'create',
        'Create channel.',
        'q:endpoint! q:app! q:appArgs q:channelId q:otherChannelId q:originator q:formats b:variables:containers',
        'Channel',
      ],
      ['GET', '/channels/{channelId}', 'get', 'Channel details.', 'p:channelId!', 'Channel'],
      [
        'POST',
        '/channels/{channelId}',
        'originateWithId',
        'Create a new channel (originate with id).',
        'p:channelId! q:endpoint! q:extension q:context q:priority:long q:label q:app q:appArgs q:callerId q:timeout:int~30 b:variables:containers q:otherChannelId q:originator q:formats',
        'Channel',
      ],
      [
        'DELETE',
        '/channels/{channelId}',
        'hangup',
        'Delete (i.e. hangup) a channel.',
        'p:channelId! q:reason_code q:reason=normal|busy|congestion|no_answer|timeout|rejected|unallocated|normal_unspecified|number_incomplete|codec_mismatch|interworking|failure|answered_elsewhere',
        'void',
      ],
      [
        'POST',
        '/channels/{channelId}/continue',
        'continueInDialplan',
        'Exit application; continue execution in the dialplan.',
        'p:channelId! q:context q:extension q:priority:int q:label',
        'void',
      ],
      ['POST', '/channels/{channelId}/move', 'move', 'Move the channel from one Stasis application to another.', 'p:channelId! q:app! q:appArgs', 'void'],
      ['POST', '/channels/{channelId}/redirect', 'redirect', 'Redirect the channel to a different location.', 'p:channelId! q:endpoint!', 'void'],
      ['POST', '/channels/{channelId}/answer', 'answer', 'Answer a channel.', 'p:channelId!', 'void'],
      ['POST', '/channels/{channelId}/ring', 'ring', 'Indicate ringing to a channel.', 'p:channelId!', 'void'],
      ['DELETE', '/channels/{channelId}/ring', 'ringStop', 'Stop ringing indication on a channel if locally generated.', 'p:channelId!', 'void'],
      ['POST', '/channels/{channelId}/progress', 'progress', 'Indicate progress on a channel.', 'p:channelId!', 'void'],
      [
        'POST',
        '/channels/{channelId}/dtmf',
        'sendDTMF',
        'Send provided DTMF to a given channel.',
        'p:channelId! q:dtmf q:before:int~0 q:between:int~100 q:duration:int~100 q:after:int~0',
        'void',
      ],
      ['POST', '/channels/{channelId}/mute', 'mute', 'Mute a channel.', 'p:channelId! q:direction=both|in|out~both', 'void'],
      ['DELETE', '/channels/{channelId}/mute', 'unmute', 'Unmute a channel.', 'p:channelId! q:direction=both|in|out~both', 'void'],
      ['POST', '/channels/{channelId}/hold', 'hold', 'Hold a channel.', 'p:channelId!', 'void'],
      ['DELETE', '/channels/{channelId}/hold', 'unhold', 'Remove a channel from hold.', 'p:channelId!', 'void'],
      ['POST', '/channels/{channelId}/moh', 'startMoh', 'Play music on hold to a channel.', 'p:channelId! q:mohClass', 'void'],
      ['DELETE', '/channels/{channelId}/moh', 'stopMoh', 'Stop playing music on hold to a channel.', 'p:channelId!', 'void'],
      ['POST', '/channels/{channelId}/silence', 'startSilence', 'Play silence to a channel.', 'p:channelId!', 'void'],
      ['DELETE', '/channels/{channelId}/silence', 'stopSilence', 'Stop playing silence to a channel.', 'p:channelId!', 'void'],
      [
        'POST',
        '/channels/{channelId}/play',
        'play',
        'Start playback of media.',
        'p:channelId! q:media!* q:lang q:offsetms:int q:skipms:int~3000 q:playbackId',
        'Playback',
      ],
      [
        'POST',
        '/channels/{channelId}/play/{playbackId}',
        'playWithId',
        'Start playback of media and specify the playbackId.',
        'p:channelId! p:playbackId! q:media!* q:lang q:offsetms:int q:skipms:int~3000',
        'Playback',
      ],
      [
        'POST',
        '/channels/{channelId}/record',
        'record',
        'Start a recording.',
        'p:channelId! q:name! q:format! q:maxDurationSeconds:int~0 q:maxSilenceSeconds:int~0 q:ifExists=fail|overwrite|append~fail q:beep:boolean~False q:terminateOn=none|any|*|#~none',
        'LiveRecording',
      ],
      ['GET', '/channels/{channelId}/variable', 'getChannelVar', 'Get the value of a channel variable or function.', 'p:channelId! q:variable!', 'Variable'],
      [
        'POST',
        '/channels/{channelId}/variable',
        'setChannelVar',
        'Set the value of a channel variable or function.',
        'p:channelId! q:variable! q:value q:report_events:boolean~False',
        'void',
      ],
      [
        'GET',
        '/channels/{channelId}/variables',
        'getChannelVars',
        'Get the value of multiple channel variables or functions.',
        'p:channelId! q:variables!*',
        'Variables',
      ],
      [
        'POST',
        '/channels/{channelId}/variables',
        'setChannelVars',
        'Set the values of multiple channel variables or functions.',
        'p:channelId! b:variables:containers!',
        'void',
      ],
      [
        'POST',
        '/channels/{channelId}/snoop',
        'snoopChannel',
        'Start snooping.',
        'p:channelId! q:spy=none|both|out|in~none q:whisper=none|both|out|in~none q:app! q:appArgs q:snoopId',
        'Channel',
      ],
      [
        'POST',
        '/channels/{channelId}/snoop/{snoopId}',
        'snoopChannelWithId',
        'Start snooping.',
        'p:channelId! p:snoopId! q:spy=none|both|out|in~none q:whisper=none|both|out|in~none q:app! q:appArgs',
        'Channel',
      ],
      ['POST', '/channels/{channelId}/dial', 'dial', 'Dial a created channel.', 'p:channelId! q:caller q:timeout:int~0', 'void'],
      ['GET', '/channels/{channelId}/rtp_statistics', 'rtpstatistics', 'RTP stats on a channel.', 'p:channelId!', 'RTPstat'],
      [
        'POST',
        '/channels/externalMedia',
        'externalMedia',
        'Start an External Media session.',
        'q:channelId q:app! b:variables:containers q:external_host q:encapsulation=rtp|audiosocket|none~rtp q:transport=udp|tcp|websocket~udp q:connection_type=client|server~client q:format! q:direction=both~both q:data q:transport_data',
        'Channel',
      ],
      [
        'POST',
        '/channels/{channelId}/transfer_progress',
        'transfer_progress',
        'Inform the channel about the progress of the attended/blind transfer.',
        'p:channelId! q:states!',
        'void',
      ],
    ],
  },
  bridges: {
    description: 'Bridge resources',
    rows: [
      ['GET', '/bridges', 'list', 'List all active bridges in Asterisk.', '', 'List[Bridge]'],
      ['POST', '/bridges', 'create', 'Create a new bridge.', 'q:type q:bridgeId q:name b:variables:containers', 'Bridge'],
      ['POST', '/bridges/{bridgeId}', 'createWithId', 'Create a new bridge.', 'q:type p:bridgeId! q:name b:variables:containers', 'Bridge'],
      ['GET', '/bridges/{bridgeId}', 'get', 'Get bridge details.', 'p:bridgeId!', 'Bridge'],
      ['DELETE', '/bridges/{bridgeId}', 'destroy', 'Shut down a bridge.', 'p:bridgeId!', 'void'],
      ['GET', '/bridges/{bridgeId}/variable', 'getBridgeVar', 'Get the value of a bridge variable or function.', 'p:bridgeId! q:variable!', 'Variable'],
      [
        'POST',
        '/bridges/{bridgeId}/variable',
        'setBridgeVar',
        'Set the value of a bridge variable or function.',
        'p:bridgeId! q:variable! q:value q:report_events:boolean~False',
        'void',
      ],
      [
        'GET',
        '/bridges/{bridgeId}/variables',
        'getBridgeVars',
        'Get the value of multiple bridge variables or functions.',
        'p:bridgeId! q:variables!*',
        'Variables',
      ],
      [
        'POST',
        '/bridges/{bridgeId}/variables',
        'setBridgeVars',
        'Set the values of multiple bridge variables or functions.',
        'p:bridgeId! b:variables:containers!',
        'void',
      ],
      [
        'POST',
        '/bridges/{bridgeId}/addChannel',
        'addChannel',
        'Add a channel to a bridge.',
        'p:bridgeId! q:channel!* q:role q:absorbDTMF:boolean~False q:mute:boolean~False q:inhibitConnectedLineUpdates:boolean~False',
        'void',
      ],
      ['POST', '/bridges/{bridgeId}/removeChannel', 'removeChannel', 'Remove a channel from a bridge.', 'p:bridgeId! q:channel!*', 'void'],
      [
        'POST',
        '/bridges/{bridgeId}/videoSource/{channelId}',
        'setVideoSource',
        'Set a channel as the video source in a multi-party mixing bridge. This operation has no effect on bridges with two or fewer participants.',
        'p:bridgeId! p:channelId!',
        'void',
      ],
      [
        'DELETE',
        '/bridges/{bridgeId}/videoSource',
        'clearVideoSource',
        'Removes any explicit video source in a multi-party mixing bridge. This operation has no effect on bridges with two or fewer participants. When no explicit video source is set, talk detection will be used to determine the active video stream.',
        'p:bridgeId!',
        'void',
      ],
      [
        'POST',
        '/bridges/{bridgeId}/moh',
        'startMoh',
        'Play music on hold to a bridge or change the MOH class that is playing.',
        'p:bridgeId! q:mohClass',
        'void',
      ],
      ['DELETE', '/bridges/{bridgeId}/moh', 'stopMoh', 'Stop playing music on hold to a bridge.', 'p:bridgeId!', 'void'],
      [
        'POST',
        '/bridges/{bridgeId}/play',
        'play',
        'Start playback of media on a bridge.',
        'p:bridgeId! q:media!* q:announcer_format q:lang q:offsetms:int~0 q:skipms:int~3000 q:playbackId',
        'Playback',
      ],
      [
        'POST',
        '/bridges/{bridgeId}/play/{playbackId}',
        'playWithId',
        'Start playback of media on a bridge.',
        'p:bridgeId! p:playbackId! q:media!* q:announcer_format q:lang q:offsetms:int~0 q:skipms:int~3000',
        'Playback',
      ],
      [
        'POST',
        '/bridges/{bridgeId}/record',
        'record',
        'Start a recording.',
        'p:bridgeId! q:name! q:format! q:recorder_format q:maxDurationSeconds:int~0 q:maxSilenceSeconds:int~0 q:ifExists=fail|overwrite|append~fail q:beep:boolean~False q:terminateOn=none|any|*|#~none',
        'LiveRecording',
      ],
    ],
  },
  recordings: {
    description: 'Recording resources',
    rows: [
      ['GET', '/recordings/stored', 'listStored', 'List recordings that are complete.', '', 'List[StoredRecording]'],
      ['GET', '/recordings/stored/{recordingName}', 'getStored', "Get a stored recording's details.", 'p:recordingName!', 'StoredRecording'],
      ['DELETE', '/recordings/stored/{recordingName}', 'deleteStored', 'Delete a stored recording.', 'p:recordingName!', 'void'],
      ['GET', '/recordings/stored/{recordingName}/file', 'getStoredFile', 'Get the file associated with the stored recording.', 'p:recordingName!', 'binary'],
      [
        'POST',
        '/recordings/stored/{recordingName}/copy',
        'copyStored',
        'Copy a stored recording.',
        'p:recordingName! q:destinationRecordingName!',
        'StoredRecording',
      ],
      ['GET', '/recordings/live/{recordingName}', 'getLive', 'List live recordings.', 'p:recordingName!', 'LiveRecording'],
      ['DELETE', '/recordings/live/{recordingName}', 'cancel', 'Stop a live recording and discard it.', 'p:recordingName!', 'void'],
      ['POST', '/recordings/live/{recordingName}/stop', 'stop', 'Stop a live recording and store it.', 'p:recordingName!', 'void'],
      ['POST', '/recordings/live/{recordingName}/pause', 'pause', 'Pause a live recording.', 'p:recordingName!', 'void'],
      ['DELETE', '/recordings/live/{recordingName}/pause', 'unpause', 'Unpause a live recording.', 'p:recordingName!', 'void'],
      ['POST', '/recordings/live/{recordingName}/mute', 'mute', 'Mute a live recording.', 'p:recordingName!', 'void'],
      ['DELETE', '/recordings/live/{recordingName}/mute', 'unmute', 'Unmute a live recording.', 'p:recordingName!', 'void'],
    ],
  },
  sounds: {
    description: 'Sound resources',
    rows: [
      ['GET', '/sounds', 'list', 'List all sounds.', 'q:lang q:format', 'List[Sound]'],
      ['GET', '/sounds/{soundId}', 'get', "Get a sound's details.", 'p:soundId!', 'Sound'],
    ],
  },
  playbacks: {
    description: 'Playback control resources',
    rows: [
      ['GET', '/playbacks/{playbackId}', 'get', "Get a playback's details.", 'p:playbackId!', 'Playback'],
      ['DELETE', '/playbacks/{playbackId}', 'stop', 'Stop a playback.', 'p:playbackId!', 'void'],
      ['POST', '/playbacks/{playbackId}/control', 'control', 'Control a playback.', 'p:playbackId! q:operation!=restart|pause|unpause|reverse|forward', 'void'],
    ],
  },
  deviceStates: {
    description: 'Device state resources',
    rows: [
      ['GET', '/deviceStates', 'list', 'List all ARI controlled device states.', '', 'List[DeviceState]'],
      ['GET', '/deviceStates/{deviceName}', 'get', 'Retrieve the current state of a device.', 'p:deviceName!', 'DeviceState'],
      [
        'PUT',
        '/deviceStates/{deviceName}',
        'update',
        'Change the state of a device controlled by ARI. (Note - implicitly creates the device state).',
        'p:deviceName! q:deviceState!=NOT_INUSE|INUSE|BUSY|INVALID|UNAVAILABLE|RINGING|RINGINUSE|ONHOLD',
        'void',
      ],
      ['DELETE', '/deviceStates/{deviceName}', 'delete', 'Destroy a device-state controlled by ARI.', 'p:deviceName!', 'void'],
    ],
  },
  mailboxes: {
    description: 'Mailboxes resources',
    rows: [
      ['GET', '/mailboxes', 'list', 'List all mailboxes.', '', 'List[Mailbox]'],
      ['GET', '/mailboxes/{mailboxName}', 'get', 'Retrieve the current state of a mailbox.', 'p:mailboxName!', 'Mailbox'],
      [
        'PUT',
        '/mailboxes/{mailboxName}',
        'update',
        'Change the state of a mailbox. (Note - implicitly creates the mailbox).',
        'p:mailboxName! q:oldMessages:int! q:newMessages:int!',
        'void',
      ],
      ['DELETE', '/mailboxes/{mailboxName}', 'delete', 'Destroy a mailbox.', 'p:mailboxName!', 'void'],
    ],
  },
  events: {
    description: 'WebSocket resource',
    rows: [
      ['GET', '/events', 'eventWebsocket', 'WebSocket connection for events.', 'q:app!* q:subscribeAll:boolean', 'Message'],
      ['POST', '/events/user/{eventName}', 'userEvent', 'Generate a user event.', 'p:eventName! q:application! q:source* b:variables:containers', 'void'],
      ['POST', '/events/claim', 'claimChannel', 'Claim a broadcast channel for this application.', 'q:channelId! q:application!', 'void'],
    ],
  },
  applications: {
    description: 'Stasis application resources',
    rows: [
      ['GET', '/applications', 'list', 'List all applications.', '', 'List[Application]'],
      ['GET', '/applications/{applicationName}', 'get', 'Get details of an application.', 'p:applicationName!', 'Application'],
      [
        'POST',
        '/applications/{applicationName}/subscription',
        'subscribe',
        'Subscribe an application to a event source.',
        'p:applicationName! q:eventSource!*',
        'Application',
      ],
      [
        'DELETE',
        '/applications/{applicationName}/subscription',
        'unsubscribe',
        'Unsubscribe an application from an event source.',
        'p:applicationName! q:eventSource!*',
        'Application',
      ],
      ['PUT', '/applications/{applicationName}/eventFilter', 'filter', 'Filter application events types.', 'p:applicationName! b:filter:object', 'Application'],
    ],
  },
};

function parseParam(s: string): ParamSpec {
  const m = /^([qpb]):([^:!*=~]+)(?::([^!*=~]+))?(!)?(\*)?(?:=([^~]+))?(?:~(.*))?$/.exec(s);
  if (!m) throw new Error(`bad param spec ${s}`);
  const paramType = m[1] === 'q' ? 'query' : m[1] === 'p' ? 'path' : 'body';
  return {
    name: m[2],
    paramType,
    dataType: m[3] ?? 'string',
    required: !!m[4],
    allowMultiple: !!m[5],
    allowableValues: m[6] ? m[6].split('|') : undefined,
    defaultValue: m[7],
  };
}

export const RESOURCE_DESCRIPTIONS: Record<string, string> = Object.fromEntries(Object.entries(RESOURCES).map(([k, v]) => [k, v.description]));

export const OPERATIONS: OperationSpec[] = Object.entries(RESOURCES).flatMap(([resource, r]) =>
  r.rows.map(([httpMethod, path, nickname, summary, params, responseClass]) => ({
    resource,
    httpMethod: httpMethod as OperationSpec['httpMethod'],
    path,
    nickname,
    summary,
    params: params ? params.split(' ').map(parseParam) : [],
    responseClass,
  })),
);
