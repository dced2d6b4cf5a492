// One-line help for the dialplan applications and functions people use most, in our own
// words: what it does and the arguments it takes. Looked up case-insensitively.

export interface DialplanDoc {
  name: string;
  kind: 'application' | 'function';
  signature: string;
  summary: string;
}

const APPS: [string, string, string][] = [
  ['Answer', 'Answer([delay])', 'Picks up the channel; the optional delay (ms) waits before audio starts.'],
  ['Hangup', 'Hangup([causecode])', 'Ends the call, optionally with a Q.850 cause code such as 16 or 17.'],
  ['Stasis', 'Stasis(app[,args...])', 'Hands the channel to the ARI application `app`; the dialplan resumes when the app lets go.'],
  ['Playback', 'Playback(file[&file2...][,options])', 'Plays sound files to the caller; options: skip (if not answered), noanswer, say, mix.'],
  ['Dial', 'Dial(Tech/resource[&Tech2/resource2...][,timeout[,options[,URL]]])', 'Calls one or more endpoints and bridges the first that answers; sets DIALSTATUS.'],
  ['Goto', 'Goto([[context,]extension,]priority)', 'Jumps to another place in the dialplan; priority may be a number or a label.'],
  ['GotoIf', 'GotoIf(condition?[labeliftrue]:[labeliffalse])', 'Jumps to one of two places depending on whether the condition is true (non-zero).'],
  ['GotoIfTime', 'GotoIfTime(times,weekdays,mdays,months[,timezone]?[labeliftrue]:[labeliffalse])', 'Jumps depending on whether the current time falls in the given range.'],
  ['Gosub', 'Gosub([[context,]extension,]priority[(arg1[,...])])', 'Calls a dialplan subroutine; arguments arrive as ARG1, ARG2, ... and Return() comes back.'],
  ['GosubIf', 'GosubIf(condition?[labeliftrue[(args)]]:[labeliffalse[(args)]])', 'Calls one of two subroutines depending on the condition.'],
  ['Return', 'Return([value])', 'Returns from a Gosub subroutine; the value lands in GOSUB_RETVAL.'],
  ['Set', 'Set(name=value[,...])', 'Sets a channel variable or writes to a function; `__name` is inherited by every child channel.'],
  ['NoOp', 'NoOp([text])', 'Does nothing; the text shows in verbose logs, handy for tracing.'],
  ['Wait', 'Wait(seconds)', 'Pauses for the given number of seconds (fractions allowed).'],
  ['Background', 'Background(file[&file2...][,options[,langoverride[,context]]])', 'Plays sound files while listening for digits, which jump to the matching extension.'],
  ['Record', 'Record(filename.format[,silence[,maxduration[,options]]])', 'Records the caller to a file; stops on # or after the given silence or maximum duration.'],
  ['Playtones', 'Playtones(arg)', 'Plays a tone list or a named tone (busy, ring, congestion) from indications.conf until StopPlaytones.'],
  ['Ringing', 'Ringing()', 'Tells the caller the far end is ringing without answering.'],
  ['Busy', 'Busy([timeout])', 'Sends a busy indication and waits for the caller to hang up (or the timeout).'],
  ['Congestion', 'Congestion([timeout])', 'Sends a congestion (all circuits busy) indication and waits.'],
  ['MusicOnHold', 'MusicOnHold([class[,duration]])', 'Plays music on hold from the given class, forever unless a duration is given.'],
  ['Progress', 'Progress()', 'Signals call progress (early media) without answering.'],
  ['Read', 'Read(variable[,filename[,maxdigits[,options[,attempts[,timeout]]]]])', 'Plays a prompt, collects digits from the caller and stores them in the variable.'],
  ['SayDigits', 'SayDigits(digits[,escape digits])', 'Speaks a string of digits one by one.'],
  ['SayNumber', 'SayNumber(number[,gender])', 'Speaks a whole number as a number ("one hundred twenty").'],
  ['Verbose', 'Verbose([level,]message)', 'Writes a message to the console at the given verbosity level.'],
  ['Log', 'Log(level,message)', 'Writes a message to the logger at ERROR, WARNING, NOTICE, DEBUG or VERBOSE level.'],
  ['WaitExten', 'WaitExten([seconds[,options]])', 'Waits for the caller to dial an extension after a Background prompt.'],
  ['Echo', 'Echo()', 'Sends the caller\'s audio straight back; useful to test latency and audio paths.'],
  ['ConfBridge', 'ConfBridge(conference[,bridge_profile[,user_profile[,menu]]])', 'Puts the caller into a conference room with profiles from confbridge.conf.'],
  ['Queue', 'Queue(queuename[,options[,URL[,announceoverride[,timeout[,AGI[,gosub[,rule[,position]]]]]]]])', 'Places the caller in a call queue until an agent answers.'],
  ['VoiceMail', 'VoiceMail(mailbox[@context][&mailbox2...][,options])', 'Lets the caller leave a voicemail message in the mailbox.'],
  ['VoiceMailMain', 'VoiceMailMain([mailbox][@context][,options])', 'Lets a user log in and listen to their voicemail.'],
  ['MixMonitor', 'MixMonitor(filename.ext[,options[,command]])', 'Records both directions of the call in the background into one file.'],
  ['System', 'System(command)', 'Runs a shell command on the Asterisk server; SYSTEMSTATUS holds the result.'],
  ['ExecIf', 'ExecIf(expression?appiftrue(args)[:appiffalse(args)])', 'Runs one application or another depending on the expression.'],
  ['Bridge', 'Bridge(channel[,options])', 'Bridges the current channel to another existing channel.'],
  ['SIPAddHeader', 'SIPAddHeader(Header: Content)', 'Adds a SIP header to the outgoing call (chan_sip; use PJSIP_HEADER with PJSIP).'],
  ['AGI', 'AGI(command[,arg1[,...]])', 'Runs an AGI script or connects to a FastAGI server that drives the call.'],
  ['Macro', 'Macro(name[,args...])', 'Runs a [macro-name] context (deprecated: use Gosub).'],
  ['StopPlaytones', 'StopPlaytones()', 'Stops tones started with Playtones.'],
  ['SayAlpha', 'SayAlpha(string)', 'Spells a string letter by letter.'],
  ['Page', 'Page(Tech/resource[&...][,options[,timeout]])', 'Calls several endpoints at once and puts them in a one-way conference.'],
  ['ChanSpy', 'ChanSpy([chanprefix][,options])', 'Listens to (or whispers into) other channels.'],
];

const FUNCS: [string, string, string][] = [
  ['CALLERID', 'CALLERID(datatype[,CID])', 'Reads or sets caller id parts: name, num, all, ani, dnid, rdnis, pres, ton.'],
  ['CHANNEL', 'CHANNEL(item)', 'Reads or sets channel properties: name, state, language, musicclass, hangupsource, peerip, ...'],
  ['CUT', 'CUT(varname,char-delim,range-spec)', 'Splits a variable\'s value on a delimiter and returns the chosen field(s).'],
  ['LEN', 'LEN(string)', 'Returns the length of the string.'],
  ['IF', 'IF(expression?[true]:[false])', 'Returns one of two values depending on the expression.'],
  ['STRFTIME', 'STRFTIME([epoch[,timezone[,format]]])', 'Formats a time (default now) with strftime-style patterns.'],
  ['DB', 'DB(family/key)', 'Reads or writes a value in the AstDB key/value store.'],
  ['DB_EXISTS', 'DB_EXISTS(family/key)', 'Returns 1 when the AstDB key exists (and sets DB_RESULT).'],
  ['DB_DELETE', 'DB_DELETE(family/key)', 'Deletes an AstDB key and returns its old value.'],
  ['EXTEN', 'EXTEN', 'The extension being executed (a variable, not a function); `${EXTEN:1}` drops the first digit.'],
  ['ISNULL', 'ISNULL(data)', 'Returns 1 when the value is empty, 0 otherwise.'],
  ['EXISTS', 'EXISTS(data)', 'Returns 1 when the value is not empty.'],
  ['REGEX', 'REGEX("regular expression" string)', 'Returns 1 when the string matches the regular expression.'],
  ['REPLACE', 'REPLACE(varname,find-chars[,replace-char])', 'Replaces every one of the given characters in a variable\'s value.'],
  ['TOUPPER', 'TOUPPER(string)', 'Returns the string in upper case.'],
  ['TOLOWER', 'TOLOWER(string)', 'Returns the string in lower case.'],
  ['RAND', 'RAND([min[,max]])', 'Returns a random integer in the range.'],
  ['MATH', 'MATH(expression[,type])', 'Computes an arithmetic expression (f, i, h or c result type).'],
  ['GLOBAL', 'GLOBAL(varname)', 'Reads or sets a global variable.'],
  ['SHARED', 'SHARED(varname[,channel])', 'Reads or sets a variable shared between channels.'],
  ['DEVICE_STATE', 'DEVICE_STATE(device)', 'Returns the state of a device (NOT_INUSE, INUSE, RINGING, ...); writable for Custom: devices.'],
  ['EXTENSION_STATE', 'EXTENSION_STATE(extension[@context])', 'Returns the state of an extension\'s hint.'],
  ['DIALPLAN_EXISTS', 'DIALPLAN_EXISTS(context[,extension[,priority]])', 'Returns 1 when that place exists in the dialplan.'],
  ['PJSIP_HEADER', 'PJSIP_HEADER(action,name[,number])', 'Reads, adds, updates or removes a SIP header on a PJSIP channel.'],
  ['CONNECTEDLINE', 'CONNECTEDLINE(datatype[,i])', 'Reads or sets the connected line (the other party\'s id).'],
  ['VOLUME', 'VOLUME(TX|RX[,options])', 'Adjusts the volume of the channel in one direction.'],
  ['TIMEOUT', 'TIMEOUT(timeouttype)', 'Reads or sets absolute, digit or response timeouts.'],
  ['ARRAY', 'ARRAY(var1[,var2...])', 'Sets several variables at once from a comma-separated value.'],
  ['FILTER', 'FILTER(allowed-chars,string)', 'Keeps only the allowed characters of the string.'],
  ['SPRINTF', 'SPRINTF(format,arg1[,...])', 'Formats values printf-style.'],
  ['ENV', 'ENV(varname)', 'Reads or sets an environment variable of the Asterisk process.'],
  ['STAT', 'STAT(flag,filename)', 'Tests a file: exists, directory, size, modification time, ...'],
  ['FIELDQTY', 'FIELDQTY(varname,delim)', 'Counts the fields of a variable\'s value split by a delimiter.'],
  ['SET', 'SET(varname=value)', 'Sets a variable and returns the value (for use inside expressions).'],
];

const TABLE = new Map<string, DialplanDoc>();
for (const [name, signature, summary] of APPS) TABLE.set(`a:${name.toLowerCase()}`, { name, kind: 'application', signature, summary });
for (const [name, signature, summary] of FUNCS) TABLE.set(`f:${name.toLowerCase()}`, { name, kind: 'function', signature, summary });

export function applicationDoc(name: string): DialplanDoc | undefined {
  return TABLE.get(`a:${name.toLowerCase()}`);
}

export function functionDoc(name: string): DialplanDoc | undefined {
  return TABLE.get(`f:${name.toLowerCase()}`);
}
