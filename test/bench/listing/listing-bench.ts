/**
 * Full listing of N records: our partitioned parallel listing vs our single cursor vs the SDK's
 * auto-paging, one emulator for all (read-only work, so they meet the same data), each peer in its
 * own process for a clean peak RSS, the emulator's throttle and latency draws reset between them.
 *
 * Budget (the Files API docs, https://api-docs.cognite.com/20230101/tag/Files): "up to 23 requests
 * per second ... for an analytical query (per identity), such as /list"; concurrency 12 per
 * identity, from the Assets table's analytical row of CDF's rate-limit docs (the Files figure is
 * published only as an image). Latency per page is below what CDF takes for 1000 records, to
 * keep the run short: the more latency, the more partitions gain, so this understates their gain.
 */
import path from 'node:path';
import { startChild } from '../support/child-process';
import { startEmulatorProcess, routeTotals, type EmulatorProcess } from '../support/emulator-process';
import { writeResult, type BenchResult } from '../support/result-file';
import { ratio } from '../support/stats';
import type { ListingRun } from './listing-peer-child';
import { LISTING_PEER_LABELS, PARTITIONS, type ListingPeerName } from './listing-peers';

export interface ListingOptions {
  records: number;
  outDir: string;
  peers?: readonly ListingPeerName[];
  log?: (line: string) => void;
}

export interface ListingPeerFigures extends ListingRun {
  peer: ListingPeerName;
  label: string;
  requests: number;
  throttled: number;
  complete: boolean;
}

export interface ListingFigures {
  records: number;
  emulator: { startMs: number; spawnToReadyMs: number; rssBytes: number };
  peers: ListingPeerFigures[];
  /** Peer / ours-partitioned: wall time (how many times faster ours is) and peak RSS. */
  versusPartitioned: Partial<Record<ListingPeerName, { wallTime: number | undefined; peakRss: number | undefined }>>;
}

export const LISTING_SETTINGS = {
  throttle: { requestsPerSecond: 23, burst: 23, concurrency: 12 },
  latencyMs: 40,
  latencyJitterMs: 40,
  pageSize: 1000,
  partitions: PARTITIONS,
} as const;

const ROUTE = 'POST /files/list';
const DEFAULT_PEERS: readonly ListingPeerName[] = [
  'ours-partitioned',
  'ours-single-cursor',
  'sdk-auto-paging',
  'ours-partitioned-streaming',
];

export async function runListingBench(options: ListingOptions): Promise<BenchResult<ListingFigures>> {
  const startedAt = performance.now();
  const log = options.log ?? (() => undefined);
  log(`listing: starting an emulator with ${options.records} records`);
  const emulator = await startEmulatorProcess({
    files: options.records,
    throttle: LISTING_SETTINGS.throttle,
    faults: {
      seed: 11,
      routes: { [ROUTE]: { latencyMs: LISTING_SETTINGS.latencyMs, latencyJitterMs: LISTING_SETTINGS.latencyJitterMs } },
    },
  });
  const peers: ListingPeerFigures[] = [];
  try {
    for (const peer of options.peers ?? DEFAULT_PEERS) {
      log(`listing: ${peer}`);
      peers.push(await runPeer(peer, emulator, options.records));
    }
  } finally {
    await emulator.close();
  }

  const base = peers.find((p) => p.peer === 'ours-partitioned');
  const versusPartitioned: ListingFigures['versusPartitioned'] = {};
  for (const p of peers) {
    if (p === base) continue;
    versusPartitioned[p.peer] = {
      wallTime: ratio(p.wallMs, base?.wallMs),
      peakRss: ratio(p.peakRssBytes, base?.peakRssBytes),
    };
  }

  const { result } = await writeResult<ListingFigures>(options.outDir, {
    benchmark: 'listing',
    description: `Full listing of ${options.records} records: partitioned vs single cursor vs @cognite/sdk autoPagingToArray`,
    settings: { records: options.records, ...LISTING_SETTINGS },
    durationMs: performance.now() - startedAt,
    figures: {
      records: options.records,
      emulator: { startMs: emulator.startMs, spawnToReadyMs: emulator.spawnToReadyMs, rssBytes: emulator.rssBytes },
      peers,
      versusPartitioned,
    },
    notes: [
      'Every peer but the streaming one keeps all records in memory (as autoPagingToArray must), so peak RSS compares the same work.',
      'Each peer runs in its own Node process (peak RSS = that process’s maxRSS, module loading included); the emulator in another.',
      `Latency per page ${LISTING_SETTINGS.latencyMs}–${LISTING_SETTINGS.latencyMs + LISTING_SETTINGS.latencyJitterMs} ms is lower than CDF's for 1000 records, which understates what partitions gain.`,
      'Emulator start time: generating the demo records and listening, in its own process.',
    ],
  });
  return result;
}

async function runPeer(peer: ListingPeerName, emulator: EmulatorProcess, records: number): Promise<ListingPeerFigures> {
  await emulator.resetForNextPeer();
  const child = await startChild(path.join(__dirname, 'listing-peer-child.ts'), {
    nodeFlags: ['--max-old-space-size=8192', '--expose-gc'],
  });
  try {
    const run = await child.call<ListingRun>('run', {
      peer,
      endpoint: { baseUrl: emulator.baseUrl, project: emulator.project, token: emulator.token },
    });
    const { requests, throttled } = routeTotals(await emulator.counts(), ROUTE);
    return {
      peer,
      label: LISTING_PEER_LABELS[peer],
      ...run,
      requests,
      throttled,
      complete: run.records === records && run.distinctIds === records,
    };
  } finally {
    await child.stop();
  }
}
