import * as l10n from '@vscode/l10n';
import {
  EDITABLE_FIELDS,
  READ_ONLY_FIELDS,
  READ_ONLY_FIELD_NAMES,
  type EditableFieldName,
  type FileChangeUpdate,
  type FileRecord,
  type FileUpdateItem,
  type ReadOnlyFieldName,
} from '../../cdf/model';
import {
  classicFieldDescription,
  documentFromRecord,
  DOCUMENT_FIELD_ORDER,
  fileDocumentJsonSchema,
  fileDocumentSchema,
  fileSelectionJsonSchema,
  instanceLinkedProblems,
  MIME_EXAMPLES,
  nameProblems,
} from '../document';
import { CLASSIC_FILE_FIELDS } from '../fields';
import type { KindField, ReadOnlyField, RecordKind } from './record-kind';

/** Read-only fields a document writes even if a (malformed) record lacks them: the API always returns them. */
const ALWAYS_PRESENT = new Set<ReadOnlyFieldName>(['id', 'name', 'uploaded', 'createdTime', 'lastUpdatedTime']);

const fields: KindField<EditableFieldName>[] = CLASSIC_FILE_FIELDS.fields.map((field) => {
  const spec = EDITABLE_FIELDS[field.name];
  return {
    ...field,
    schema: spec.schema,
    ...('jsonShape' in spec ? { jsonShape: spec.jsonShape } : {}),
    description: classicFieldDescription(field.name),
    ...(field.name === 'mimeType' ? { examples: MIME_EXAMPLES } : {}),
  };
});

const readOnlyFields: ReadOnlyField<FileRecord>[] = READ_ONLY_FIELD_NAMES.map((name) => ({
  name,
  schema: READ_ONLY_FIELDS[name].schema,
  description: READ_ONLY_FIELDS[name].description,
  ...(ALWAYS_PRESENT.has(name) ? { alwaysPresent: true } : {}),
  // The API cannot rename a file: say how to, rather than only "read-only".
  ...(name === 'name' ? { changed: (base: FileRecord, value: unknown) => nameProblems(base, value)[0] } : {}),
}));

/** The classic CDF file (`/files`): named by its internal id; no version, so a save compares content. */
export const CLASSIC_FILE: RecordKind<FileRecord, FileUpdateItem, EditableFieldName> = {
  name: 'classic-file',
  noun: () => l10n.t('file'),
  fields,
  key: (record) => String(record.id),
  keyOfItem: (item) => ('id' in item ? String(item.id) : 'externalId' in item ? item.externalId : '?'),
  version: (record) => record.lastUpdatedTime,
  concurrency: 'compare',
  // Always by internal id: an external id may be the very thing being changed. The field kinds' patches
  // are `files/update`'s own (their diff is written to that API), so they go out as they are.
  encodeUpdate: (record, patches) => ({ id: record.id, update: patches as FileChangeUpdate }),
  document: {
    readOnlyFields,
    order: DOCUMENT_FIELD_ORDER,
    identityFields: ['id'],
    versionField: 'lastUpdatedTime',
    keyOf: (element) => {
      const id = typeof element === 'object' && element !== null ? (element as { id?: unknown }).id : undefined;
      return typeof id === 'number' && Number.isSafeInteger(id) ? String(id) : undefined;
    },
    render: documentFromRecord,
    schema: fileDocumentSchema,
    jsonSchema: fileDocumentJsonSchema,
    selectionJsonSchema: fileSelectionJsonSchema,
    checks: (base, document, invalid) =>
      base.instanceId ? instanceLinkedProblems(base, { ...document }, new Set(invalid)) : [],
  },
};
