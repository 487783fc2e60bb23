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

/** What the flags add up to; the fault settings become `FaultOptions` once every flag is read. */
interface Parsed {
  cli: CliOptions;
  opts: EmulatorOptions;
  faultRoutes: FaultOptions['routes'];
  faultSeed?: number;
}

/** How a flag changes what is parsed; `value()` takes its value (`--flag=value` or the next argument). */
type Apply = (p: Parsed, value: () => string | undefined, flag: string) => void;

const numeric =
  (set: (p: Parsed, n: number) => void): Apply =>
  (p, value, flag) =>
    set(p, number(flag, value()));

const text =
  (set: (p: Parsed, value: string) => void): Apply =>
  (p, value, flag) => {
    const v = value();
    if (v === undefined) throw new Error(`${flag} needs a value`);
    set(p, v);
  };

/** Faults on every route ("*"), where --latency-ms and --error-rate go. */
const everyRoute = (p: Parsed) => (p.faultRoutes['*'] ??= {});

const faultsJson: Apply = (p, value) => {
  const json = value() ?? '';
  try {
    p.faultRoutes = { ...p.faultRoutes, ...(JSON.parse(json) as FaultOptions['routes']) };
  } catch {
    throw new Error('--faults needs a JSON object of route settings');
  }
};

const FLAGS = new Map<string, Apply>([
  ['--port', numeric((p, n) => (p.opts.port = n))],
  ['--project', text((p, v) => (p.opts.project = v))],
  ['--token', text((p, v) => (p.opts.token = v))],
  ['--files', numeric((p, n) => (p.opts.files = n))],
  ['--seed', numeric((p, n) => (p.opts.seed = n))],
  ['--state', text((p, v) => (p.opts.stateFile = v))],
  ['--throttle-rps', numeric((p, n) => (p.opts.throttle = { ...p.opts.throttle, requestsPerSecond: n }))],
  ['--throttle-burst', numeric((p, n) => (p.opts.throttle = { ...p.opts.throttle, burst: n }))],
  ['--throttle-concurrency', numeric((p, n) => (p.opts.throttle = { ...p.opts.throttle, concurrency: n }))],
  ['--latency-ms', numeric((p, n) => (everyRoute(p).latencyMs = n))],
  ['--error-rate', numeric((p, n) => (everyRoute(p).errorRate = n))],
  ['--fault-seed', numeric((p, n) => (p.faultSeed = n))],
  ['--faults', faultsJson],
  ['--allow-host', text((p, v) => (p.opts.allowHosts = [...(p.opts.allowHosts ?? []), v]))],
  ['--log', (p) => (p.cli.log = true)],
  ['--help', (p) => (p.cli.help = true)],
  ['-h', (p) => (p.cli.help = true)],
]);

/** Parses the CLI flags (`--flag value` or `--flag=value`). Throws with a message on bad input. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const opts: EmulatorOptions = {};
  const p: Parsed = { cli: { emulator: opts, log: false, help: false }, opts, faultRoutes: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const apply = FLAGS.get(flag);
    if (!apply) throw new Error(`Unknown option ${arg}`);
    apply(p, () => (eq > 0 ? arg.slice(eq + 1) : argv[++i]), flag);
  }
  if (Object.keys(p.faultRoutes).length > 0 || p.faultSeed !== undefined)
    opts.faults = { routes: p.faultRoutes, ...(p.faultSeed !== undefined ? { seed: p.faultSeed } : {}) };
  return p.cli;
}
