import { EDITABLE_FIELDS, type FileRecord } from '../../cdf/model';
import { DOCUMENT_FIELD_ORDER, type FileDocument } from './types';

/** Read-only fields written even if a (malformed) record lacks them: the API always returns them. */
const ALWAYS_PRESENT = new Set<string>(['id', 'name', 'uploaded', 'createdTime', 'lastUpdatedTime']);

/**
 * The document object of a record, in {@link DOCUMENT_FIELD_ORDER}: every editable field present
 * (`null` when unset, so users see it and can fill it in), read-only fields when the record has them.
 * Metadata keeps the record's key order. Values are copies; fields the model does not know are left out.
 */
export function documentFromRecord(record: FileRecord): FileDocument {
  const entries: [string, unknown][] = [];
  for (const name of DOCUMENT_FIELD_ORDER) {
    const value = record[name];
    const include = name in EDITABLE_FIELDS || value !== undefined || ALWAYS_PRESENT.has(name);
    if (include) entries.push([name, value === undefined ? null : structuredClone(value)]);
  }
  // Object.fromEntries defines own properties, so even a metadata key "__proto__" survives.
  return Object.fromEntries(entries);
}

/** The text of a record's document: 2-space indent, stable field order, a trailing newline. */
export function renderDocument(record: FileRecord): string {
  return JSON.stringify(documentFromRecord(record), null, 2) + '\n';
}
