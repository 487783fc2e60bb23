import * as l10n from '@vscode/l10n';
import type { FileChangeUpdate, FileRecord } from '../../cdf/model';
import { diff } from '../diff';
import { type FileDocument, parseDocument, placeProblems, validateDocument } from '../document';
import type { JsonPath } from '../json-path';
import { matchSelectionElements } from './match-selection-elements';
import { refuseAmbiguousTwins } from './refuse-twins';
import type { SaveProblem, DocumentProblem } from '../problems';

export interface SelectionPlan {
  ok: boolean;
  problems: SaveProblem[];
  /** One per element that changed, in document order. */
  changes: { base: FileRecord; update: FileChangeUpdate }[];
}

/**
 * "Edit selection as JSON": the document is an array of record documents. Each element is matched to
 * the record it was opened from (by id, in its place: see {@link matchSelectionElements}), then
 * validated and diffed against it exactly like a single record; problems carry the element's index
 * in their path, and any problem plans nothing at all. An element removed from the array is no
 * change (this never deletes). `bases` is in the order the selection was opened (the document's).
 */
export function planSelectionSave(bases: ReadonlyMap<number, FileRecord>, text: string): SelectionPlan {
  const parsed = parseDocument(text);
  if (!parsed.ok) return { ok: false, problems: parsed.problems, changes: [] };
  // Found by path first, placed in the text once at the end (placing needs a pass over the text).
  const problems: DocumentProblem[] = [];
  const place = (p: {
    path: JsonPath;
    message: string;
    code: DocumentProblem['code'];
    onKey?: boolean;
  }): DocumentProblem => ({
    severity: 'error',
    ...p,
  });
  if (!Array.isArray(parsed.value)) {
    return {
      ok: false,
      problems: [
        place({
          path: [],
          code: 'not-an-object',
          message: l10n.t('The selection document must be a JSON array of file records.'),
        }),
      ],
      changes: [],
    };
  }
  const { matched, problems: identity } = matchSelectionElements(bases, parsed.value);
  problems.push(...identity);
  const changes: (SelectionPlan['changes'][number] & { index: number })[] = [];
  for (const { index, element, base } of matched) {
    const found = validateDocument(base, element);
    problems.push(...found.map((p) => place({ ...p, path: [index, ...p.path] })));
    if (found.length) continue;
    const valid: FileDocument = element; // validation accepted it
    const update = diff(base, valid);
    if (update) changes.push({ index, base, update });
  }
  // Only elements refused for nothing else: a twin is then the one reason left to doubt which file it is.
  const refused = new Set(problems.map((p) => p.path[0]));
  const named = new Set(matched.map((m) => m.base.id));
  problems.push(
    ...refuseAmbiguousTwins(
      bases,
      named,
      changes.filter((c) => !refused.has(c.index)),
    ),
  );
  // In document order, so the Problems panel lists them top to bottom.
  problems.sort((a, b) => Number(a.path[0]) - Number(b.path[0]));
  return problems.length
    ? { ok: false, problems: placeProblems(text, parsed.tree, problems), changes: [] }
    : { ok: true, problems: [], changes: changes.map(({ base, update }) => ({ base, update })) };
}
