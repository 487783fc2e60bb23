/**
 * What a bulk update did, item by item. Every input item ends in exactly one of four states, and
 * every time it was put on the wire is counted (`sends`), so nothing is sent twice unseen:
 *
 * - `applied`: CDF accepted it (with the record CDF returned).
 * - `failed`: CDF refused it, and said why (`missing`, `duplicated`, `invalid`, `other`). Requests
 *   CDF rejects are all-or-nothing, so a refused item did not change anything.
 * - `unknown`: a request holding it got no definite answer (5xx or network failure after the retry
 *   budget, or cancelled while in flight): it may or may not have been applied.
 * - `notSent`: cancelled before it was sent, or every send was refused by throttling; not applied.
 */
import type { FileRecord } from './file-record';
import type { FileUpdateItem } from './file-update';

/** `conflict`: the API refused a stale version (a kind whose writes carry one); nothing was applied. */
export type FailureReason = 'missing' | 'duplicated' | 'invalid' | 'conflict' | 'other';

export interface ItemFailure {
  readonly reason: FailureReason;
  /** CDF's message, or ours when the client refused the item before sending. */
  readonly message: string;
  /** HTTP status of the refusal; absent when the client refused the item itself. */
  readonly status?: number;
  readonly requestId?: string;
  /**
   * CDF rejected a request holding this item without naming the culprits, and the client stopped
   * narrowing it down (its budget of extra requests ran out): this item may be fine.
   */
  readonly notIsolated?: boolean;
}

/**
 * `U` is one wire update item, `R` the record the API answers with: a classic file's by default, any
 * record kind's (see src/core/records) otherwise.
 */
interface OutcomeBase<U> {
  /** Position in the input array. */
  readonly index: number;
  readonly item: U;
  /** HTTP attempts that carried this item (retries and re-sends included). */
  readonly sends: number;
}
export interface AppliedOutcome<U = FileUpdateItem, R = FileRecord> extends OutcomeBase<U> {
  readonly outcome: 'applied';
  /** The record as CDF returned it; absent only if the 2xx body could not be read. */
  readonly record: R | undefined;
}
export interface FailedOutcome<U = FileUpdateItem> extends OutcomeBase<U> {
  readonly outcome: 'failed';
  readonly failure: ItemFailure;
}
export interface UnknownOutcome<U = FileUpdateItem> extends OutcomeBase<U> {
  readonly outcome: 'unknown';
  readonly why: string;
  readonly status?: number;
  readonly requestId?: string;
}
export interface NotSentOutcome<U = FileUpdateItem> extends OutcomeBase<U> {
  readonly outcome: 'notSent';
  /** Why it was not sent, when neither cancellation nor throttling is the reason (a bulk job's re-plan). */
  readonly why?: string;
}
export type ItemOutcome<U = FileUpdateItem, R = FileRecord> =
  AppliedOutcome<U, R> | FailedOutcome<U> | UnknownOutcome<U> | NotSentOutcome<U>;

/** One HTTP attempt of `POST /files/update`. */
export interface UpdateAttemptRecord {
  /** Input positions of the items the request carried. */
  readonly itemIndexes: readonly number[];
  readonly attempt: number;
  status?: number;
  requestId?: string;
  /** Why there was no answer (network failure, timeout, cancelled). */
  noAnswer?: string;
}

export interface UpdateProgress {
  readonly total: number;
  readonly applied: number;
  readonly failed: number;
  readonly unknown: number;
  readonly notSent: number;
  /** Not settled yet (queued or in flight). */
  readonly pending: number;
  readonly requestsSent: number;
  readonly throttled: number;
  readonly concurrency: number;
}

export interface UpdateReport<U = FileUpdateItem, R = FileRecord> {
  readonly total: number;
  /** One outcome per input item, in input order. */
  readonly items: readonly ItemOutcome<U, R>[];
  readonly applied: readonly AppliedOutcome<U, R>[];
  readonly failed: readonly FailedOutcome<U>[];
  readonly unknown: readonly UnknownOutcome<U>[];
  readonly notSent: readonly NotSentOutcome<U>[];
  readonly cancelled: boolean;
  /** Every HTTP attempt, in the order they were sent. */
  readonly attempts: readonly UpdateAttemptRecord[];
  readonly stats: {
    readonly requestsSent: number;
    readonly throttled: number;
    readonly peakConcurrency: number;
    readonly finalConcurrency: number;
    readonly durationMs: number;
  };
}

/** Bounds of the concurrency that adapts to throttling (requests in flight). */
export interface UpdateConcurrencyOptions {
  readonly initial?: number;
  readonly min?: number;
  readonly max?: number;
}

/** How a bulk update runs; every field is optional, the defaults follow CDF's documented budget. */
export interface UpdateOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: UpdateProgress) => void;
  readonly concurrency?: UpdateConcurrencyOptions;
  /** Items per request; at most 1000 (the API's limit). Smaller only for tests and experiments. */
  readonly chunkSize?: number;
  /**
   * After cancellation, how long requests already on the wire may run to learn their outcome
   * (no new attempts start). Past this they are abandoned and their items reported `unknown`.
   */
  readonly cancelGraceMs?: number;
}
