import type { EmulatorOptions, FaultOptions } from './options';

export const USAGE = `Usage: emulator [options]
  --port N                  port on 127.0.0.1 (default 0: a free one)
  --project NAME            project name (default demo)
  --token TOKEN             accepted bearer token (default demo)
  --files N                 demo file records (default 500; 0 = empty)
  --seed S                  demo data seed (default 1)
  --state FILE              load state from FILE (and FILE.journal) if present; journal
                            every write before answering it, so a crash loses none;
                            FILE.lock keeps a second emulator off FILE
  --throttle-rps N          per-token request rate budget (429 beyond it)
  --throttle-burst N        requests that may arrive at once (default: the rate)
  --throttle-concurrency N  per-token concurrent request budget
  --latency-ms N            added latency on every route
  --error-rate R            fraction of requests answered 503 (seeded)
  --fault-seed S            seed of injected faults (default 1)
  --faults JSON             full FaultOptions.routes, e.g. '{"/files/update":{"errorRate":0.1}}'
  --allow-host NAME         also serve requests whose Host is NAME (repeatable; * = any);
                            by default only 127.0.0.1, localhost and [::1] with the port
  --log                     print one line per request (upload URL tokens masked)
  --help`;

export interface CliOptions {
  emulator: EmulatorOptions;
  log: boolean;
  help: boolean;
}

function number(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isFinite(n)) throw new Error(`${flag} needs a number`);
  return n;
}

/** Parses the CLI flags (`--flag value` or `--flag=value`). Throws with a message on bad input. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const opts: EmulatorOptions = {};
  const out: CliOptions = { emulator: opts, log: false, help: false };
  let faultRoutes: FaultOptions['routes'] = {};
  let faultSeed: number | undefined;
  const star = () => (faultRoutes['*'] ??= {});
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => (eq > 0 ? arg.slice(eq + 1) : argv[++i]);
    switch (flag) {
      case '--port':
        opts.port = number(flag, value());
        break;
      case '--project':
        opts.project = value();
        break;
      case '--token':
        opts.token = value();
        break;
      case '--files':
        opts.files = number(flag, value());
        break;
      case '--seed':
        opts.seed = number(flag, value());
        break;
      case '--state':
        opts.stateFile = value();
        break;
      case '--throttle-rps':
        opts.throttle = { ...opts.throttle, requestsPerSecond: number(flag, value()) };
        break;
      case '--throttle-burst':
        opts.throttle = { ...opts.throttle, burst: number(flag, value()) };
        break;
      case '--throttle-concurrency':
        opts.throttle = { ...opts.throttle, concurrency: number(flag, value()) };
        break;
      case '--latency-ms':
        star().latencyMs = number(flag, value());
        break;
      case '--error-rate':
        star().errorRate = number(flag, value());
        break;
      case '--fault-seed':
        faultSeed = number(flag, value());
        break;
      case '--faults': {
        const text = value() ?? '';
        try {
          faultRoutes = { ...faultRoutes, ...(JSON.parse(text) as FaultOptions['routes']) };
        } catch {
          throw new Error('--faults needs a JSON object of route settings');
        }
        break;
      }
      case '--allow-host': {
        const name = value();
        if (name !== undefined) opts.allowHosts = [...(opts.allowHosts ?? []), name];
        break;
      }
      case '--log':
        out.log = true;
        break;
      case '--help':
      case '-h':
        out.help = true;
        break;
      default:
        throw new Error(`Unknown option ${arg}`);
    }
    if (
      ['--project', '--token', '--state', '--faults', '--allow-host'].includes(flag) &&
      (eq > 0 ? arg.slice(eq + 1) : argv[i]) === undefined
    )
      throw new Error(`${flag} needs a value`);
  }
  if (Object.keys(faultRoutes).length > 0 || faultSeed !== undefined)
    opts.faults = { routes: faultRoutes, ...(faultSeed !== undefined ? { seed: faultSeed } : {}) };
  return out;
}
