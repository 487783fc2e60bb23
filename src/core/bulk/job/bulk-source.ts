import type { RecordsApi } from '../../ports';
import type { BulkKind } from '../bulk-kind';

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
}

/** A record kind with the API that serves it: what every job runs on. */
export interface BulkSource<R extends object, U> {
  readonly kind: BulkKind<R, U>;
  readonly api: BulkRecordsApi<R, U>;
}
