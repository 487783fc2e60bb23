/**
 * Bulk update of N CogniteFile nodes through the emulator: ours (the product's bulk job after its preview: each chunk read, planned, upserted) vs
 * @cognite/sdk (instances.retrieve, then instances.upsert with existingVersion), one tag added to
 * each node. Every run gets a fresh emulator in its own process with the same nodes, created before
 * the clock starts; afterwards the store is read back: a peer's "not applied" is the nodes without
 * its tag, not what the client believes.
 *
 * The peers run interleaved (ours, sdk; then sdk, ours; ...) several times; each figure is the
 * median run with min and max, against the floor of nodeFloor (scenarios.ts). Each repetition also
 * runs the ideal client (ideal-client.ts: prebuilt upserts, no reads), not a peer but a reference
 * printed beside the floor: how close the floor is to what a client can reach.
 */
import { startEmulatorProcess, type EmulatorProcess } from '../support/emulator-process';
import { timedRun } from '../support/timed-run';
import { writeResult, type BenchResult } from '../support/result-file';
import { ratio, spread } from '../support/stats';
import { leastOccupancy, type IdealClientFigures } from '../bulk-update/floor';
import {
  summarizePeer,
  type BulkPeerFigures,
  type BulkRunFigures,
  type BulkScenarioFigures,
  type BulkUpdateFigures,
} from '../bulk-update/bulk-update-bench';
import { NODE_PEER_LABELS, NODE_PEERS, type NodePeerName } from './peers';
import { NODE_CHUNK, NODE_SCENARIOS, nodeFloor, type NodeScenario } from './scenarios';
import { createNodes, NODE_SPACE, nodeRef } from './workload';
import { prebuiltUpserts, sendBackToBack } from './ideal-client';

export interface NodeUpdateOptions {
  records: number;
  outDir: string;
  scenarios?: readonly NodeScenario[];
  /** Runs of each peer per scenario (interleaved). Default 3. */
  repetitions?: number;
  log?: (line: string) => void;
}

/** The bulk update benchmark's figures, so the README table prints both alike. */
export type NodeUpdateFigures = BulkUpdateFigures;

const ROUTE = 'POST /models/instances';
const PEERS: readonly NodePeerName[] = ['ours', 'ours-port', 'sdk'];

export async function runNodeUpdateBench(options: NodeUpdateOptions): Promise<BenchResult<NodeUpdateFigures>> {
  const startedAt = performance.now();
  const log = options.log ?? (() => undefined);
  const scenarios = options.scenarios ?? NODE_SCENARIOS;
  const repetitions = Math.max(1, options.repetitions ?? 3);
  const figures: BulkScenarioFigures[] = [];
  const warmUp = { ...scenarios[0]!, latencyMs: 0, latencyJitterMs: 0 };
  // One untimed run of each first: whoever runs first would also pay for loading its code.
  for (const peer of PEERS) await runPeer(peer, warmUp, Math.min(options.records, 2000), 'warm-up');
  for (const scenario of scenarios) {
    const runs = new Map<NodePeerName, BulkRunFigures[]>(PEERS.map((p) => [p, []]));
    const ideal: BulkRunFigures[] = [];
    for (let rep = 0; rep < repetitions; rep++) {
      const order = PEERS.map((_, i) => PEERS[(i + rep) % PEERS.length]!);
      for (const peer of order) {
        log(`node update: ${scenario.name}, ${peer}, ${options.records} nodes, run ${rep + 1}/${repetitions}`);
        runs.get(peer)!.push(await runPeer(peer, scenario, options.records, String(rep)));
      }
      log(`node update: ${scenario.name}, ideal client, ${options.records} nodes, run ${rep + 1}/${repetitions}`);
      ideal.push(await runIdealClient(scenario, options.records, String(rep)));
    }
    figures.push(summarizeScenario(scenario, runs, ideal, options.records));
    const last = figures.at(-1)!;
    const { floor } = last;
    log(
      `node update: ${scenario.name}: floor ${(floor.floorMs / 1000).toFixed(2)} s (${floor.boundBy}); ` +
        `ideal client ${((floor.idealClient?.wallMs ?? NaN) / 1000).toFixed(2)} s; ` +
        last.peers
          .map((p) => `${p.peer} ${(p.wallMs / 1000).toFixed(2)} s, ${p.itemsNotApplied} not applied`)
          .join('; '),
    );
  }
  const { result } = await writeResult<NodeUpdateFigures>(options.outDir, {
    benchmark: 'node-update',
    description: `CogniteFile bulk update of ${options.records} nodes (one tag added to each): ours vs @cognite/sdk instances.upsert`,
    settings: { records: options.records, chunkSize: NODE_CHUNK, repetitions, scenarios },
    durationMs: performance.now() - startedAt,
    figures: { records: options.records, repetitions, scenarios: figures },
    notes: [
      'Each run gets a fresh emulator in its own process; the nodes are created before the clock starts, then throttle, latency and counters are reset.',
      `Every peer starts from the node ids and reads the nodes itself (instances/byids); ours is the product's bulk job, whose preview (a read and plan of every node, what a person reads before Apply) is made before the clock starts, and which reads each chunk again right before its upsert; peers run interleaved, ${repetitions} times each, after one untimed warm-up run each.`,
      'Floor = max(Σ (latency drawn + own handling) of the admitted upserts / concurrent write limit, ceil(upserts / write limit) × (shortest latency + shortest own handling), emulator busy time + shortest latency); busy time is the least of the peer runs that applied everything, the upserts’ occupancy the least of the runs (the ideal client’s included) that applied everything with one upsert per 1000 nodes.',
      'The ideal client is a reference, not a peer: its upsert bodies are built from a read before its clock starts, then sent through the write limit’s slots back to back, with no reads.',
      'Requests and 429s are the POST /models/instances answers the emulator counted; applied nodes are counted in its store after the run.',
      '@cognite/sdk is used unchanged: instances.retrieve and instances.upsert send one request each, so the peer chunks at 1000 and sends every chunk at once, as the SDK does for its own chunked endpoints; the SDK retries 429s itself.',
    ],
  });
  return result;
}

function summarizeScenario(
  scenario: NodeScenario,
  runs: Map<NodePeerName, BulkRunFigures[]>,
  ideal: readonly BulkRunFigures[],
  records: number,
): BulkScenarioFigures {
  const complete = [...runs.values()].flat().filter((r) => r.itemsApplied === records);
  // The ideal client's runs skip the reads: their busy time is not a peer's, but their upserts are.
  const serverBusyMs = complete.length > 0 ? Math.min(...complete.map((r) => r.serverBusyMs)) : 0;
  const upserts = Math.ceil(records / NODE_CHUNK);
  const occupancy = leastOccupancy(
    [...complete, ...ideal.filter((r) => r.itemsApplied === records)].map((r) => r.occupancy),
    upserts,
  );
  const floor = { ...nodeFloor(scenario, records, serverBusyMs, occupancy), idealClient: idealFigures(ideal, records) };
  const peers: BulkPeerFigures[] = PEERS.map((peer) =>
    summarizePeer(peer, runs.get(peer) ?? [], floor, records, NODE_PEER_LABELS[peer]),
  );
  const ours = peers.find((p) => p.peer === 'ours');
  const sdk = peers.find((p) => p.peer === 'sdk');
  const port = peers.find((p) => p.peer === 'ours-port');
  return {
    scenario: scenario.name,
    title: scenario.title,
    latencyMs: [scenario.latencyMs, scenario.latencyMs + scenario.latencyJitterMs],
    throttle: { concurrency: scenario.writeLimit },
    floor,
    peers,
    speedup: { sdk: ratio(sdk?.wallMs, ours?.wallMs), 'ours-port': ratio(port?.wallMs, ours?.wallMs) },
  };
}

/** A fresh emulator in its own process with the scenario's nodes and limits, quiet until `run` resets it. */
async function inScenarioEmulator<T>(
  scenario: NodeScenario,
  records: number,
  run: (emulator: EmulatorProcess) => Promise<T>,
): Promise<T> {
  const emulator: EmulatorProcess = await startEmulatorProcess({
    files: 0,
    throttle: scenario.throttle,
    faults: {
      seed: 7,
      routes: { [ROUTE]: { latencyMs: scenario.latencyMs, latencyJitterMs: scenario.latencyJitterMs } },
    },
  });
  try {
    await emulator.quiet();
    await createNodes(emulator, records);
    await emulator.setModelLimits({ concurrentWriteLimit: scenario.writeLimit });
    return await run(emulator);
  } finally {
    await emulator.close();
  }
}

/** The nodes the store shows with the run's tag: applied, whatever the client believes. */
const applied = (emulator: EmulatorProcess, tag: string) => async () =>
  (await emulator.countNodeTag(NODE_SPACE, tag)).matching;

async function runPeer(
  peer: NodePeerName,
  scenario: NodeScenario,
  records: number,
  rep: string,
): Promise<BulkRunFigures> {
  return inScenarioEmulator(scenario, records, async (emulator) => {
    const tag = `${scenario.name}-${peer}-${rep}`;
    const refs = Array.from({ length: records }, (_, i) => nodeRef(i));
    // What a peer does before the user's Apply (ours: the preview) is not timed, as creating the nodes.
    const run = await NODE_PEERS[peer](emulator, refs, tag);
    await emulator.resetForNextPeer();
    return timedRun(emulator, ROUTE, run, applied(emulator, tag));
  });
}

/** The ideal client: its bodies built before the clock (and before the counters are reset). */
async function runIdealClient(scenario: NodeScenario, records: number, rep: string): Promise<BulkRunFigures> {
  return inScenarioEmulator(scenario, records, async (emulator) => {
    const tag = `${scenario.name}-ideal-${rep}`;
    const bodies = await prebuiltUpserts(
      emulator,
      Array.from({ length: records }, (_, i) => nodeRef(i)),
      tag,
    );
    await emulator.resetForNextPeer();
    return timedRun(
      emulator,
      ROUTE,
      async () => {
        await sendBackToBack(emulator, bodies, scenario.writeLimit);
        return { itemsNotApplied: 0, detail: { prebuiltUpserts: bodies.length } };
      },
      applied(emulator, tag),
    );
  });
}

function idealFigures(runs: readonly BulkRunFigures[], records: number): IdealClientFigures | undefined {
  if (runs.length === 0) return undefined;
  const walls = spread(runs.map((r) => r.wallMs));
  return {
    wallMs: walls.medianMs,
    wallMsMin: walls.minMs,
    wallMsMax: walls.maxMs,
    runs: runs.length,
    itemsNotApplied: Math.max(...runs.map((r) => records - r.itemsApplied)),
  };
}
