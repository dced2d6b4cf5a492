// One-line help for the dialplan applications and functions people use most, in our own
// words: what it does and the arguments it takes. Looked up case-insensitively.

import { t } from '../../util/l10n';

export interface DialplanDoc {
  name: string;
  kind: 'application' | 'function';
  signature: string;
  summary: string;
}

// Built on each lookup: the summaries are translated, and the translator is installed at
// activation, after this module loads.
const apps = (): [string, string, string][] => [
  ['Answer', 'Answer([delay])', t('Picks up the channel; the optional delay (ms) waits before audio starts.')],
  ['Hangup', 'Hangup([causecode])', t('Ends the call, optionally with a Q.850 cause code such as 16 or 17.')],
  ['Stasis', 'Stasis(app[,args...])', t('Hands the channel to the ARI application `app`; the dialplan resumes when the app lets go.')],
  ['Playback', 'Playback(file[&file2...][,options])', t('Plays sound files to the caller; options: skip (if not answered), noanswer, say, mix.')],
  [
    'Dial',
    'Dial(Tech/resource[&Tech2/resource2...][,timeout[,options[,URL]]])',
    t('Calls one or more endpoints and bridges the first that answers; sets DIALSTATUS.'),
  ],
  ['Goto', 'Goto([[context,]extension,]priority)', t('Jumps to another place in the dialplan; priority may be a number or a label.')],
  ['GotoIf', 'GotoIf(condition?[labeliftrue]:[labeliffalse])', t('Jumps to one of two places depending on whether the condition is true (non-zero).')],
  [
    'GotoIfTime',
    'GotoIfTime(times,weekdays,mdays,months[,timezone]?[labeliftrue]:[labeliffalse])',
    t('Jumps depending on whether the current time falls in the given range.'),
  ],
  [
    'Gosub',
    'Gosub([[context,]extension,]priority[(arg1[,...])])',
    t('Calls a dialplan subroutine; arguments arrive as ARG1, ARG2, ... and Return() comes back.'),
  ],
  ['GosubIf', 'GosubIf(condition?[labeliftrue[(args)]]:[labeliffalse[(args)]])', t('Calls one of two subroutines depending on the condition.')],
  ['Return', 'Return([value])', t('Returns from a Gosub subroutine; the value lands in GOSUB_RETVAL.')],
  ['Set', 'Set(name=value[,...])', t('Sets a channel variable or writes to a function; `__name` is inherited by every child channel.')],
  ['NoOp', 'NoOp([text])', t('Does nothing; the text shows in verbose logs, handy for tracing.')],
  ['Wait', 'Wait(seconds)', t('Pauses for the given number of seconds (fractions allowed).')],
  [
    'Background',
    'Background(file[&file2...][,options[,langoverride[,context]]])',
    t('Plays sound files while listening for digits, which jump to the matching extension.'),
  ],
  [
    'Record',
    'Record(filename.format[,silence[,maxduration[,options]]])',
    t('Records the caller to a file; stops on # or after the given silence or maximum duration.'),
  ],
  ['Playtones', 'Playtones(arg)', t('Plays a tone list or a named tone (busy, ring, congestion) from indications.conf until StopPlaytones.')],
  ['Ringing', 'Ringing()', t('Tells the caller the far end is ringing without answering.')],
  ['Busy', 'Busy([timeout])', t('Sends a busy indication and waits for the caller to hang up (or the timeout).')],
  ['Congestion', 'Congestion([timeout])', t('Sends a congestion (all circuits busy) indication and waits.')],
  ['MusicOnHold', 'MusicOnHold([class[,duration]])', t('Plays music on hold from the given class, forever unless a duration is given.')],
  ['Progress', 'Progress()', t('Signals call progress (early media) without answering.')],
  [
    'Read',
    'Read(variable[,filename[,maxdigits[,options[,attempts[,timeout]]]]])',
    t('Plays a prompt, collects digits from the caller and stores them in the variable.'),
  ],
  ['SayDigits', 'SayDigits(digits[,escape digits])', t('Speaks a string of digits one by one.')],
  ['SayNumber', 'SayNumber(number[,gender])', t('Speaks a whole number as a number ("one hundred twenty").')],
  ['Verbose', 'Verbose([level,]message)', t('Writes a message to the console at the given verbosity level.')],
  ['Log', 'Log(level,message)', t('Writes a message to the logger at ERROR, WARNING, NOTICE, DEBUG or VERBOSE level.')],
  ['WaitExten', 'WaitExten([seconds[,options]])', t('Waits for the caller to dial an extension after a Background prompt.')],
  ['Echo', 'Echo()', t("Sends the caller's audio straight back; useful to test latency and audio paths.")],
  [
    'ConfBridge',
    'ConfBridge(conference[,bridge_profile[,user_profile[,menu]]])',
    t('Puts the caller into a conference room with profiles from confbridge.conf.'),
  ],
  [
    'Queue',
    'Queue(queuename[,options[,URL[,announceoverride[,timeout[,AGI[,gosub[,rule[,position]]]]]]]])',
    t('Places the caller in a call queue until an agent answers.'),
  ],
  ['VoiceMail', 'VoiceMail(mailbox[@context][&mailbox2...][,options])', t('Lets the caller leave a voicemail message in the mailbox.')],
  ['VoiceMailMain', 'VoiceMailMain([mailbox][@context][,options])', t('Lets a user log in and listen to their voicemail.')],
  ['MixMonitor', 'MixMonitor(filename.ext[,options[,command]])', t('Records both directions of the call in the background into one file.')],
  ['System', 'System(command)', t('Runs a shell command on the Asterisk server; SYSTEMSTATUS holds the result.')],
  ['ExecIf', 'ExecIf(expression?appiftrue(args)[:appiffalse(args)])', t('Runs one application or another depending on the expression.')],
  ['Bridge', 'Bridge(channel[,options])', t('Bridges the current channel to another existing channel.')],
  ['SIPAddHeader', 'SIPAddHeader(Header: Content)', t('Adds a SIP header to the outgoing call (chan_sip; use PJSIP_HEADER with PJSIP).')],
  ['AGI', 'AGI(command[,arg1[,...]])', t('Runs an AGI script or connects to a FastAGI server that drives the call.')],
  ['Macro', 'Macro(name[,args...])', t('Runs a [macro-name] context (deprecated: use Gosub).')],
  ['StopPlaytones', 'StopPlaytones()', t('Stops tones started with Playtones.')],
  ['SayAlpha', 'SayAlpha(string)', t('Spells a string letter by letter.')],
  ['Page', 'Page(Tech/resource[&...][,options[,timeout]])', t('Calls several endpoints at once and puts them in a one-way conference.')],
  ['ChanSpy', 'ChanSpy([chanprefix][,options])', t('Listens to (or whispers into) other channels.')],
];

const funcs = (): [string, string, string][] => [
  ['CALLERID', 'CALLERID(datatype[,CID])', t('Reads or sets caller id parts: name, num, all, ani, dnid, rdnis, pres, ton.')],
  ['CHANNEL', 'CHANNEL(item)', t('Reads or sets channel properties: name, state, language, musicclass, hangupsource, peerip, ...')],
  ['CUT', 'CUT(varname,char-delim,range-spec)', t("Splits a variable's value on a delimiter and returns the chosen field(s).")],
  ['LEN', 'LEN(string)', t('Returns the length of the string.')],
  ['IF', 'IF(expression?[true]:[false])', t('Returns one of two values depending on the expression.')],
  ['STRFTIME', 'STRFTIME([epoch[,timezone[,format]]])', t('Formats a time (default now) with strftime-style patterns.')],
  ['DB', 'DB(family/key)', t('Reads or writes a value in the AstDB key/value store.')],
  ['DB_EXISTS', 'DB_EXISTS(family/key)', t('Returns 1 when the AstDB key exists (and sets DB_RESULT).')],
  ['DB_DELETE', 'DB_DELETE(family/key)', t('Deletes an AstDB key and returns its old value.')],
  ['EXTEN', 'EXTEN', t('The extension being executed (a variable, not a function); `${EXTEN:1}` drops the first digit.')],
  ['ISNULL', 'ISNULL(data)', t('Returns 1 when the value is empty, 0 otherwise.')],
  ['EXISTS', 'EXISTS(data)', t('Returns 1 when the value is not empty.')],
  ['REGEX', 'REGEX("regular expression" string)', t('Returns 1 when the string matches the regular expression.')],
  ['REPLACE', 'REPLACE(varname,find-chars[,replace-char])', t("Replaces every one of the given characters in a variable's value.")],
  ['TOUPPER', 'TOUPPER(string)', t('Returns the string in upper case.')],
  ['TOLOWER', 'TOLOWER(string)', t('Returns the string in lower case.')],
  ['RAND', 'RAND([min[,max]])', t('Returns a random integer in the range.')],
  ['MATH', 'MATH(expression[,type])', t('Computes an arithmetic expression (f, i, h or c result type).')],
  ['GLOBAL', 'GLOBAL(varname)', t('Reads or sets a global variable.')],
  ['SHARED', 'SHARED(varname[,channel])', t('Reads or sets a variable shared between channels.')],
  ['DEVICE_STATE', 'DEVICE_STATE(device)', t('Returns the state of a device (NOT_INUSE, INUSE, RINGING, ...); writable for Custom: devices.')],
  ['EXTENSION_STATE', 'EXTENSION_STATE(extension[@context])', t("Returns the state of an extension's hint.")],
  ['DIALPLAN_EXISTS', 'DIALPLAN_EXISTS(context[,extension[,priority]])', t('Returns 1 when that place exists in the dialplan.')],
  ['PJSIP_HEADER', 'PJSIP_HEADER(action,name[,number])', t('Reads, adds, updates or removes a SIP header on a PJSIP channel.')],
  ['CONNECTEDLINE', 'CONNECTEDLINE(datatype[,i])', t("Reads or sets the connected line (the other party's id).")],
  ['VOLUME', 'VOLUME(TX|RX[,options])', t('Adjusts the volume of the channel in one direction.')],
  ['TIMEOUT', 'TIMEOUT(timeouttype)', t('Reads or sets absolute, digit or response timeouts.')],
  ['ARRAY', 'ARRAY(var1[,var2...])', t('Sets several variables at once from a comma-separated value.')],
  ['FILTER', 'FILTER(allowed-chars,string)', t('Keeps only the allowed characters of the string.')],
  ['SPRINTF', 'SPRINTF(format,arg1[,...])', t('Formats values printf-style.')],
  ['ENV', 'ENV(varname)', t('Reads or sets an environment variable of the Asterisk process.')],
  ['STAT', 'STAT(flag,filename)', t('Tests a file: exists, directory, size, modification time, ...')],
  ['FIELDQTY', 'FIELDQTY(varname,delim)', t("Counts the fields of a variable's value split by a delimiter.")],
  ['SET', 'SET(varname=value)', t('Sets a variable and returns the value (for use inside expressions).')],
];

function find(rows: [string, string, string][], kind: DialplanDoc['kind'], name: string): DialplanDoc | undefined {
  const key = name.toLowerCase();
  const row = rows.find(([n]) => n.toLowerCase() === key);
  return row && { name: row[0], kind, signature: row[1], summary: row[2] };
}

export function applicationDoc(name: string): DialplanDoc | undefined {
  return find(apps(), 'application', name);
}

export function functionDoc(name: string): DialplanDoc | undefined {
  return find(funcs(), 'function', name);
}
