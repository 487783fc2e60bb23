import type {
  AppliedOutcome,
  FailedOutcome,
  ItemOutcome,
  NotSentOutcome,
  UnknownOutcome,
  UpdateReport,
} from '../../ports';

/**
 * One window of a job's run: `report` is `updateMany`'s over the items sent (its item `i` is the
 * plan's item `positions[i]`), `settled` the window's items that ended without a send.
 */
export interface WindowReport<R, U> {
  positions: readonly number[];
  settled: readonly ItemOutcome<U, R>[];
  report: UpdateReport<U, R> | undefined;
}

/**
 * The job's one report from its windows': every plan item once, at its place in the plan (`index`),
 * and every HTTP attempt with its items' places in the plan, so the report reads as one run's.
 */
export function mergeReports<R, U>(
  total: number,
  windows: readonly WindowReport<R, U>[],
  durationMs: number,
  /** Cancelled before a window was sent (its items are `notSent`). */
  aborted: boolean,
): UpdateReport<U, R> {
  const items: ItemOutcome<U, R>[] = [];
  const attempts: UpdateReport<U, R>['attempts'][number][] = [];
  for (const w of windows) {
    for (const s of w.settled) items[s.index] = s;
    if (!w.report) continue;
    for (const o of w.report.items) {
      const at = w.positions[o.index]!;
      // Already at its place (a run of one window, the whole plan): the same outcome, not a copy of 20,000.
      items[at] = at === o.index ? o : { ...o, index: at };
    }
    for (const a of w.report.attempts) attempts.push({ ...a, itemIndexes: a.itemIndexes.map((i) => w.positions[i]!) });
  }
  const reports = windows.flatMap((w) => (w.report ? [w.report] : []));
  const last = reports[reports.length - 1];
  const of = <O extends ItemOutcome<U, R>>(kind: O['outcome']) => items.filter((o): o is O => o.outcome === kind);
  return {
    total,
    items,
    applied: of<AppliedOutcome<U, R>>('applied'),
    failed: of<FailedOutcome<U>>('failed'),
    unknown: of<UnknownOutcome<U>>('unknown'),
    notSent: of<NotSentOutcome<U>>('notSent'),
    cancelled: aborted || reports.some((r) => r.cancelled),
    attempts,
    stats: {
      requestsSent: reports.reduce((n, r) => n + r.stats.requestsSent, 0),
      throttled: reports.reduce((n, r) => n + r.stats.throttled, 0),
      peakConcurrency: Math.max(0, ...reports.map((r) => r.stats.peakConcurrency)),
      finalConcurrency: last?.stats.finalConcurrency ?? 0,
      durationMs,
    },
  };
}
