/**
 * The editor's round trips, ours vs @cognite/sdk making the same requests: the tree's first page
 * (one files/list of 200, the default `cdfFiles.pageSize`, through the tree's own Pager),
 * open-to-editable (byids + render the document) and save (parse, validate, diff, re-read, update).
 *
 * No latency is added: on loopback the figures are the clients' own overhead plus the emulator's;
 * CDF's latency adds the same to both sides. Requests per save are counted by the emulator.
 */
import type { CogniteClient } from '@cognite/sdk';
import { filesApiOf } from '../../../src/app/files-api-adapter';
import type { FilesApi } from '../../../src/core/ports';
import type { FileRecord } from '../../../src/cdf/model';
import { renderDocument, documentFromRecord } from '../../../src/core/records';
import { diff } from '../../../src/core/records';
import { saveRecord } from '../../unit/helpers/save-outcomes';
import { filePager } from '../../../src/vscode/tree/pager';
import { ourClient, sdkClient } from '../support/clients';
import { startEmulatorProcess, type EmulatorProcess, type RequestCounts } from '../support/emulator-process';
import { writeResult, type BenchResult } from '../support/result-file';
import { ratio, summarize, timeEach, type Sampled } from '../support/stats';
import { sdkFirstPage, sdkOpen, sdkSave } from './sdk-equivalents';

export interface EditorLoopOptions {
  /** Timed repetitions of each step, after one cold call each (reported apart). */
  iterations: number;
  /** Records in the emulated project (the demo's default is 5000). */
  records?: number;
  outDir: string;
  log?: (line: string) => void;
}

export interface StepFigures {
  ours: Sampled;
  sdk: Sampled;
  /** The very first call of each client in this process (connection set-up, cold code). */
  firstCallMs: { ours: number; sdk: number };
  /** SDK median / ours median: how many times faster ours is. */
  speedup: number | undefined;
}

export interface EditorLoopFigures {
  pageSize: number;
  firstPage: StepFigures;
  openToEditable: StepFigures;
  save: StepFigures & {
    requestsPerSave: { ours: number; sdk: number };
    requestsPerUnchangedSave: number;
  };
}

export const PAGE_SIZE = 200;

export async function runEditorLoopBench(options: EditorLoopOptions): Promise<BenchResult<EditorLoopFigures>> {
  const startedAt = performance.now();
  const log = options.log ?? (() => undefined);
  const emulator = await startEmulatorProcess({ files: options.records ?? 5000 });
  try {
    const ids = await emulator.fileIds();
    const client = ourClient(emulator);
    const api = filesApiOf(client);
    const sdk = await sdkClient(emulator);
    const n = options.iterations;
    // Each timed call gets its own record, so no cache anywhere can help either side.
    const idFor = (step: number, i: number): number => ids[(step * (n + 1) + i) % ids.length] as number;
    await warmUpEmulator(emulator, ids[ids.length - 1]!);

    log('editor loop: first page');
    const firstPage = await compare(
      n,
      async () => {
        await filePager(api, {}, PAGE_SIZE).next();
      },
      async () => {
        await sdkFirstPage(sdk, PAGE_SIZE);
      },
    );

    log('editor loop: open to editable');
    const openToEditable = await compare(
      n,
      async (i) => {
        const [record] = await api.retrieveFiles([idFor(1, i)]);
        renderDocument(record!);
      },
      async (i) => {
        await sdkOpen(sdk, idFor(2, i));
      },
    );

    log('editor loop: save');
    const save = await measureSaves(
      emulator,
      n,
      (i) => idFor(3, i),
      (i) => idFor(4, i),
      api,
      sdk,
    );

    const { result } = await writeResult<EditorLoopFigures>(options.outDir, {
      benchmark: 'editor-loop',
      description:
        'First page of the tree, open-to-editable and save round trips: ours vs @cognite/sdk making the same requests',
      settings: { records: options.records ?? 5000, iterations: n, pageSize: PAGE_SIZE, latencyMs: 0 },
      durationMs: performance.now() - startedAt,
      figures: { pageSize: PAGE_SIZE, firstPage, openToEditable, save },
      notes: [
        'No latency added: the figures are client plus emulator overhead on loopback; CDF adds the same network time to both sides.',
        'The SDK side makes the same requests (files.list, files.retrieve, files.update with the same minimal patch) and renders with JSON.stringify; the SDK has no diff, conflict check or validation of its own.',
        'Our save includes parsing, validating (zod) and diffing the edited document text.',
      ],
    });
    return result;
  } finally {
    await emulator.close();
  }
}

/**
 * Each route once through plain fetch, untimed: the emulator's code is then warm for whichever
 * client calls first, so "first call" measures the client, not the server's JIT.
 */
async function warmUpEmulator(emulator: EmulatorProcess, id: number): Promise<void> {
  const post = async (route: string, body: unknown) => {
    const response = await fetch(`${emulator.apiBase}${route}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emulator.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await response.arrayBuffer();
  };
  await post('/files/list', { limit: PAGE_SIZE });
  await post('/files/byids', { items: [{ id }] });
  await post('/files/update', { items: [{ id, update: { metadata: { add: { warmUp: 'yes' } } } }] });
}

/**
 * One cold call each, then `iterations` rounds that alternate ours and the SDK, so warm-up and any
 * background load fall on both sides alike.
 */
async function compare(
  iterations: number,
  ours: (i: number) => Promise<void>,
  sdk: (i: number) => Promise<void>,
): Promise<StepFigures> {
  const [firstOurs] = await timeEach(1, () => ours(iterations));
  const [firstSdk] = await timeEach(1, () => sdk(iterations));
  const oursMs: number[] = [];
  const sdkMs: number[] = [];
  for (let i = 0; i < iterations; i++) {
    oursMs.push(...(await timeEach(1, () => ours(i))));
    sdkMs.push(...(await timeEach(1, () => sdk(i))));
  }
  const oursSummary = summarize(oursMs);
  const sdkSummary = summarize(sdkMs);
  return {
    ours: oursSummary,
    sdk: sdkSummary,
    firstCallMs: { ours: firstOurs!, sdk: firstSdk! },
    speedup: ratio(sdkSummary.medianMs, oursSummary.medianMs),
  };
}

/** The edit every save makes: one metadata value, different each time. */
function editedText(base: FileRecord, i: number): string {
  const document = documentFromRecord(base);
  document.metadata = { ...(document.metadata ?? {}), reviewedBy: `benchmark ${i}` };
  return JSON.stringify(document, null, 2) + '\n';
}

const totalRequests = (counts: RequestCounts): number => Object.values(counts).reduce((sum, c) => sum + c.requests, 0);

/** Times one side's saves (one cold, then `iterations`) and counts the requests they made. */
async function timedSaves(
  emulator: EmulatorProcess,
  iterations: number,
  save: (i: number) => Promise<void>,
): Promise<{ firstMs: number; summary: Sampled; requestsPerSave: number }> {
  await emulator.resetForNextPeer();
  const [firstMs] = await timeEach(1, () => save(iterations));
  const summary = summarize(await timeEach(iterations, save));
  const requestsPerSave = totalRequests(await emulator.counts()) / (iterations + 1);
  return { firstMs: firstMs!, summary, requestsPerSave };
}

async function measureSaves(
  emulator: EmulatorProcess,
  iterations: number,
  oursId: (i: number) => number,
  sdkId: (i: number) => number,
  api: FilesApi,
  sdk: CogniteClient,
): Promise<EditorLoopFigures['save']> {
  // Bases are read before the clock starts: a save begins with the document already open.
  const basesFor = (idOf: (i: number) => number) =>
    api.retrieveFiles(Array.from({ length: iterations + 1 }, (_, i) => idOf(i)));
  const oursBases = await basesFor(oursId);
  const sdkBases = await basesFor(sdkId);
  const cancel = () => Promise.resolve('cancel' as const);

  const ours = await timedSaves(emulator, iterations, async (i) => {
    const base = oursBases[i]!;
    const outcome = await saveRecord({ base, text: editedText(base, i), api, resolveConflicts: cancel });
    if (outcome.kind !== 'saved') throw new Error(`save ${i} ended ${outcome.kind}`);
  });
  const sdkSide = await timedSaves(emulator, iterations, async (i) => {
    const base = sdkBases[i]!;
    const edited = documentFromRecord({ ...base, metadata: { ...base.metadata, reviewedBy: `benchmark ${i}` } });
    await sdkSave(sdk, base, diff(base, edited)!);
  });

  // Saving a document nobody edited must not reach the network at all.
  await emulator.resetForNextPeer();
  const [latest] = await api.retrieveFiles([oursBases[0]!.id]);
  const outcome = await saveRecord({ base: latest!, text: renderDocument(latest!), api, resolveConflicts: cancel });
  if (outcome.kind !== 'unchanged') throw new Error(`an unchanged save ended ${outcome.kind}`);
  const requestsPerUnchangedSave = totalRequests(await emulator.counts()) - 1; // minus the byids above

  return {
    ours: ours.summary,
    sdk: sdkSide.summary,
    firstCallMs: { ours: ours.firstMs, sdk: sdkSide.firstMs },
    speedup: ratio(sdkSide.summary.medianMs, ours.summary.medianMs),
    requestsPerSave: { ours: ours.requestsPerSave, sdk: sdkSide.requestsPerSave },
    requestsPerUnchangedSave,
  };
}
