import type { FileChangeUpdate, FileRecord } from '../cdf/model';
import { parseDocument, placeProblems, type FileDocument, validateDocument } from './document';
import { ownField, CLASSIC_FILE_FIELDS, type FieldTable } from './fields';
import type { SaveProblem } from './problems';

/**
 * The minimal `update` of `POST /files/update` that turns `base` into `edited`, or `undefined` when
 * nothing changed (never an empty update). `edited` must have passed {@link validateDocument}. Each
 * field's kind gives its patch (see src/core/fields):
 * - scalars: `{set}`, or `{setNull: true}` when the edited value is `null` or missing;
 * - metadata, assetIds, securityCategories, labels are collections: always `{add, remove}` (only
 *   the non-empty parts), never `{set}`, even when `set` is shorter or the edit empties the field.
 * Bulk actions, undo and imports send the same diff (through `planTransition`).
 */
export function diff(base: FileRecord, edited: FileDocument | FileRecord): FileChangeUpdate | undefined {
  return diffRecord(CLASSIC_FILE_FIELDS, base, edited);
}

/** The same for any record kind: one patch per field that differs. */
export function diffRecord<R extends object>(
  kind: FieldTable,
  base: R,
  edited: object,
): Record<string, object> | undefined {
  const update: Record<string, object> = {};
  for (const field of kind.fields) {
    const patch = field.kind.diff(ownField(base, field.name), ownField(edited, field.name));
    if (patch !== undefined) update[field.name] = patch;
  }
  return Object.keys(update).length > 0 ? update : undefined;
}

/** The update item for `base`, always by internal id (an externalId may be the very thing being changed). */
export function diffToUpdateItem(
  base: FileRecord,
  edited: FileDocument,
): { id: number; update: FileChangeUpdate } | undefined {
  const update = diff(base, edited);
  return update && { id: base.id, update };
}

export type SavePlan =
  | {
      ok: true;
      /** The parsed, valid document. */
      document: FileDocument;
      /** What to send; absent when nothing changed (then send nothing). */
      update?: FileChangeUpdate;
      item?: { id: number; update: FileChangeUpdate };
    }
  | { ok: false; problems: SaveProblem[] };

/**
 * Parse, validate and diff in one call: what the editor runs on save and the CLI runs on its files.
 * `base` is the record the document was opened from, as the API returned it.
 */
export function planSave(base: FileRecord, text: string): SavePlan {
  const parsed = parseDocument(text);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const problems = validateDocument(base, parsed.value);
  if (problems.length > 0) return { ok: false, problems: placeProblems(text, parsed.tree, problems) };
  const document = parsed.value as FileDocument;
  const update = diff(base, document);
  return update ? { ok: true, document, update, item: { id: base.id, update } } : { ok: true, document };
}
