import * as l10n from '@vscode/l10n';
import type { DocumentProblem } from '../problems';
import type { RecordKind } from '../records';

/**
 * An element's read-only fields are its evidence of which record it is (see matchSelectionElements).
 * Files uploaded together can be alike in every read-only field but the identity ("twins"). When one
 * twin's element was removed and the other's is edited, that evidence cannot tell them apart: the
 * element may be its own record edited, or the removed twin's element with its identity changed to
 * this one's. Rather than guess, such an edited element is refused at its identity, naming the twin.
 */
export function refuseAmbiguousTwins<R extends object, U>(
  kind: RecordKind<R, U>,
  bases: ReadonlyMap<string, R>,
  named: ReadonlySet<string>,
  edited: readonly { index: number; key: string; base: R }[],
): DocumentProblem[] {
  const lookOf = looks(kind);
  const byLook = new Map<string, string[]>();
  for (const [key, base] of bases) byLook.set(lookOf(base), [...(byLook.get(lookOf(base)) ?? []), key]);
  const at = kind.document.identityFields[0] ?? '';
  return edited.flatMap(({ index, key, base }): DocumentProblem[] => {
    const removedTwin = (byLook.get(lookOf(base)) ?? []).find((k) => k !== key && !named.has(k));
    if (removedTwin === undefined) return [];
    const message = l10n.t(
      "Files {0} and {1} are alike in every read-only field but the id, and the element of file {1} was removed, so this edit could belong to either. Put the removed element back (Undo restores it), or make this change in the file's own document.",
      key,
      removedTwin,
    );
    return [{ severity: 'error', code: 'read-only', path: [index, at], message }];
  });
}

/** Every read-only field but the identity, in one fixed order: equal for twins. */
function looks<R extends object, U>(kind: RecordKind<R, U>): (record: R) => string {
  const identity = new Set(kind.document.identityFields);
  const fields = kind.document.readOnlyFields.map((f) => f.name).filter((f) => !identity.has(f));
  return (record) => JSON.stringify(fields.map((f) => (record as Record<string, unknown>)[f] ?? null));
}
