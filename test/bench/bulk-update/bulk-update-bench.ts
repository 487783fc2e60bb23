/**
 * Bulk update of N records through the emulator: ours vs @cognite/sdk vs the Python SDK's strategy,
 * under each scenario of scenarios.ts. Every run gets a fresh emulator (same seed, same settings,
 * so the same data and the same latency draws), and the emulator's store is checked afterwards:
 * a peer's "items not applied" is what the store says, not what the client believes.
 *
 * The peers run interleaved (ours, sdk, python; then sdk, python, ours; ...) several times, and each
 * figure is the median run with the min and max beside it, so one noisy run cannot decide a ratio.
 * Every scenario also gets its floor (floor.ts), and each peer's wall time as a ratio to it.
 */
import { startEmulatorProcess } from '../support/emulator-process';
import { timedRun } from '../support/timed-run';
import { writeResult, type BenchResult } from '../support/result-file';
import { ratio, spread } from '../support/stats';
import type { RouteOccupancy } from '../../../src/emulator';
import { bulkFloor, leastOccupancy, type BulkFloor } from './floor';
import { BULK_PEER_LABELS, BULK_PEERS, type BulkPeerName, type ClientView } from './peers';
import { BULK_SCENARIOS, type BulkScenario } from './scenarios';
import { MARK_KEY, markEveryRecord } from './workload';

export interface BulkUpdateOptions {
  records: number;
  outDir: string;
  scenarios?: readonly BulkScenario[];
  peers?: readonly BulkPeerName[];
  /** Runs of each peer per scenario (interleaved). Default 3. */
  repetitions?: number;
  log?: (line: string) => void;
}

/** One peer's one run. */
export interface BulkRunFigures {
  wallMs: number;
  /** How long the emulator's thread was busy during the run, and its CPU time. */
  serverBusyMs: number;
  serverCpuMs: number;
  /** CPU time of the benchmark process (the client) during the run. */
  clientCpuMs: number;
  requests: number;
  throttled: number;
  itemsApplied: number;
  clientView: ClientView;
  /** The limited route's admitted requests: latency drawn and own handling (the floor's concurrency term). */
  occupancy?: RouteOccupancy;
}

export interface BulkPeerFigures {
  /** A bulk-update peer, or one of the CogniteFile benchmark's. */
  peer: string;
  label: string;
  /** The median run's wall time; min and max over the runs. */
  wallMs: number;
  wallMsMin: number;
  wallMsMax: number;
  /** Median wall time / the scenario's floor. */
  toFloor: number | undefined;
  /** Client CPU per record (median run), in microseconds. */
  clientCpuUsPerRecord: number;
  /** The figures below are the median run's (by wall time). */
  /** `POST /files/update` requests the emulator answered (retries included). */
  requests: number;
  /** Of those, answered 429. */
  throttled: number;
  throttledShare: number;
  /** Records the store shows with this peer's change (the worst run). */
  itemsApplied: number;
  itemsNotApplied: number;
  clientView: ClientView;
  runs: BulkRunFigures[];
}

export interface BulkScenarioFigures {
  scenario: string;
  title: string;
  latencyMs: [number, number];
  throttle: BulkScenario['throttle'];
  floor: BulkFloor;
  peers: BulkPeerFigures[];
  /** Peer wall time / ours: how many times faster ours is. */
  speedup: Partial<Record<string, number>>;
}

export interface BulkUpdateFigures {
  records: number;
  repetitions: number;
  scenarios: BulkScenarioFigures[];
}

const ROUTE = 'POST /files/update';
const CHUNK_SIZE = 1000;
const WARM_UP: BulkScenario = {
  name: 'warm-up',
  title: 'warm-up',
  latencyMs: 0,
  latencyJitterMs: 0,
  throttle: {},
};

export async function runBulkUpdateBench(options: BulkUpdateOptions): Promise<BenchResult<BulkUpdateFigures>> {
  const startedAt = performance.now();
  const log = options.log ?? (() => undefined);
  const scenarios = options.scenarios ?? BULK_SCENARIOS;
  const peers = options.peers ?? (['ours', 'sdk', 'python-strategy'] as const);
  const figures: BulkScenarioFigures[] = [];

  const repetitions = Math.max(1, options.repetitions ?? 3);
  // One untimed run of each peer first: otherwise whoever runs first also pays for loading and
  // compiling its code in this process.
  for (const peer of peers) {
    log(`bulk update: warm-up, ${peer}`);
    await runPeer(peer, WARM_UP, Math.min(options.records, 5000), 0);
  }
  for (const scenario of scenarios) {
    const runs = new Map<BulkPeerName, BulkRunFigures[]>(peers.map((p) => [p, []]));
    for (let rep = 0; rep < repetitions; rep++) {
      // Rotate the order, so no peer always runs first (on a fresh machine) or last.
      const order = peers.map((_, i) => peers[(i + rep) % peers.length] as BulkPeerName);
      for (const peer of order) {
        log(`bulk update: ${scenario.name}, ${peer}, ${options.records} records, run ${rep + 1}/${repetitions}`);
        runs.get(peer)?.push(await runPeer(peer, scenario, options.records, rep));
      }
    }
    // The server's work for this job: the least busy time of any run that applied everything
    // (429s and retries only add to it).
    const complete = [...runs.values()].flat().filter((r) => r.itemsApplied === options.records);
    const serverBusyMs = complete.length > 0 ? Math.min(...complete.map((r) => r.serverBusyMs)) : 0;
    const requests = Math.ceil(options.records / CHUNK_SIZE);
    const occupancy = leastOccupancy(
      complete.map((r) => r.occupancy),
      requests,
    );
    const floor = bulkFloor(scenario, options.records, CHUNK_SIZE, serverBusyMs, occupancy);
    const results = peers.map((peer) => summarizePeer(peer, runs.get(peer) ?? [], floor, options.records));
    const ours = results.find((r) => r.peer === 'ours');
    const speedup: BulkScenarioFigures['speedup'] = {};
    for (const r of results) if (r.peer !== 'ours') speedup[r.peer] = ratio(r.wallMs, ours?.wallMs);
    log(
      `bulk update: ${scenario.name}: floor ${(floor.floorMs / 1000).toFixed(2)} s (${floor.boundBy}); ` +
        results
          .map(
            (r) =>
              `${r.peer} ${(r.wallMs / 1000).toFixed(2)} s = ${r.toFloor ?? '?'}× floor, ${r.itemsNotApplied} not applied`,
          )
          .join('; '),
    );
    figures.push({
      scenario: scenario.name,
      title: scenario.title,
      latencyMs: [scenario.latencyMs, scenario.latencyMs + scenario.latencyJitterMs],
      throttle: scenario.throttle,
      floor,
      peers: results,
      speedup,
    });
  }

  const { result } = await writeResult<BulkUpdateFigures>(options.outDir, {
    benchmark: 'bulk-update',
    description: `files/update of ${options.records} records (one metadata key each): ours vs @cognite/sdk vs the Python SDK strategy`,
    settings: { records: options.records, chunkSize: CHUNK_SIZE, repetitions, scenarios },
    durationMs: performance.now() - startedAt,
    figures: { records: options.records, repetitions, scenarios: figures },
    notes: [
      'Each run gets a fresh emulator in its own process (same seed, same throttle, same latency draws); the client runs in the benchmark process.',
      `Peers run interleaved, ${repetitions} times each, after one untimed warm-up run each; wall times are the median run with min and max.`,
      'Floor = max((requests − burst) / rate + shortest latency, Σ (latency drawn + own handling) of the admitted updates / concurrency, emulator busy time + shortest latency); busy time is the event-loop active time of the emulator, and both measured figures are the least of the runs that applied everything.',
      'Client CPU is the benchmark process CPU time (user + system) during the run: building and sending the requests, reading and validating the answers.',
      'Requests and 429s are counted by the emulator; items applied are counted in its store after the run.',
      'The Python SDK strategy is a reimplementation in TypeScript of what cognite-sdk-python v8 does (2 requests at a time, 10 retries, backoff uniform(0, min(0.5*2^n, 60)) s), not the Python SDK itself.',
      '@cognite/sdk is used unchanged; it retries a 429 at most 5 times (backoff up to 250*2^(n+1) ms) and does not retry files/update on 5xx.',
    ],
  });
  return result;
}

async function runPeer(
  peer: BulkPeerName,
  scenario: BulkScenario,
  records: number,
  rep: number,
): Promise<BulkRunFigures> {
  const emulator = await startEmulatorProcess({
    files: records,
    throttle: scenario.throttle,
    faults: {
      seed: 7,
      routes: { [ROUTE]: { latencyMs: scenario.latencyMs, latencyJitterMs: scenario.latencyJitterMs } },
    },
  });
  try {
    const mark = `${scenario.name}/${peer}/${rep}`;
    const items = markEveryRecord(await emulator.fileIds(), mark);
    await emulator.resetForNextPeer();
    return await timedRun(
      emulator,
      ROUTE,
      () => BULK_PEERS[peer](emulator, items),
      async () => (await emulator.countMetadata(MARK_KEY, mark)).matching,
    );
  } finally {
    await emulator.close();
  }
}

/** One peer's runs as the report gives them (also for the CogniteFile benchmark's peers). */
export function summarizePeer(
  peer: string,
  runs: readonly BulkRunFigures[],
  floor: BulkFloor,
  records: number,
  label: string = BULK_PEER_LABELS[peer as BulkPeerName],
): BulkPeerFigures {
  const walls = spread(runs.map((r) => r.wallMs));
  const wallMs = walls.medianMs;
  const mid = runs.find((r) => r.wallMs === wallMs) as BulkRunFigures;
  return {
    peer,
    label,
    wallMs,
    wallMsMin: walls.minMs,
    wallMsMax: walls.maxMs,
    toFloor: ratio(wallMs, floor.floorMs),
    clientCpuUsPerRecord: (mid.clientCpuMs * 1000) / records,
    requests: mid.requests,
    throttled: mid.throttled,
    throttledShare: mid.requests === 0 ? 0 : mid.throttled / mid.requests,
    // The worst run: a peer that once left records behind does not get to hide it behind a median.
    itemsApplied: Math.min(...runs.map((r) => r.itemsApplied)),
    itemsNotApplied: Math.max(...runs.map((r) => records - r.itemsApplied)),
    clientView: mid.clientView,
    runs: [...runs],
  };
}
