import { parseDocument, placeProblems, validateRecordDocument } from './document';
import { ownField, type FieldTable } from './fields';
import type { SaveProblem } from './problems';
import type { RecordKind } from './records';

/** Per field name, the field kind's minimal patch (never empty: no patch means no change). */
export type RecordPatches = Record<string, object>;

/**
 * The minimal patches that turn `base` into `edited`, one per field that differs, or `undefined`
 * when nothing changed (never an empty update). `edited` must have passed validation. Each field's
 * kind gives its patch (see src/core/fields): a scalar `{set}` or `{setNull: true}`; a collection
 * (a map, a set) `{add, remove}` of only the elements that differ, never `{set}`. Bulk actions,
 * undo and imports send the same diff.
 */
export function diffRecord(table: FieldTable, base: object, edited: object): RecordPatches | undefined {
  const update: RecordPatches = {};
  for (const field of table.fields) {
    const [before, after] = [ownField(base, field.name), ownField(edited, field.name)];
    // One value on both sides (a bulk action's after-image shares every field it leaves alone): no
    // kind patches a value to itself, so skip its diff, the bulk of the cost per record.
    if (before === after) continue;
    const patch = field.kind.diff(before, after);
    if (patch !== undefined) update[field.name] = patch;
  }
  return Object.keys(update).length > 0 ? update : undefined;
}

export type DocumentSavePlan<U> =
  | {
      ok: true;
      /** The parsed, valid document. */
      document: Record<string, unknown>;
      /** What to send; absent when nothing changed (then send nothing). */
      update?: RecordPatches;
      /** The wire item of `update` (the kind's encoding against the base). */
      item?: U;
    }
  | { ok: false; problems: SaveProblem[] };

/**
 * Parse, validate and diff in one call: what the editor runs on save and the CLI runs on its files.
 * `base` is the record the document was opened from, as the API returned it.
 */
export function planDocumentSave<R extends object, U>(
  kind: RecordKind<R, U>,
  base: R,
  text: string,
): DocumentSavePlan<U> {
  const parsed = parseDocument(text, kind);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const problems = validateRecordDocument(kind, base, parsed.value);
  if (problems.length > 0) return { ok: false, problems: placeProblems(text, parsed.tree, problems) };
  const document = parsed.value as Record<string, unknown>;
  const update = diffRecord(kind, base, document);
  return update ? { ok: true, document, update, item: kind.encodeUpdate(base, update) } : { ok: true, document };
}
