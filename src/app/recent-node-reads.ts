/**
 * The CogniteFile nodes a records port read lately, so that a bulk update's check right before each
 * upsert can ask only whether each node is still there and at which version (node-stamps.ts), and
 * still build the report's records without reading the properties again.
 *
 * WHY this is exact and not a cache that can go stale: a record is handed out only for the same
 * node incarnation (`createdTime`) at the same `version` and `lastUpdatedTime` as the fresh check
 * found. CDF gives a node a new version on every write that changes it, so one incarnation at one
 * version has one set of property values: the remembered record is the node as it is now. Anything
 * else is a miss, and the caller reads (see node-update-many.ts).
 *
 * Residual: a node deleted and made again under the same key within the same millisecond, and
 * written to the same version by the same millisecond, has the same stamp; no read answer tells the
 * two apart (nor does the upsert's `existingVersion`). Making it again takes a request after the
 * delete's answer, so the stamps differ in practice by at least that round trip.
 */
import { nodeKeyOf, type NodeStamp } from '../cdf/model';
import type { CogniteFileRecord } from '../core/records';

/**
 * How many records are kept at most, the oldest dropped first: a bulk job's window (2 x 23 requests
 * of 1000 nodes, read right before it is sent) fits, and an idle session holds no more than this.
 */
export const RECENT_NODE_READS_MAX = 50_000;

export class RecentNodeReads {
  private readonly byKey = new Map<string, CogniteFileRecord>();

  constructor(private readonly max = RECENT_NODE_READS_MAX) {}

  remember(records: readonly CogniteFileRecord[]): void {
    for (const record of records) {
      const key = nodeKeyOf(record);
      this.byKey.delete(key);
      this.byKey.set(key, record);
    }
    for (const key of this.byKey.keys()) {
      if (this.byKey.size <= this.max) break;
      this.byKey.delete(key);
    }
  }

  /**
   * The node as read earlier, when that read saw the same stamp as `now`: same incarnation
   * (createdTime), version and lastUpdatedTime.
   */
  known(now: NodeStamp): CogniteFileRecord | undefined {
    const record = this.byKey.get(nodeKeyOf(now));
    const same =
      record?.version === now.version &&
      record.createdTime === now.createdTime &&
      record.lastUpdatedTime === now.lastUpdatedTime;
    return same ? record : undefined;
  }

  /** The node as read earlier at `version`, if the latest read of it saw that version. */
  readAt(key: string, version: number): CogniteFileRecord | undefined {
    const record = this.byKey.get(key);
    return record?.version === version ? record : undefined;
  }

  /** Drops the records of `keys` (a bulk update that has sent them has no more use for them). */
  forget(keys: readonly string[]): void {
    keys.forEach((key) => this.byKey.delete(key));
  }
}
