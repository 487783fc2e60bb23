import * as z from 'zod/mini';

/**
 * Request bodies of the data modeling routes, with the API's documented limits (see the public CDF
 * API reference, "Instances"). Filters stay `unknown` here: `filter.ts` checks and compiles them.
 */

export const MAX_INSTANCE_ITEMS = 1000;

export const spaceId = z
  .string()
  .check(z.minLength(1), z.maxLength(43), z.regex(/^[a-zA-Z][a-zA-Z0-9_-]{0,41}[a-zA-Z0-9]?$/));
/** Node externalIds: 1-256 characters, no NUL. */
export const nodeExternalId = z.string().check(
  z.minLength(1),
  z.maxLength(256),
  z.refine((s) => !s.includes('\u0000'), 'must not contain NUL'),
);
const dmsExternalId = z
  .string()
  .check(z.minLength(1), z.maxLength(255), z.regex(/^[a-zA-Z]([a-zA-Z0-9_]{0,253}[a-zA-Z0-9])?$/));
const dmsVersion = z
  .string()
  .check(z.minLength(1), z.maxLength(43), z.regex(/^[a-zA-Z0-9]([.a-zA-Z0-9_-]{0,41}[a-zA-Z0-9])?$/));

/**
 * Property values keyed by name. Not `z.record`: it drops a "__proto__" key silently, and here such a
 * key must be refused as an unknown property like any other.
 */
const plainObject = z.custom<Record<string, unknown>>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  'expected an object of property values',
);

/** Typing information is not produced: asking for it is refused rather than silently unanswered. */
const includeTyping = z.optional(
  z.literal(false, { error: 'includeTyping is not supported by the emulator (send false or leave it out)' }),
);

export const directRelation = z.strictObject({ space: spaceId, externalId: nodeExternalId });
export const viewReference = z.strictObject({
  type: z.literal('view'),
  space: spaceId,
  externalId: dmsExternalId,
  version: dmsVersion,
});
export const containerReference = z.strictObject({
  type: z.literal('container'),
  space: spaceId,
  externalId: dmsExternalId,
});
export type ViewReference = z.infer<typeof viewReference>;
export type SourceReference = ViewReference | z.infer<typeof containerReference>;

const instanceType = z.enum(['node', 'edge']);

const nodeWrite = z.strictObject({
  instanceType: z.literal('node'),
  space: spaceId,
  externalId: nodeExternalId,
  existingVersion: z.optional(z.number().check(z.int(), z.minimum(0))),
  type: z.optional(directRelation),
  sources: z.optional(
    z
      .array(
        z.strictObject({
          source: z.discriminatedUnion('type', [viewReference, containerReference]),
          properties: z.optional(plainObject),
        }),
      )
      .check(z.minLength(1), z.maxLength(100)),
  ),
});
export type NodeWrite = z.infer<typeof nodeWrite>;

export const instanceDelete = z.strictObject({
  instanceType,
  space: spaceId,
  externalId: nodeExternalId,
  existingVersion: z.optional(z.number().check(z.int(), z.minimum(0))),
});
export type InstanceDelete = z.infer<typeof instanceDelete>;

export const upsertRequest = z.strictObject({
  items: z.array(z.unknown()).check(z.maxLength(MAX_INSTANCE_ITEMS)),
  delete: z.optional(z.array(instanceDelete).check(z.maxLength(MAX_INSTANCE_ITEMS))),
  autoCreateDirectRelations: z.optional(z.boolean()),
  autoCreateStartNodes: z.optional(z.boolean()),
  autoCreateEndNodes: z.optional(z.boolean()),
  skipOnVersionConflict: z.optional(z.boolean()),
  replace: z.optional(z.boolean()),
});

/** Items are checked one by one, so an edge is refused by name rather than as a shape mismatch. */
export const nodeWriteItem = nodeWrite;

export const deleteRequest = z.strictObject({
  items: z.array(instanceDelete).check(z.minLength(1), z.maxLength(MAX_INSTANCE_ITEMS)),
});

const sourceSelector = z.array(z.strictObject({ source: viewReference })).check(z.maxLength(10));
const propertyPath = z.array(z.string()).check(z.minLength(1));
export const listLimit = z.number().check(z.int(), z.minimum(1), z.maximum(MAX_INSTANCE_ITEMS));
export const sortItem = z.strictObject({
  property: propertyPath,
  direction: z.optional(z.enum(['ascending', 'descending'])),
  nullsFirst: z.optional(z.boolean()),
});
export type SortItem = z.infer<typeof sortItem>;

export const listRequest = z.strictObject({
  includeTyping,
  sources: z.optional(sourceSelector),
  instanceType: z.optional(instanceType),
  cursor: z.optional(z.string()),
  limit: z.optional(listLimit),
  sort: z.optional(z.array(sortItem).check(z.maxLength(5))),
  filter: z.optional(z.unknown()),
});

export const byIdsRequest = z.strictObject({
  sources: z.optional(sourceSelector),
  includeTyping,
  items: z
    .array(z.strictObject({ instanceType, space: spaceId, externalId: nodeExternalId }))
    .check(z.minLength(1), z.maxLength(MAX_INSTANCE_ITEMS)),
});

const searchOperator = z.optional(z.enum(['AND', 'OR']));
export const searchRequest = z.strictObject({
  view: viewReference,
  query: z.optional(z.string()),
  instanceType: z.optional(instanceType),
  properties: z.optional(z.array(z.string())),
  filter: z.optional(z.unknown()),
  includeTyping,
  sort: z.optional(
    z
      .array(z.strictObject({ property: propertyPath, direction: z.optional(z.enum(['ascending', 'descending'])) }))
      .check(z.maxLength(5)),
  ),
  operator: searchOperator,
  limit: z.optional(listLimit),
});

export const aggregateRequest = z.strictObject({
  view: viewReference,
  instanceType: z.optional(instanceType),
  query: z.optional(z.string()),
  properties: z.optional(z.array(z.string()).check(z.minLength(1), z.maxLength(200))),
  limit: z.optional(listLimit),
  aggregates: z.optional(z.array(z.record(z.string(), z.unknown())).check(z.maxLength(5))),
  groupBy: z.optional(z.array(z.string()).check(z.minLength(1), z.maxLength(5))),
  filter: z.optional(z.unknown()),
  operator: searchOperator,
  includeTyping,
});

const versionRef = z.strictObject({ space: spaceId, externalId: dmsExternalId, version: z.optional(dmsVersion) });
export const viewsByIdsRequest = z.strictObject({
  items: z.array(versionRef).check(z.minLength(1), z.maxLength(100)),
});
