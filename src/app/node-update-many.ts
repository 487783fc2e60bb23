/**
 * Any number of CogniteFile upsert items, each reported: chunks of at most 1000 (one transaction
 * each), as many in flight as the project's concurrent write limit (`GET /models/statistics`) to
 * start with, fewer when CDF answers 429 (node-write-gate.ts: a throttled chunk goes back to the
 * front of the queue, nothing of it was written). Before its upsert, each chunk's nodes are read
 * (an upsert would create a deleted node again; node-chunk-prep.ts): items planned already
 * (nodeUpdateMany) have their versions checked; items planned on that read (nodeUpdateManyPlanned)
 * are planned by the caller on it, so one read plans and guards. That read or check is made while
 * the upsert before it in its slot is in flight (one chunk per slot ahead), and made again (versions
 * only) when the slot frees only if it is older than FRESH_READ_MS. A node the upsert made again
 * (deleted since the read) is deleted again (node-answered.ts). The report is built from the node
 * as read, what was sent and the answer (node-written.ts, recent-node-reads.ts). A refused chunk
 * applied nothing, so its items that the refusal does not name are sent again without the named
 * ones: a stale version fails only its node (reason 'conflict'; a planned run reads and plans it
 * again first), a missing reference only the node holding it; a refusal that names nobody is
 * halved until it does.
 */
import { chunk } from '../cdf/client';
import { COGNITE_FILE_VIEW, DMS_LIMITS, type CogniteFileUpsertItem, type DirectRelation } from '../cdf/model';
import type { UpdateOptions, UpdateReport } from '../core/ports';
import type { CogniteFileRecord } from '../core/records';
import { NodeWriteGate } from './node-write-gate';
import { plannedRead, slimCheck, type ChunkHost, type ChunkPrep, type PlanChunk } from './node-chunk-prep';
import { NodeRun, type NodeWrites } from './node-run';

export type { NodeWrites } from './node-run';
export type { PlanChunk } from './node-chunk-prep';

type U = CogniteFileUpsertItem;
type R = CogniteFileRecord;

/** Times a node refused 409 is read and planned again before it is reported a conflict. */
export const REPLANS_ON_CONFLICT = 3;

export async function nodeUpdateMany(
  items: readonly U[],
  options: UpdateOptions,
  writes: NodeWrites,
): Promise<UpdateReport<U, R>> {
  return runChunks(items, options, writes, (host) => slimCheck(host, writes));
}

/**
 * The nodes `keys` name, each chunk read with its properties when a write slot is free, planned by
 * `plan` on what was read and upserted at once with `existingVersion` = the version read: the read
 * that plans a chunk is the one that guards its upsert (node-chunk-prep.ts). A node missing at that
 * read is reported missing, never sent; one refused 409 is read and planned again
 * ({@link REPLANS_ON_CONFLICT} times at most). With `known` (the node each plan was made on), a
 * chunk reads versions first and only the nodes at another version whole (node-chunk-prep.ts).
 * The report's items are what was sent, and for a node never planned an item naming it with no
 * properties.
 */
export async function nodeUpdateManyPlanned(
  keys: readonly DirectRelation[],
  plan: PlanChunk,
  options: UpdateOptions,
  writes: NodeWrites,
  known?: (key: string) => R | undefined,
): Promise<UpdateReport<U, R>> {
  const items = keys.map(({ space, externalId }): U => ({
    instanceType: 'node',
    space,
    externalId,
    sources: [{ source: COGNITE_FILE_VIEW, properties: {} }],
  }));
  const reads = { read: writes.readBack, existing: writes.existing, known };
  return runChunks(items, options, writes, (host) => plannedRead(host, reads, plan), REPLANS_ON_CONFLICT);
}

async function runChunks(
  items: readonly U[],
  options: UpdateOptions,
  writes: NodeWrites,
  prep: (host: ChunkHost) => ChunkPrep,
  replans = 0,
): Promise<UpdateReport<U, R>> {
  const started = Date.now();
  const run = new NodeRun(items, options, writes, prep, replans);
  const size = Math.min(options.chunkSize ?? DMS_LIMITS.itemsPerRequest, DMS_LIMITS.itemsPerRequest);
  run.queue.push(...chunk([...items.keys()], size));
  // The write limit and the first chunk's check are both reads: asked together, the first upsert
  // waits one round trip for them instead of two.
  // The limit is asked first: the server answers it before the read queued behind it.
  const limit = concurrencyOf(options, writes);
  if (run.queue[0]) run.prep.ahead(run.queue[0]);
  await run.sendAll(new NodeWriteGate(await limit));
  return run.report(started);
}

/** The project's write limit, within the caller's bounds; 1 when it cannot be read. */
async function concurrencyOf(options: UpdateOptions, writes: NodeWrites): Promise<number> {
  const limit = await writes.writeLimit(options.signal).catch(() => 1);
  const max = Math.min(limit, options.concurrency?.max ?? limit);
  return Math.max(1, options.concurrency?.min ?? 1, Math.min(max, options.concurrency?.initial ?? max));
}
