import * as l10n from '@vscode/l10n';
import {
  EDITABLE_FIELDS,
  EDITABLE_FIELD_NAMES,
  INSTANCE_LINKED_UPDATABLE,
  nameNotUpdatable,
  READ_ONLY_FIELDS,
  READ_ONLY_FIELD_NAMES,
  type EditableFieldName,
  type FileRecord,
} from '../../cdf/model';
import { sameFieldValue, sameValue } from '../field-values';
import { kindOf } from '../fields';
import { displayPath, type JsonPath } from '../json-path';
import { documentProblem } from '../problems';
import { describeValue, jsonPreview, problemsFromIssues, quote } from './messages';
import type { DocumentProblem } from '../problems';

export { formatPath } from '../json-path';

const isEditable = (key: string): key is EditableFieldName =>
  Object.prototype.hasOwnProperty.call(EDITABLE_FIELDS, key);
const isReadOnly = (key: string): key is keyof typeof READ_ONLY_FIELDS =>
  Object.prototype.hasOwnProperty.call(READ_ONLY_FIELDS, key);
const KNOWN_FIELDS: readonly string[] = [...READ_ONLY_FIELD_NAMES, ...EDITABLE_FIELD_NAMES];

/**
 * Everything that stops `edited` from being saved over `base`, each problem at its JSON path; `[]`
 * when it can be saved. A missing editable key means `null` (clear the field) and is fine; a missing
 * read-only key is no edit either. `[]` / `{}` and `null` all mean "none" for the list and map fields.
 */
export function validateDocument(base: FileRecord, edited: unknown): DocumentProblem[] {
  if (typeof edited !== 'object' || edited === null || Array.isArray(edited)) {
    return [
      documentProblem(
        [],
        'not-an-object',
        l10n.t(
          'The document must be a JSON object with the fields of the file record ({"id": ..., "externalId": ..., ...}); found {0}.',
          describeValue(edited),
        ),
      ),
    ];
  }
  const doc = edited as Record<string, unknown>;
  const problems: DocumentProblem[] = [];
  const invalidFields = new Set<string>();
  for (const [key, value] of Object.entries(doc)) {
    // A pasted or generated document can hold thousands of mistakes; the first ones are what a person
    // fixes first, and judging them all would freeze the editor (live problems run on every edit).
    if (problems.length >= MAX_PROBLEMS) {
      problems.push(documentProblem([], 'invalid', l10n.t('More problems follow; fix these {0} first.', MAX_PROBLEMS)));
      return problems;
    }
    const found = isEditable(key)
      ? editableFieldProblems(key, value)
      : key === 'name'
        ? nameProblems(base, value)
        : isReadOnly(key)
          ? readOnlyProblems(base, key, value)
          : [unknownFieldProblem(key)];
    if (found.length) invalidFields.add(key);
    for (const p of found.slice(0, MAX_PROBLEMS)) problems.push(p);
  }
  if (base.instanceId) problems.push(...instanceLinkedProblems(base, doc, invalidFields));
  return problems;
}

/** At most this many problems are reported for one document (plus one line saying more follow). */
export const MAX_PROBLEMS = 100;

/** Types and limits from the zod model (so the limits live in one place), then uniqueness in the sets. */
function editableFieldProblems(name: EditableFieldName, value: unknown): DocumentProblem[] {
  if (value === null) return [];
  const result = EDITABLE_FIELDS[name].schema.safeParse(value);
  const problems = result.success ? [] : problemsFromIssues(result.error.issues, value, [name], true);
  // An over-long list is already refused as a whole; listing each repeat in it would only drown that.
  if (!Array.isArray(value) || !result.success) return problems;
  const members = kindOf(name).members;
  return members ? duplicates(name, value, members.key, members.duplicateCode) : problems;
}

function duplicates(
  name: EditableFieldName,
  items: unknown[],
  identity: (item: unknown) => unknown,
  code: 'duplicate-id' | 'duplicate-label',
): DocumentProblem[] {
  const firstAt = new Map<unknown, number>();
  const problems: DocumentProblem[] = [];
  items.forEach((item, i) => {
    const id = identity(item);
    if (typeof id !== 'string' && typeof id !== 'number') return; // a wrong type is reported already
    const first = firstAt.get(id);
    if (first === undefined) {
      firstAt.set(id, i);
      return;
    }
    const here = displayPath([name, i]);
    const there = displayPath([name, first]);
    const message =
      code === 'duplicate-label'
        ? l10n.t(
            '{0} repeats the label {1}, already at {2}; each label may appear only once.',
            here,
            quote(String(id)),
            there,
          )
        : l10n.t('{0} repeats the id {1}, already at {2}; each id may appear only once.', here, id, there);
    problems.push(documentProblem([name, i], code, message));
  });
  return problems;
}

export function nameProblems(base: FileRecord, value: unknown): DocumentProblem[] {
  if (sameValue(value, base.name)) return [];
  return [
    documentProblem(
      ['name'],
      'name-not-updatable',
      l10n.t('{0} The name was {1}.', nameNotUpdatable(), quote(base.name, 80)),
    ),
  ];
}

function readOnlyProblems(base: FileRecord, key: keyof typeof READ_ONLY_FIELDS, value: unknown): DocumentProblem[] {
  const original = base[key];
  if (sameValue(value, original)) return [];
  // An older lastUpdatedTime means a text rendered before a later change in CDF: putting back the newer
  // time would confirm a text that lacks that change, and the save would undo it. Reload instead.
  if (key === 'lastUpdatedTime' && typeof value === 'number' && typeof original === 'number' && value < original)
    return [
      documentProblem(
        [key],
        'read-only',
        l10n.t(
          "This text shows the file as it was before a later change in CDF (lastUpdatedTime {0}; the file's is now later). Saving it could undo that change, so it is not saved: copy your edits, reload the file (in VS Code: File: Revert File) and make them again.",
          value,
        ),
      ),
    ];
  const message =
    original === undefined || original === null
      ? l10n.t('{0} is read-only and this file has none; remove it or set it back to null.', key)
      : l10n.t('{0} is read-only (set by CDF); put back {1}.', key, jsonPreview(original));
  return [documentProblem([key], 'read-only', message)];
}

function unknownFieldProblem(key: string): DocumentProblem {
  const suggestion = closestField(key);
  const message = suggestion
    ? l10n.t(
        'Unknown field {0}: did you mean "{1}"? Field names are case-sensitive, and a missing "{1}" would clear it.',
        quote(key),
        suggestion,
      )
    : l10n.t('Unknown field {0}: a file record has no such field. Custom values belong in "metadata".', quote(key));
  return documentProblem([key], 'unknown-field', message, true);
}

/** The known field a key most likely means: the same letters ignoring case and punctuation, a small typo, or a prefix. */
function closestField(key: string): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const k = norm(key);
  let best: { name: string; distance: number } | undefined;
  for (const name of KNOWN_FIELDS) {
    const distance = editDistance(k, norm(name));
    if (!best || distance < best.distance) best = { name, distance };
  }
  const allowed = Math.max(1, Math.floor(k.length / 4));
  if (best && best.distance <= allowed) return best.name;
  // A shortened name: "dataSet" for dataSetId, "meta" for metadata.
  return k.length >= 4 ? KNOWN_FIELDS.find((name) => norm(name).startsWith(k)) : undefined;
}

/** Edit distance where swapping two neighbouring letters ("lables") counts as one edit. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** A file linked to a data modelling instance can change only the fields of `DMSFileChange`. */
export function instanceLinkedProblems(
  base: FileRecord,
  doc: Record<string, unknown>,
  invalidFields: Set<string>,
): DocumentProblem[] {
  const instance = base.instanceId!;
  const problems: DocumentProblem[] = [];
  for (const name of EDITABLE_FIELD_NAMES) {
    if (EDITABLE_FIELDS[name].instanceLinkedMayChange || invalidFields.has(name)) continue;
    const value = doc[name];
    if (sameFieldValue(name, base[name], value)) continue;
    const path: JsonPath = [name];
    problems.push(
      documentProblem(
        path,
        'instance-linked',
        l10n.t(
          'This file is linked to the data modelling instance {0}/{1}, so {2} cannot be changed here; put back {3}. A linked file can change only {4}.',
          quote(instance.space),
          quote(instance.externalId),
          name,
          jsonPreview(base[name]),
          INSTANCE_LINKED_UPDATABLE.join(', '),
        ),
      ),
    );
  }
  return problems;
}
