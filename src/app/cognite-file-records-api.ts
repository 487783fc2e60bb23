/**
 * Core's {@link RecordsApi} for CogniteFile nodes over the client's data modeling calls: records
 * named `space:externalId`, read through the CogniteFile view, written by one upsert that never
 * creates the targets of direct relations and names the version each change was decided on.
 */
import * as l10n from '@vscode/l10n';
import { CdfApiError, VersionConflictError as StaleNodesError, type DataModelingRequests } from '../cdf/client';
import { nodeKeyOf, type CogniteFileUpsertItem, type DirectRelation, type SlimNode } from '../cdf/model';
import {
  RecordsMissingError,
  ReferencesMissingError,
  VersionConflictError,
  type MissingReference,
  type RecordsApi,
  type UpdateOptions,
  type UpdateReport,
} from '../core/ports';
import { COGNITE_FILE, cogniteFileRecord, type CogniteFileRecord } from '../core/records';
import { answered } from './files-api-adapter';
import { nodeUpdateMany, nodeUpdateManyPlanned, type NodeWrites, type PlanChunk } from './node-update-many';
import { presentAndGone, writtenRecord } from './node-written';
import { madeAgainSince, NodeLives } from './node-lives';
import { RecentNodeReads } from './recent-node-reads';

export interface CogniteFileRecordsApi extends RecordsApi<CogniteFileRecord, CogniteFileUpsertItem> {
  /**
   * The nodes `keys` name, planned chunk by chunk on a read of them made right before that chunk's
   * upsert, and sent with the version read: one read per node plans AND guards (nodeUpdateManyPlanned).
   * A key that names no node (`space:externalId`) throws before anything is read or sent.
   * `onConflict` learns the nodes each upsert CDF refused as stale names (each then read and planned again).
   */
  readonly updateManyPlanned: (
    keys: readonly string[],
    plan: PlanChunk,
    options: UpdateOptions & {
      onConflict?: (keys: readonly string[]) => void;
      /** The node the plan of `key` was made on: a chunk's nodes still at its version are read versions only. */
      known?: (key: string) => CogniteFileRecord | undefined;
    },
  ) => Promise<UpdateReport<CogniteFileUpsertItem, CogniteFileRecord>>;
}

/** `space:externalId` split at the first colon (a space never holds one); undefined when it names no node. */
export function nodeRefOf(key: string): DirectRelation | undefined {
  const at = key.indexOf(':');
  return at > 0 && at < key.length - 1 ? { space: key.slice(0, at), externalId: key.slice(at + 1) } : undefined;
}

export function cogniteFileRecordsApi(models: DataModelingRequests): CogniteFileRecordsApi {
  const recent = new RecentNodeReads();
  const lives = new NodeLives();
  const retrieveExisting = async (keys: readonly string[], signal?: AbortSignal) => {
    const refs = keys.flatMap((k) => nodeRefOf(k) ?? []);
    if (refs.length === 0) return [];
    const nodes = lives.seen(models.retrieveFileNodes(refs, { ignoreUnknownIds: true, signal }));
    const records = (await nodes).map(cogniteFileRecord);
    recent.remember(records);
    return records;
  };
  const retrieve = async (keys: readonly string[], signal?: AbortSignal) => {
    const found = new Map((await retrieveExisting(keys, signal)).map((r) => [COGNITE_FILE.key(r), r]));
    const missing = keys.filter((k) => !found.has(k));
    if (missing.length) throw new RecordsMissingError(missing, missingText(missing));
    return keys.map((k) => found.get(k)!);
  };
  const update = (items: readonly CogniteFileUpsertItem[], signal?: AbortSignal) =>
    saveNodes({ models, lives, retrieve, retrieveExisting }, items, signal);
  const writes: NodeWrites = {
    upsert: (chunk, signal, onAttempt) =>
      upsertOnce(models, chunk, signal, {
        retryThrottled: false,
        createdTimes: lives.of(chunk),
        onAttempt,
        yieldBeforeParsing: true,
      }),
    existing: (keys, signal) => lives.seen(stampsOf(models, keys, signal)),
    known: (stamp) => recent.known(stamp),
    readAt: (key, version) => recent.readAt(key, version),
    readBack: (keys, signal) => retrieveExisting(keys, signal),
    deleteMade: async (nodes, signal) => void (await models.deleteFileNodes(nodes, { signal })),
    writeLimit: async (signal) => (await models.statistics({ signal })).concurrentWriteLimit,
  };
  return {
    retrieve,
    retrieveExisting,
    update,
    updateMany: async (items, options) => {
      try {
        return await nodeUpdateMany(items, options, writes);
      } finally {
        recent.forget(items.map(nodeKeyOf));
      }
    },
    updateManyPlanned: async (keys, plan, { onConflict, known, ...options }) => {
      const run = onConflict ? conflictsTold(writes, onConflict) : writes;
      try {
        return await nodeUpdateManyPlanned(nodeRefsOf(keys), plan, options, run, known);
      } finally {
        recent.forget(keys);
      }
    },
  };
}

interface NodeSaveDeps {
  models: DataModelingRequests;
  lives: NodeLives;
  retrieve: (keys: readonly string[], signal?: AbortSignal) => Promise<CogniteFileRecord[]>;
  retrieveExisting: (keys: readonly string[], signal?: AbortSignal) => Promise<CogniteFileRecord[]>;
}

/** A save's upsert of the given items, read right before it and read back after. */
async function saveNodes(
  { models, lives, retrieve, retrieveExisting }: NodeSaveDeps,
  items: readonly CogniteFileUpsertItem[],
  signal?: AbortSignal,
): Promise<CogniteFileRecord[]> {
  const keys = items.map(nodeKeyOf);
  // Read right before the upsert: an upsert would create a deleted node again (node-written.ts), or
  // write over one made again since the port's last read, the items were decided on (node-lives.ts).
  const decidedOn = lives.of(items);
  const { present, gone } = presentAndGone(items, await retrieveExisting(keys, signal));
  const again = madeAgainSince(present, decidedOn);
  if (gone.length || again.length) throw goneSinceRead(gone, again);
  const answers = await upsertOnce(models, items, signal, { createdTimes: decidedOn });
  // The upsert answers versions only; the records as CDF now holds them come from a read. The write
  // is known applied whatever that read does: without it, the record is what was written.
  return await retrieve(keys, signal).catch(() =>
    present.map(({ item, before }, i) => writtenRecord(before, item, answers[i])),
  );
}

/** `writes` whose upserts tell `onConflict` the nodes of each stale-version refusal, then throw it on. */
const conflictsTold = (writes: NodeWrites, onConflict: (keys: readonly string[]) => void): NodeWrites => ({
  ...writes,
  // Every argument passed on: the run's attempt events free the slot at the 2xx and get the next chunk ready.
  upsert: async (...args) => {
    try {
      return await writes.upsert(...args);
    } catch (err) {
      if (err instanceof VersionConflictError) onConflict(err.keys);
      throw err;
    }
  },
});

/** The version and createdTime of the nodes `keys` name that exist (a key that names none is left out). */
const stampsOf = (models: DataModelingRequests, keys: readonly string[], signal?: AbortSignal) =>
  models.fileNodeStamps(
    keys.flatMap((k) => nodeRefOf(k) ?? []),
    { signal },
  );

/** The nodes `keys` name; a key that names none, or a node named twice (one upsert may name a node once), throws. */
function nodeRefsOf(keys: readonly string[]): DirectRelation[] {
  const bad = keys.filter((k) => !nodeRefOf(k));
  if (bad.length) throw new Error(l10n.t('Not a node key (space:externalId): {0}', bad.slice(0, 5).join(', ')));
  const seen = new Set<string>();
  const twice = keys.filter((k) => seen.has(k) || (seen.add(k), false));
  if (twice.length) throw new Error(l10n.t('A node is named more than once: {0}', twice.slice(0, 5).join(', ')));
  return keys.map((k) => nodeRefOf(k)!);
}

/**
 * One `POST /models/instances`, its refusals in core's types: a stale version is a
 * {@link VersionConflictError} naming the nodes, a missing target of a direct relation a
 * {@link ReferencesMissingError} naming the property that holds it; no answer OutcomeUnknownError.
 */
export async function upsertOnce(
  models: DataModelingRequests,
  items: readonly CogniteFileUpsertItem[],
  signal?: AbortSignal,
  how: Parameters<DataModelingRequests['upsertFileNodes']>[1] = {},
): Promise<SlimNode[]> {
  try {
    return await answered(models.upsertFileNodes(items, { signal, ...how }));
  } catch (err) {
    if (err instanceof StaleNodesError) throw new VersionConflictError(err.nodes.map(nodeKeyOf), err.message);
    const references = err instanceof CdfApiError ? missingReferences(items, err) : [];
    if (references.length) throw new ReferencesMissingError(references, referencesText(references));
    throw err;
  }
}

/** The properties of `items` that point to a node the API's 400 lists as `missing`. */
export function missingReferences(items: readonly CogniteFileUpsertItem[], err: CdfApiError): MissingReference[] {
  if (err.status !== 400) return [];
  const missing = new Set(
    err.missing.flatMap((m) =>
      typeof m['space'] === 'string' && typeof m['externalId'] === 'string'
        ? [nodeKeyOf({ space: m['space'], externalId: m['externalId'] })]
        : [],
    ),
  );
  return items.flatMap((item) =>
    Object.entries(item.sources[0].properties).flatMap(([field, value]) =>
      (Array.isArray(value) ? value : [value]).flatMap((v): MissingReference[] => {
        if (typeof v !== 'object' || v === null) return [];
        const target = nodeKeyOf(v);
        return missing.has(target) ? [{ key: nodeKeyOf(item), field, target }] : [];
      }),
    ),
  );
}

/** Why a save sent nothing: nodes deleted since they were read, or deleted and made again (another node now). */
function goneSinceRead(gone: readonly DirectRelation[], again: readonly DirectRelation[]): RecordsMissingError {
  const keys = [...gone, ...again].map(nodeKeyOf);
  if (!again.length) return new RecordsMissingError(keys, missingText(keys));
  const text = l10n.t(
    'CogniteFile node {0} was deleted and made again since it was read: the node there now is another one. Nothing was saved.',
    again.slice(0, 5).map(nodeKeyOf).join(', '),
  );
  return new RecordsMissingError(keys, gone.length ? `${missingText(gone.map(nodeKeyOf))} ${text}` : text);
}

const missingText = (keys: readonly string[]): string =>
  l10n.t('CDF has no CogniteFile node {0} (it was deleted, or never existed).', keys.slice(0, 5).join(', '));

const referencesText = (refs: readonly MissingReference[]): string =>
  l10n.t(
    'No such node: {0}. A reference must name an existing node; nothing was saved, and no node was created.',
    refs.map((r) => `${r.field} → ${r.target}`).join(', '),
  );
