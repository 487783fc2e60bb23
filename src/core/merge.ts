import type { EditableFieldName, FileRecord } from '../cdf/model';
import { ownField, CLASSIC_FILE_FIELDS, putField, type FieldTable } from './fields';

/**
 * Three-way merge of a record the user edited (`mine`) with the server's current record (`theirs`),
 * both descended from `base`. CDF file records have no ETag, so this is how a save avoids clobbering
 * someone else's change. Each field's kind merges element by element (sets per member, metadata per
 * key), so two people adding different labels or metadata keys never conflict; a conflict is the same
 * scalar, or the same metadata key, changed to different values on both sides.
 */
export interface MergeConflict {
  field: EditableFieldName;
  /** For metadata: the conflicting key. */
  key?: string;
  base: unknown;
  mine: unknown;
  theirs: unknown;
}

export interface MergeResult {
  /** theirs + my non-conflicting changes; on conflicting fields, `prefer` decides. */
  merged: FileRecord;
  conflicts: MergeConflict[];
}

export function mergeRecords(
  base: FileRecord,
  mine: FileRecord,
  theirs: FileRecord,
  prefer: 'mine' | 'theirs' = 'theirs',
): MergeResult {
  return mergeRecordsOf(CLASSIC_FILE_FIELDS, base, mine, theirs, prefer);
}

/** The same for any record kind. */
export function mergeRecordsOf<R extends object, N extends string>(
  kind: FieldTable<N>,
  base: R,
  mine: R,
  theirs: R,
  prefer: 'mine' | 'theirs',
): { merged: R; conflicts: (Omit<MergeConflict, 'field'> & { field: N })[] } {
  const merged: Record<string, unknown> = { ...(theirs as Record<string, unknown>) };
  const conflicts: (Omit<MergeConflict, 'field'> & { field: N })[] = [];
  for (const field of kind.fields) {
    const [b, m, t] = [base, mine, theirs].map((r) => ownField(r, field.name));
    const outcome = field.kind.merge(b, m, t, prefer);
    putField(merged, field, outcome.value);
    conflicts.push(...outcome.conflicts.map((c) => ({ field: field.name, ...c })));
  }
  return { merged: merged as R, conflicts };
}
