import * as l10n from '@vscode/l10n';
import { sameValue } from '../fields';
import { displayPath } from '../json-path';
import { documentProblem } from '../problems';
import type { KindField, ReadOnlyField, RecordKind } from '../records';
import { describeValue, jsonPreview, problemsFromIssues, quote } from './messages';
import type { DocumentProblem } from '../problems';

export { formatPath } from '../json-path';

/** What the words of a problem need of a kind. */
interface KindWords {
  noun: () => string;
  fields: readonly KindField[];
  document: { readOnlyFields: readonly { name: string }[] };
}

/**
 * Everything that stops `edited` from being saved over `base` (a record of `kind`), each problem at
 * its JSON path; `[]` when it can be saved. A missing updatable key means `null` (clear the field)
 * and is fine; a missing read-only key is no edit either. `[]` / `{}` and `null` all mean "none" for
 * the list and map fields. Then the kind's own rules over the whole document (`document.checks`).
 */
export function validateRecordDocument<R extends object, U>(
  kind: RecordKind<R, U>,
  base: R,
  edited: unknown,
): DocumentProblem[] {
  if (typeof edited !== 'object' || edited === null || Array.isArray(edited)) {
    const shape = `{${[...kind.document.identityFields, kind.fields[0]?.name].map((f) => `"${f}": ...`).join(', ')}, ...}`;
    return [
      documentProblem(
        [],
        'not-an-object',
        l10n.t(
          'The document must be a JSON object with the fields of the {0} record ({1}); found {2}.',
          kind.noun(),
          shape,
          describeValue(edited),
        ),
      ),
    ];
  }
  const doc = edited as Record<string, unknown>;
  const updatable = new Map<string, KindField>(kind.fields.map((f) => [f.name, f]));
  const readOnly = new Map(kind.document.readOnlyFields.map((f) => [f.name, f]));
  const problems: DocumentProblem[] = [];
  const invalidFields = new Set<string>();
  for (const [key, value] of Object.entries(doc)) {
    // A pasted or generated document can hold thousands of mistakes; the first ones are what a person
    // fixes first, and judging them all would freeze the editor (live problems run on every edit).
    if (problems.length >= MAX_PROBLEMS) {
      problems.push(documentProblem([], 'invalid', l10n.t('More problems follow; fix these {0} first.', MAX_PROBLEMS)));
      return problems;
    }
    const field = updatable.get(key);
    const fixed = readOnly.get(key);
    const found = field
      ? fieldProblems(field, value, (base as Record<string, unknown>)[key])
      : fixed
        ? readOnlyProblems(kind, base, fixed, value)
        : [unknownFieldProblem(kind, key)];
    if (found.length) invalidFields.add(key);
    for (const p of found.slice(0, MAX_PROBLEMS)) problems.push(p);
  }
  problems.push(...(kind.document.checks?.(base, doc, invalidFields) ?? []));
  return problems;
}

/** At most this many problems are reported for one document (plus one line saying more follow). */
export const MAX_PROBLEMS = 100;

/** Types and limits from the field's schema (so the limits live in one place), then uniqueness in the sets. */
function fieldProblems(field: KindField, value: unknown, was: unknown): DocumentProblem[] {
  if (value === null) return [];
  const result = field.schema.safeParse(value);
  const problems = result.success ? [] : problemsFromIssues(result.error.issues, value, [field.name], true);
  // An over-long list is already refused as a whole; listing each repeat in it would only drown that.
  if (!Array.isArray(value) || !result.success) return problems;
  const members = field.kind.members;
  if (!members) return problems;
  // A repeat the record already holds is what the API accepted (a data modeling list may repeat an
  // item, written by another client): the document shows it, and only a new repeat is refused.
  const held = new Map<unknown, number>();
  for (const item of Array.isArray(was) ? (was as unknown[]) : []) {
    const id = members.key(item);
    held.set(id, (held.get(id) ?? 0) + 1);
  }
  return duplicates(field.name, value, members.key, members.duplicateCode, held);
}

function duplicates(
  name: string,
  items: unknown[],
  identity: (item: unknown) => unknown,
  code: 'duplicate-id' | 'duplicate-label',
  held: ReadonlyMap<unknown, number>,
): DocumentProblem[] {
  const firstAt = new Map<unknown, number>();
  const seen = new Map<unknown, number>();
  const problems: DocumentProblem[] = [];
  items.forEach((item, i) => {
    const id = identity(item);
    if (typeof id !== 'string' && typeof id !== 'number') return; // a wrong type is reported already
    const first = firstAt.get(id);
    seen.set(id, (seen.get(id) ?? 0) + 1);
    if (first === undefined) {
      firstAt.set(id, i);
      return;
    }
    if (seen.get(id)! <= (held.get(id) ?? 0)) return;
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

function readOnlyProblems<R extends object, U>(
  kind: RecordKind<R, U>,
  base: R,
  field: ReadOnlyField<R>,
  value: unknown,
): DocumentProblem[] {
  const key = field.name;
  const original: unknown = (base as Record<string, unknown>)[key];
  if (sameValue(value, original)) return [];
  const special = field.changed?.(base, value);
  if (special) return [special];
  // An older version means a text rendered before a later change in CDF: putting back the newer
  // version would confirm a text that lacks that change, and the save would undo it. Reload instead.
  if (
    key === kind.document.versionField &&
    typeof value === 'number' &&
    typeof original === 'number' &&
    value < original
  )
    return [
      documentProblem(
        [key],
        'read-only',
        l10n.t(
          "This text shows the {1} as it was before a later change in CDF ({2} {0}; the {1}'s is now later). Saving it could undo that change, so it is not saved: copy your edits, reload the {1} (in VS Code: File: Revert File) and make them again.",
          value,
          kind.noun(),
          key,
        ),
      ),
    ];
  const message =
    original === undefined || original === null
      ? l10n.t('{0} is read-only and this {1} has none; remove it or set it back to null.', key, kind.noun())
      : l10n.t('{0} is read-only (set by CDF); put back {1}.', key, jsonPreview(original));
  return [documentProblem([key], 'read-only', message)];
}

const knownFields = (kind: KindWords): string[] => [
  ...kind.document.readOnlyFields.map((f) => f.name),
  ...kind.fields.map((f) => f.name),
];

/** An unknown key: where custom values go instead, when the kind has a key-value map for them. */
function unknownText(kind: KindWords, key: string): string {
  const map = kind.fields.find((f) => f.kind.name === 'keyValueMap');
  return map
    ? l10n.t(
        'Unknown field {0}: a {1} record has no such field. Custom values belong in "{2}".',
        quote(key),
        kind.noun(),
        map.name,
      )
    : l10n.t('Unknown field {0}: a {1} record has no such field.', quote(key), kind.noun());
}

function unknownFieldProblem(kind: KindWords, key: string): DocumentProblem {
  const suggestion = closestField(knownFields(kind), key);
  const message = suggestion
    ? l10n.t(
        'Unknown field {0}: did you mean "{1}"? Field names are case-sensitive, and a missing "{1}" would clear it.',
        quote(key),
        suggestion,
      )
    : unknownText(kind, key);
  return documentProblem([key], 'unknown-field', message, true);
}

/** The known field a key most likely means: the same letters ignoring case and punctuation, a small typo, or a prefix. */
function closestField(known: readonly string[], key: string): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const k = norm(key);
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(k, norm(name));
    if (!best || distance < best.distance) best = { name, distance };
  }
  const allowed = Math.max(1, Math.floor(k.length / 4));
  if (best && best.distance <= allowed) return best.name;
  // A shortened name: "dataSet" for dataSetId, "meta" for metadata.
  return k.length >= 4 ? known.find((name) => norm(name).startsWith(k)) : undefined;
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
