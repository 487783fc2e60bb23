import { ownField, putField, type FieldTable } from './fields';

/**
 * Three-way merge of a record the user edited (`mine`) with the server's current record (`theirs`),
 * both descended from `base`. Each field's kind merges element by element (sets per member, maps
 * per key), so two people adding different members or keys never conflict; a conflict is the same
 * scalar, or the same key, changed to different values on both sides. A classic file has no version,
 * so this is how its save avoids clobbering someone else's change; a kind whose API checks versions
 * merges here too, after the API refused a stale write.
 */
export interface MergeConflict<N extends string = string> {
  field: N;
  /** For a map: the conflicting key. */
  key?: string;
  base: unknown;
  mine: unknown;
  theirs: unknown;
}

export interface MergeResult<R, N extends string = string> {
  /** theirs + my non-conflicting changes; on conflicting fields, `prefer` decides. */
  merged: R;
  conflicts: MergeConflict<N>[];
}

export function mergeRecordsOf<R extends object, N extends string>(
  table: FieldTable<N>,
  base: R,
  mine: R,
  theirs: R,
  prefer: 'mine' | 'theirs',
): MergeResult<R, N> {
  const merged: Record<string, unknown> = { ...(theirs as Record<string, unknown>) };
  const conflicts: MergeConflict<N>[] = [];
  for (const field of table.fields) {
    const [b, m, t] = [base, mine, theirs].map((r) => ownField(r, field.name));
    const outcome = field.kind.merge(b, m, t, prefer);
    putField(merged, field, outcome.value);
    conflicts.push(...outcome.conflicts.map((c) => ({ field: field.name, ...c })));
  }
  return { merged: merged as R, conflicts };
}
