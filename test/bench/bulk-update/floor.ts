/**
 * The floor of a bulk-update scenario: no client can finish faster, whatever its strategy.
 *
 * Every request is admitted (a rate token and a concurrency slot), waits out its injected latency,
 * drawn from [latencyMs, latencyMs + jitter), and only then is its update applied and answered.
 *
 * - the rate budget: a token bucket of `burst` tokens refilled at `rate`, so the last request is
 *   admitted no sooner than (requests − burst) / rate, and is answered at least its latency later;
 * - the concurrency budget (Little's law): Σ slot occupancy / concurrency. Measured, the occupancy
 *   is each admitted request's latency drawn plus its own handling (`occupancy`, below); without a
 *   measurement, requests × mean latency;
 * - the server's own work: the emulator serves on one thread, and no update can be applied before
 *   the shortest latency has passed, so the time it was busy (measured, the least of the runs that
 *   applied everything) plus that shortest latency.
 *
 * WHY the measured occupancy is a lower bound: the emulator's throttle takes a request's concurrency
 * slot when it admits it and gives it back when the answer is written (src/emulator/http/admission.ts,
 * exchange.ts), and in between the request waits out its drawn latency, then runs its own handling:
 * its body's parse, its handler, writing its answer (src/emulator/http/dispatch.ts). Those stretches
 * are disjoint and inside the slot's hold, so each admitted request holds a slot at least latency +
 * own handling; at most `concurrency` are held at once (one more is answered 429 and applies
 * nothing). So the slots' busy time, Σ (latency + handling), is spread over at most `concurrency`
 * slots: the last answer comes no sooner than Σ / concurrency after the first admission. Own handling
 * leaves out the time a request waited for other requests' work (a better client could not avoid all
 * of that either, so the term errs low, as a floor may).
 *
 * WHY the shortest latency, not the mean, in the rate and server terms: those are about the first
 * request (the server idles until one wait ends) and the last (answered one wait after its admission),
 * and a wait may be as short as `latencyMs`. The server term still counts the reading of the first
 * requests' bodies, which may overlap the first wait (a few ms each): it errs high by that much.
 *
 * The floor is the largest of the terms; a peer's wall time divided by it says how close it came.
 */
import type { RouteOccupancy } from '../../../src/emulator';
import type { BulkScenario } from './scenarios';

export interface BulkFloor {
  floorMs: number;
  /** Which term is the largest. */
  boundBy: 'rate' | 'concurrency' | 'server' | 'slots';
  requests: number;
  /** Requests past the burst / rate + the shortest latency. */
  rateMs: number;
  /** Σ (latency drawn + own handling) / concurrency when measured, else requests × mean latency / concurrency. */
  concurrencyMs: number;
  /** Measured busy time + the shortest latency. */
  serverMs: number;
  serverBusyMs: number;
  meanLatencyMs: number;
  /** The shortest latency the scenario draws. */
  minLatencyMs: number;
  /** What the admitted requests of the limited route held their slots for, in the run the terms use. */
  occupancy?: RouteOccupancy;
  /** ceil(requests / concurrency) × (shortest latency + shortest handling), where a scenario computes it (node-update/scenarios.ts). */
  slotsMs?: number;
  /** A reference, not a term: a client with no work of its own (prebuilt requests, no reads), where a benchmark runs one. */
  idealClient?: IdealClientFigures;
}

/** The ideal client's runs (node-update/ideal-client.ts): median wall time, min and max. */
export interface IdealClientFigures {
  wallMs: number;
  wallMsMin: number;
  wallMsMax: number;
  runs: number;
  /** Nodes its worst run left without the change (0, or the reference means nothing). */
  itemsNotApplied: number;
}

export function bulkFloor(
  scenario: BulkScenario,
  records: number,
  chunkSize: number,
  serverBusyMs: number,
  occupancy?: RouteOccupancy,
): BulkFloor {
  const requests = Math.ceil(records / chunkSize);
  const minLatencyMs = scenario.latencyMs;
  const meanLatencyMs = scenario.latencyMs + scenario.latencyJitterMs / 2;
  const { requestsPerSecond, concurrency } = scenario.throttle;
  const rateMs = requestsPerSecond === undefined ? 0 : rateTermMs(requests, requestsPerSecond, scenario, minLatencyMs);
  const heldMs = occupancy ? occupancy.latencyMs + occupancy.handlingMs : requests * meanLatencyMs;
  const concurrencyMs = concurrency === undefined ? 0 : heldMs / concurrency;
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
    ...(occupancy ? { occupancy } : {}),
  };
}

/**
 * The occupancy the floor uses: of the runs that applied everything, those whose admitted requests
 * were exactly `requests` (one per chunk, the least any complete run sends), the least Σ (latency +
 * handling), with the shortest handling of any of them. Undefined when no run qualifies (the floor
 * then falls back to the mean latency).
 */
export function leastOccupancy(
  runs: readonly (RouteOccupancy | undefined)[],
  requests: number,
): RouteOccupancy | undefined {
  const minimal = runs.filter((o): o is RouteOccupancy => o !== undefined && o.admitted === requests);
  if (minimal.length === 0) return undefined;
  const held = (o: RouteOccupancy) => o.latencyMs + o.handlingMs;
  const least = minimal.reduce((a, b) => (held(b) < held(a) ? b : a));
  return { ...least, minHandlingMs: Math.min(...minimal.map((o) => o.minHandlingMs)) };
}

/**
 * The emulator's bucket starts full with `burst` tokens (by default the rate's worth) and a request
 * needs a whole one, so the k-th is admitted no sooner than (k − burst) / rate.
 */
function rateTermMs(requests: number, rate: number, scenario: BulkScenario, minLatencyMs: number): number {
  const burst = scenario.throttle.burst ?? Math.max(1, rate);
  return (Math.max(0, requests - burst) / rate) * 1000 + minLatencyMs;
}
