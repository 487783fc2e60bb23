/**
 * The floor of a bulk-update scenario: no client can finish faster, whatever its strategy.
 *
 * - the rate budget: every request needs a token of the per-identity rate, so requests / rate;
 * - the concurrency budget: at most `concurrency` requests are in progress, each for the mean
 *   latency, so requests × mean latency / concurrency (Little's law);
 * - the server's own work: the emulator serves on one thread, so the time it was busy applying
 *   the updates (measured, the least of the runs that applied everything) plus one request's
 *   latency (the last answer still waits for it).
 *
 * The floor is the largest of the three; a peer's wall time divided by it says how close it came.
 */
import type { BulkScenario } from './scenarios';

export interface BulkFloor {
  floorMs: number;
  /** Which term is the largest. */
  boundBy: 'rate' | 'concurrency' | 'server' | 'slots';
  requests: number;
  rateMs: number;
  concurrencyMs: number;
  /** Measured busy time + mean latency. */
  serverMs: number;
  serverBusyMs: number;
  meanLatencyMs: number;
  /** ceil(requests / concurrency) × the shortest latency, where a scenario computes it (node-update/scenarios.ts). */
  slotsMs?: number;
}

export function bulkFloor(scenario: BulkScenario, records: number, chunkSize: number, serverBusyMs: number): BulkFloor {
  const requests = Math.ceil(records / chunkSize);
  const meanLatencyMs = scenario.latencyMs + scenario.latencyJitterMs / 2;
  const { requestsPerSecond, concurrency } = scenario.throttle;
  const rateMs = requestsPerSecond === undefined ? 0 : (requests / requestsPerSecond) * 1000;
  const concurrencyMs = concurrency === undefined ? 0 : (requests * meanLatencyMs) / concurrency;
  const serverMs = serverBusyMs + meanLatencyMs;
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
  };
}
