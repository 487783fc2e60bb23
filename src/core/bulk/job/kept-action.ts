import * as l10n from '@vscode/l10n';
import type { BulkKind } from '../bulk-kind';
import type { BulkActionRecord } from './bulk-history';
import type { JobScope } from './bulk-jobs';
import type { BulkTarget } from './bulk-target';

/** A kept action of any record kind (a window keeps one, whatever it changed). */
export type AnyRecord = BulkActionRecord<object, unknown>;
/** A kept action as the window (and its store) keeps it, whatever its record kind. */
export const asKept = <R extends object, U>(record: BulkActionRecord<R, U>): AnyRecord =>
  record as unknown as AnyRecord;

/** The kept action changed records of another kind: its refs and operations mean nothing to this one. */
export function otherKindRefusal<R extends object, U>(last: AnyRecord, kind: BulkKind<R, U>): string | undefined {
  if (last.kind.name === kind.name) return undefined;
  return l10n.t(
    'The last bulk action ("{0}") changed {1} records, not {2} records; it can be resumed or undone only there.',
    last.target.label,
    last.kind.name,
    kind.name,
  );
}

/** The same CSV imported again on the same project: same rows, in the same order. */
export function isSameImport<R extends object, U>(last: AnyRecord, scope: JobScope<R, U>, target: BulkTarget): boolean {
  return (
    last.operations.length === 0 &&
    last.kind.name === scope.kind.name &&
    last.belongsTo(scope.project) &&
    JSON.stringify(last.target) === JSON.stringify(target)
  );
}
