import * as z from 'zod/mini';
import {
  COGNITE_FILE_NODE_FIELDS,
  COGNITE_FILE_PROPERTIES,
  COGNITE_FILE_PROPERTY_NAMES,
  COGNITE_FILE_VIEW,
  COGNITE_FILE_VIEW_KEY,
  COGNITE_FILE_WRITABLE_NAMES,
  type CogniteFilePropertyName,
  type CogniteFileWritableName,
} from './cognite-file-fields';
import {
  CDM_SPACE,
  directRelation,
  type DirectRelation,
  dmsEpochMs,
  DMS_LIMITS,
  nodeExternalId,
  spaceId,
} from './dms-primitives';

/**
 * A CogniteFile node as `instances/byids`, `list` and `search` return it with the CogniteFile view
 * as source, the upsert item a client sends, and the slim answer of an upsert. Built from the table
 * in cognite-file-fields.ts.
 */

const shapeOf = (names: readonly CogniteFilePropertyName[], value: (n: CogniteFilePropertyName) => z.ZodMiniType) =>
  Object.fromEntries<z.ZodMiniType>(names.map((n) => [n, value(n)]));

/**
 * The view's values as read. The API leaves unset properties out; a null is read as unset too.
 * Unknown keys pass (`looseObject`): a newer view version does not break reading.
 */
export const cogniteFileProperties = z.looseObject(
  shapeOf(COGNITE_FILE_PROPERTY_NAMES, (n) => z.optional(z.nullable(COGNITE_FILE_PROPERTIES[n].schema))),
);
/** The value of each field kind, as read and written. */
export interface NodeFieldValues {
  text: string;
  textList: string[];
  timestamp: string;
  boolean: boolean;
  directRelation: DirectRelation;
  directRelationList: DirectRelation[];
}
type ValueOf<K extends CogniteFilePropertyName> = NodeFieldValues[(typeof COGNITE_FILE_PROPERTIES)[K]['kind']];
export type CogniteFileProperties = { [K in CogniteFilePropertyName]?: ValueOf<K> | null };

const F = COGNITE_FILE_NODE_FIELDS;
export const cogniteFileNode = z.looseObject({
  instanceType: z.literal('node'),
  space: F.space.schema,
  externalId: F.externalId.schema,
  version: F.version.schema,
  createdTime: F.createdTime.schema,
  lastUpdatedTime: F.lastUpdatedTime.schema,
  type: z.optional(directRelation),
  /** By space, then `View/version`: other views' groups pass through unread. */
  properties: z.optional(
    z.looseObject({
      [CDM_SPACE]: z.optional(z.looseObject({ [COGNITE_FILE_VIEW_KEY]: z.optional(cogniteFileProperties) })),
    }),
  ),
});
export type CogniteFileNode = z.infer<typeof cogniteFileNode>;

/** The node's CogniteFile values (`{}` when it has none through the view). */
export function cogniteFileValues(node: CogniteFileNode): CogniteFileProperties {
  const group = node.properties?.[CDM_SPACE]?.[COGNITE_FILE_VIEW_KEY];
  return group ?? {};
}

/** Writable values of one upsert: only the properties named are written; null clears one. */
export const cogniteFileWrite = z.strictObject(
  shapeOf(COGNITE_FILE_WRITABLE_NAMES, (n) => z.optional(z.nullable(COGNITE_FILE_PROPERTIES[n].schema))),
);
export type CogniteFileWrite = { [K in CogniteFileWritableName]?: ValueOf<K> | null };

const cogniteFileViewRef = z.strictObject({
  type: z.literal(COGNITE_FILE_VIEW.type),
  space: z.literal(COGNITE_FILE_VIEW.space),
  externalId: z.literal(COGNITE_FILE_VIEW.externalId),
  version: z.literal(COGNITE_FILE_VIEW.version),
});

/** One node of `POST /models/instances`, written through the CogniteFile view. */
export const cogniteFileUpsertItem = z.strictObject({
  instanceType: z.literal('node'),
  space: spaceId,
  externalId: nodeExternalId,
  /** The version the change was made against: a newer node fails the request (409). 0: insert only. */
  existingVersion: z.optional(z.number().check(z.int(), z.minimum(0))),
  sources: z.tuple([z.strictObject({ source: cogniteFileViewRef, properties: cogniteFileWrite })]),
});
export type CogniteFileUpsertItem = Omit<z.infer<typeof cogniteFileUpsertItem>, 'sources'> & {
  sources: [{ source: typeof COGNITE_FILE_VIEW; properties: CogniteFileWrite }];
};

export const nodeUpsertRequest = z.strictObject({
  items: z.array(cogniteFileUpsertItem).check(z.minLength(1), z.maxLength(DMS_LIMITS.itemsPerRequest)),
  /** An editor sends false: a mistyped reference is an error, never a new empty node. */
  autoCreateDirectRelations: z.optional(z.boolean()),
  skipOnVersionConflict: z.optional(z.boolean()),
  replace: z.optional(z.boolean()),
});
export type NodeUpsertRequest = Omit<z.infer<typeof nodeUpsertRequest>, 'items'> & { items: CogniteFileUpsertItem[] };

/** What an upsert answers per item, in request order (`SlimNodeDefinition`). */
export const slimNode = z.looseObject({
  instanceType: z.literal('node'),
  space: spaceId,
  externalId: nodeExternalId,
  version: F.version.schema,
  wasModified: z.boolean(),
  createdTime: dmsEpochMs,
  lastUpdatedTime: dmsEpochMs,
});
export type SlimNode = z.infer<typeof slimNode>;
export const nodeUpsertResponse = z.object({ items: z.array(slimNode) });

/**
 * A node as `instances/byids` returns it when asked for no view (`NodeDefinition` without
 * `properties`): that it exists, which incarnation (`createdTime`) and at which version.
 */
export const nodeStamp = z.looseObject({
  instanceType: z.literal('node'),
  space: spaceId,
  externalId: nodeExternalId,
  version: F.version.schema,
  createdTime: dmsEpochMs,
  lastUpdatedTime: dmsEpochMs,
});
export type NodeStamp = z.infer<typeof nodeStamp>;
export const nodeStampList = z.object({ items: z.array(nodeStamp) });
