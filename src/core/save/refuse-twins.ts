import * as l10n from '@vscode/l10n';
import { READ_ONLY_FIELD_NAMES, type FileRecord } from '../../cdf/model';
import type { DocumentProblem } from '../problems';

/**
 * An element's read-only fields are its evidence of which file it is (see matchSelectionElements).
 * Files uploaded together can be alike in every read-only field but the id ("twins"). When one twin's
 * element was removed and the other's is edited, that evidence cannot tell them apart: the element may
 * be its own file edited, or the removed twin's element with its id changed to this one's. Rather
 * than guess, such an edited element is refused at its id, naming the twin.
 */
export function refuseAmbiguousTwins(
  bases: ReadonlyMap<number, FileRecord>,
  named: ReadonlySet<number>,
  edited: readonly { index: number; base: FileRecord }[],
): DocumentProblem[] {
  const byLook = new Map<string, number[]>();
  for (const base of bases.values()) byLook.set(lookOf(base), [...(byLook.get(lookOf(base)) ?? []), base.id]);
  return edited.flatMap(({ index, base }): DocumentProblem[] => {
    const removedTwin = (byLook.get(lookOf(base)) ?? []).find((id) => id !== base.id && !named.has(id));
    if (removedTwin === undefined) return [];
    const message = l10n.t(
      "Files {0} and {1} are alike in every read-only field but the id, and the element of file {1} was removed, so this edit could belong to either. Put the removed element back (Undo restores it), or make this change in the file's own document.",
      base.id,
      removedTwin,
    );
    return [{ severity: 'error', code: 'read-only', path: [index, 'id'], message }];
  });
}

/** Every read-only field but the id, in one fixed order: equal for twins. */
function lookOf(record: FileRecord): string {
  return JSON.stringify(READ_ONLY_FIELD_NAMES.filter((f) => f !== 'id').map((f) => record[f] ?? null));
}
