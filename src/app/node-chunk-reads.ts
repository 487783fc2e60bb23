/**
 * How a planned chunk (node-chunk-prep.ts plannedRead) reads its nodes right before its upsert:
 * whole, or, when the caller knows the node each plan was made on, versions first and whole only
 * where a node is at another version or incarnation.
 */
import { nodeKeyOf, type NodeStamp } from '../cdf/model';
import type { CogniteFileRecord } from '../core/records';

type R = CogniteFileRecord;

export interface PlannedReads {
  /** The nodes with all their CogniteFile properties; the missing are left out. */
  readonly read: (keys: readonly string[], signal?: AbortSignal) => Promise<R[]>;
  /** The nodes' versions only. */
  readonly existing: (keys: readonly string[], signal?: AbortSignal) => Promise<NodeStamp[]>;
  /** The node the caller's plan of `key` was made on, when it knows one (then a chunk reads versions first). */
  readonly known?: (key: string) => R | undefined;
}

export interface ChunkRead {
  readonly records: R[];
  readonly answeredAt: number;
}

/**
 * A chunk's nodes as CDF holds them now. With nothing `known`, read whole. Otherwise versions only
 * first: WHY: DMS counts every write in a node's `version`, so a node at the version and incarnation
 * (`createdTime`) of the known one IS the known one, and it is taken as it is (the very object: the
 * caller keeps the plan it made on it). Only the others are read whole, in one request; the missing
 * are left out. The answer's time is the versions read's: the earlier of the two guards.
 */
export async function readNow(keys: string[], reads: PlannedReads, signal: AbortSignal | undefined, now: () => number) {
  if (reads.known) return wholeWhereChanged(await reads.existing(keys, signal), now(), reads, signal);
  const records = await reads.read(keys, signal);
  return { records, answeredAt: now() };
}

/** The nodes `stamps` name: the known one where it is at that stamp, the others read whole. */
export async function wholeWhereChanged(
  stamps: readonly NodeStamp[],
  answeredAt: number,
  { known, read }: PlannedReads,
  signal: AbortSignal | undefined,
): Promise<ChunkRead> {
  const records: R[] = [];
  const changed: string[] = [];
  for (const stamp of stamps) {
    const record = known?.(nodeKeyOf(stamp));
    if (record && sameStamp(stamp, record)) records.push(record);
    else changed.push(nodeKeyOf(stamp));
  }
  if (changed.length > 0) records.push(...(await read(changed, signal)));
  return { records, answeredAt };
}

export const sameStamp = (stamp: NodeStamp, record: R | undefined): boolean =>
  record !== undefined && record.version === stamp.version && record.createdTime === stamp.createdTime;
