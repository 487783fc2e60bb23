import * as l10n from '@vscode/l10n';
import { diffRecord } from '../diff';
import { parseDocument, placeProblems, validateRecordDocument } from '../document';
import type { JsonPath } from '../json-path';
import type { DocumentProblem } from '../problems';
import type { RecordKind } from '../records';
import { matchSelectionElements } from './match-selection-elements';
import { refuseAmbiguousTwins } from './refuse-twins';
import type { Change, SavePlan } from './save-types';

const problemAt = (path: JsonPath, code: DocumentProblem['code'], message: string): DocumentProblem => ({
  severity: 'error',
  path,
  code,
  message,
});

/**
 * "Edit selection as JSON": the document is an array of record documents. Each element is matched to
 * the record it was opened from (by its key, in its place: see {@link matchSelectionElements}), then
 * validated and diffed against it exactly like a single record; problems carry the element's index
 * in their path, and any problem plans nothing at all. An element removed from the array is no
 * change (this never deletes). `bases` is in the order the selection was opened (the document's).
 */
export function planSelectionSave<R extends object, U>(
  kind: RecordKind<R, U>,
  bases: ReadonlyMap<string, R>,
  text: string,
): SavePlan<R> {
  const parsed = parseDocument(text, kind);
  if (!parsed.ok) return { ok: false, problems: parsed.problems, changes: [] };
  if (!Array.isArray(parsed.value)) {
    const message = l10n.t('The selection document must be a JSON array of {0} records.', kind.noun());
    return { ok: false, problems: [problemAt([], 'not-an-object', message)], changes: [] };
  }
  // Found by path first, placed in the text once at the end (placing needs a pass over the text).
  const { matched, problems } = matchSelectionElements(kind, bases, parsed.value);
  const changes: (Change<R> & { index: number; key: string })[] = [];
  for (const { index, element, key, base } of matched) {
    const found = validateRecordDocument(kind, base, element);
    problems.push(...found.map((p) => ({ ...p, path: [index, ...p.path] })));
    if (found.length) continue;
    const update = diffRecord(kind, base, element); // validation accepted it
    if (update) changes.push({ index, key, base, update });
  }
  // Only elements refused for nothing else: a twin is then the one reason left to doubt which record it is.
  const refused = new Set(problems.map((p) => p.path[0]));
  const named = new Set(matched.map((m) => m.key));
  const unrefused = changes.filter((c) => !refused.has(c.index));
  problems.push(...refuseAmbiguousTwins(kind, bases, named, unrefused));
  // In document order, so the Problems panel lists them top to bottom.
  problems.sort((a, b) => Number(a.path[0]) - Number(b.path[0]));
  return problems.length
    ? { ok: false, problems: placeProblems(text, parsed.tree, problems), changes: [] }
    : { ok: true, problems: [], changes: changes.map(({ base, update }) => ({ base, update })) };
}
