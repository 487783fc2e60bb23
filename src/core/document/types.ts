import type { EditableFieldName, FileRecord, ReadOnlyFieldName } from '../../cdf/model';
import type { JsonPath } from '../json-path';

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

export type ProblemCode =
  /** The text is not JSON (position in the problem). */
  | 'invalid-json'
  /** The same key twice in one object. */
  | 'duplicate-key'
  | 'not-an-object'
  /** A top-level key that is not a field of a file record. */
  | 'unknown-field'
  /** A key inside a value that does not allow it (a label, a GeoJSON object). */
  | 'unknown-key'
  | 'wrong-type'
  /** A string (or metadata key/value, in UTF-8 bytes) over its limit. */
  | 'too-long'
  /** A string or list under its minimum (an empty label, a LineString of one point). */
  | 'too-short'
  /** A list or metadata over its item / pair limit. */
  | 'too-many'
  /** Metadata over its total size. */
  | 'too-large'
  /** A number outside its range (ids 1..2^53-1, times >= 0). */
  | 'out-of-range'
  | 'not-whole-number'
  /** A value outside a fixed set (`"Feature"`, a geometry type). */
  | 'invalid-value'
  | 'duplicate-id'
  | 'duplicate-label'
  | 'read-only'
  | 'name-not-updatable'
  /** A field that a file linked to a data modelling instance cannot change. */
  | 'instance-linked'
  /** Any other rule of the model (for example a GeoJSON ring that does not close). */
  | 'invalid';

export interface DocumentProblem {
  /** Where the problem is, from the document root (see `formatPath`). */
  path: JsonPath;
  /** One sentence or two, for the Problems panel: names the field, says what is wrong and what to do. */
  message: string;
  code: ProblemCode;
  severity: 'error';
  /** The problem is about the key of the property at `path` (an unknown field, a too-long metadata key), so mark the key, not the value. */
  onKey?: boolean;
}
