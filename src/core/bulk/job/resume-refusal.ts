import * as l10n from '@vscode/l10n';
import type { BulkActionRecord } from './bulk-history';

/**
 * Why the kept action cannot be resumed, or `undefined` when it can. Resume re-plans the action's
 * operations against the files as they are now; a CSV import has none of its own (each row is its
 * own plan), so re-planning it would only fail with "An action needs at least one operation". Its
 * resume is importing the same file again: that re-reads every file and plans each row afresh, so a
 * row the interrupted run already applied comes out unchanged and nothing is sent twice; and that
 * import continues the kept action (`BulkJobs.importJob`), so one undo covers the rows of both runs.
 */
export function resumeRefusal<R extends object, U>(record: BulkActionRecord<R, U>): string | undefined {
  if (record.operations.length > 0) return undefined;
  return l10n.t(
    'The last bulk action ("{0}") was a CSV import, which Resume cannot re-plan: import the same file again to finish it (rows already applied plan no change). That import continues this one, so Undo then undoes every row of both runs.',
    record.target.label,
  );
}
