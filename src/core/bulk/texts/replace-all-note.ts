import * as l10n from '@vscode/l10n';
import { ownValue, type RecordField } from '../../fields';
import type { RecordNouns } from '../../records';

type Notes = { set: (noun: string) => string; clear: (noun: string) => string };

/** Whole sentences per field, so each reads right in every language; any other collection gets the general one. */
const NOTES: Readonly<Record<string, Notes>> = {
  metadata: {
    set: (noun) => l10n.t('(replaces all: every other metadata key a {0} holds is removed)', noun),
    clear: (noun) => l10n.t('(replaces all: every metadata key a {0} holds is removed)', noun),
  },
  labels: {
    set: (noun) => l10n.t('(replaces all: every other label a {0} holds is removed)', noun),
    clear: (noun) => l10n.t('(replaces all: every label a {0} holds is removed)', noun),
  },
  assetIds: {
    set: (noun) => l10n.t('(replaces all: every other asset id a {0} holds is removed)', noun),
    clear: (noun) => l10n.t('(replaces all: every asset id a {0} holds is removed)', noun),
  },
  securityCategories: {
    set: (noun) => l10n.t('(replaces all: every other security category a {0} holds is removed)', noun),
    clear: (noun) => l10n.t('(replaces all: every security category a {0} holds is removed)', noun),
  },
};

/**
 * What a preview adds to `set` / `clear` of a collection (metadata, labels, asset ids, security
 * categories): those mean "replace all", which the user must read before confirming. Every other
 * change to a collection is sent as `add` / `remove` of named elements. Even these are sent so: the
 * elements each record holds when it is read are removed by name, so one added by someone else after
 * that read is kept. Scalars get no note.
 */
export function replaceAllNote(kind: RecordNouns, op: 'set' | 'clear', field: RecordField): string {
  if (!field.kind.collection) return '';
  const notes = ownValue(NOTES, field.name);
  if (notes) return ' ' + notes[op](kind.noun());
  return (
    ' ' +
    (op === 'set'
      ? l10n.t('(replaces all: every other value of {0} a {1} holds is removed)', field.name, kind.noun())
      : l10n.t('(replaces all: every value of {0} a {1} holds is removed)', field.name, kind.noun()))
  );
}
