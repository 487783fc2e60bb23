import * as l10n from '@vscode/l10n';
import type { FileChangeUpdate, FileRecord } from '../../../cdf/model';
import { toCompiledAction, type CompiledAction } from './compile-action';
import type { BulkOperation } from './operations';
import { planRecord, type RecordPlan } from './plan-record';
import { actionProblem, type ActionProblem } from '../../problems';

/** Counters of a plan; add pages up with {@link addCounts}. */
export interface PlanCounts {
  /** Records looked at. */
  matched: number;
  /** Records with an update to send. */
  changed: number;
  unchanged: number;
  refused: number;
  /** Refused records per reason (a record refused for two reasons counts under both). */
  refusedByReason: Record<string, number>;
}

export interface BatchPlan {
  /** What to send, by internal id, in record order. */
  items: { id: number; update: FileChangeUpdate }[];
  /** The record before the action for each item, same order: keep them for undo. */
  preImages: FileRecord[];
  /** What each item's record becomes once its update is applied (the action's after-image), same order. */
  afterImages: FileRecord[];
  /** Every record of the page, for the preview and the report. */
  plans: RecordPlan[];
  counts: PlanCounts;
}

/**
 * What one run of an action has seen so far, across pages: a file listed twice (a pasted list, an
 * import) is refused the second time, and two files given the same external id by the action are
 * refused after the first (external ids are unique; one clash would fail a whole request). Holds
 * ids and external ids only, never records.
 */
export interface BatchContext {
  readonly seenIds: Set<number>;
  readonly assignedExternalIds: Set<string>;
  /**
   * Files this action already changed (a resumed or retried run): left alone, because some operations
   * are not idempotent (moving `/a` to `/a/b` twice gives `/a/b/b`; replacing `a` by `aa` grows).
   */
  readonly doneIds: ReadonlySet<number>;
}

/** Use one context per run (the preview's run and the execution's run each get their own). */
export const createBatchContext = (doneIds: Iterable<number> = []): BatchContext => ({
  seenIds: new Set(),
  assignedExternalIds: new Set(),
  doneIds: new Set(doneIds),
});

/** Read when used, so it is in the language the bundle was configured with. */
export const alreadyDone = (): string => l10n.t('already changed by this action');

export const emptyCounts = (): PlanCounts => ({
  matched: 0,
  changed: 0,
  unchanged: 0,
  refused: 0,
  refusedByReason: {},
});

export function addCounts(a: PlanCounts, b: PlanCounts): PlanCounts {
  const refusedByReason = { ...a.refusedByReason };
  for (const [reason, n] of Object.entries(b.refusedByReason))
    refusedByReason[reason] = (refusedByReason[reason] ?? 0) + n;
  return {
    matched: a.matched + b.matched,
    changed: a.changed + b.changed,
    unchanged: a.unchanged + b.unchanged,
    refused: a.refused + b.refused,
    refusedByReason,
  };
}

/**
 * Plans one page of records (any size; a list page of up to 1000 is the natural unit). Stream a
 * whole target set by calling it page by page with one {@link BatchContext} and adding the counts:
 * nothing here needs the other pages.
 */
export function planBatch(
  records: readonly FileRecord[],
  action: CompiledAction | readonly BulkOperation[],
  context: BatchContext = createBatchContext(),
): BatchPlan {
  const compiled = toCompiledAction(action);
  return collectPlans(records.map((record) => guardedPlan(record, context, (r) => planRecord(r, compiled))));
}

/** Plans with per-record operations (an import's rows): the same guards and counters as {@link planBatch}. */
export function planEach(
  entries: readonly { record: FileRecord; plan: (record: FileRecord) => RecordPlan }[],
  context: BatchContext = createBatchContext(),
): BatchPlan {
  return collectPlans(entries.map(({ record, plan }) => guardedPlan(record, context, plan)));
}

function guardedPlan(record: FileRecord, context: BatchContext, plan: (r: FileRecord) => RecordPlan): RecordPlan {
  if (context.doneIds.has(record.id))
    return { outcome: 'unchanged', before: record, after: record, skipped: alreadyDone() };
  if (context.seenIds.has(record.id))
    return refuse(
      record,
      actionProblem(
        'duplicate',
        'id',
        'the file is listed more than once',
        `File ${record.id} is already in this action`,
      ),
    );
  context.seenIds.add(record.id);
  const result = plan(record);
  const assigned =
    result.outcome === 'change' && result.update.externalId && 'set' in result.update.externalId
      ? result.update.externalId.set
      : undefined;
  if (assigned === undefined) return result;
  if (context.assignedExternalIds.has(assigned))
    return refuse(
      record,
      actionProblem(
        'duplicate',
        'externalId',
        'another file in this action gets the same external id',
        `External id "${assigned}" is already given to another file in this action; external ids are unique`,
      ),
    );
  context.assignedExternalIds.add(assigned);
  return result;
}

const refuse = (record: FileRecord, p: ActionProblem): RecordPlan => ({
  outcome: 'refused',
  before: record,
  after: record,
  problems: [p],
});

function collectPlans(plans: RecordPlan[]): BatchPlan {
  const batch: BatchPlan = { items: [], preImages: [], afterImages: [], plans, counts: emptyCounts() };
  const counts = batch.counts;
  for (const plan of plans) {
    counts.matched++;
    switch (plan.outcome) {
      case 'change':
        counts.changed++;
        batch.items.push({ id: plan.before.id, update: plan.update });
        batch.preImages.push(plan.before);
        batch.afterImages.push(plan.after);
        break;
      case 'unchanged':
        counts.unchanged++;
        break;
      case 'refused':
        counts.refused++;
        for (const reason of new Set(plan.problems.map((p) => p.reason)))
          counts.refusedByReason[reason] = (counts.refusedByReason[reason] ?? 0) + 1;
        break;
    }
  }
  return batch;
}
