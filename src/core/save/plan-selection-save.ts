import type { FileChangeUpdate, FileRecord } from '../../cdf/model';
import { diff, type SaveProblem } from '../diff';
import type { DocumentProblem, FileDocument } from '../document/types';
import { parseDocument } from '../document/parse';
import { placeProblems } from '../document/place-problems';
import { validateDocument } from '../document/validate';
import type { JsonPath } from '../json-path';

export interface SelectionPlan {
  ok: boolean;
  problems: SaveProblem[];
  /** One per element that changed, in document order. */
  changes: { base: FileRecord; update: FileChangeUpdate }[];
}

/**
 * "Edit selection as JSON": the document is an array of record documents. Each element is validated
 * and diffed against the record it was opened from, exactly like a single record; problems carry the
 * element's index in their path. An element removed from the array is no change (this never deletes).
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
          message: 'The selection document must be a JSON array of file records.',
        }),
      ],
      changes: [],
    };
  }
  const seen = new Set<number>();
  const changes: SelectionPlan['changes'] = [];
  parsed.value.forEach((element: unknown, index) => {
    const id = typeof element === 'object' && element !== null ? (element as { id?: unknown }).id : undefined;
    const base = typeof id === 'number' ? bases.get(id) : undefined;
    if (!base) {
      problems.push(
        place({
          path: typeof id === 'number' ? [index, 'id'] : [index],
          code: 'read-only',
          message:
            typeof id === 'number'
              ? `File ${id} is not part of this selection; put back the id it was opened with.`
              : 'Each element must keep the "id" of the file it was opened for.',
        }),
      );
      return;
    }
    if (seen.has(base.id)) {
      problems.push(
        place({ path: [index, 'id'], code: 'read-only', message: `File ${base.id} appears twice; keep one.` }),
      );
      return;
    }
    seen.add(base.id);
    const found = validateDocument(base, element);
    problems.push(...found.map((p) => place({ ...p, path: [index, ...p.path] })));
    if (found.length) return;
    const update = diff(base, element as FileDocument);
    if (update) changes.push({ base, update });
  });
  return problems.length
    ? { ok: false, problems: placeProblems(text, parsed.tree, problems), changes: [] }
    : { ok: true, problems: [], changes };
}
