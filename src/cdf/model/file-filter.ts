import { z } from 'zod';
import { LIMITS } from './limits';
import { epochMs, externalId, geometry, idEither, internalId, label, metadataMap } from './primitives';

const timeRange = z.strictObject({ min: epochMs.optional(), max: epochMs.optional() });
const labelList = z.array(label).min(1).max(LIMITS.filterLabels);

/** `FileFilter.filter`: shared by list, search and aggregate. Every field narrows (AND). */
export const fileFilter = z.strictObject({
  name: z.string().max(LIMITS.nameLength).optional(),
  directoryPrefix: z.string().max(LIMITS.directoryLength).optional(),
  mimeType: z.string().max(LIMITS.mimeTypeLength).optional(),
  metadata: metadataMap.optional(),
  assetIds: z.array(internalId).min(1).max(LIMITS.filterAssetIds).optional(),
  assetExternalIds: z.array(externalId).min(1).max(LIMITS.filterAssetIds).optional(),
  rootAssetIds: z.array(idEither).min(1).max(LIMITS.filterAssetIds).optional(),
  dataSetIds: z.array(idEither).max(LIMITS.filterDataSetIds).optional(),
  assetSubtreeIds: z.array(idEither).min(1).max(LIMITS.filterAssetIds).optional(),
  source: z.string().max(LIMITS.sourceLength).optional(),
  createdTime: timeRange.optional(),
  lastUpdatedTime: timeRange.optional(),
  uploadedTime: timeRange.optional(),
  sourceCreatedTime: timeRange.optional(),
  sourceModifiedTime: timeRange.optional(),
  externalIdPrefix: z.string().max(LIMITS.externalIdLength).optional(),
  uploaded: z.boolean().optional(),
  labels: z.union([z.strictObject({ containsAny: labelList }), z.strictObject({ containsAll: labelList })]).optional(),
  geoLocation: z
    .strictObject({
      // The spec says UPPERCASE; both SDKs send lowercase and CDF accepts it.
      relation: z.enum(['INTERSECTS', 'DISJOINT', 'WITHIN', 'intersects', 'disjoint', 'within']),
      shape: geometry,
    })
    .optional(),
});
export type FileFilter = z.infer<typeof fileFilter>;

/** "M/N": the M-th of N partitions, 1 <= M <= N <= 10. */
export const partition = z
  .string()
  .regex(/^\d+\/\d+$/, { message: 'partition must look like "M/N"' })
  .refine(
    (p) => {
      const [m, n] = p.split('/').map(Number) as [number, number];
      return n >= 1 && n <= LIMITS.partitionsMax && m >= 1 && m <= n;
    },
    { message: `partition "M/N" needs 1 <= M <= N <= ${LIMITS.partitionsMax}` },
  );

export const listLimit = z.number().int().min(1).max(LIMITS.itemsPerRequest);

export const fileListRequest = z.strictObject({
  filter: fileFilter.optional(),
  limit: listLimit.optional(),
  cursor: z.string().optional(),
  partition: partition.optional(),
});
export type FileListRequest = z.infer<typeof fileListRequest>;

export const fileSearchRequest = z.strictObject({
  filter: fileFilter.optional(),
  search: z.strictObject({ name: z.string().max(LIMITS.nameLength).nullable().optional() }).optional(),
  limit: z.number().int().min(1).max(LIMITS.searchLimitMax).optional(),
});
export type FileSearchRequest = z.infer<typeof fileSearchRequest>;

export const fileAggregateRequest = z.strictObject({ filter: fileFilter.optional() });
export type FileAggregateRequest = z.infer<typeof fileAggregateRequest>;
