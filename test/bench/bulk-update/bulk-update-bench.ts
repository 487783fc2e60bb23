/**
 * Bulk update of N records through the emulator: ours vs @cognite/sdk vs the Python SDK's strategy,
 * under each scenario of scenarios.ts. Every peer gets a fresh emulator (same seed, same settings,
 * so the same data and the same latency draws), and the emulator's store is checked afterwards:
 * a peer's "items not applied" is what the store says, not what the client believes.
 */
import { startEmulatorProcess, routeTotals } from '../support/emulator-process';
import { writeResult, type BenchResult } from '../support/result-file';
import { ratio } from '../support/stats';
import { BULK_PEER_LABELS, BULK_PEERS, type BulkPeerName, type ClientView } from './peers';
import { BULK_SCENARIOS, type BulkScenario } from './scenarios';
import { MARK_KEY, markEveryRecord } from './workload';

export interface BulkUpdateOptions {
  records: number;
  outDir: string;
  scenarios?: readonly BulkScenario[];
  peers?: readonly BulkPeerName[];
  log?: (line: string) => void;
}

export interface BulkPeerFigures {
  peer: BulkPeerName;
  label: string;
  wallMs: number;
  /** `POST /files/update` requests the emulator answered (retries included). */
  requests: number;
  /** Of those, answered 429. */
  throttled: number;
  throttledShare: number;
  /** Records the store shows with this peer's change. */
  itemsApplied: number;
  itemsNotApplied: number;
  clientView: ClientView;
}

export interface BulkScenarioFigures {
  scenario: string;
  title: string;
  latencyMs: [number, number];
  throttle: BulkScenario['throttle'];
  peers: BulkPeerFigures[];
  /** Peer wall time / ours: how many times faster ours is. */
  speedup: Partial<Record<BulkPeerName, number>>;
}

export interface BulkUpdateFigures {
  records: number;
  scenarios: BulkScenarioFigures[];
}

const ROUTE = 'POST /files/update';

export async function runBulkUpdateBench(options: BulkUpdateOptions): Promise<BenchResult<BulkUpdateFigures>> {
  const startedAt = performance.now();
  const log = options.log ?? (() => undefined);
  const scenarios = options.scenarios ?? BULK_SCENARIOS;
  const peers = options.peers ?? (['ours', 'sdk', 'python-strategy'] as const);
  const figures: BulkScenarioFigures[] = [];

  for (const scenario of scenarios) {
    const results: BulkPeerFigures[] = [];
    for (const peer of peers) {
      log(`bulk update: ${scenario.name}, ${peer}, ${options.records} records`);
      results.push(await runPeer(peer, scenario, options.records));
    }
    const ours = results.find((r) => r.peer === 'ours');
    const speedup: BulkScenarioFigures['speedup'] = {};
    for (const r of results) if (r.peer !== 'ours') speedup[r.peer] = ratio(r.wallMs, ours?.wallMs);
    figures.push({
      scenario: scenario.name,
      title: scenario.title,
      latencyMs: [scenario.latencyMs, scenario.latencyMs + scenario.latencyJitterMs],
      throttle: scenario.throttle,
      peers: results,
      speedup,
    });
  }

  const { result } = await writeResult<BulkUpdateFigures>(options.outDir, {
    benchmark: 'bulk-update',
    description: `files/update of ${options.records} records (one metadata key each): ours vs @cognite/sdk vs the Python SDK strategy`,
    settings: { records: options.records, chunkSize: 1000, scenarios },
    durationMs: performance.now() - startedAt,
    figures: { records: options.records, scenarios: figures },
    notes: [
      'Each peer runs on a fresh emulator in its own process (same seed, same throttle, same latency draws); the client runs in the benchmark process.',
      'Requests and 429s are counted by the emulator; items applied are counted in its store after the run.',
      'The Python SDK strategy is a reimplementation in TypeScript of what cognite-sdk-python v8 does (2 requests at a time, 10 retries, backoff uniform(0, min(0.5*2^n, 60)) s), not the Python SDK itself.',
      '@cognite/sdk is used unchanged; it retries a 429 at most 5 times (backoff up to 250*2^(n+1) ms) and does not retry files/update on 5xx.',
    ],
  });
  return result;
}

async function runPeer(peer: BulkPeerName, scenario: BulkScenario, records: number): Promise<BulkPeerFigures> {
  const emulator = await startEmulatorProcess({
    files: records,
    throttle: scenario.throttle,
    faults: {
      seed: 7,
      routes: { [ROUTE]: { latencyMs: scenario.latencyMs, latencyJitterMs: scenario.latencyJitterMs } },
    },
  });
  try {
    const mark = `${scenario.name}/${peer}`;
    const items = markEveryRecord(await emulator.fileIds(), mark);
    await emulator.resetForNextPeer();
    const start = performance.now();
    const clientView = await BULK_PEERS[peer](emulator, items);
    const wallMs = performance.now() - start;
    const { requests, throttled } = routeTotals(await emulator.counts(), ROUTE);
    const { matching } = await emulator.countMetadata(MARK_KEY, mark);
    return {
      peer,
      label: BULK_PEER_LABELS[peer],
      wallMs,
      requests,
      throttled,
      throttledShare: requests === 0 ? 0 : throttled / requests,
      itemsApplied: matching,
      itemsNotApplied: items.length - matching,
      clientView,
    };
  } finally {
    await emulator.close();
  }
}
