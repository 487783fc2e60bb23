import { nodeKeyOf, type CogniteFileUpsertItem } from '../model';
import type { CdfApiError } from './errors';
import type { DataModelingRequests } from './dms-requests';
import { VersionConflictError, type StaleNode } from './dms-errors';

/**
 * A 409 from an upsert names no node in a form a program can read, so the nodes are read back: the
 * stale ones are those now newer than the `existingVersion` they were sent with (0: insert only, so
 * any node that exists), those deleted since, and those deleted and made again under their key:
 * another `createdTime` than the one the item was decided on (`createdTimes`, by node key, when the
 * caller knows it), or a version below the one sent (one node's versions only grow; a node made again
 * counts from 1). If the read fails, or names none of them, every item that carried an
 * `existingVersion` is named.
 */
export async function staleNodesOf(
  api: DataModelingRequests,
  items: readonly CogniteFileUpsertItem[],
  conflict: CdfApiError,
  createdTimes: ReadonlyMap<string, number> = new Map(),
): Promise<VersionConflictError> {
  const versioned = items.flatMap((i): StaleNode[] =>
    i.existingVersion === undefined
      ? []
      : [{ space: i.space, externalId: i.externalId, existingVersion: i.existingVersion, currentVersion: undefined }],
  );
  let current: Map<string, { version: number; createdTime: number }>;
  try {
    const nodes = await api.retrieveFileNodes(versioned, { ignoreUnknownIds: true });
    current = new Map(nodes.map((n) => [nodeKeyOf(n), n]));
  } catch {
    return new VersionConflictError(versioned, conflict);
  }
  // A node gone from the read-back, or made again since, changed too (and may be the one the 409
  // was about). Its neighbours, read back as the same node at the version they were sent with, did not.
  const stale = versioned.flatMap((n): StaleNode[] => {
    const now = current.get(nodeKeyOf(n));
    if (now === undefined) return n.existingVersion === 0 ? [] : [n];
    if (n.existingVersion === 0 || now.version > n.existingVersion) return [{ ...n, currentVersion: now.version }];
    const life = createdTimes.get(nodeKeyOf(n));
    const madeAgain = (life !== undefined && life !== now.createdTime) || now.version < n.existingVersion;
    return madeAgain ? [n] : [];
  });
  return new VersionConflictError(stale.length > 0 ? stale : versioned, conflict);
}
