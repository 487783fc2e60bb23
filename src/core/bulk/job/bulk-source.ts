import type { RecordsApi, UpdateOptions, UpdateReport } from '../../ports';
import type { BulkKind } from '../bulk-kind';

/** Plans a chunk on its records as read right before it is sent: an item per record, undefined = nothing to send. */
export type PlanRead<R, U> = (
  records: readonly R[],
) => readonly (U | undefined)[] | Promise<readonly (U | undefined)[]>;

export interface PlannedUpdateOptions<R = unknown> extends UpdateOptions {
  /** Keys the API refused as stale (a version conflict) in one request: each is read and planned again. */
  readonly onConflict?: (keys: readonly string[]) => void;
  /**
   * The record the caller's plan of `key` was made on (the preview's read, or the read it was planned
   * again on). WHY: a kind that counts every write in its version may then read versions only: a
   * record still at that version (and incarnation) is this record, and `plan` is given this very
   * object; only the others are read whole.
   */
  readonly known?: (key: string) => R | undefined;
}

/**
 * What a bulk job asks of a record kind's API: the kind's port (read by keys, update many with a
 * per-item report) and the two reads of a target: by the refs a person gave (a classic file's id or
 * external id) and by a filter. Refs and filters are the kind's own, plain JSON, so a kept action
 * holds them as they are.
 */
export interface BulkRecordsApi<R, U> extends RecordsApi<R, U> {
  /** The records `refs` name, in the order given; a ref that names none is left out (not an error). */
  readonly retrieveRefs: (refs: readonly unknown[], signal?: AbortSignal) => Promise<R[]>;
  /** Every record `filter` matches, a page at a time (at most 1000 each); never the whole set at once. */
  readonly listPages: (filter: unknown, signal?: AbortSignal) => AsyncIterable<R[]>;
  /**
   * A kind whose writes name the version they were decided on: the records `keys` name, each chunk
   * read right before its request, planned by `plan` on that read (a record missing then is reported
   * `missing`, never sent) and sent with the version read; a stale one is read and planned again.
   * The report has one outcome per key, in order. `plan` may be called again for the same records.
   */
  readonly updatePlanned?: (
    keys: readonly string[],
    plan: PlanRead<R, U>,
    options: PlannedUpdateOptions<R>,
  ) => Promise<UpdateReport<U, R>>;
}

/** A record kind with the API that serves it: what every job runs on. */
export interface BulkSource<R extends object, U> {
  readonly kind: BulkKind<R, U>;
  readonly api: BulkRecordsApi<R, U>;
}
