import * as l10n from '@vscode/l10n';
import type { FileChangeUpdate, FileRecord } from '../../../cdf/model';
import { diff } from '../../records';
import { draftOf, toCompiledAction, type CompiledAction } from './compile-action';
import type { BulkOperation } from './operations';
import type { ActionProblem } from '../../problems';
import { refusalsFor } from './record-checks';
import { normalizeAfter } from './record-update';

/**
 * What an action does to one record. `before` is the record as read (the pre-image to keep for undo);
 * `after` is what the record will be once the update is applied (for a refused or unchanged record,
 * `before` itself).
 */
export type RecordPlan =
  | {
      outcome: 'change';
      before: FileRecord;
      after: FileRecord;
      update: FileChangeUpdate;
      skipped?: never;
      problems?: never;
    }
  | { outcome: 'unchanged'; before: FileRecord; after: FileRecord; skipped: string; update?: never; problems?: never }
  | {
      outcome: 'refused';
      before: FileRecord;
      after: FileRecord;
      problems: ActionProblem[];
      update?: never;
      skipped?: never;
    };

/** Read when used, so it is in the language the bundle was configured with. */
export const nothingToChange = (): string => l10n.t('no operation changes this file');

/**
 * Runs the action's operations in order on `record` and derives the minimal update (see
 * the editor's {@link diff}). Nothing to send when the operations change nothing; a refusal, with its
 * reasons, when an operation cannot apply to this record or the result breaks a rule of the API.
 * Pure and cheap: call it per record while streaming pages.
 */
export function planRecord(record: FileRecord, action: CompiledAction | readonly BulkOperation[]): RecordPlan {
  const compiled = toCompiledAction(action);
  const draft = draftOf(record);
  const problems: ActionProblem[] = [];
  for (const step of compiled.steps) {
    const p = step(draft);
    if (p) problems.push(p);
  }
  if (problems.length) return { outcome: 'refused', before: record, after: record, problems };
  return planTransition(record, draft as FileRecord);
}

/**
 * The plan that turns `before` into `target` (any record-shaped value; absent fields are unset):
 * used by {@link planRecord}, by undo and by imports, so they share the minimal update and the checks.
 */
export function planTransition(
  before: FileRecord,
  target: FileRecord,
  unchangedReason = nothingToChange(),
): RecordPlan {
  const update = diff(before, target);
  if (!update) return { outcome: 'unchanged', before, after: before, skipped: unchangedReason };
  const after = normalizeAfter(before, target);
  const problems = refusalsFor(before, after, update);
  if (problems.length) return { outcome: 'refused', before, after: before, problems };
  return { outcome: 'change', before, after, update };
}
