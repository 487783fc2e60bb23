import * as l10n from '@vscode/l10n';
import { EDITABLE_FIELDS, metadataMap, type EditableFieldName } from '../../cdf/model';
import { checkMetadataKey, schemaMessage } from '../bulk';

/**
 * Directories are absolute, unix-style paths within the field's length (the API's `FileDirectory`,
 * https://api-docs.cognite.com/20230101/tag/Files).
 */
export function checkDirectory(path: string): string | undefined {
  if (!path.startsWith('/')) return l10n.t('A directory must be an absolute path starting with "/" (got "{0}")', path);
  return schemaMessage(EDITABLE_FIELDS.directory.schema, path, l10n.t('A directory'));
}

/** Is `value` a valid value for `field` (the record's schema, plus the absolute-directory rule)? */
export function checkFieldValue(field: EditableFieldName, value: unknown): string | undefined {
  if (field === 'directory' && typeof value === 'string') return checkDirectory(value);
  if (field === 'metadata') {
    const shape = schemaMessage(metadataMap, value, 'metadata');
    if (shape) return shape;
    for (const key of Object.keys(value as object)) {
      const m = checkMetadataKey(key);
      if (m) return m;
    }
    return undefined;
  }
  return schemaMessage(EDITABLE_FIELDS[field].schema, value, field);
}
