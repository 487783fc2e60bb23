import * as z from 'zod/mini';
import { cogniteFileNode } from './cognite-file';
import { directRelation, DMS_LIMITS, dmsEpochMs, nodeExternalId, spaceId, viewReference } from './dms-primitives';
import { instanceFilter } from './instance-filter';

/**
 * The read requests of `/models/instances` (list, byids, search, aggregate) and its delete as the
 * extension sends them, and the answers of those, `GET /models/statistics` and `/models/spaces`.
 */

const limit = (max: number) => z.number().check(z.int(), z.minimum(1), z.maximum(max));
const sources = z.array(z.strictObject({ source: viewReference })).check(z.minLength(1), z.maxLength(10));
const sortItem = z.strictObject({
  property: z.array(z.string()).check(z.minLength(2), z.maxLength(3)),
  direction: z.optional(z.enum(['ascending', 'descending'])),
  nullsFirst: z.optional(z.boolean()),
});

export const instancesListRequest = z.strictObject({
  instanceType: z.optional(z.literal('node')),
  sources: z.optional(sources),
  filter: z.optional(instanceFilter),
  sort: z.optional(z.array(sortItem).check(z.maxLength(5))),
  limit: z.optional(limit(DMS_LIMITS.itemsPerRequest)),
  cursor: z.optional(z.string()),
});
export type InstancesListRequest = z.infer<typeof instancesListRequest>;

export const instancesByIdsRequest = z.strictObject({
  items: z
    .array(z.strictObject({ instanceType: z.literal('node'), space: spaceId, externalId: nodeExternalId }))
    .check(z.minLength(1), z.maxLength(DMS_LIMITS.itemsPerRequest)),
  sources: z.optional(sources),
});

/**
 * `instances/delete` of nodes. `existingVersion`: the node is deleted only while it is not newer
 * (a newer one fails the whole request, 409, nothing deleted). A node that does not exist is ignored.
 */
export const instancesDeleteRequest = z.strictObject({
  items: z
    .array(
      z.strictObject({
        instanceType: z.literal('node'),
        space: spaceId,
        externalId: nodeExternalId,
        existingVersion: z.optional(z.number().check(z.int(), z.minimum(0))),
      }),
    )
    .check(z.minLength(1), z.maxLength(DMS_LIMITS.itemsPerRequest)),
});
export type InstancesDeleteRequest = z.infer<typeof instancesDeleteRequest>;
/** The nodes named by a delete (those that did not exist too: the end state is the same). */
export const instancesDeleteAnswer = z.object({
  items: z.array(z.looseObject({ instanceType: z.literal('node'), space: spaceId, externalId: nodeExternalId })),
});

/** `instances/search`: best matches of free text in the view's text properties, no cursor. */
export const instancesSearchRequest = z.strictObject({
  view: viewReference,
  instanceType: z.optional(z.literal('node')),
  query: z.optional(z.string()),
  properties: z.optional(z.array(z.string()).check(z.minLength(1))),
  filter: z.optional(instanceFilter),
  operator: z.optional(z.enum(['AND', 'OR'])),
  limit: z.optional(limit(DMS_LIMITS.itemsPerRequest)),
});
export type InstancesSearchRequest = z.infer<typeof instancesSearchRequest>;

/** `instances/aggregate` counting nodes, optionally grouped by up to five properties. */
export const instancesCountRequest = z.strictObject({
  view: viewReference,
  instanceType: z.optional(z.literal('node')),
  query: z.optional(z.string()),
  filter: z.optional(instanceFilter),
  groupBy: z.optional(z.array(z.string()).check(z.minLength(1), z.maxLength(DMS_LIMITS.groupByMax))),
  aggregates: z.tuple([z.strictObject({ count: z.strictObject({ property: z.optional(z.string()) }) })]),
  limit: z.optional(limit(DMS_LIMITS.aggregateLimitMax)),
});
export type InstancesCountRequest = z.infer<typeof instancesCountRequest>;

export const cogniteFileNodePage = z.object({
  items: z.array(cogniteFileNode),
  nextCursor: z.nullish(z.string()),
});
export const cogniteFileNodeList = z.object({ items: z.array(cogniteFileNode) });

const groupValue = z.union([z.string(), z.number(), z.boolean(), directRelation]);
export const aggregateAnswer = z.object({
  items: z.array(
    z.looseObject({
      instanceType: z.optional(z.string()),
      // A group of the nodes without a value may come as null: read, then left out by the client.
      group: z.optional(z.record(z.string(), z.nullable(groupValue))),
      aggregates: z.array(
        z.looseObject({ aggregate: z.string(), property: z.optional(z.string()), value: z.optional(z.number()) }),
      ),
    }),
  ),
});
export type AggregateAnswer = z.infer<typeof aggregateAnswer>;

const countAndLimit = z.looseObject({ count: z.number(), limit: z.number() });
/** `GET /models/statistics`: the project's usage and limits; a client sizes its concurrency by them. */
export const modelStatistics = z.looseObject({
  spaces: countAndLimit,
  instances: z.looseObject({
    nodes: z.number(),
    instances: z.number(),
    instancesLimit: z.number(),
  }),
  concurrentReadLimit: z.number().check(z.int(), z.minimum(1)),
  concurrentWriteLimit: z.number().check(z.int(), z.minimum(1)),
  concurrentDeleteLimit: z.number().check(z.int(), z.minimum(1)),
});
export type ModelStatistics = z.infer<typeof modelStatistics>;

export const spaceDefinition = z.looseObject({
  space: spaceId,
  name: z.optional(z.nullable(z.string())),
  description: z.optional(z.nullable(z.string())),
  createdTime: dmsEpochMs,
  lastUpdatedTime: dmsEpochMs,
  isGlobal: z.boolean(),
});
export type SpaceDefinition = z.infer<typeof spaceDefinition>;
export const spacePage = z.object({ items: z.array(spaceDefinition), nextCursor: z.nullish(z.string()) });
