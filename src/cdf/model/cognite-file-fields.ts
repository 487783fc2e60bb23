import * as z from 'zod/mini';
import {
  CDM_SPACE,
  CDM_VERSION,
  directRelation,
  dmsEpochMs,
  dmsText,
  dmsTextList,
  DMS_LIMITS,
  nodeExternalId,
  spaceId,
} from './dms-primitives';
import { isoTimestamp } from './iso-timestamp';

/**
 * The CogniteFile view (`cdf_cdm:CogniteFile/v1`) as a table: every property with its field kind,
 * list-ness, list limit, what a direct relation points to, and whether a client may write it. The
 * node model, the upsert item, the document and the tree read this table, as the classic file's
 * code reads `EDITABLE_FIELDS`. Facts from the core data model as `views/byids` returns it.
 */
export type NodeFieldKindName = 'text' | 'textList' | 'timestamp' | 'boolean' | 'directRelation' | 'directRelationList';

/** The core views a direct relation of a CogniteFile points to. */
export type CoreViewName = 'CogniteAsset' | 'CogniteFileCategory' | 'CogniteSourceSystem';

/** The containers behind the view's properties. */
export type CogniteFileContainer = 'CogniteDescribable' | 'CogniteSourceable' | 'CogniteFile';

export interface NodePropertyField {
  readonly kind: NodeFieldKindName;
  readonly list: boolean;
  /** For a list: at most this many items (the container's `maxListSize`, else the API's default). */
  readonly maxListSize?: number;
  /** For a direct relation: the view of the nodes it points to. */
  readonly references?: CoreViewName;
  /** Set by CDF (the file service); an upsert never names it. */
  readonly readOnly: boolean;
  readonly container: CogniteFileContainer;
  /** One whole value (a list property: the whole list), never null: null clears any property. */
  readonly schema: z.ZodMiniType;
  readonly description: string;
}

const textList = dmsTextList;
const relationList = (max: number) => z.array(directRelation).check(z.maxLength(max));
const TAGS_MAX = DMS_LIMITS.primitiveListItems;
const ASSETS_MAX = 1200;

const text = (container: CogniteFileContainer, description: string) => ({
  kind: 'text' as const,
  list: false as const,
  readOnly: false as const,
  container,
  schema: dmsText,
  description,
});
const time = <R extends boolean>(description: string, readOnly: R) => ({
  kind: 'timestamp' as const,
  list: false as const,
  readOnly,
  container: (readOnly ? 'CogniteFile' : 'CogniteSourceable') as CogniteFileContainer,
  schema: isoTimestamp,
  description: `${description} ISO 8601 text, e.g. \`2024-05-01T12:00:00.000+00:00\`.`,
});

export const COGNITE_FILE_PROPERTIES = {
  name: text('CogniteDescribable', 'The name of the file. Unlike a classic file, a CogniteFile can be renamed.'),
  description: text('CogniteDescribable', 'A description of the file.'),
  tags: {
    kind: 'textList',
    list: true,
    maxListSize: TAGS_MAX,
    readOnly: false,
    container: 'CogniteDescribable',
    schema: textList(TAGS_MAX),
    description: `Text tags; at most ${TAGS_MAX}. The whole list is written at once.`,
  },
  aliases: {
    kind: 'textList',
    list: true,
    maxListSize: DMS_LIMITS.primitiveListItems,
    readOnly: false,
    container: 'CogniteDescribable',
    schema: textList(DMS_LIMITS.primitiveListItems),
    description: `Other names of the file; at most ${DMS_LIMITS.primitiveListItems}.`,
  },
  sourceId: text('CogniteSourceable', 'The identifier of the file in its source system.'),
  sourceContext: text('CogniteSourceable', 'Where in the source system the file comes from.'),
  source: {
    kind: 'directRelation',
    list: false,
    references: 'CogniteSourceSystem',
    readOnly: false,
    container: 'CogniteSourceable',
    schema: directRelation,
    description: 'The source system, a CogniteSourceSystem node as `{"space": "...", "externalId": "..."}`.',
  },
  sourceCreatedTime: time('When the file was created in the source system.', false),
  sourceUpdatedTime: time('When the file was last changed in the source system.', false),
  sourceCreatedUser: text('CogniteSourceable', 'Who created the file in the source system.'),
  sourceUpdatedUser: text('CogniteSourceable', 'Who last changed the file in the source system.'),
  assets: {
    kind: 'directRelationList',
    list: true,
    maxListSize: ASSETS_MAX,
    references: 'CogniteAsset',
    readOnly: false,
    container: 'CogniteFile',
    schema: relationList(ASSETS_MAX),
    description: `The CogniteAsset nodes the file is about, as \`{"space", "externalId"}\` objects; at most ${ASSETS_MAX}. The whole list is written at once.`,
  },
  mimeType: text('CogniteFile', 'The MIME type of the file, e.g. `application/pdf`.'),
  directory: text('CogniteFile', 'The directory of the file, an absolute unix-style path such as `/plant-a/pid`.'),
  category: {
    kind: 'directRelation',
    list: false,
    references: 'CogniteFileCategory',
    readOnly: false,
    container: 'CogniteFile',
    schema: directRelation,
    description: 'The category, a CogniteFileCategory node as `{"space": "...", "externalId": "..."}`.',
  },
  isUploaded: {
    kind: 'boolean',
    list: false,
    readOnly: true,
    container: 'CogniteFile',
    schema: z.boolean(),
    description: 'Whether the content has been uploaded. Set by CDF; read-only.',
  },
  uploadedTime: time('When the content was uploaded. Set by CDF; read-only.', true),
} as const satisfies Record<string, NodePropertyField>;

export type CogniteFilePropertyName = keyof typeof COGNITE_FILE_PROPERTIES;
export const COGNITE_FILE_PROPERTY_NAMES = Object.keys(COGNITE_FILE_PROPERTIES) as CogniteFilePropertyName[];

export type CogniteFileWritableName = {
  [K in CogniteFilePropertyName]: (typeof COGNITE_FILE_PROPERTIES)[K]['readOnly'] extends true ? never : K;
}[CogniteFilePropertyName];
export const COGNITE_FILE_WRITABLE_NAMES = COGNITE_FILE_PROPERTY_NAMES.filter(
  (n): n is CogniteFileWritableName => !COGNITE_FILE_PROPERTIES[n].readOnly,
);

/** The node's own fields: CDF sets them, a document shows them read-only. */
export const COGNITE_FILE_NODE_FIELDS = {
  space: { schema: spaceId, description: 'The space the node lives in. Read-only.' },
  externalId: { schema: nodeExternalId, description: 'The external id of the node in its space. Read-only.' },
  version: {
    schema: z.number().check(z.int(), z.minimum(1)),
    description: 'The node version; it grows with every change. A save sends it as `existingVersion`. Read-only.',
  },
  createdTime: { schema: dmsEpochMs, description: 'When the node was created, in epoch milliseconds. Read-only.' },
  lastUpdatedTime: {
    schema: dmsEpochMs,
    description: 'When the node was last changed, in epoch milliseconds. Read-only.',
  },
} as const;
export type CogniteFileNodeFieldName = keyof typeof COGNITE_FILE_NODE_FIELDS;
export const COGNITE_FILE_NODE_FIELD_NAMES = Object.keys(COGNITE_FILE_NODE_FIELDS) as CogniteFileNodeFieldName[];

/** The view every CogniteFile read and write names. */
export const COGNITE_FILE_VIEW = {
  type: 'view',
  space: CDM_SPACE,
  externalId: 'CogniteFile',
  version: CDM_VERSION,
} as const;
/** The key of the view's values in a node's `properties[space]`. */
export const COGNITE_FILE_VIEW_KEY = `${COGNITE_FILE_VIEW.externalId}/${COGNITE_FILE_VIEW.version}`;
