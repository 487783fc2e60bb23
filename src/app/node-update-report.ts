/** The report of a CogniteFile bulk update (node-update-many.ts): every item, by outcome, and the run's counts. */
import type { CogniteFileUpsertItem } from '../cdf/model';
import type { ItemOutcome, UpdateReport } from '../core/ports';
import type { CogniteFileRecord } from '../core/records';
import type { NodeWriteGate } from './node-write-gate';

type U = CogniteFileUpsertItem;
type R = CogniteFileRecord;
type Outcome = ItemOutcome<U, R>;

export type Attempt = { itemIndexes: number[]; attempt: number; status?: number; noAnswer?: string };

/** `outcomes[i]` is item i's; an item without one was never sent. */
export function nodeUpdateReport(
  items: readonly U[],
  outcomes: readonly (Outcome | undefined)[],
  run: { attempts: Attempt[]; gate: NodeWriteGate; cancelled: boolean; started: number },
): UpdateReport<U, R> {
  const all = outcomes.map((o, i) => o ?? { outcome: 'notSent' as const, index: i, item: items[i]!, sends: 0 });
  const of = <O extends Outcome['outcome']>(o: O) =>
    all.filter((x): x is Extract<Outcome, { outcome: O }> => x.outcome === o);
  return {
    total: all.length,
    items: all,
    applied: of('applied'),
    failed: of('failed'),
    unknown: of('unknown'),
    notSent: of('notSent'),
    cancelled: run.cancelled,
    attempts: run.attempts,
    stats: {
      requestsSent: run.attempts.length,
      throttled: run.gate.throttled,
      peakConcurrency: run.gate.peak,
      finalConcurrency: run.gate.limiter.limit,
      durationMs: Date.now() - run.started,
    },
  };
}

export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An item's outcome when CDF refused it (or it was refused before sending), for its report. */
export const failed = (reason: 'conflict' | 'invalid' | 'missing' | 'other', message: string, status?: number) => ({
  outcome: 'failed' as const,
  failure: { reason, message, ...(status === undefined ? {} : { status }) },
});

export const errText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * The outcomes counted as they are settled. WHY: progress is told after every chunk; counting by
 * walking every item each time grows with the square of the job (a million nodes, a thousand chunks).
 */
export class OutcomeTally {
  readonly counts: Record<Outcome['outcome'], number> = { applied: 0, failed: 0, unknown: 0, notSent: 0 };
  private settledCount = 0;

  /** Item settled `now`, having been `was` (undefined: not settled before). */
  settled(was: Outcome['outcome'] | undefined, now: Outcome['outcome']): void {
    if (was) this.counts[was]--;
    else this.settledCount++;
    this.counts[now]++;
  }

  get done(): number {
    return this.settledCount;
  }
}
