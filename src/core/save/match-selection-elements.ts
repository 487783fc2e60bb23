import * as l10n from '@vscode/l10n';
import { READ_ONLY_FIELD_NAMES, type FileRecord } from '../../cdf/model';
import type { DocumentProblem } from '../problems';

/** An element of a selection document and the file of the selection its id names. */
export interface MatchedElement {
  index: number;
  element: object;
  base: FileRecord;
}

/**
 * Which file each element of an "Edit Selection as JSON" array is. A record has no identity but its
 * id, and a file's other read-only fields can all be equal to another's (same name, same times in
 * one upload batch), so an element whose id was swapped with another's would look like an edit of
 * the other file. The rules, so that an edit is never applied to another record:
 * - an element is the file its `id` names; an element without an id, or naming a file outside the
 *   selection, is refused at its id;
 * - an id that appears in two elements is refused at every one of them (which one is the file?);
 * - elements keep the order they were opened in (`bases` is in that order): an element may be
 *   removed (that changes nothing) but not moved, so two ids swapped, or an element cut and pasted
 *   elsewhere, are refused at the id of every element that changed places;
 * - the other read-only fields must still be the base's: {@link validateDocument} checks that, at
 *   the field; and they must be there, every one the file has, or the element is refused at its
 *   range. They are the element's evidence that it is the file its id names: without them an element
 *   whose id was changed to that of another (removed) element would pass every rule and be applied
 *   to the other file. Removing a whole element stays allowed (it changes nothing).
 * `matched` are the elements that name a file of the selection, refused or not: each is validated
 * against that file too. A save sends nothing while any problem stands.
 */
export function matchSelectionElements(
  bases: ReadonlyMap<number, FileRecord>,
  elements: readonly unknown[],
): { matched: MatchedElement[]; problems: DocumentProblem[] } {
  const problems: DocumentProblem[] = [];
  const refuse: Refuse = (index, path, message) =>
    problems.push({ severity: 'error', code: 'read-only', path: [index, ...path], message });
  const candidates = elements.flatMap((element, index) => candidateOf(bases, element, index, refuse));
  const unique = refuseRepeated(candidates, refuse);
  const openedAt = new Map([...bases.keys()].map((id, position) => [id, position]));
  for (const { index, base, otherId, opened } of outOfPlace(unique, openedAt))
    refuse(index, ['id'], movedText(base.id, otherId, opened));
  // Every element that names a file of the selection is still checked against that file's read-only
  // fields: a swapped element usually shows there too, and the user sees every reason at once.
  return { matched: candidates, problems };
}

type Refuse = (index: number, path: (string | number)[], message: string) => void;

/** The element as the file its id names, refusing an element without one or with lost read-only fields. */
function candidateOf(
  bases: ReadonlyMap<number, FileRecord>,
  element: unknown,
  index: number,
  refuse: Refuse,
): MatchedElement[] {
  const id = typeof element === 'object' && element !== null ? (element as { id?: unknown }).id : undefined;
  const base = typeof id === 'number' ? bases.get(id) : undefined;
  if (!base) {
    const hasId =
      typeof element === 'object' && element !== null && Object.prototype.hasOwnProperty.call(element, 'id');
    refuse(
      index,
      hasId ? ['id'] : [],
      typeof id === 'number'
        ? l10n.t('File {0} is not part of this selection; put back the id it was opened with.', id)
        : l10n.t('Each element must keep the "id" of the file it was opened for.'),
    );
    return [];
  }
  const missing = READ_ONLY_FIELD_NAMES.filter(
    (field) => field !== 'id' && base[field] !== undefined && base[field] !== null && !Object.hasOwn(element!, field),
  );
  // No values in the hint: they would be those of the file the id names now, which may be the wrong one.
  if (missing.length) refuse(index, [], lostText(missing));
  return [{ index, element: element as object, base }];
}

function lostText(missing: readonly string[]): string {
  return missing.length === 1
    ? l10n.t(
        'This element has lost its read-only field {0}. In a selection it shows which file an element is: put back the value it was opened with (Undo restores it), or remove the whole element to leave that file unchanged.',
        missing[0]!,
      )
    : l10n.t(
        'This element has lost its read-only fields {0}. In a selection they show which file an element is: put back the values it was opened with (Undo restores them), or remove the whole element to leave that file unchanged.',
        missing.join(', '),
      );
}

/** The elements whose file no other element names; each repeated one is refused at its id. */
function refuseRepeated(candidates: readonly MatchedElement[], refuse: Refuse): MatchedElement[] {
  const indexesOf = new Map<number, number[]>();
  for (const { index, base } of candidates) indexesOf.set(base.id, [...(indexesOf.get(base.id) ?? []), index]);
  return candidates.filter(({ index, base }) => {
    const at = indexesOf.get(base.id) ?? [];
    if (at.length === 1) return true;
    refuse(
      index,
      ['id'],
      l10n.t(
        'File {0} appears {1} times (elements {2}); an element is the file its id names, so keep only the one you edited and put back the other ids.',
        base.id,
        at.length,
        at.join(', '),
      ),
    );
    return false;
  });
}

function movedText(id: number, otherId: number, opened: 'before' | 'after'): string {
  return opened === 'after'
    ? l10n.t(
        'File {0} was opened after file {1} but now comes before it. Elements keep the places they were opened in (remove an element freely, but do not move it or swap ids), so that an edit never lands on another file: move it back, or put back its id.',
        id,
        otherId,
      )
    : l10n.t(
        'File {0} was opened before file {1} but now comes after it. Elements keep the places they were opened in (remove an element freely, but do not move it or swap ids), so that an edit never lands on another file: move it back, or put back its id.',
        id,
        otherId,
      );
}

/**
 * The elements that have another element on the wrong side of them (opened before it but now after,
 * or the reverse), each with one such other file to name. Linear: a running maximum of the opened
 * positions from the left and a running minimum from the right.
 */
type OutOfPlace = MatchedElement & { otherId: number; opened: 'before' | 'after' };

function outOfPlace(elements: readonly MatchedElement[], openedAt: ReadonlyMap<number, number>): OutOfPlace[] {
  const position = (m: MatchedElement) => openedAt.get(m.base.id) ?? 0;
  const maxBefore: (MatchedElement | undefined)[] = [];
  let max: MatchedElement | undefined;
  for (const m of elements) {
    maxBefore.push(max);
    if (!max || position(m) > position(max)) max = m;
  }
  const minAfter: (MatchedElement | undefined)[] = [];
  let min: MatchedElement | undefined;
  for (let i = elements.length - 1; i >= 0; i--) {
    minAfter[i] = min;
    const m = elements[i]!;
    if (!min || position(m) < position(min)) min = m;
  }
  return elements.flatMap((m, i): OutOfPlace[] => {
    const earlier = maxBefore[i];
    if (earlier && position(earlier) > position(m)) return [{ ...m, otherId: earlier.base.id, opened: 'before' }];
    const later = minAfter[i];
    if (later && position(later) < position(m)) return [{ ...m, otherId: later.base.id, opened: 'after' }];
    return [];
  });
}
