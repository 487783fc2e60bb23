/**
 * A local emulator of the CDF Files API (plus the data set, label and asset look-ups the editor
 * uses, and data modeling instances for CogniteFile records), with deterministic demo data,
 * CDF-like throttling and seeded fault injection. It is the extension's demo project and the
 * backend of the tests and benchmarks. No 'vscode' here.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ContentLinks } from './http/content-links';
import { Faults } from './http/faults';
import { MAX_BODY_BYTES } from './http/read-body';
import { RequestRecorder } from './http/recorder';
import { Timers } from './http/respond';
import { Router } from './http/route';
import { hostChecker } from './http/allowed-hosts';
import { continueChecker, createRequestListener } from './http/server';
import { Throttle } from './http/throttle';
import type { EmulatorOptions, FaultOptions, RecordedRequest, ThrottleOptions } from './options';
import { ModelConcurrency } from './dms/concurrency';
import { ALL_ROUTES } from './routes';
import { openProject, type OpenedProject } from './open-project';
import type { FileStore } from './store/file-store';
import { acquireStateLockWaiting } from './store/state-lock';
import { ServiceMeter, type ServiceStats } from './service-stats';

export type { RouteOccupancy, ServiceStats } from './service-stats';
export type { EmulatorOptions, FaultOptions, RecordedRequest, RouteFaults, ThrottleOptions } from './options';
export { FileStore } from './store/file-store';
export { StateFileInUseError } from './store/state-lock';
export type { Asset, DataSet, LabelDefinition } from './store/lookup-types';
export type { DirectRelation, NodeRecord, PropertyValue, SpaceRecord } from './dms/instance-types';
export type { ModelLimits } from './dms/statistics';
export { generateDemo } from './demo/generate';

export interface RunningEmulator {
  /** `http://127.0.0.1:PORT` */
  baseUrl: string;
  project: string;
  token: string;
  /** `${baseUrl}/api/v1/projects/${project}` */
  apiBase: string;
  /** Requests received (the last `maxRecordedRequests`), in arrival order. */
  requests: RecordedRequest[];
  clearRequests(): void;
  setThrottle(t: ThrottleOptions | undefined): void;
  setFaults(f: FaultOptions | undefined): void;
  /**
   * How long the emulator was busy serving since the last {@link resetServiceStats} (or start): a
   * benchmark's measure of the server's own work. Emulator-only; not part of the emulated API.
   */
  serviceStats(): ServiceStats;
  resetServiceStats(): void;
  /** Direct access for tests: arrange records, or play "another client changed this record". */
  store: FileStore;
  /** What the project was generated from (a loaded state file's settings win over the options). */
  demo: { seed: number; files: number; loadedStateFile: boolean };
  /** Stops listening, drops open connections, and saves the state file if there is one. */
  close(): Promise<void>;
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  // One emulator per state file: a second one would compact its own copy over the first one's writes.
  const releaseLock = opts.stateFile
    ? await acquireStateLockWaiting(opts.stateFile, opts.stateLockWaitMs ?? 0)
    : undefined;
  try {
    return await start(opts, releaseLock);
  } catch (e) {
    releaseLock?.();
    throw e;
  }
}

/** Accepts the emulator's own token, and any other that `verify` accepts (a failing verifier accepts none). */
function tokenAcceptor(token: string, verify: EmulatorOptions['verifyToken']): (t: string) => Promise<boolean> {
  return async (t) => {
    if (t === token) return true;
    if (!verify) return false;
    try {
      return await verify(t);
    } catch {
      return false;
    }
  };
}

/** Listens on 127.0.0.1 and resolves to the port (a free one for port 0). */
async function listen(server: http.Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

/** Stops at most once: timers, connections, then the state file is saved and its lock let go. */
function closer(
  server: http.Server,
  timers: Timers,
  opened: OpenedProject,
  releaseLock: (() => void) | undefined,
): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () =>
    (closing ??= (async () => {
      timers.clearAll();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      opened.store.onWrite(undefined);
      try {
        opened.durable?.close();
      } finally {
        releaseLock?.();
      }
    })());
}

async function start(opts: EmulatorOptions, releaseLock: (() => void) | undefined): Promise<RunningEmulator> {
  const project = opts.project ?? 'demo';
  const token = opts.token ?? 'demo';
  const now = opts.now ?? Date.now;
  const opened = await openProject(opts, project);
  const { store, seed, files } = opened;

  let baseUrl = '';
  let port = 0;
  const timers = new Timers();
  const throttle = new Throttle(opts.throttle);
  const faults = new Faults(opts.faults);
  const meter = new ServiceMeter();
  const recorder = new RequestRecorder(opts.maxRecordedRequests ?? 10_000, opts.onRequest);
  const listener = createRequestListener({
    router: new Router(ALL_ROUTES),
    store,
    project,
    isAccepted: tokenAcceptor(token, opts.verifyToken),
    now,
    throttle,
    faults,
    recorder,
    links: new ContentLinks(() => baseUrl, now),
    timers,
    maxBodyBytes: opts.maxRequestBodyBytes ?? MAX_BODY_BYTES,
    checkHost: hostChecker(() => port, opts.allowHosts),
    modelConcurrency: new ModelConcurrency(() => store.modelLimits),
    occupancy: meter.occupancy,
  });

  const server = http.createServer(listener);
  server.on('checkContinue', continueChecker(listener));
  port = await listen(server, opts.port ?? 0);
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    baseUrl,
    project,
    token,
    apiBase: `${baseUrl}/api/v1/projects/${encodeURIComponent(project)}`,
    requests: recorder.requests,
    clearRequests: () => recorder.clear(),
    setThrottle: (t) => throttle.set(t),
    setFaults: (f) => faults.set(f),
    serviceStats: () => meter.read(),
    resetServiceStats: () => meter.reset(),
    store,
    demo: { seed, files, loadedStateFile: opened.loadedStateFile },
    close: closer(server, timers, opened, releaseLock),
  };
}
