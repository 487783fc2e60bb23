import * as l10n from '@vscode/l10n';
import { ownField } from '../../fields';
import type { BulkKind } from '../bulk-kind';
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

export interface BatchPlan<R = object, U = unknown> {
  /** What to send, in record order. */
  items: U[];
  /** The record before the action for each item, same order: keep them for undo. */
  preImages: R[];
  /** What each item's record becomes once its update is applied (the action's after-image), same order. */
  afterImages: R[];
  /** Every record of the page, for the preview and the report. */
  plans: RecordPlan<R, U>[];
  counts: PlanCounts;
}

/**
 * What one run of an action has seen so far, across pages: a record listed twice (a pasted list, an
 * import) is refused the second time, and two records given the same value of a unique field (an
 * external id) by the action are refused after the first (one clash would fail a whole request).
 * Holds the records' keys and the unique values only, never records.
 */
export interface BatchContext {
  readonly seenKeys: Set<string>;
  /** Per unique field, the values the action gives (as JSON). */
  readonly assigned: Map<string, Set<string>>;
  /**
   * Records this action already changed (a resumed or retried run): left alone, because some operations
   * are not idempotent (moving `/a` to `/a/b` twice gives `/a/b/b`; replacing `a` by `aa` grows).
   */
  readonly doneKeys: ReadonlySet<string>;
}

/** Use one context per run (the preview's run and the execution's run each get their own). */
export const createBatchContext = (doneKeys: Iterable<string> = []): BatchContext => ({
  seenKeys: new Set(),
  assigned: new Map(),
  doneKeys: new Set(doneKeys),
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
export function planBatch<R extends object, U>(
  kind: BulkKind<R, U>,
  records: readonly R[],
  action: CompiledAction | readonly BulkOperation[],
  context: BatchContext = createBatchContext(),
): BatchPlan<R, U> {
  const compiled = toCompiledAction(kind, action);
  return collectPlans(
    records.map((record) => guardedPlan(kind, record, context, (r) => planRecord(kind, r, compiled))),
  );
}

/** Plans with per-record operations (an import's rows): the same guards and counters as {@link planBatch}. */
export function planEach<R extends object, U>(
  kind: BulkKind<R, U>,
  entries: readonly { record: R; plan: (record: R) => RecordPlan<R, U> }[],
  context: BatchContext = createBatchContext(),
): BatchPlan<R, U> {
  return collectPlans(entries.map(({ record, plan }) => guardedPlan(kind, record, context, plan)));
}

function guardedPlan<R extends object, U>(
  kind: BulkKind<R, U>,
  record: R,
  context: BatchContext,
  plan: (r: R) => RecordPlan<R, U>,
): RecordPlan<R, U> {
  const key = kind.key(record);
  if (context.doneKeys.has(key)) return { outcome: 'unchanged', before: record, after: record, skipped: alreadyDone() };
  if (context.seenKeys.has(key))
    return refuse(
      record,
      actionProblem(
        'duplicate',
        'id',
        `the ${kind.noun()} is listed more than once`,
        `${capitalized(kind.noun())} ${key} is already in this action`,
      ),
    );
  context.seenKeys.add(key);
  const result = plan(record);
  if (result.outcome !== 'change') return result;
  for (const field of kind.uniqueFields) {
    const value = ownField(result.after, field);
    if (ownField(result.update, field) === undefined || value === undefined) continue;
    const given = context.assigned.get(field) ?? new Set<string>();
    context.assigned.set(field, given);
    if (given.has(JSON.stringify(value))) return refuse(record, sameUniqueValue(field, value));
    given.add(JSON.stringify(value));
  }
  return result;
}

/** Unique fields are named as the API names them: an external id is the one there is today. */
function sameUniqueValue(field: string, value: unknown): ActionProblem {
  return field === 'externalId'
    ? actionProblem(
        'duplicate',
        'externalId',
        'another file in this action gets the same external id',
        `External id "${String(value)}" is already given to another file in this action; external ids are unique`,
      )
    : actionProblem(
        'duplicate',
        field,
        `another file in this action gets the same ${field}`,
        `${field} ${JSON.stringify(value)} is already given to another file in this action; it is unique`,
      );
}

const refuse = <R, U>(record: R, p: ActionProblem): RecordPlan<R, U> => ({
  outcome: 'refused',
  before: record,
  after: record,
  problems: [p],
});

function collectPlans<R, U>(plans: RecordPlan<R, U>[]): BatchPlan<R, U> {
  const batch: BatchPlan<R, U> = { items: [], preImages: [], afterImages: [], plans, counts: emptyCounts() };
  const counts = batch.counts;
  for (const plan of plans) {
    counts.matched++;
    switch (plan.outcome) {
      case 'change':
        counts.changed++;
        batch.items.push(plan.item);
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

/** "file" -> "File" at the start of a sentence ("CogniteFile node" stays). */
const capitalized = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
