// `npm run sim -- [--port P] [--user U] [--password W] [--prefix /path] [--demo] [--load N]
//                  [--dialplan extensions.conf] [--endpoints|--no-endpoints] [--time-scale X]`
import { startSimulator, type SimulatorOptions } from './index';

function parse(argv: string[]): SimulatorOptions & { load?: number } {
  const o: SimulatorOptions & { load?: number } = { log: (l) => console.log(l) };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`missing value for ${a}`);
      return v;
    };
    switch (a) {
      case '--port':
        o.port = Number(val());
        break;
      case '--host':
        o.host = val();
        break;
      case '--user':
        o.user = val();
        break;
      case '--password':
        o.password = val();
        break;
      case '--prefix':
        o.prefix = val();
        break;
      case '--demo':
        o.demo = true;
        break;
      case '--load':
        o.load = Number(val());
        break;
      case '--dialplan':
        o.dialplanFile = val();
        break;
      case '--no-endpoints':
        o.endpoints = false;
        break;
      case '--endpoints':
        o.endpoints = true;
        break;
      case '--time-scale':
        o.timeScale = Number(val());
        break;
      case '-h':
      case '--help':
        console.log(
          'usage: npm run sim -- [--port P] [--user U] [--password W] [--prefix /path] [--demo] [--load N] [--dialplan FILE] [--endpoints|--no-endpoints] [--time-scale X]',
        );
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${a}`);
    }
  }
  return o;
}

async function main(): Promise<void> {
  const opts = parse(process.argv.slice(2));
  const sim = await startSimulator(opts);
  // The password is never printed.
  console.log(`ARI simulator listening on ${sim.url} (ARI base ${sim.url}/ari, user ${opts.user ?? 'test'})`);
  if (opts.demo) console.log('demo traffic: up to 4 calls at a time into Stasis(demo-ivr) (context demo); from-test,1776 is yours');
  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (opts.load && opts.load > 0) {
    const t0 = Date.now();
    await sim.load(opts.load);
    console.log(`load: ${opts.load} pairs originated and hung up in ${Date.now() - t0} ms`);
  }
}

main().catch((e: unknown) => {
  console.error(`ari-sim: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
