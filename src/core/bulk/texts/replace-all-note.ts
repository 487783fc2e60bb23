import * as l10n from '@vscode/l10n';
import { ownValue, type RecordField } from '../../fields';

type Notes = { set: () => string; clear: () => string };

/** Whole sentences per field, so each reads right in every language; any other collection gets the general one. */
const NOTES: Readonly<Record<string, Notes>> = {
  metadata: {
    set: () => l10n.t('(replaces all: every other metadata key a file holds is removed)'),
    clear: () => l10n.t('(replaces all: every metadata key a file holds is removed)'),
  },
  labels: {
    set: () => l10n.t('(replaces all: every other label a file holds is removed)'),
    clear: () => l10n.t('(replaces all: every label a file holds is removed)'),
  },
  assetIds: {
    set: () => l10n.t('(replaces all: every other asset id a file holds is removed)'),
    clear: () => l10n.t('(replaces all: every asset id a file holds is removed)'),
  },
  securityCategories: {
    set: () => l10n.t('(replaces all: every other security category a file holds is removed)'),
    clear: () => l10n.t('(replaces all: every security category a file holds is removed)'),
  },
};

/**
 * What a preview adds to `set` / `clear` of a collection (metadata, labels, asset ids, security
 * categories): those mean "replace all", which the user must read before confirming. Every other
 * change to a collection is sent as `add` / `remove` of named elements. Even these are sent so: the
 * elements each file holds when it is read are removed by name, so one added by someone else after
 * that read is kept. Scalars get no note.
 */
export function replaceAllNote(op: 'set' | 'clear', field: RecordField): string {
  if (!field.kind.collection) return '';
  const notes = ownValue(NOTES, field.name);
  if (notes) return ' ' + notes[op]();
  return (
    ' ' +
    (op === 'set'
      ? l10n.t('(replaces all: every other value of {0} a file holds is removed)', field.name)
      : l10n.t('(replaces all: every value of {0} a file holds is removed)', field.name))
  );
}
