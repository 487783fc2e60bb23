/**
 * Child process entry: one emulator, driven by the benchmark over IPC (see emulator-process.ts).
 * It counts every answered request itself, so the figures do not depend on what a client reports.
 */
import { performance } from 'node:perf_hooks';
import { startEmulator, type EmulatorOptions, type RecordedRequest, type RunningEmulator } from '../../../src/emulator';
import { serveRpc } from './child-process';
import type { EmulatorBusy, EmulatorReady, RequestCounts } from './emulator-process';

let emulator: RunningEmulator | undefined;
let options: EmulatorOptions = {};
let counts: RequestCounts = {};

/** `POST /files/update`: the path below the project, since a throttled request never gets a route. */
function countKey(request: RecordedRequest): string {
  const below = request.path.replace(/^\/api\/v1\/projects\/[^/]+/, '');
  return `${request.method} ${below}`;
}

function count(request: RecordedRequest): void {
  const key = countKey(request);
  const entry = (counts[key] ??= { requests: 0, byStatus: {} });
  entry.requests++;
  const status = String(request.status);
  entry.byStatus[status] = (entry.byStatus[status] ?? 0) + 1;
}

function running(): RunningEmulator {
  if (!emulator) throw new Error('the emulator is not started');
  return emulator;
}

serveRpc({
  start: async (params) => {
    options = params as EmulatorOptions;
    const startedAt = performance.now();
    emulator = await startEmulator({ ...options, maxRecordedRequests: 0, onRequest: count });
    const startMs = performance.now() - startedAt;
    return {
      baseUrl: emulator.baseUrl,
      apiBase: emulator.apiBase,
      project: emulator.project,
      token: emulator.token,
      files: emulator.store.files.size,
      startMs,
      rssBytes: process.memoryUsage().rss,
    } satisfies EmulatorReady;
  },
  counts: () => counts,
  /**
   * What the emulator reports of its own work since the last reset (see src/emulator/service-stats.ts):
   * a server whose busy time nears the wall time is what bounds the run; and how long the admitted
   * requests of each route held their slot at least (latency drawn + own handling).
   */
  busy: () => {
    const { busyMs, cpuMs, routes } = running().serviceStats();
    return { busyMs, cpuMs, routes } satisfies EmulatorBusy;
  },
  /** Fresh throttle buckets, fault sequences and counters: the next peer meets exactly what the last one did. */
  resetForNextPeer: () => {
    const e = running();
    e.setThrottle(options.throttle);
    e.setFaults(options.faults);
    counts = {};
    e.resetServiceStats();
  },
  fileIds: () => [...running().store.files.ids.from(0)],
  /** How many records carry `metadata[key] === value`. */
  countMetadata: (params) => {
    const { key, value } = params as { key: string; value: string };
    let matching = 0;
    for (const record of running().store.files.values()) if (record.metadata?.[key] === value) matching++;
    return { matching, total: running().store.files.size };
  },
  /** No throttle and no added latency until the next resetForNextPeer (arranging data before a run). */
  quiet: () => {
    running().setThrottle(undefined);
    running().setFaults(undefined);
  },
  /** The data modeling limits `GET /models/statistics` reports and the emulator enforces. */
  setModelLimits: (params) => {
    const e = running();
    e.store.modelLimits = { ...e.store.modelLimits, ...(params as Partial<typeof e.store.modelLimits>) };
  },
  /** How many nodes of `space` carry `tag` in their tags. */
  countNodeTag: (params) => {
    const { space, tag } = params as { space: string; tag: string };
    let matching = 0;
    let total = 0;
    for (const node of running().store.nodes.sorted()) {
      if (node.space !== space) continue;
      total++;
      if (Object.values(node.data).some((d) => Array.isArray(d.tags) && d.tags.includes(tag))) matching++;
    }
    return { matching, total };
  },
  /** The record as the store holds it (for checks of a save). */
  record: (params) => running().store.files.get((params as { id: number }).id) ?? null,
  close: async () => {
    await emulator?.close();
    emulator = undefined;
  },
});
