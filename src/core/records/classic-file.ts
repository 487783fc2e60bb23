import * as l10n from '@vscode/l10n';
import type { EditableFieldName, FileChangeUpdate, FileRecord, FileUpdateItem } from '../../cdf/model';
import { flatDocument } from '../document';
import { instanceLinkedProblems } from './classic-checks';
import {
  CLASSIC_KIND_FIELDS,
  CLASSIC_READ_ONLY_FIELDS,
  DOCUMENT_FIELD_ORDER,
  fileDocumentJsonSchema,
  fileDocumentSchema,
  fileSelectionJsonSchema,
} from './classic-document';
import type { RecordKind } from './record-kind';

/** The classic CDF file (`/files`): named by its internal id; no version, so a save compares content. */
export const CLASSIC_FILE: RecordKind<FileRecord, FileUpdateItem, EditableFieldName> = {
  name: 'classic-file',
  noun: () => l10n.t('file'),
  nouns: () => l10n.t('files'),
  fields: CLASSIC_KIND_FIELDS,
  key: (record) => String(record.id),
  label: (record) => record.name,
  keyOfItem: (item) => ('id' in item ? String(item.id) : 'externalId' in item ? item.externalId : '?'),
  version: (record) => record.lastUpdatedTime,
  concurrency: 'compare',
  // Always by internal id: an external id may be the very thing being changed. The field kinds' patches
  // are `files/update`'s own (their diff is written to that API), so they go out as they are.
  encodeUpdate: (record, patches) => ({ id: record.id, update: patches as FileChangeUpdate }),
  document: {
    readOnlyFields: CLASSIC_READ_ONLY_FIELDS,
    order: DOCUMENT_FIELD_ORDER,
    identityFields: ['id'],
    versionField: 'lastUpdatedTime',
    keyOf: (element) => {
      const id = typeof element === 'object' && element !== null ? (element as { id?: unknown }).id : undefined;
      return typeof id === 'number' ? String(id) : undefined;
    },
    render: (record) => flatDocument(CLASSIC_FILE, record),
    schema: fileDocumentSchema,
    jsonSchema: fileDocumentJsonSchema,
    selectionJsonSchema: fileSelectionJsonSchema,
    checks: (base, document, invalid) => (base.instanceId ? instanceLinkedProblems(base, document, invalid) : []),
  },
};
