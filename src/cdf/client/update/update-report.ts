/**
 * Building an update report (the report's shape is API vocabulary, in cdf/model/update-report.ts,
 * so core can read it without depending on the client).
 */
import type {
  AppliedOutcome,
  FailedOutcome,
  ItemOutcome,
  NotSentOutcome,
  UnknownOutcome,
  UpdateAttemptRecord,
  UpdateReport,
} from '../../model';

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
