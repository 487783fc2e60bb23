import * as z from 'zod/mini';
import './zod-messages';

/**
 * The identifiers and values of CDF data modeling (the public API reference, "Instances"): spaces,
 * node external ids, direct relations, view references, timestamps, and the limits that go with them.
 */
export const DMS_LIMITS = {
  /** Items per `POST /models/instances` (upsert), byids, delete; the largest list/search page. */
  itemsPerRequest: 1000,
  spaceLength: 43,
  nodeExternalIdLength: 256,
  /** A text value, in characters (the API documents 128 KB). */
  textLength: 128_000,
  /** A list of text, numbers or booleans, unless the container sets its own `maxListSize`. */
  primitiveListItems: 1000,
  /** A list of direct relations, unless the container sets its own `maxListSize`. */
  directRelationListItems: 100,
  /** `instances/aggregate`: groups answered (default 100) and properties grouped by. */
  aggregateLimitMax: 1000,
  groupByMax: 5,
} as const;

/** The core data model's space and version (Cognite's CogniteFile, CogniteAsset, ... views). */
export const CDM_SPACE = 'cdf_cdm';
export const CDM_VERSION = 'v1';

export const SPACE_ID_PATTERN = /^[a-zA-Z][a-zA-Z0-9_-]{0,41}[a-zA-Z0-9]?$/;
export const spaceId = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(DMS_LIMITS.spaceLength),
    z.regex(SPACE_ID_PATTERN, { message: 'not a space identifier' }),
  );

/** A node's externalId: 1 to 256 characters, any but NUL (looser than a view's or container's). */
export const nodeExternalId = z.string().check(
  z.minLength(1),
  z.maxLength(DMS_LIMITS.nodeExternalIdLength),
  z.refine((s) => !s.includes('\u0000'), { message: 'must not contain the NUL character' }),
);

/** A direct relation as the API reads and writes it: exactly `{space, externalId}`. */
export const directRelation = z.strictObject({ space: spaceId, externalId: nodeExternalId });
export type DirectRelation = z.infer<typeof directRelation>;

/** `space:externalId`, the text key of a node (a space never holds ':'). */
export const nodeKeyOf = (node: DirectRelation): string => `${node.space}:${node.externalId}`;

/** The identifier of a view or container (not of a node). */
const dmsExternalId = z
  .string()
  .check(z.minLength(1), z.maxLength(255), z.regex(/^[a-zA-Z]([a-zA-Z0-9_]{0,253}[a-zA-Z0-9])?$/));
const dmsVersion = z
  .string()
  .check(z.minLength(1), z.maxLength(43), z.regex(/^[a-zA-Z0-9]([.a-zA-Z0-9_-]{0,41}[a-zA-Z0-9])?$/));

export const viewReference = z.strictObject({
  type: z.literal('view'),
  space: spaceId,
  externalId: dmsExternalId,
  version: dmsVersion,
});
export type ViewReference = z.infer<typeof viewReference>;

/** Milliseconds since the epoch, as instances carry `createdTime` and `lastUpdatedTime`. */
export const dmsEpochMs = z.number().check(z.int(), z.minimum(0));

/** CDF refuses the NUL character in a text value (and in each item of a text list). */
const withoutNul = (s: string): boolean => !s.includes('\u0000');

/** Text property values: at most 128,000 characters, none of them NUL. */
export const dmsText = z
  .string()
  .check(
    z.maxLength(DMS_LIMITS.textLength),
    z.refine(withoutNul, { message: 'must not contain the NUL character (\\u0000); CDF refuses it' }),
  );

/**
 * A list of texts: at most `maxItems` items, each a text value, and the items' lengths summed at
 * most the text limit (the API limits the whole list to 128 KB, not only each item).
 */
export const dmsTextList = (maxItems: number) =>
  z.array(dmsText).check(
    z.maxLength(maxItems),
    z.refine((items) => items.reduce((sum, t) => sum + t.length, 0) <= DMS_LIMITS.textLength, {
      message: `the items together must be at most ${DMS_LIMITS.textLength} characters`,
    }),
  );
