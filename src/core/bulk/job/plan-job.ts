import type { FileIdentifier, FileRecord } from '../../../cdf/model';
import {
  addCounts,
  createBatchContext,
  emptyCounts,
  planBatch,
  type CompiledAction,
  type BatchContext,
  type BatchPlan,
  type PlanCounts,
  type RecordPlan,
} from '..';
import type { FilesApi } from '../../ports';
import type { BulkTarget } from './bulk-target';
import { targetPages, type TargetPage } from './target-pages';

/** Everything the preview shows and the run sends. */
export interface JobPlan {
  items: { id: number; update: NonNullable<Extract<RecordPlan, { outcome: 'change' }>['update']> }[];
  /** The records before the action, same order as `items` (undo needs them). */
  preImages: FileRecord[];
  /** What each item's record becomes when its update applies, same order (undo compares with it). */
  afterImages: FileRecord[];
  counts: PlanCounts;
  /** Plans of the files that change (for the per-file preview) and of the refused ones (for the report). */
  changes: Extract<RecordPlan, { outcome: 'change' }>[];
  refusals: Extract<RecordPlan, { outcome: 'refused' }>[];
  missing: FileIdentifier[];
}

export const emptyJobPlan = (): JobPlan => ({
  items: [],
  preImages: [],
  afterImages: [],
  counts: emptyCounts(),
  changes: [],
  refusals: [],
  missing: [],
});

/** Adds one planned page to a job's plan. */
export function appendBatch(plan: JobPlan, batch: BatchPlan, missing: readonly FileIdentifier[] = []): void {
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

/** Plans one page of a target: the records read, the identifiers that matched none, the job's shared context. */
export type PagePlanner = (page: TargetPage, context: BatchContext) => BatchPlan;

/**
 * The one job loop: reads the target page by page, plans each page with `planPage` (one context for
 * the whole job, so a file listed twice or an external id given twice is caught across pages) and
 * adds it to the plan. A bulk action and a CSV import differ only in how they plan a page.
 */
export async function planPages(
  api: FilesApi,
  target: BulkTarget,
  planPage: PagePlanner,
  options: { signal?: AbortSignal; doneIds?: Set<number>; onPage?: (counts: PlanCounts) => void } = {},
): Promise<JobPlan> {
  // The context reads this very set, so ids found done page by page count from that page on.
  const context = { ...createBatchContext(), doneIds: options.doneIds ?? new Set<number>() };
  const plan = emptyJobPlan();
  for await (const page of targetPages(api, target, options.signal)) {
    appendBatch(plan, planPage(page, context), page.missing);
    options.onPage?.(plan.counts);
  }
  return plan;
}

/**
 * Reads the target page by page and plans every record. `doneIds` skips files this action already
 * changed (a resumed run: some operations, like a directory move into a sub-folder, must not repeat).
 */
export async function planJob(
  api: FilesApi,
  target: BulkTarget,
  action: CompiledAction,
  options: {
    signal?: AbortSignal;
    doneIds?: Iterable<number>;
    /** Judged on the record as it is now: a resumed run leaves files the action already changed. */
    isDone?: (current: FileRecord) => boolean;
    onPage?: (counts: PlanCounts) => void;
  } = {},
): Promise<JobPlan> {
  const done = new Set(options.doneIds);
  const isDone = options.isDone;
  return planPages(
    api,
    target,
    (page, context) => {
      if (isDone) for (const r of page.records) if (isDone(r)) done.add(r.id);
      return planBatch(page.records, action, context);
    },
    { signal: options.signal, doneIds: done, onPage: options.onPage },
  );
}
