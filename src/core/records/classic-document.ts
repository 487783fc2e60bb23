import {
  EDITABLE_FIELDS,
  READ_ONLY_FIELDS,
  READ_ONLY_FIELD_NAMES,
  type EditableFieldName,
  type FileRecord,
  type ReadOnlyFieldName,
} from '../../cdf/model';
import { documentSchemaOf, jsonSchemaOf, selectionJsonSchemaOf } from '../document';
import { CLASSIC_FILE_FIELDS } from '../fields';
import { nameProblem } from './classic-checks';
import type { KindField, ReadOnlyField } from './record-kind';
import { MIME_EXAMPLES } from './mime-examples';

/**
 * The editable document of one file record: the API's record shape, where `null` (or a missing key)
 * means "unset". Only what validation has accepted is typed as this.
 */
export type FileDocument = {
  [K in EditableFieldName | ReadOnlyFieldName]?: FileRecord[K] | null;
};

/** Every field of the document, in the order it is written: editable ones first (with `name` near the top), read-only ones last. */
export const DOCUMENT_FIELD_ORDER = [
  'id',
  'externalId',
  'name',
  'directory',
  'source',
  'mimeType',
  'dataSetId',
  'assetIds',
  'labels',
  'metadata',
  'securityCategories',
  'sourceCreatedTime',
  'sourceModifiedTime',
  'geoLocation',
  'uploaded',
  'uploadedTime',
  'createdTime',
  'lastUpdatedTime',
  'instanceId',
] as const satisfies readonly (EditableFieldName | ReadOnlyFieldName)[];

/** A classic file's field on hover: its description, and whether a linked file may change it. */
function description(name: EditableFieldName): string {
  const field = EDITABLE_FIELDS[name];
  const linkedNote = field.instanceLinkedMayChange
    ? ''
    : '\n\nA file linked to a data modelling instance (`instanceId`) cannot change this field.';
  return field.description + linkedNote;
}

export const CLASSIC_KIND_FIELDS: KindField<EditableFieldName>[] = CLASSIC_FILE_FIELDS.fields.map((field) => {
  const spec = EDITABLE_FIELDS[field.name];
  return {
    ...field,
    schema: spec.schema,
    ...('jsonShape' in spec ? { jsonShape: spec.jsonShape } : {}),
    description: description(field.name),
    ...(field.name === 'mimeType' ? { examples: MIME_EXAMPLES } : {}),
  };
});

/** Read-only fields a document writes even if a (malformed) record lacks them: the API always returns them. */
const ALWAYS_PRESENT = new Set<ReadOnlyFieldName>(['id', 'name', 'uploaded', 'createdTime', 'lastUpdatedTime']);

export const CLASSIC_READ_ONLY_FIELDS: ReadOnlyField<FileRecord>[] = READ_ONLY_FIELD_NAMES.map((name) => ({
  name,
  schema: READ_ONLY_FIELDS[name].schema,
  description: READ_ONLY_FIELDS[name].description,
  ...(ALWAYS_PRESENT.has(name) ? { alwaysPresent: true } : {}),
  // The API cannot rename a file: say how to, rather than only "read-only".
  ...(name === 'name' ? { changed: nameProblem } : {}),
}));

export const fileDocumentSchema = documentSchemaOf(CLASSIC_KIND_FIELDS, CLASSIC_READ_ONLY_FIELDS, {
  title: 'CDF file record',
  description:
    'A CDF file record. Saving sends the minimal POST /files/update for what you changed. Read-only fields (id, name, uploaded, times, instanceId) cannot be changed here.',
});

export const fileDocumentJsonSchema = (): Record<string, unknown> =>
  jsonSchemaOf(fileDocumentSchema, 'https://cdf-files.invalid/schemas/file-document.schema.json');

export const fileSelectionJsonSchema = (): Record<string, unknown> =>
  selectionJsonSchemaOf(
    fileDocumentSchema,
    {
      title: 'CDF file records',
      description: 'Several CDF file records; saving sends the minimal update for each one you changed.',
    },
    'https://cdf-files.invalid/schemas/file-selection.schema.json',
  );
