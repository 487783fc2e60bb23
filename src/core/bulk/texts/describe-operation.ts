import * as l10n from '@vscode/l10n';
import { withName } from '../../fields';
import { requireField, type BulkKind } from '../bulk-kind';
import type { BulkOperation } from '../operations/operations';
import { nameOfReference, type ReferenceNames } from './preview';
import { replaceAllNote } from './replace-all-note';

/**
 * A metadata key as the words show it: as it is when plain, else quoted as JSON, so an empty key is
 * seen (`metadata "" = "v"`) and a key with a space or "=" is told from the value.
 */
const shownKey = (key: string): string => (/^[^\s"=→,]+$/.test(key) ? key : JSON.stringify(key));

/**
 * An operation in words, as the wizard lists it and the preview heads it: `set dataSetId = 43 (Plant B)`,
 * `add labels pump (Pump)`, `metadata rev = "B"`. Names stand beside the ids they are known for.
 */
export function describeOperation<R extends object, U>(
  kind: BulkKind<R, U>,
  op: BulkOperation,
  names: ReferenceNames = {},
): string {
  switch (op.op) {
    case 'set': {
      const field = requireField(kind, op.field);
      const nameOf = nameOfReference(field, names);
      const key = typeof op.value === 'number' || typeof op.value === 'string' ? op.value : undefined;
      const name = key === undefined ? undefined : nameOf(key);
      const value = JSON.stringify(op.value) + (name ? ` (${name})` : '');
      return l10n.t('set {0} = {1}', op.field, value) + replaceAllNote(kind, 'set', field);
    }
    case 'clear':
      return l10n.t('clear {0}', op.field) + replaceAllNote(kind, 'clear', requireField(kind, op.field));
    case 'add':
    case 'remove': {
      const field = requireField(kind, op.field);
      const nameOf = nameOfReference(field, names);
      const keys = [...field.kind.elements(op.values).keys()];
      const values = keys.map((k) => withName(k, nameOf)).join(', ');
      return op.op === 'add' ? l10n.t('add {0} {1}', op.field, values) : l10n.t('remove {0} {1}', op.field, values);
    }
    case 'metadataAdd':
      return l10n.t('metadata {0} = {1}', shownKey(op.key), JSON.stringify(op.value));
    case 'metadataRemove':
      return l10n.t('remove metadata {0}', shownKey(op.key));
    case 'metadataRenameKey':
      return l10n.t('rename metadata {0} → {1}', shownKey(op.from), shownKey(op.to));
    case 'metadataReplace':
      return l10n.t('replace "{0}" → "{1}" in metadata values', op.find, op.replacement);
    case 'directoryMove':
      return l10n.t('move {0} → {1}', op.from, op.to);
    case 'textReplace':
      return l10n.t('replace "{0}" → "{1}" in {2}', op.find, op.replacement, op.fields.join(', '));
  }
}
