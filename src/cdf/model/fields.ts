import * as l10n from '@vscode/l10n';
import * as z from 'zod/mini';
import { LIMITS } from './limits';
import {
  epochMs,
  externalId,
  geoLocation,
  geoLocationJsonShape,
  instanceId,
  internalId,
  label,
  metadataMap,
  metadataMapJsonShape,
} from './primitives';

/**
 * The fields of a file record, the kind of each and the words shown on hover. Everything that knows
 * "which fields exist" (the record model, the document, diff, apply, merge, undo, the JSON Schema)
 * reads this table, so adding a field is one edit; what a kind means lives in src/core/fields.
 */
export type FieldKindName = 'text' | 'time' | 'id' | 'geometry' | 'idSet' | 'labels' | 'keyValueMap';

/** The shape of a kind's patch in `files/update`: `{set}`/`{setNull}`, or `{set}` or `{add, remove}`. */
export type UpdateShape = 'scalar' | 'metadata' | 'idSet' | 'labels';
export const UPDATE_SHAPES = {
  text: 'scalar',
  time: 'scalar',
  id: 'scalar',
  geometry: 'scalar',
  idSet: 'idSet',
  labels: 'labels',
  keyValueMap: 'metadata',
} as const satisfies Record<FieldKindName, UpdateShape>;

/** The lookups whose names stand beside a field's ids (data sets, assets, labels). */
export type ReferenceKind = 'dataSets' | 'assets' | 'labels';

export interface EditableField {
  readonly kind: FieldKindName;
  /** May a file linked to a data modelling instance change it (`DMSFileChange`)? */
  readonly instanceLinkedMayChange: boolean;
  readonly schema: z.ZodMiniType;
  /** What the JSON Schema shows when `schema` itself cannot be written as one (metadata). */
  readonly jsonShape?: z.ZodMiniType;
  /** For a set: at most this many members, in a record and in each part of a patch. */
  readonly maxItems?: number;
  /** What the field's ids refer to, so their names can be shown. */
  readonly references?: ReferenceKind;
  readonly description: string;
}

export const EDITABLE_FIELDS = {
  externalId: {
    kind: 'text',
    instanceLinkedMayChange: true,
    schema: externalId,
    description: `The external ID of the file, unique in the project. Max ${LIMITS.externalIdLength} characters; \`null\` clears it.`,
  },
  directory: {
    kind: 'text',
    instanceLinkedMayChange: false,
    schema: z.string().check(z.maxLength(LIMITS.directoryLength)),
    description: `Directory containing the file: an absolute, unix-style path such as \`/plant-a/pid\`. Max ${LIMITS.directoryLength} characters; \`null\` clears it.`,
  },
  source: {
    kind: 'text',
    instanceLinkedMayChange: false,
    schema: z.string().check(z.maxLength(LIMITS.sourceLength)),
    description: `The source system of the file, e.g. \`SAP\` or \`sharepoint\`. Max ${LIMITS.sourceLength} characters; \`null\` clears it.`,
  },
  mimeType: {
    kind: 'text',
    instanceLinkedMayChange: false,
    schema: z.string().check(z.maxLength(LIMITS.mimeTypeLength)),
    description: `The MIME type of the file, e.g. \`application/pdf\`. Max ${LIMITS.mimeTypeLength} characters; \`null\` clears it.`,
  },
  dataSetId: {
    kind: 'id',
    references: 'dataSets',
    instanceLinkedMayChange: true,
    schema: internalId,
    description: 'The internal ID of the data set the file belongs to. `null` removes it from its data set.',
  },
  assetIds: {
    kind: 'idSet',
    maxItems: LIMITS.assetIds,
    references: 'assets',
    instanceLinkedMayChange: true,
    schema: z.array(internalId).check(z.maxLength(LIMITS.assetIds)),
    description: `Internal IDs of the assets the file is linked to; at most ${LIMITS.assetIds}, each once. Order does not matter.`,
  },
  labels: {
    kind: 'labels',
    maxItems: LIMITS.labels,
    references: 'labels',
    instanceLinkedMayChange: true,
    schema: z.array(label).check(z.maxLength(LIMITS.labels)),
    description: `Labels on the file, as \`{"externalId": "..."}\` objects naming label definitions in the project; at most ${LIMITS.labels}, each once.`,
  },
  metadata: {
    kind: 'keyValueMap',
    instanceLinkedMayChange: true,
    schema: metadataMap,
    jsonShape: metadataMapJsonShape,
    description: `Custom metadata, string keys to string values. Keys at most ${LIMITS.metadataKeyBytes} bytes, values at most ${LIMITS.metadataValueBytes} bytes, at most ${LIMITS.metadataPairs} pairs, at most ${LIMITS.metadataTotalBytes} bytes in total (UTF-8).`,
  },
  securityCategories: {
    kind: 'idSet',
    maxItems: LIMITS.securityCategories,
    instanceLinkedMayChange: false,
    schema: z.array(internalId).check(z.maxLength(LIMITS.securityCategories)),
    description: `IDs of the security categories required to access the file; at most ${LIMITS.securityCategories}, each once.`,
  },
  sourceCreatedTime: {
    kind: 'time',
    instanceLinkedMayChange: false,
    schema: epochMs,
    description: 'When the file was created in the source system, in milliseconds since 1970-01-01T00:00:00Z.',
  },
  sourceModifiedTime: {
    kind: 'time',
    instanceLinkedMayChange: false,
    schema: epochMs,
    description: 'When the file was last modified in the source system, in milliseconds since 1970-01-01T00:00:00Z.',
  },
  geoLocation: {
    kind: 'geometry',
    instanceLinkedMayChange: true,
    schema: geoLocation,
    jsonShape: geoLocationJsonShape,
    description:
      'Where the file belongs, as a GeoJSON `Feature` (WGS84) with a Point, LineString, Polygon, MultiPoint, MultiLineString or MultiPolygon geometry.',
  },
} as const satisfies Record<string, EditableField>;

export type EditableFieldName = keyof typeof EDITABLE_FIELDS;
export const EDITABLE_FIELD_NAMES = Object.keys(EDITABLE_FIELDS) as EditableFieldName[];

/** How `files/update` patches the field. */
export const updateShapeOf = (name: EditableFieldName): UpdateShape => UPDATE_SHAPES[EDITABLE_FIELDS[name].kind];

/** Fields the API sets; `files/update` cannot change them. `name` is here too: see {@link nameNotUpdatable}. */
export const READ_ONLY_FIELDS = {
  id: { schema: internalId, description: 'The internal ID of the file, assigned by CDF. Read-only.' },
  name: {
    schema: z.string().check(z.maxLength(LIMITS.nameLength)),
    description: `The name of the file (max ${LIMITS.nameLength} characters). \`files/update\` cannot rename a file: to rename it, create it again under the new name (\`POST /files\` with \`overwrite\`) or delete and re-upload it.`,
  },
  uploaded: { schema: z.boolean(), description: 'Whether the file content has been uploaded. Read-only.' },
  uploadedTime: { schema: epochMs, description: 'When the content was uploaded, in epoch milliseconds. Read-only.' },
  createdTime: { schema: epochMs, description: 'When the record was created, in epoch milliseconds. Read-only.' },
  lastUpdatedTime: {
    schema: epochMs,
    description: 'When the record was last changed, in epoch milliseconds. Read-only.',
  },
  instanceId: {
    schema: instanceId,
    description:
      'The data modelling instance this file is linked to. Read-only. A linked file can change only externalId, metadata, assetIds, dataSetId, labels and geoLocation.',
  },
} as const;

export type ReadOnlyFieldName = keyof typeof READ_ONLY_FIELDS;
export const READ_ONLY_FIELD_NAMES = Object.keys(READ_ONLY_FIELDS) as ReadOnlyFieldName[];

/** Why `name` cannot change, for a person (a function: translated when said, after the bundle is set). */
export const nameNotUpdatable = (): string =>
  l10n.t(
    'The API cannot rename a file (files/update has no "name"). Put the old name back; to rename, create the file again under the new name (POST /files with overwrite=true and the same externalId) or delete and re-upload it.',
  );
