/**
 * Retrying a bulk update's report (what tests and benchmarks do after a fault): pick the items worth
 * sending again, then lay the retry's outcomes over the original report.
 */
import { buildReport } from '../../../src/cdf/client/update/update-report';
import type { FailureReason, FileUpdateItem, UpdateReport } from '../../../src/cdf/model';

/** What a retry may send again: items without a definite answer, and failures of the given reasons. */
export type RetryableOutcome = 'unknown' | 'notSent' | FailureReason;

/**
 * The items worth sending again, with their positions in the original input. By default: `unknown`
 * (re-sending is safe, see the idempotency note in src/cdf/client/update/update-runner.ts), `notSent`, and failures for
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
