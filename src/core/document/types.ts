import type { EditableFieldName, FileRecord, ReadOnlyFieldName } from '../../cdf/model';

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
