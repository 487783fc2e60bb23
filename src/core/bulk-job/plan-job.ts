import type { FileIdentifier, FileRecord } from '../../cdf/model';
import {
  addCounts,
  createBatchContext,
  emptyCounts,
  planBatch,
  type CompiledAction,
  type BatchPlan,
  type PlanCounts,
  type RecordPlan,
} from '../bulk';
import type { FilesApi } from '../ports';
import type { BulkTarget } from './bulk-target';
import { targetPages } from './target-pages';

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
  // The context reads this very set, so ids found done page by page count from that page on.
  const context = { ...createBatchContext(), doneIds: done };
  const plan = emptyJobPlan();
  for await (const page of targetPages(api, target, options.signal)) {
    if (options.isDone) for (const r of page.records) if (options.isDone(r)) done.add(r.id);
    appendBatch(plan, planBatch(page.records, action, context), page.missing);
    options.onPage?.(plan.counts);
  }
  return plan;
}
