/**
 * Response shapes of the look-ups that feed completion (data sets, labels, assets) and of the
 * Files endpoints whose bodies are not a plain record list. Loose objects: we read a few fields and
 * let the rest through, so a newer API does not break completion.
 */
import * as z from 'zod/mini';
import { epochMs, externalId, fileRecord, internalId } from '../model';

export const dataSet = z.looseObject({
  id: internalId,
  externalId: z.optional(externalId),
  name: z.optional(z.string()),
  description: z.optional(z.string()),
  writeProtected: z.optional(z.boolean()),
  createdTime: z.optional(epochMs),
  lastUpdatedTime: z.optional(epochMs),
});
export type DataSet = z.infer<typeof dataSet>;

export const labelDefinition = z.looseObject({
  externalId: externalId,
  name: z.string(),
  description: z.optional(z.string()),
  dataSetId: z.optional(internalId),
  createdTime: z.optional(epochMs),
});
export type LabelDefinition = z.infer<typeof labelDefinition>;

export const asset = z.looseObject({
  id: internalId,
  name: z.string(),
  externalId: z.optional(externalId),
  description: z.optional(z.string()),
  parentId: z.optional(internalId),
  rootId: z.optional(internalId),
  dataSetId: z.optional(internalId),
});
export type Asset = z.infer<typeof asset>;

export const page = <T extends z.ZodMiniType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.nullish(z.string()) });
export const itemList = <T extends z.ZodMiniType>(item: T) => z.object({ items: z.array(item) });

export const filePage = page(fileRecord);
export const fileList = itemList(fileRecord);
export const aggregateCount = z.object({
  items: z.array(z.object({ count: z.number().check(z.int(), z.minimum(0)) })),
});
export const emptyObject = z.object({});

/** `POST /files/downloadlink` answers with the identifier it was asked by, plus the URL. */
export const downloadLink = z.looseObject({
  downloadUrl: z.string(),
  id: z.optional(internalId),
  externalId: z.optional(externalId),
  instanceId: z.optional(z.object({ space: z.string(), externalId: z.string() })),
});
export type DownloadLink = z.infer<typeof downloadLink>;
