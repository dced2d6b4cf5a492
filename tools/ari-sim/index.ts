// Public API of the embedded ARI simulator (see README.md).
import { SimCore } from './core';
import { DemoTraffic } from './demo';
import { burst, runLoad } from './load';
import { runChurn, type ChurnOptions, type ChurnResult } from './churn';
import { SimServer } from './server';

export interface SimulatorOptions {
  /** 0 = ephemeral (tests); default 8088 */
  port?: number;
  host?: string;
  user?: string;
  password?: string;
  /** http.conf-style prefix, e.g. `/asterisk` (Location headers stay unprefixed) */
  prefix?: string;
  demo?: boolean;
  dialplanFile?: string;
  /** Multiplies every simulated duration (sound lengths, Wait(), Answer's media wait...). */
  timeScale?: number;
  /** Answer()'s wait for media before the next priority, in simulated ms (Asterisk: 500). A
   * replay at a small timeScale raises it, so a slow machine's request latency cannot outrun a
   * wait that real Asterisk spends in microseconds-apart requests. */
  answerMediaWaitMs?: number;
  /** PJSIP/alice, bob, carol (offline). Default: only with `demo` — without it the server is
   * Local-only, exactly like the one the transcripts were recorded from. */
  endpoints?: boolean;
  /** How a socket with several apps interleaves their copies (appLanes.ts); default Math.random. */
  laneRandom?: () => number;
  log?: (line: string) => void;
}

export type OriginateCliTarget = { app: string; data?: string } | { context: string; exten: string; priority?: number };

export interface RestartOptions {
  /** how long connections are refused (default 150 ms) */
  refusedMs?: number;
  /** then how long ARI paths answer an HTML 404 (default 100 ms) */
  notFoundMs?: number;
  /** between the Stasis channels' hangup and the 1006 close (default 300 ms; Asterisk ~1.1 s) */
  closeDelayMs?: number;
  /** keeps the HTML 404 phase until this settles (tests that poll through each phase) */
  holdNotFound?: Promise<void>;
  /** called as the restart goes through its phases */
  onPhase?: (phase: 'closed' | 'notFound' | 'up') => void;
}

export interface SimulatorFaults {
  /** Cut every event socket without a close frame (client sees 1006). */
  dropSockets(): void;
  /** Close every event socket cleanly with `code` (default 1000). */
  closeSockets(code?: number): void;
  /** `core restart now`: see 19-restart.json; resolves when ARI answers again. */
  restart(opts?: RestartOptions): Promise<void>;
  /** Delay every HTTP answer by `ms`. */
  setLatency(ms: number): void;
  /** Answer the next `count` REST requests with `status` (default 503). */
  failRequests(count: number, status?: number): void;
  /** Answer a share (0..1) of REST requests with `status` until set back to 0. */
  setFailureRate(rate: number, status?: number): void;
  /** Send one raw text frame to every event socket (malformed JSON, unknown type, 10 MB...). */
  sendRaw(frame: string): void;
  /** N realistic events to every socket as fast as possible. */
  burst(n: number): Promise<void>;
  setPassword(p: string): void;
}

export interface Simulator {
  /** http://127.0.0.1:PORT[/prefix] (the ARI base is url + '/ari') */
  readonly url: string;
  readonly port: number;
  /** Like CLI `channel originate`: `{app:'Stasis', data:'hello-world'}` or a dialplan target. Returns the ;1 channel id. */
  originateFromCli(endpoint: string, target: OriginateCliTarget): Promise<string>;
  /** Dialplan re-read (same as PUT /ari/asterisk/modules/pbx_config.so). */
  reloadDialplan(): void;
  readonly faults: SimulatorFaults;
  /** Push N Local pairs into Stasis quickly, then hang them all up (load metrics). */
  load(pairs: number): Promise<void>;
  /** The load's calls made and hung up at a steady events/s for a while (a sustained hangup stream). */
  churn(opts: ChurnOptions): Promise<ChurnResult>;
  startDemo(): void;
  stopDemo(): void;
  /** Events delivered to sockets so far (all apps). */
  readonly eventsDelivered: number;
  close(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const host = opts.host ?? '127.0.0.1';
  const prefix = (opts.prefix ?? '').replace(/\/+$/, '').replace(/^(?=[^/])/, '/');
  const log = opts.log ?? (() => undefined);
  const core = new SimCore({
    timeScale: opts.timeScale ?? 1,
    answerMediaWaitMs: opts.answerMediaWaitMs,
    dialplanFile: opts.dialplanFile,
    endpoints: opts.endpoints ?? !!opts.demo,
    log,
  });
  const creds = { user: opts.user ?? 'test', password: opts.password ?? 'test_password' };
  const server = new SimServer(core, creds, prefix, host);
  server.laneRandom = opts.laneRandom;
  const port = await server.listen(opts.port ?? 8088);
  let demo: DemoTraffic | undefined;
  const startDemo = (): void => {
    demo ??= new DemoTraffic(core);
    demo.start();
  };
  if (opts.demo) startDemo();

  const faults: SimulatorFaults = {
    dropSockets: () => {
      for (const ws of server.sockets()) ws.terminate();
    },
    closeSockets: (code = 1000) => {
      for (const ws of server.sockets()) ws.close(code);
    },
    restart: async (r = {}) => {
      log('restart: core restart now');
      for (const ch of [...core.channels.values()]) {
        if (!ch.alive || !ch.stasisApp) continue;
        core.channelEvent('ChannelHangupRequest', ch, { cause: 4, soft: true });
        core.engine.leaveStasis(ch);
      }
      await sleep(r.closeDelayMs ?? 300);
      core.timers.cancelAll();
      await server.stopListening();
      core.reset();
      r.onPhase?.('closed');
      await sleep(r.refusedMs ?? 150);
      server.faults.notFound = true;
      await server.listen(port);
      r.onPhase?.('notFound');
      await Promise.all([sleep(r.notFoundMs ?? 100), r.holdNotFound]);
      server.faults.notFound = false;
      // the restart cancelled every timer; demo traffic resumes like a dialler would
      if (demo?.running) demo.start();
      r.onPhase?.('up');
      log('restart: ARI back');
    },
    setLatency: (ms) => {
      server.faults.latencyMs = ms;
    },
    failRequests: (count, status = 503) => {
      server.faults.failCount = count;
      server.faults.failStatus = status;
    },
    setFailureRate: (rate, status = 503) => {
      server.faults.failRate = rate;
      server.faults.failStatus = status;
    },
    sendRaw: (frame) => server.broadcast(frame),
    burst: (n) => burst(core, server, n),
    setPassword: (p) => {
      server.creds.password = p;
    },
  };

  return {
    url: `http://${host}:${port}${prefix}`,
    port,
    originateFromCli: async (endpoint, target) => {
      const ch =
        'app' in target
          ? core.engine.originate({ endpoint, target: { kind: 'application', app: target.app, data: target.data ?? '' } })
          : core.engine.originate({ endpoint, target: { kind: 'exten', context: target.context, exten: target.exten, priority: target.priority ?? 1 } });
      return ch.id;
    },
    reloadDialplan: () => core.dialplan.reload(),
    faults,
    load: (pairs) => runLoad(core, pairs),
    churn: (o) => runChurn(core, o),
    startDemo,
    stopDemo: () => demo?.stop(),
    get eventsDelivered() {
      return core.hub.delivered;
    },
    close: async () => {
      demo?.stop();
      core.timers.cancelAll();
      await server.stopListening();
    },
  };
}
