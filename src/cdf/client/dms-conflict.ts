import { nodeKeyOf, type CogniteFileUpsertItem } from '../model';
import type { CdfApiError } from './errors';
import type { DataModelingRequests } from './dms-requests';
import { VersionConflictError, type StaleNode } from './dms-errors';

/**
 * A 409 from an upsert names no node in a form a program can read, so the nodes are read back: the
 * stale ones are those now newer than the `existingVersion` they were sent with (0: insert only, so
 * any node that exists), and those deleted since. If the read fails, or names none of them, every item
 * that carried an `existingVersion` is named.
 */
export async function staleNodesOf(
  api: DataModelingRequests,
  items: readonly CogniteFileUpsertItem[],
  conflict: CdfApiError,
): Promise<VersionConflictError> {
  const versioned = items.flatMap((i): StaleNode[] =>
    i.existingVersion === undefined
      ? []
      : [{ space: i.space, externalId: i.externalId, existingVersion: i.existingVersion, currentVersion: undefined }],
  );
  let current: Map<string, number>;
  try {
    const nodes = await api.retrieveFileNodes(versioned, { ignoreUnknownIds: true });
    current = new Map(nodes.map((n) => [nodeKeyOf(n), n.version]));
  } catch {
    return new VersionConflictError(versioned, conflict);
  }
  // A node gone from the read-back was deleted since it was sent: it changed too (and may be the
  // one the 409 was about). Its neighbours, read back at the version they were sent with, did not.
  const stale = versioned.flatMap((n): StaleNode[] => {
    const now = current.get(nodeKeyOf(n));
    if (now === undefined) return n.existingVersion === 0 ? [] : [n];
    return n.existingVersion === 0 || now > n.existingVersion ? [{ ...n, currentVersion: now }] : [];
  });
  return new VersionConflictError(stale.length > 0 ? stale : versioned, conflict);
}
