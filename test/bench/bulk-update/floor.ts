/**
 * The floor of a bulk-update scenario: no client can finish faster, whatever its strategy.
 *
 * Every request is admitted (a rate token and a concurrency slot), waits out its injected latency,
 * drawn from [latencyMs, latencyMs + jitter), and only then is its update applied and answered.
 *
 * - the rate budget: a token bucket of `burst` tokens refilled at `rate`, so the last request is
 *   admitted no sooner than (requests − burst) / rate, and is answered at least its latency later;
 * - the concurrency budget: each request holds a slot for at least its latency, so Σ latency /
 *   concurrency, requests × mean latency / concurrency (Little's law);
 * - the server's own work: the emulator serves on one thread, and no update can be applied before
 *   the shortest latency has passed, so the time it was busy (measured, the least of the runs that
 *   applied everything) plus that shortest latency.
 *
 * WHY the shortest latency, not the mean, in the last two sums: those are about the first request
 * (the server idles until one wait ends) and the last (answered one wait after its admission), and
 * a wait may be as short as `latencyMs`. With the mean, a client could finish below the floor.
 * The server term still counts the reading of the first requests' bodies, which may overlap the
 * first wait (a few ms each): it errs high by that much, never low by more.
 *
 * The floor is the largest of the three; a peer's wall time divided by it says how close it came.
 */
import type { BulkScenario } from './scenarios';

export interface BulkFloor {
  floorMs: number;
  /** Which term is the largest. */
  boundBy: 'rate' | 'concurrency' | 'server' | 'slots';
  requests: number;
  /** Requests past the burst / rate + the shortest latency. */
  rateMs: number;
  concurrencyMs: number;
  /** Measured busy time + the shortest latency. */
  serverMs: number;
  serverBusyMs: number;
  meanLatencyMs: number;
  /** The shortest latency the scenario draws. */
  minLatencyMs: number;
  /** ceil(requests / concurrency) × the shortest latency, where a scenario computes it (node-update/scenarios.ts). */
  slotsMs?: number;
}

export function bulkFloor(scenario: BulkScenario, records: number, chunkSize: number, serverBusyMs: number): BulkFloor {
  const requests = Math.ceil(records / chunkSize);
  const minLatencyMs = scenario.latencyMs;
  const meanLatencyMs = scenario.latencyMs + scenario.latencyJitterMs / 2;
  const { requestsPerSecond, concurrency } = scenario.throttle;
  const rateMs = requestsPerSecond === undefined ? 0 : rateTermMs(requests, requestsPerSecond, scenario, minLatencyMs);
  const concurrencyMs = concurrency === undefined ? 0 : (requests * meanLatencyMs) / concurrency;
  const serverMs = serverBusyMs + minLatencyMs;
  const terms = { rate: rateMs, concurrency: concurrencyMs, server: serverMs } as const;
  const boundBy = (Object.keys(terms) as (keyof typeof terms)[]).reduce((a, b) => (terms[b] > terms[a] ? b : a));
  return {
    floorMs: terms[boundBy],
    boundBy,
    requests,
    rateMs,
    concurrencyMs,
    serverMs,
    serverBusyMs,
    meanLatencyMs,
    minLatencyMs,
  };
}

/**
 * The emulator's bucket starts full with `burst` tokens (by default the rate's worth) and a request
 * needs a whole one, so the k-th is admitted no sooner than (k − burst) / rate.
 */
function rateTermMs(requests: number, rate: number, scenario: BulkScenario, minLatencyMs: number): number {
  const burst = scenario.throttle.burst ?? Math.max(1, rate);
  return (Math.max(0, requests - burst) / rate) * 1000 + minLatencyMs;
}
