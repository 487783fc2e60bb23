/**
 * The conditions of the CogniteFile bulk update benchmark, each on a fresh emulator with the same
 * nodes. What bounds a bulk upsert in data modeling is the project's concurrent write limit, which
 * `GET /models/statistics` reports (CDF's Toolkit notes 4 for writes; the emulator enforces the limit
 * it reports and answers 429 above it), times how long one upsert of 1000 nodes takes.
 */
import type { RouteOccupancy } from '../../../src/emulator';
import { bulkFloor, type BulkFloor } from '../bulk-update/floor';
import type { BulkScenario } from '../bulk-update/scenarios';

export interface NodeScenario extends BulkScenario {
  /** `concurrentWriteLimit` of `/models/statistics`, enforced by the emulator. */
  writeLimit: number;
}

/** Items per upsert (the API's maximum), for every peer. */
export const NODE_CHUNK = 1000;

export const NODE_SCENARIOS: readonly NodeScenario[] = [
  {
    name: 'dms-write-limit',
    title: 'instances upsert, 4 writes at a time (the project limit /models/statistics reports), 300–500 ms per upsert',
    latencyMs: 300,
    latencyJitterMs: 200,
    throttle: {},
    writeLimit: 4,
  },
];

export const NODE_SMOKE_SCENARIO: NodeScenario = {
  name: 'smoke',
  title: 'Smoke: 2 writes at a time, 5–10 ms per upsert',
  latencyMs: 5,
  latencyJitterMs: 5,
  throttle: {},
  writeLimit: 2,
};

/**
 * The floor of a node bulk update: the largest of the upserts' slot occupancy through `writeLimit`
 * slots (Little's law: Σ (latency drawn + own handling) of the admitted upserts / writeLimit, measured
 * in the run; see bulk-update/floor.ts for why that is a lower bound), the emulator's own busy time
 * plus the shortest latency, and the slots term below. The reads of the run (by ids, no added latency)
 * are in the busy time.
 *
 * WHY ceil(upserts / writeLimit) × (shortest latency + shortest handling) is a floor too (the slots
 * term): the emulator holds a write slot from routing until the answer is written
 * (src/emulator/dms/concurrency.ts), and in that time the upsert waits out its latency (at least
 * `latencyMs`) and then runs its own handling (at least the shortest measured, `minHandlingMs`). So
 * every applied upsert is in progress for at least d = latencyMs + minHandlingMs, and at most
 * `writeLimit` are in progress at once (one more is answered 429 and applies nothing). Then no
 * `writeLimit + 1` applied upserts can start within any span shorter than d: the earlier ones would
 * all still be in progress when the last of them starts. So the k-th start (in time order) is at least
 * floor((k − 1) / writeLimit) × d after the first, and the last one ends d after its start:
 * ceil(upserts / writeLimit) × d in all. Little's law spreads the work evenly over the slots; this term
 * sees that a last, partial round still costs a whole upsert.
 */
export function nodeFloor(
  scenario: NodeScenario,
  records: number,
  serverBusyMs: number,
  occupancy?: RouteOccupancy,
): BulkFloor {
  const floor = bulkFloor(
    { ...scenario, throttle: { concurrency: scenario.writeLimit } },
    records,
    NODE_CHUNK,
    serverBusyMs,
    occupancy,
  );
  const upsertMs = floor.minLatencyMs + (occupancy?.minHandlingMs ?? 0);
  const slotsMs = Math.ceil(floor.requests / scenario.writeLimit) * upsertMs;
  return slotsMs > floor.floorMs ? { ...floor, floorMs: slotsMs, boundBy: 'slots', slotsMs } : { ...floor, slotsMs };
}
