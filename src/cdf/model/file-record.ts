import * as z from 'zod/mini';
import { EDITABLE_FIELDS, READ_ONLY_FIELDS } from './fields';

/**
 * A file record exactly as the API returns it (`FilesMetadata`): absent fields are unset.
 * Unknown keys pass through (`z.looseObject`) so a newer API does not break reading.
 */
export const fileRecord = z.looseObject({
  id: READ_ONLY_FIELDS.id.schema,
  // Any text: a file linked to a CogniteFile node shows the node's name, which data modeling allows
  // far beyond the Files API's 256 characters; one such file must not make a whole page unreadable.
  name: z.string(),
  uploaded: READ_ONLY_FIELDS.uploaded.schema,
  createdTime: READ_ONLY_FIELDS.createdTime.schema,
  lastUpdatedTime: READ_ONLY_FIELDS.lastUpdatedTime.schema,
  uploadedTime: z.optional(READ_ONLY_FIELDS.uploadedTime.schema),
  instanceId: z.optional(READ_ONLY_FIELDS.instanceId.schema),
  externalId: z.optional(EDITABLE_FIELDS.externalId.schema),
  directory: z.optional(EDITABLE_FIELDS.directory.schema),
  source: z.optional(EDITABLE_FIELDS.source.schema),
  mimeType: z.optional(EDITABLE_FIELDS.mimeType.schema),
  dataSetId: z.optional(EDITABLE_FIELDS.dataSetId.schema),
  assetIds: z.optional(EDITABLE_FIELDS.assetIds.schema),
  labels: z.optional(EDITABLE_FIELDS.labels.schema),
  metadata: z.optional(EDITABLE_FIELDS.metadata.schema),
  securityCategories: z.optional(EDITABLE_FIELDS.securityCategories.schema),
  sourceCreatedTime: z.optional(EDITABLE_FIELDS.sourceCreatedTime.schema),
  sourceModifiedTime: z.optional(EDITABLE_FIELDS.sourceModifiedTime.schema),
  geoLocation: z.optional(EDITABLE_FIELDS.geoLocation.schema),
});
export type FileRecord = z.infer<typeof fileRecord>;

/** `POST /files` body (`ExternalFilesMetadata`): what a client may create. */
export const fileCreate = z.strictObject({
  name: READ_ONLY_FIELDS.name.schema.check(z.minLength(1)),
  externalId: z.optional(EDITABLE_FIELDS.externalId.schema),
  directory: z.optional(EDITABLE_FIELDS.directory.schema),
  source: z.optional(EDITABLE_FIELDS.source.schema),
  mimeType: z.optional(EDITABLE_FIELDS.mimeType.schema),
  dataSetId: z.optional(EDITABLE_FIELDS.dataSetId.schema),
  assetIds: z.optional(EDITABLE_FIELDS.assetIds.schema.check(z.minLength(1))),
  labels: z.optional(EDITABLE_FIELDS.labels.schema),
  metadata: z.optional(EDITABLE_FIELDS.metadata.schema),
  securityCategories: z.optional(EDITABLE_FIELDS.securityCategories.schema),
  sourceCreatedTime: z.optional(EDITABLE_FIELDS.sourceCreatedTime.schema),
  sourceModifiedTime: z.optional(EDITABLE_FIELDS.sourceModifiedTime.schema),
  geoLocation: z.optional(EDITABLE_FIELDS.geoLocation.schema),
});
export type FileCreate = z.infer<typeof fileCreate>;
