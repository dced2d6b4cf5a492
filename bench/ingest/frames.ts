// Realistic pre-built event frames for the synthetic burst: the firehose view of Local-pair
// calls (ChannelCreated, ChannelDialplan, Dial, ChannelStateChange, ChannelVarset, StasisStart,
// ChannelHangupRequest, ChannelDestroyed), pretty-printed like Asterisk with pretty=yes, so
// sizes match load-*-metrics.json (~650-750 bytes). Calls overlap (a sliding window of live
// calls) so the model holds hundreds of channels at once, as under real load.

export interface BurstFrames {
  frames: string[];
  bytes: number;
  channels: number;
  byType: Record<string, number>;
}

interface Caller {
  name: string;
  number: string;
}

interface ChannelJson {
  id: string;
  name: string;
  state: string;
  protocol_id: string;
  caller: Caller;
  connected: Caller;
  accountcode: string;
  dialplan: { context: string; exten: string; priority: number; app_name: string; app_data: string };
  creationtime: string;
  language: string;
}

const ASTERISK_ID = '02:fc:00:00:00:01';
const APP = 'bench-observer';
/** Calls alive at once while the burst plays. */
const WINDOW = 200;

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

function channel(id: string, name: string, created: string, state: string, priority: number, appName: string, appData: string, alice: boolean): ChannelJson {
  const who = alice ? { name: 'Alice', number: '1001' } : { name: '', number: '' };
  return {
    id,
    name,
    state,
    protocol_id: '',
    caller: who,
    connected: who,
    accountcode: '',
    dialplan: { context: 'from-test', exten: '1776', priority, app_name: appName, app_data: appData },
    creationtime: created,
    language: 'en',
  };
}

/** The firehose events of one Local/1776@from-test call whose ;2 half enters Stasis(hello-world). */
function callEvents(k: number, baseSec: number, startMs: number): object[] {
  const a = `${baseSec}.${2 * k}`;
  const b = `${baseSec}.${2 * k + 1}`;
  const hex = k.toString(16).padStart(8, '0');
  const nameA = `Local/1776@from-test-${hex};1`;
  const nameB = `Local/1776@from-test-${hex};2`;
  const created = stamp(startMs);
  let t = startMs;
  const ts = (): string => stamp((t += 3));
  const ev = (type: string, body: object): object => ({ type, timestamp: ts(), ...body, asterisk_id: ASTERISK_ID, application: APP });
  const chA = (state: string, prio: number, app: string, data: string): ChannelJson => channel(a, nameA, created, state, prio, app, data, true);
  const chB = (state: string, prio: number, app: string, data: string): ChannelJson => channel(b, nameB, created, state, prio, app, data, false);
  return [
    ev('ChannelCreated', { channel: chA('Down', 1, '', '') }),
    ev('ChannelCreated', { channel: chB('Down', 1, '', '') }),
    ev('ChannelDialplan', { dialplan_app: 'AppDial2', dialplan_app_data: '(Outgoing Line)', channel: chA('Down', 1, 'AppDial2', '(Outgoing Line)') }),
    ev('Dial', { dialstatus: '', forward: '', dialstring: '1776@from-test', peer: chA('Down', 1, 'AppDial2', '(Outgoing Line)') }),
    ev('ChannelDialplan', { dialplan_app: 'NoOp', dialplan_app_data: '', channel: chB('Ring', 1, 'NoOp', '') }),
    ev('ChannelStateChange', { channel: chB('Up', 2, 'Answer', '') }),
    ev('ChannelStateChange', { channel: chA('Up', 1, 'AppDial2', '(Outgoing Line)') }),
    ev('Dial', { dialstatus: 'ANSWER', forward: '', dialstring: '', peer: chA('Up', 1, 'AppDial2', '(Outgoing Line)') }),
    ev('ChannelVarset', { variable: 'STASISSTATUS', value: '', channel: chB('Up', 3, 'Stasis', 'hello-world') }),
    ev('ChannelDialplan', { dialplan_app: 'Stasis', dialplan_app_data: 'hello-world', channel: chB('Up', 3, 'Stasis', 'hello-world') }),
    ev('StasisStart', { args: [], channel: chB('Up', 3, 'Stasis', 'hello-world') }),
    ev('ChannelVarset', { variable: 'PLAYBACK_SEQ', value: String(k), channel: chB('Up', 3, 'Stasis', 'hello-world') }),
    ev('ChannelHangupRequest', { cause: 16, soft: true, channel: chA('Up', 1, 'AppDial2', '(Outgoing Line)') }),
    ev('ChannelHangupRequest', { cause: 16, channel: chB('Up', 3, 'Stasis', 'hello-world') }),
    ev('ChannelDestroyed', { cause: 16, cause_txt: 'Normal Clearing', channel: chA('Up', 1, 'AppDial2', '(Outgoing Line)') }),
    ev('ChannelDestroyed', { cause: 16, cause_txt: 'Normal Clearing', channel: chB('Up', 3, 'Stasis', 'hello-world') }),
  ];
}

/** `count` frames; calls start one after another and play out interleaved, WINDOW at a time. */
export function buildBurstFrames(count: number): BurstFrames {
  const baseSec = 1796077989;
  const startMs = Date.UTC(2026, 10, 30, 22, 33, 9);
  const frames: string[] = [];
  const byType: Record<string, number> = {};
  let bytes = 0;
  let nextCall = 0;
  const live: object[][] = [];
  const cursor: number[] = [];
  while (frames.length < count) {
    while (live.length < WINDOW) {
      live.push(callEvents(nextCall, baseSec, startMs + nextCall * 7));
      cursor.push(0);
      nextCall++;
    }
    // One event from each live call in turn; a finished call makes room for the next.
    for (let i = 0; i < live.length && frames.length < count; i++) {
      const e = live[i][cursor[i]++] as { type: string };
      const text = JSON.stringify(e, null, 2);
      frames.push(text);
      bytes += Buffer.byteLength(text);
      byType[e.type] = (byType[e.type] ?? 0) + 1;
      if (cursor[i] >= live[i].length) {
        live.splice(i, 1);
        cursor.splice(i, 1);
        i--;
      }
    }
  }
  return { frames, bytes, channels: nextCall * 2, byType };
}
