/**
 * Response shapes of the look-ups that feed completion (data sets, labels, assets) and of the
 * Files endpoints whose bodies are not a plain record list. Loose objects: we read a few fields and
 * let the rest through, so a newer API does not break completion.
 */
import { z } from 'zod';
import { epochMs, externalId, fileRecord, internalId } from '../model';

export const dataSet = z.looseObject({
  id: internalId,
  externalId: externalId.optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  writeProtected: z.boolean().optional(),
  createdTime: epochMs.optional(),
  lastUpdatedTime: epochMs.optional(),
});
export type DataSet = z.infer<typeof dataSet>;

export const labelDefinition = z.looseObject({
  externalId: externalId,
  name: z.string(),
  description: z.string().optional(),
  dataSetId: internalId.optional(),
  createdTime: epochMs.optional(),
});
export type LabelDefinition = z.infer<typeof labelDefinition>;

export const asset = z.looseObject({
  id: internalId,
  name: z.string(),
  externalId: externalId.optional(),
  description: z.string().optional(),
  parentId: internalId.optional(),
  rootId: internalId.optional(),
  dataSetId: internalId.optional(),
});
export type Asset = z.infer<typeof asset>;

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullish() });
export const itemList = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const filePage = page(fileRecord);
export const fileList = itemList(fileRecord);
export const aggregateCount = z.object({ items: z.array(z.object({ count: z.number().int().min(0) })) });
export const emptyObject = z.object({});

/** `POST /files/downloadlink` answers with the identifier it was asked by, plus the URL. */
export const downloadLink = z.looseObject({
  downloadUrl: z.string(),
  id: internalId.optional(),
  externalId: externalId.optional(),
  instanceId: z.object({ space: z.string(), externalId: z.string() }).optional(),
});
export type DownloadLink = z.infer<typeof downloadLink>;
