/**
 * A local emulator of the CDF Files API (plus the data set, label and asset look-ups the editor
 * uses, and data modeling instances for CogniteFile records), with deterministic demo data,
 * CDF-like throttling and seeded fault injection. It is the extension's demo project and the
 * backend of the tests and benchmarks. No 'vscode' here.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateDemo } from './demo/generate';
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
import { FileStore } from './store/file-store';
import { applyJournalEntry, journalPathOf, readJournal } from './store/journal';
import { applyState, DurableState, readStateFile } from './store/state-file';
import { acquireStateLockWaiting } from './store/state-lock';

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

async function start(opts: EmulatorOptions, releaseLock: (() => void) | undefined): Promise<RunningEmulator> {
  const project = opts.project ?? 'demo';
  const token = opts.token ?? 'demo';
  const now = opts.now ?? Date.now;
  const state = opts.stateFile ? await readStateFile(opts.stateFile) : undefined;
  const journalFile = opts.stateFile ? journalPathOf(opts.stateFile) : undefined;
  const journal = journalFile ? readJournal(journalFile) : [];
  if (!state && journal.length > 0)
    throw new Error(
      `${journalFile} has entries but ${opts.stateFile} is missing: refusing to guess what they apply to`,
    );
  const seed = state?.seed ?? opts.seed ?? 1;
  const files = state?.files ?? opts.files ?? 500;

  const store = new FileStore(generateDemo(seed, files), seed);
  if (state) applyState(store, state);
  // Without a state file nothing listens to writes: the benchmarks' emulator pays nothing for this.
  let durable: DurableState | undefined;
  if (opts.stateFile && journalFile) {
    let lastSeq = state?.journalSeq ?? 0;
    for (const entry of journal) {
      // Entries the state file already includes (a crash between its rename and the journal's truncation).
      if (entry.s <= lastSeq) continue;
      applyJournalEntry(store, entry);
      lastSeq = entry.s;
    }
    durable = new DurableState(store, opts.stateFile, journalFile, { project, seed, files }, lastSeq);
    // A new state file records what the project is generated from; an old one absorbs the replayed journal.
    durable.compact();
    store.onWrite(durable.record);
  }

  let baseUrl = '';
  let port = 0;
  const timers = new Timers();
  const throttle = new Throttle(opts.throttle);
  const faults = new Faults(opts.faults);
  const recorder = new RequestRecorder(opts.maxRecordedRequests ?? 10_000, opts.onRequest);
  const verify = opts.verifyToken;
  const listener = createRequestListener({
    router: new Router(ALL_ROUTES),
    store,
    project,
    isAccepted: async (t) => {
      if (t === token) return true;
      if (!verify) return false;
      try {
        return await verify(t);
      } catch {
        return false;
      }
    },
    now,
    throttle,
    faults,
    recorder,
    links: new ContentLinks(() => baseUrl, now),
    timers,
    maxBodyBytes: opts.maxRequestBodyBytes ?? MAX_BODY_BYTES,
    checkHost: hostChecker(() => port, opts.allowHosts),
    modelConcurrency: new ModelConcurrency(() => store.modelLimits),
  });

  const server = http.createServer(listener);
  server.on('checkContinue', continueChecker(listener));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | undefined;
  return {
    baseUrl,
    project,
    token,
    apiBase: `${baseUrl}/api/v1/projects/${encodeURIComponent(project)}`,
    requests: recorder.requests,
    clearRequests: () => recorder.clear(),
    setThrottle: (t) => throttle.set(t),
    setFaults: (f) => faults.set(f),
    store,
    demo: { seed, files, loadedStateFile: state !== undefined },
    close: () =>
      (closing ??= (async () => {
        timers.clearAll();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
        store.onWrite(undefined);
        try {
          durable?.close();
        } finally {
          releaseLock?.();
        }
      })()),
  };
}
