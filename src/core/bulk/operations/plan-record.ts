import * as l10n from '@vscode/l10n';
import { diffRecord } from '../../diff';
import type { BulkKind, Patches } from '../bulk-kind';
import { draftOf, toCompiledAction, type CompiledAction } from './compile-action';
import type { BulkOperation } from './operations';
import type { ActionProblem } from '../../problems';
import type { RecordNouns } from '../../records';
import { refusalsFor } from './record-checks';
import { normalizeAfter } from './record-update';

/**
 * What an action does to one record. `before` is the record as read (the pre-image to keep for undo);
 * `after` is what the record will be once the update is applied (for a refused or unchanged record,
 * `before` itself). A change carries its fields' patches and the wire item that sends them.
 */
export type RecordPlan<R = object, U = unknown> =
  | {
      outcome: 'change';
      before: R;
      after: R;
      update: Patches;
      item: U;
      skipped?: never;
      problems?: never;
    }
  | { outcome: 'unchanged'; before: R; after: R; skipped: string; update?: never; item?: never; problems?: never }
  | {
      outcome: 'refused';
      before: R;
      after: R;
      problems: ActionProblem[];
      update?: never;
      item?: never;
      skipped?: never;
    };

export type ChangePlan<R, U> = Extract<RecordPlan<R, U>, { outcome: 'change' }>;
export type RefusedPlan<R, U> = Extract<RecordPlan<R, U>, { outcome: 'refused' }>;

/** Read when used, so it is in the language the bundle was configured with. */
export const nothingToChange = (kind: RecordNouns): string => l10n.t('no operation changes this {0}', kind.noun());

/**
 * Runs the action's operations in order on `record` and derives the minimal update (the editor's
 * diff, field kind by field kind). Nothing to send when the operations change nothing; a refusal,
 * with its reasons, when an operation cannot apply to this record or the result breaks a rule of the
 * API. Pure and cheap: call it per record while streaming pages.
 */
export function planRecord<R extends object, U>(
  kind: BulkKind<R, U>,
  record: R,
  action: CompiledAction | readonly BulkOperation[],
): RecordPlan<R, U> {
  const compiled = toCompiledAction(kind, action);
  const draft = draftOf(record);
  const problems: ActionProblem[] = [];
  for (const step of compiled.steps) {
    const p = step(draft);
    if (p) problems.push(p);
  }
  if (problems.length) return { outcome: 'refused', before: record, after: record, problems };
  return planTransition(kind, record, draft as R);
}

/**
 * The plan that turns `before` into `target` (any record-shaped value; absent fields are unset):
 * used by {@link planRecord}, by undo and by imports, so they share the minimal update and the checks.
 */
export function planTransition<R extends object, U>(
  kind: BulkKind<R, U>,
  before: R,
  target: R,
  unchangedReason = nothingToChange(kind),
): RecordPlan<R, U> {
  const update = diffRecord(kind, before, target);
  if (!update) return { outcome: 'unchanged', before, after: before, skipped: unchangedReason };
  const after = normalizeAfter(kind, before, target);
  const item = kind.encodeUpdate(before, update);
  const problems = refusalsFor(kind, before, after, update, item);
  if (problems.length) return { outcome: 'refused', before, after: before, problems };
  return { outcome: 'change', before, after, update, item };
}
