/** An emulator in its own process (so it does not share the client's event loop), for benchmarks. */
import path from 'node:path';
import type {
  EmulatorOptions,
  FaultOptions,
  ModelLimits,
  RouteOccupancy,
  ThrottleOptions,
} from '../../../src/emulator';
import type { FileRecord } from '../../../src/cdf/model';
import { startChild, type ChildHandle } from './child-process';

/** The JSON-safe subset of {@link EmulatorOptions} a child can take. */
export interface EmulatorSettings {
  files: number;
  seed?: number;
  project?: string;
  token?: string;
  throttle?: ThrottleOptions;
  faults?: FaultOptions;
}

export interface EmulatorReady {
  baseUrl: string;
  apiBase: string;
  project: string;
  token: string;
  files: number;
  /** `startEmulator` alone: generating the demo data and listening. */
  startMs: number;
  rssBytes: number;
}

/** Answered requests per `METHOD /path-below-project`, by HTTP status. */
export type RequestCounts = Record<string, { requests: number; byStatus: Record<string, number> }>;

/** How long the emulator worked since the last reset (see emulator-child.ts `busy`). */
export interface EmulatorBusy {
  /** Event-loop active time: the one thread that serves every request was running code. */
  busyMs: number;
  /** CPU time of the process (user + system; includes GC and libuv threads). */
  cpuMs: number;
  /**
   * Per `METHOD template`, the requests admitted to that route: how many, the latency drawn for them
   * and their own handling time (src/emulator/http/occupancy.ts), what a concurrency slot is held for
   * at least.
   */
  routes: Record<string, RouteOccupancy>;
}

export interface EmulatorProcess extends EmulatorReady {
  /** From fork to ready: process start, module load and `startEmulator`. */
  spawnToReadyMs: number;
  counts(): Promise<RequestCounts>;
  busy(): Promise<EmulatorBusy>;
  /** Fresh throttle buckets, fault draws and counters for the next peer. */
  resetForNextPeer(): Promise<void>;
  fileIds(): Promise<number[]>;
  countMetadata(key: string, value: string): Promise<{ matching: number; total: number }>;
  record(id: number): Promise<FileRecord | null>;
  /** No throttle and no added latency until the next {@link resetForNextPeer}. */
  quiet(): Promise<void>;
  setModelLimits(limits: Partial<ModelLimits>): Promise<void>;
  /** Nodes of `space` whose tags hold `tag`, and all nodes of `space`. */
  countNodeTag(space: string, tag: string): Promise<{ matching: number; total: number }>;
  close(): Promise<void>;
}

export async function startEmulatorProcess(settings: EmulatorSettings): Promise<EmulatorProcess> {
  const startedAt = performance.now();
  // The demo generator holds every record in memory; 1M records need more than the default heap.
  const child: ChildHandle = await startChild(path.join(__dirname, 'emulator-child.ts'), {
    nodeFlags: ['--max-old-space-size=8192'],
  });
  let ready: EmulatorReady;
  try {
    ready = await child.call<EmulatorReady>('start', { seed: 1, ...settings } satisfies EmulatorOptions);
  } catch (error) {
    child.kill();
    throw error;
  }
  return {
    ...ready,
    spawnToReadyMs: performance.now() - startedAt,
    counts: () => child.call<RequestCounts>('counts'),
    busy: () => child.call<EmulatorBusy>('busy'),
    resetForNextPeer: () => child.call<void>('resetForNextPeer'),
    fileIds: () => child.call<number[]>('fileIds'),
    countMetadata: (key, value) => child.call('countMetadata', { key, value }),
    record: (id) => child.call<FileRecord | null>('record', { id }),
    quiet: () => child.call<void>('quiet'),
    setModelLimits: (limits) => child.call<void>('setModelLimits', limits),
    countNodeTag: (space, tag) => child.call('countNodeTag', { space, tag }),
    close: () => child.stop(),
  };
}

/** Sums of a route's answers: everything, and the 429s. */
export function routeTotals(counts: RequestCounts, route: string): { requests: number; throttled: number } {
  const entry = counts[route];
  return { requests: entry?.requests ?? 0, throttled: entry?.byStatus['429'] ?? 0 };
}
