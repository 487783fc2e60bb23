import {
  addCounts,
  compileAction,
  alreadyDone,
  createBatchContext,
  emptyCounts,
  planBatch,
  planRecord,
  type BatchContext,
  type BatchPlan,
  type BulkKind,
  type BulkOperation,
  type ChangePlan,
  type CompiledAction,
  type PlanCounts,
  type RefusedPlan,
} from '..';
import type { BulkSource } from './bulk-source';
import type { BulkTarget } from './bulk-target';
import type { PlanAgain } from './send-job';
import { targetPages, type TargetPage } from './target-pages';

/** Everything the preview shows and the run sends. */
export interface JobPlan<R = object, U = unknown> {
  items: U[];
  /** The records before the action, same order as `items` (undo needs them). */
  preImages: R[];
  /** What each item's record becomes when its update applies, same order (undo compares with it). */
  afterImages: R[];
  counts: PlanCounts;
  /** Plans of the records that change (for the per-record preview) and of the refused ones (for the report). */
  changes: ChangePlan<R, U>[];
  refusals: RefusedPlan<R, U>[];
  /** Refs of the target that named no record. */
  missing: unknown[];
  /** How the run plans each record again from what CDF holds just before sending it (see `sendJob`). */
  planAgain?: PlanAgain<R, U>;
}

export const emptyJobPlan = <R = object, U = unknown>(): JobPlan<R, U> => ({
  items: [],
  preImages: [],
  afterImages: [],
  counts: emptyCounts(),
  changes: [],
  refusals: [],
  missing: [],
});

/** Adds one planned page to a job's plan. */
export function appendBatch<R, U>(plan: JobPlan<R, U>, batch: BatchPlan<R, U>, missing: readonly unknown[] = []): void {
  plan.items.push(...batch.items);
  plan.preImages.push(...batch.preImages);
  plan.afterImages.push(...batch.afterImages);
  plan.counts = addCounts(plan.counts, batch.counts);
  for (const p of batch.plans) {
    if (p.outcome === 'change') plan.changes.push(p);
    else if (p.outcome === 'refused') plan.refusals.push(p);
  }
  plan.missing.push(...missing);
}

/** Plans one page of a target: the records read, the refs that matched none, the job's shared context. */
export type PagePlanner<R, U> = (page: TargetPage<R>, context: BatchContext) => BatchPlan<R, U>;

/**
 * The one job loop: reads the target page by page, plans each page with `planPage` (one context for
 * the whole job, so a record listed twice or a unique value given twice is caught across pages) and
 * adds it to the plan. A bulk action and a CSV import differ only in how they plan a page.
 */
export async function planPages<R extends object, U>(
  source: BulkSource<R, U>,
  target: BulkTarget,
  planPage: PagePlanner<R, U>,
  options: { signal?: AbortSignal; doneKeys?: Set<string>; onPage?: (counts: PlanCounts) => void } = {},
): Promise<JobPlan<R, U>> {
  // The context reads this very set, so records found done page by page count from that page on.
  const context = { ...createBatchContext(), doneKeys: options.doneKeys ?? new Set<string>() };
  const plan = emptyJobPlan<R, U>();
  for await (const page of targetPages(source, target, options.signal)) {
    appendBatch(plan, planPage(page, context), page.missing);
    options.onPage?.(plan.counts);
  }
  return plan;
}

/**
 * Reads the target page by page and plans every record. `doneKeys` skips records this action already
 * changed (a resumed run: some operations, like a directory move into a sub-folder, must not repeat).
 */
export async function planJob<R extends object, U>(
  source: BulkSource<R, U>,
  target: BulkTarget,
  action: CompiledAction,
  options: {
    signal?: AbortSignal;
    doneKeys?: Iterable<string>;
    /** Judged on the record as it is now: a resumed run leaves records the action already changed. */
    isDone?: (current: R) => boolean;
    onPage?: (counts: PlanCounts) => void;
  } = {},
): Promise<JobPlan<R, U>> {
  const { kind } = source;
  const done = new Set(options.doneKeys);
  const isDone = options.isDone;
  const plan = await planPages(
    source,
    target,
    (page, context) => {
      if (isDone) for (const r of page.records) if (isDone(r)) done.add(kind.key(r));
      return planBatch(kind, page.records, action, context);
    },
    { signal: options.signal, doneKeys: done, onPage: options.onPage },
  );
  // At send time, a record the action already reached (a resumed run) is still left alone.
  plan.planAgain = (fresh) =>
    done.has(kind.key(fresh)) || isDone?.(fresh)
      ? { outcome: 'unchanged', before: fresh, after: fresh, skipped: alreadyDone() }
      : planRecord(kind, fresh, action);
  return plan;
}

/** The operations as one action, or a clear error saying why they do not make one. */
export function compiled<R extends object, U>(kind: BulkKind<R, U>, operations: BulkOperation[]) {
  const result = compileAction(kind, operations);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join(' '));
  return result.action;
}
