import {
  EDITABLE_FIELDS,
  EDITABLE_FIELD_NAMES,
  type EditableFieldName,
  type FileChangeUpdate,
  type FileRecord,
  type IdSetPatch,
  type Label,
  type LabelsPatch,
  type MetadataPatch,
} from '../cdf/model';
import { parseDocument } from './document/parse';
import { placeProblems } from './document/place-problems';
import type { DocumentProblem, FileDocument } from './document/types';
import { validateDocument } from './document/validate';
import { labelKey, sameFieldValue } from './field-values';

/**
 * The minimal `update` of `POST /files/update` that turns `base` into `edited`, or `undefined` when
 * nothing changed (never an empty update). `edited` must have passed {@link validateDocument}.
 * - scalars: `{set}`, or `{setNull: true}` when the edited value is `null` or missing;
 * - metadata, assetIds, securityCategories, labels are collections: always `{add, remove}` (only
 *   the non-empty parts), never `{set}`, even when `set` is shorter or the edit empties the field.
 *   CDF file records have no version, so a colleague may add a key or an element between our re-read
 *   and this update; `add`/`remove` name only what this document changed and so commute with that,
 *   where `set` would erase what the document never saw.
 */
export function diff(base: FileRecord, edited: FileDocument): FileChangeUpdate | undefined {
  const update: Record<string, unknown> = {};
  for (const name of EDITABLE_FIELD_NAMES) {
    const patch = fieldPatch(name, base[name], edited[name]);
    if (patch !== undefined) update[name] = patch;
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

function fieldPatch(name: EditableFieldName, before: unknown, after: unknown): object | undefined {
  if (sameFieldValue(name, before, after)) return undefined;
  switch (EDITABLE_FIELDS[name].kind) {
    case 'scalar':
      return after === null || after === undefined ? { setNull: true } : { set: structuredClone(after) };
    case 'metadata':
      return metadataPatch((before ?? {}) as Record<string, string>, (after ?? {}) as Record<string, string>);
    case 'idSet':
      return idSetPatch((before ?? []) as number[], (after ?? []) as number[]);
    case 'labels':
      return labelsPatch((before ?? []) as Label[], (after ?? []) as Label[]);
  }
}

function metadataPatch(before: Record<string, string>, after: Record<string, string>): MetadataPatch {
  // Own keys only: a key named "toString" or "__proto__" is data, not the prototype's member.
  // Object.fromEntries keeps every key as data, "__proto__" included.
  const add = Object.fromEntries(
    Object.entries(after).filter(([k, v]) => !Object.hasOwn(before, k) || before[k] !== v),
  );
  const remove = Object.keys(before).filter((k) => !Object.hasOwn(after, k));
  return addRemove(add, Object.keys(add).length > 0, remove);
}

function idSetPatch(before: number[], after: number[]): IdSetPatch {
  const was = new Set(before);
  const is = new Set(after);
  const add = [...is].filter((id) => !was.has(id));
  const remove = [...was].filter((id) => !is.has(id));
  return addRemove(add, add.length > 0, remove);
}

function labelsPatch(before: Label[], after: Label[]): LabelsPatch {
  const unique = (labels: Label[]) => [
    ...new Map(labels.map((l) => [labelKey(l), { externalId: l.externalId }])).values(),
  ];
  const was = new Set(before.map(labelKey));
  const is = new Set(after.map(labelKey));
  const add = unique(after).filter((l) => !was.has(l.externalId));
  const remove = unique(before).filter((l) => !is.has(l.externalId));
  return addRemove(add, add.length > 0, remove);
}

/** `{add, remove}` without empty parts (the field differs, so at least one part is non-empty). */
function addRemove<A, R extends unknown[]>(add: A, hasAdd: boolean, remove: R): { add?: A; remove?: R } {
  const patch: { add?: A; remove?: R } = {};
  if (hasAdd) patch.add = add;
  if (remove.length > 0) patch.remove = remove;
  return patch;
}

/** A problem of a save, placed in the text when the text parsed (offsets in UTF-16 code units; line and column 1-based). */
export interface SaveProblem extends DocumentProblem {
  offset?: number;
  length?: number;
  line?: number;
  column?: number;
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
