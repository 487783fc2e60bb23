import * as l10n from '@vscode/l10n';
import type { DocumentProblem } from '../problems';
import type { RecordKind } from '../records';

/** An element of a selection document and the record of the selection its key names. */
export interface MatchedElement<R> {
  index: number;
  element: object;
  /** The kind's key of the record (classic: its id). */
  key: string;
  base: R;
}

/**
 * Which record each element of an "Edit Selection as JSON" array is, by the key its identity fields
 * name (the kind's `document.keyOf`; a classic file's `id`, below "id"). A record has no identity but
 * that key, and a file's other read-only fields can all be equal to another's (same name, same times
 * in one upload batch), so an element whose id was swapped with another's would look like an edit of
 * the other file. The rules, so that an edit is never applied to another record:
 * - an element is the record its key names; an element without one, or naming a record outside the
 *   selection, is refused at its (first) identity field;
 * - an id that appears in two elements is refused at every one of them (which one is the file?);
 * - elements keep the order they were opened in (`bases` is in that order): an element may be
 *   removed (that changes nothing) but not moved, so two ids swapped, or an element cut and pasted
 *   elsewhere, are refused at the id of every element that changed places;
 * - the other read-only fields must still be the base's: validateRecordDocument checks that, at
 *   the field; and they must be there, every one the file has, or the element is refused at its
 *   range. They are the element's evidence that it is the file its id names: without them an element
 *   whose id was changed to that of another (removed) element would pass every rule and be applied
 *   to the other file. Removing a whole element stays allowed (it changes nothing).
 * `matched` are the elements that name a file of the selection, refused or not: each is validated
 * against that file too. A save sends nothing while any problem stands.
 */
export function matchSelectionElements<R extends object, U>(
  kind: RecordKind<R, U>,
  bases: ReadonlyMap<string, R>,
  elements: readonly unknown[],
): { matched: MatchedElement<R>[]; problems: DocumentProblem[] } {
  const problems: DocumentProblem[] = [];
  const at = kind.document.identityFields[0] ?? '';
  const refuse: Refuse = (index, path, message) =>
    problems.push({
      severity: 'error',
      code: 'read-only',
      path: [index, ...path.map((p) => (p === ID ? at : p))],
      message,
    });
  const candidates = elements.flatMap((element, index) => candidateOf(kind, bases, element, index, refuse));
  const words = wordsOf(kind);
  const unique = refuseRepeated(candidates, refuse, words);
  const openedAt = new Map([...bases.keys()].map((key, position) => [key, position]));
  for (const { index, key, otherKey, opened } of outOfPlace(unique, openedAt))
    refuse(index, [ID], movedText(words, key, otherKey, opened));
  // Every element that names a file of the selection is still checked against that file's read-only
  // fields: a swapped element usually shows there too, and the user sees every reason at once.
  return { matched: candidates, problems };
}

/** How the messages name a record of the kind: "File 12", "CogniteFile node space:doc", and what identifies one. */
interface Words {
  Noun: string;
  noun: string;
  identity: string;
}
const wordsOf = (kind: { noun: () => string; document: { identityFields: readonly string[] } }): Words => {
  const noun = kind.noun();
  return {
    Noun: noun.charAt(0).toUpperCase() + noun.slice(1),
    noun,
    identity: kind.document.identityFields.join(', '),
  };
};

type Refuse = (index: number, path: (string | number | typeof ID)[], message: string) => void;
/** Stands for the kind's (first) identity field in a refusal's path. */
const ID = Symbol('identity');

/** The element as the record its key names, refusing an element without one or with lost read-only fields. */
function candidateOf<R extends object, U>(
  kind: RecordKind<R, U>,
  bases: ReadonlyMap<string, R>,
  element: unknown,
  index: number,
  refuse: Refuse,
): MatchedElement<R>[] {
  const key = kind.document.keyOf(element);
  const base = key === undefined ? undefined : bases.get(key);
  if (key === undefined || !base) {
    const identity = kind.document.identityFields;
    const hasId = typeof element === 'object' && element !== null && identity.some((f) => Object.hasOwn(element, f));
    const words = wordsOf(kind);
    refuse(
      index,
      hasId ? [ID] : [],
      key !== undefined
        ? l10n.t(
            '{0} {1} is not part of this selection; put back the {2} it was opened with.',
            words.Noun,
            key,
            words.identity,
          )
        : l10n.t('Each element must keep the "{0}" of the {1} it was opened for.', identity.join('", "'), words.noun),
    );
    return [];
  }
  const identity = new Set(kind.document.identityFields);
  const own = base as Record<string, unknown>;
  const missing = kind.document.readOnlyFields
    .map((f) => f.name)
    .filter((f) => !identity.has(f) && own[f] !== undefined && own[f] !== null && !Object.hasOwn(element!, f));
  // No values in the hint: they would be those of the record the key names now, which may be the wrong one.
  if (missing.length) refuse(index, [], lostText(missing, kind.noun()));
  return [{ index, element: element as object, key, base }];
}

function lostText(missing: readonly string[], noun: string): string {
  return missing.length === 1
    ? l10n.t(
        'This element has lost its read-only field {0}. In a selection it shows which {1} an element is: put back the value it was opened with (Undo restores it), or remove the whole element to leave that {1} unchanged.',
        missing[0]!,
        noun,
      )
    : l10n.t(
        'This element has lost its read-only fields {0}. In a selection they show which {1} an element is: put back the values it was opened with (Undo restores them), or remove the whole element to leave that {1} unchanged.',
        missing.join(', '),
        noun,
      );
}

/** The elements whose file no other element names; each repeated one is refused at its id. */
function refuseRepeated<R>(
  candidates: readonly MatchedElement<R>[],
  refuse: Refuse,
  words: Words,
): MatchedElement<R>[] {
  const indexesOf = new Map<string, number[]>();
  for (const { index, key } of candidates) indexesOf.set(key, [...(indexesOf.get(key) ?? []), index]);
  return candidates.filter(({ index, key }) => {
    const at = indexesOf.get(key) ?? [];
    if (at.length === 1) return true;
    refuse(
      index,
      [ID],
      l10n.t(
        '{0} {1} appears {2} times (elements {3}); an element is the {4} its {5} names, so keep only the one you edited and put back the {5} of the others.',
        words.Noun,
        key,
        at.length,
        at.join(', '),
        words.noun,
        words.identity,
      ),
    );
    return false;
  });
}

function movedText(words: Words, id: string, otherId: string, opened: 'before' | 'after'): string {
  const { Noun, noun, identity } = words;
  return opened === 'after'
    ? l10n.t(
        '{0} {1} was opened after {2} {3} but now comes before it. Elements keep the places they were opened in (remove an element freely, but do not move it or swap its {4}), so that an edit never lands on another {2}: move it back, or put back its {4}.',
        Noun,
        id,
        noun,
        otherId,
        identity,
      )
    : l10n.t(
        '{0} {1} was opened before {2} {3} but now comes after it. Elements keep the places they were opened in (remove an element freely, but do not move it or swap its {4}), so that an edit never lands on another {2}: move it back, or put back its {4}.',
        Noun,
        id,
        noun,
        otherId,
        identity,
      );
}

/**
 * The elements that have another element on the wrong side of them (opened before it but now after,
 * or the reverse), each with one such other file to name. Linear: a running maximum of the opened
 * positions from the left and a running minimum from the right.
 */
type OutOfPlace<R> = MatchedElement<R> & { otherKey: string; opened: 'before' | 'after' };

function outOfPlace<R>(elements: readonly MatchedElement<R>[], openedAt: ReadonlyMap<string, number>): OutOfPlace<R>[] {
  const position = (m: MatchedElement<R>) => openedAt.get(m.key) ?? 0;
  const maxBefore: (MatchedElement<R> | undefined)[] = [];
  let max: MatchedElement<R> | undefined;
  for (const m of elements) {
    maxBefore.push(max);
    if (!max || position(m) > position(max)) max = m;
  }
  const minAfter: (MatchedElement<R> | undefined)[] = [];
  let min: MatchedElement<R> | undefined;
  for (let i = elements.length - 1; i >= 0; i--) {
    minAfter[i] = min;
    const m = elements[i]!;
    if (!min || position(m) < position(min)) min = m;
  }
  return elements.flatMap((m, i): OutOfPlace<R>[] => {
    const earlier = maxBefore[i];
    if (earlier && position(earlier) > position(m)) return [{ ...m, otherKey: earlier.key, opened: 'before' }];
    const later = minAfter[i];
    if (later && position(later) < position(m)) return [{ ...m, otherKey: later.key, opened: 'after' }];
    return [];
  });
}
