/**
 * Bulk update of N CogniteFile nodes through the emulator: ours (the product's bulk job after its preview: each chunk read, planned, upserted) vs
 * @cognite/sdk (instances.retrieve, then instances.upsert with existingVersion), one tag added to
 * each node. Every run gets a fresh emulator in its own process with the same nodes, created before
 * the clock starts; afterwards the store is read back: a peer's "not applied" is the nodes without
 * its tag, not what the client believes.
 *
 * The peers run interleaved (ours, sdk; then sdk, ours; ...) several times; each figure is the
 * median run with min and max, against the floor of nodeFloor (scenarios.ts).
 */
import { startEmulatorProcess, routeTotals, type EmulatorProcess } from '../support/emulator-process';
import { writeResult, type BenchResult } from '../support/result-file';
import { ratio } from '../support/stats';
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
    for (let rep = 0; rep < repetitions; rep++) {
      const order = PEERS.map((_, i) => PEERS[(i + rep) % PEERS.length]!);
      for (const peer of order) {
        log(`node update: ${scenario.name}, ${peer}, ${options.records} nodes, run ${rep + 1}/${repetitions}`);
        runs.get(peer)!.push(await runPeer(peer, scenario, options.records, String(rep)));
      }
    }
    figures.push(summarizeScenario(scenario, runs, options.records));
    const last = figures.at(-1)!;
    log(
      `node update: ${scenario.name}: floor ${(last.floor.floorMs / 1000).toFixed(2)} s (${last.floor.boundBy}); ` +
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
      `Both peers start from the node ids and read the nodes themselves (instances/byids); peers run interleaved, ${repetitions} times each, after one untimed warm-up run each.`,
      'Floor = max(upserts × mean latency / concurrent write limit, ceil(upserts / write limit) × shortest latency, emulator busy time + shortest latency); busy time is the least of the runs that applied everything.',
      'Requests and 429s are the POST /models/instances answers the emulator counted; applied nodes are counted in its store after the run.',
      '@cognite/sdk is used unchanged: instances.retrieve and instances.upsert send one request each, so the peer chunks at 1000 and sends every chunk at once, as the SDK does for its own chunked endpoints; the SDK retries 429s itself.',
    ],
  });
  return result;
}

function summarizeScenario(
  scenario: NodeScenario,
  runs: Map<NodePeerName, BulkRunFigures[]>,
  records: number,
): BulkScenarioFigures {
  const complete = [...runs.values()].flat().filter((r) => r.itemsApplied === records);
  const serverBusyMs = complete.length > 0 ? Math.min(...complete.map((r) => r.serverBusyMs)) : 0;
  const floor = nodeFloor(scenario, records, serverBusyMs);
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

async function runPeer(
  peer: NodePeerName,
  scenario: NodeScenario,
  records: number,
  rep: string,
): Promise<BulkRunFigures> {
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
    const tag = `${scenario.name}-${peer}-${rep}`;
    const refs = Array.from({ length: records }, (_, i) => nodeRef(i));
    // What a peer does before the user's Apply (ours: the preview) is not timed, as creating the nodes.
    const run = await NODE_PEERS[peer](emulator, refs, tag);
    await emulator.resetForNextPeer();
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    const clientView = await run();
    const wallMs = performance.now() - start;
    const cpu = process.cpuUsage(cpuBefore);
    const busy = await emulator.busy();
    const { requests, throttled } = routeTotals(await emulator.counts(), ROUTE);
    const { matching } = await emulator.countNodeTag(NODE_SPACE, tag);
    return {
      wallMs,
      serverBusyMs: busy.busyMs,
      serverCpuMs: busy.cpuMs,
      clientCpuMs: (cpu.user + cpu.system) / 1000,
      requests,
      throttled,
      itemsApplied: matching,
      clientView,
    };
  } finally {
    await emulator.close();
  }
}
