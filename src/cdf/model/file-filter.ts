import * as z from 'zod/mini';
import { LIMITS } from './limits';
import { epochMs, externalId, geometry, idEither, internalId, label, metadataMap } from './primitives';

const timeRange = z.strictObject({ min: z.optional(epochMs), max: z.optional(epochMs) });
const labelList = z.array(label).check(z.minLength(1), z.maxLength(LIMITS.filterLabels));
const maxChars = (max: number) => z.string().check(z.maxLength(max));
const someUpTo = <T extends z.ZodMiniType>(item: T, max: number) =>
  z.array(item).check(z.minLength(1), z.maxLength(max));

/** `FileFilter.filter`: shared by list, search and aggregate. Every field narrows (AND). */
export const fileFilter = z.strictObject({
  name: z.optional(maxChars(LIMITS.nameLength)),
  directoryPrefix: z.optional(maxChars(LIMITS.directoryLength)),
  mimeType: z.optional(maxChars(LIMITS.mimeTypeLength)),
  metadata: z.optional(metadataMap),
  assetIds: z.optional(someUpTo(internalId, LIMITS.filterAssetIds)),
  assetExternalIds: z.optional(someUpTo(externalId, LIMITS.filterAssetIds)),
  rootAssetIds: z.optional(someUpTo(idEither, LIMITS.filterAssetIds)),
  dataSetIds: z.optional(z.array(idEither).check(z.maxLength(LIMITS.filterDataSetIds))),
  assetSubtreeIds: z.optional(someUpTo(idEither, LIMITS.filterAssetIds)),
  source: z.optional(maxChars(LIMITS.sourceLength)),
  createdTime: z.optional(timeRange),
  lastUpdatedTime: z.optional(timeRange),
  uploadedTime: z.optional(timeRange),
  sourceCreatedTime: z.optional(timeRange),
  sourceModifiedTime: z.optional(timeRange),
  externalIdPrefix: z.optional(maxChars(LIMITS.externalIdLength)),
  uploaded: z.optional(z.boolean()),
  labels: z.optional(z.union([z.strictObject({ containsAny: labelList }), z.strictObject({ containsAll: labelList })])),
  geoLocation: z.optional(
    z.strictObject({
      // The spec says UPPERCASE; both SDKs send lowercase and CDF accepts it.
      relation: z.enum(['INTERSECTS', 'DISJOINT', 'WITHIN', 'intersects', 'disjoint', 'within']),
      shape: geometry,
    }),
  ),
});
export type FileFilter = z.infer<typeof fileFilter>;

/** "M/N": the M-th of N partitions, 1 <= M <= N <= 10. */
export const partition = z.string().check(
  z.regex(/^\d+\/\d+$/, { message: 'partition must look like "M/N"' }),
  z.refine(
    (p) => {
      const [m, n] = p.split('/').map(Number) as [number, number];
      return n >= 1 && n <= LIMITS.partitionsMax && m >= 1 && m <= n;
    },
    { message: `partition "M/N" needs 1 <= M <= N <= ${LIMITS.partitionsMax}` },
  ),
);

export const listLimit = z.number().check(z.int(), z.minimum(1), z.maximum(LIMITS.itemsPerRequest));

export const fileListRequest = z.strictObject({
  filter: z.optional(fileFilter),
  limit: z.optional(listLimit),
  cursor: z.optional(z.string()),
  partition: z.optional(partition),
});
export type FileListRequest = z.infer<typeof fileListRequest>;

export const fileSearchRequest = z.strictObject({
  filter: z.optional(fileFilter),
  search: z.optional(z.strictObject({ name: z.optional(z.nullable(maxChars(LIMITS.nameLength))) })),
  limit: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(LIMITS.searchLimitMax))),
});
export type FileSearchRequest = z.infer<typeof fileSearchRequest>;

export const fileAggregateRequest = z.strictObject({ filter: z.optional(fileFilter) });
export type FileAggregateRequest = z.infer<typeof fileAggregateRequest>;
