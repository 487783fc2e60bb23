/** Small statistics and timing helpers; every loop here is bounded by a count. */

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile (p in 0..100); NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/**
 * Repeated runs of one thing: the median (nearest rank: of an even count the lower middle one, so
 * it is a run that happened), the min and the max, so one noisy run cannot decide a comparison.
 */
export interface Spread {
  medianMs: number;
  minMs: number;
  maxMs: number;
  samples: number;
}

export function spread(samplesMs: readonly number[]): Spread {
  if (samplesMs.length === 0) throw new Error('no samples');
  return {
    medianMs: median(samplesMs),
    minMs: Math.min(...samplesMs),
    maxMs: Math.max(...samplesMs),
    samples: samplesMs.length,
  };
}

export interface Sampled {
  medianMs: number;
  p95Ms: number;
  minMs: number;
  samples: number;
}

export function summarize(samplesMs: readonly number[]): Sampled {
  return {
    medianMs: median(samplesMs),
    p95Ms: percentile(samplesMs, 95),
    minMs: Math.min(...samplesMs),
    samples: samplesMs.length,
  };
}

/** Runs `fn` `times` times in a row, one at a time, and returns each duration in ms. */
export async function timeEach(times: number, fn: (i: number) => Promise<void>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await fn(i);
    out.push(performance.now() - start);
  }
  return out;
}

export interface MicrosPerCall {
  medianUs: number;
  minUs: number;
  rounds: number;
  callsPerRound: number;
}

/**
 * Microseconds per call of a synchronous `fn`: a warm-up, then `rounds` rounds of about `roundMs`
 * each (the calls per round are calibrated from the warm-up), the median round reported: robust
 * against a GC pause or a neighbour's burst landing in one round.
 */
export function microsPerCall(fn: () => unknown, options: { rounds: number; roundMs: number }): MicrosPerCall {
  let sink: unknown;
  const warmupStart = process.hrtime.bigint();
  let warmupCalls = 0;
  while (warmupCalls < 10_000 && (warmupCalls < 3 || Number(process.hrtime.bigint() - warmupStart) < 50e6)) {
    sink = fn();
    warmupCalls++;
  }
  const usPerCall = Number(process.hrtime.bigint() - warmupStart) / 1000 / warmupCalls;
  const callsPerRound = Math.max(1, Math.min(1_000_000, Math.round((options.roundMs * 1000) / usPerCall)));
  const perCall: number[] = [];
  for (let r = 0; r < options.rounds; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < callsPerRound; i++) sink = fn();
    perCall.push(Number(process.hrtime.bigint() - start) / 1000 / callsPerRound);
  }
  keep(sink);
  return { medianUs: median(perCall), minUs: Math.min(...perCall), rounds: options.rounds, callsPerRound };
}

/** Keeps a result observable so the optimizer cannot drop the work that made it. */
let kept: unknown;
function keep(value: unknown): void {
  kept = value;
}
export const lastKept = (): unknown => kept;

/** `a / b`, rounded for a report; undefined when either side is missing or b is 0. */
export function ratio(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return undefined;
  return Math.round((a / b) * 100) / 100;
}
