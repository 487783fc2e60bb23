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
import type { FileRecord, FileUpdateItem } from '../../model';

export type FailureReason = 'missing' | 'duplicated' | 'invalid' | 'other';

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

interface OutcomeBase {
  /** Position in the input array. */
  readonly index: number;
  readonly item: FileUpdateItem;
  /** HTTP attempts that carried this item (retries and re-sends included). */
  readonly sends: number;
}
export interface AppliedOutcome extends OutcomeBase {
  readonly outcome: 'applied';
  /** The record as CDF returned it; absent only if the 2xx body could not be read. */
  readonly record: FileRecord | undefined;
}
export interface FailedOutcome extends OutcomeBase {
  readonly outcome: 'failed';
  readonly failure: ItemFailure;
}
export interface UnknownOutcome extends OutcomeBase {
  readonly outcome: 'unknown';
  readonly why: string;
  readonly status?: number;
  readonly requestId?: string;
}
export interface NotSentOutcome extends OutcomeBase {
  readonly outcome: 'notSent';
}
export type ItemOutcome = AppliedOutcome | FailedOutcome | UnknownOutcome | NotSentOutcome;

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

export interface UpdateReport {
  readonly total: number;
  /** One outcome per input item, in input order. */
  readonly items: readonly ItemOutcome[];
  readonly applied: readonly AppliedOutcome[];
  readonly failed: readonly FailedOutcome[];
  readonly unknown: readonly UnknownOutcome[];
  readonly notSent: readonly NotSentOutcome[];
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

export function buildReport(
  outcomes: readonly ItemOutcome[],
  attempts: readonly UpdateAttemptRecord[],
  cancelled: boolean,
  stats: UpdateReport['stats'],
): UpdateReport {
  return {
    total: outcomes.length,
    items: outcomes,
    applied: outcomes.filter((o): o is AppliedOutcome => o.outcome === 'applied'),
    failed: outcomes.filter((o): o is FailedOutcome => o.outcome === 'failed'),
    unknown: outcomes.filter((o): o is UnknownOutcome => o.outcome === 'unknown'),
    notSent: outcomes.filter((o): o is NotSentOutcome => o.outcome === 'notSent'),
    cancelled,
    attempts,
    stats,
  };
}

export type RetryableOutcome = 'unknown' | 'notSent' | FailureReason;

/**
 * The items worth sending again, with their positions in the original input. By default: `unknown`
 * (re-sending is safe, see the idempotency note in update-runner.ts), `notSent`, and failures for
 * `other` reasons (throttled out, forbidden, server trouble). `missing`, `duplicated` and `invalid`
 * would fail the same way again until the item is changed, so they are left out unless asked for.
 */
export function itemsToRetry(
  report: UpdateReport,
  include: readonly RetryableOutcome[] = ['unknown', 'notSent', 'other'],
): { items: FileUpdateItem[]; originalIndexes: number[] } {
  const wanted = new Set(include);
  const picked = report.items.filter((o) =>
    o.outcome === 'failed' ? wanted.has(o.failure.reason) : o.outcome !== 'applied' && wanted.has(o.outcome),
  );
  return { items: picked.map((o) => o.item), originalIndexes: picked.map((o) => o.index) };
}

/**
 * The original report with the outcomes of a retry run laid over it: retried items take their new
 * outcome (with both runs' sends added up), the rest keep theirs.
 */
export function mergeRetryReport(
  original: UpdateReport,
  retry: UpdateReport,
  originalIndexes: readonly number[],
): UpdateReport {
  const outcomes = [...original.items];
  retry.items.forEach((outcome, i) => {
    const index = originalIndexes[i];
    if (index === undefined) return;
    const previous = outcomes[index];
    outcomes[index] = { ...outcome, index, sends: outcome.sends + (previous?.sends ?? 0) };
  });
  const attempts = [
    ...original.attempts,
    ...retry.attempts.map((a) => ({ ...a, itemIndexes: a.itemIndexes.map((i) => originalIndexes[i] ?? -1) })),
  ];
  return buildReport(outcomes, attempts, retry.cancelled, {
    requestsSent: original.stats.requestsSent + retry.stats.requestsSent,
    throttled: original.stats.throttled + retry.stats.throttled,
    peakConcurrency: Math.max(original.stats.peakConcurrency, retry.stats.peakConcurrency),
    finalConcurrency: retry.stats.finalConcurrency,
    durationMs: original.stats.durationMs + retry.stats.durationMs,
  });
}
