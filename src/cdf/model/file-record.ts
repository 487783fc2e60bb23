import { z } from 'zod';
import { EDITABLE_FIELDS, READ_ONLY_FIELDS } from './fields';

/**
 * A file record exactly as the API returns it (`FilesMetadata`): absent fields are unset.
 * Unknown keys pass through (`z.looseObject`) so a newer API does not break reading.
 */
export const fileRecord = z.looseObject({
  id: READ_ONLY_FIELDS.id.schema,
  name: READ_ONLY_FIELDS.name.schema,
  uploaded: READ_ONLY_FIELDS.uploaded.schema,
  createdTime: READ_ONLY_FIELDS.createdTime.schema,
  lastUpdatedTime: READ_ONLY_FIELDS.lastUpdatedTime.schema,
  uploadedTime: READ_ONLY_FIELDS.uploadedTime.schema.optional(),
  instanceId: READ_ONLY_FIELDS.instanceId.schema.optional(),
  externalId: EDITABLE_FIELDS.externalId.schema.optional(),
  directory: EDITABLE_FIELDS.directory.schema.optional(),
  source: EDITABLE_FIELDS.source.schema.optional(),
  mimeType: EDITABLE_FIELDS.mimeType.schema.optional(),
  dataSetId: EDITABLE_FIELDS.dataSetId.schema.optional(),
  assetIds: EDITABLE_FIELDS.assetIds.schema.optional(),
  labels: EDITABLE_FIELDS.labels.schema.optional(),
  metadata: EDITABLE_FIELDS.metadata.schema.optional(),
  securityCategories: EDITABLE_FIELDS.securityCategories.schema.optional(),
  sourceCreatedTime: EDITABLE_FIELDS.sourceCreatedTime.schema.optional(),
  sourceModifiedTime: EDITABLE_FIELDS.sourceModifiedTime.schema.optional(),
  geoLocation: EDITABLE_FIELDS.geoLocation.schema.optional(),
});
export type FileRecord = z.infer<typeof fileRecord>;

/** `POST /files` body (`ExternalFilesMetadata`): what a client may create. */
export const fileCreate = z.strictObject({
  name: READ_ONLY_FIELDS.name.schema.min(1),
  externalId: EDITABLE_FIELDS.externalId.schema.optional(),
  directory: EDITABLE_FIELDS.directory.schema.optional(),
  source: EDITABLE_FIELDS.source.schema.optional(),
  mimeType: EDITABLE_FIELDS.mimeType.schema.optional(),
  dataSetId: EDITABLE_FIELDS.dataSetId.schema.optional(),
  assetIds: EDITABLE_FIELDS.assetIds.schema.min(1).optional(),
  labels: EDITABLE_FIELDS.labels.schema.optional(),
  metadata: EDITABLE_FIELDS.metadata.schema.optional(),
  securityCategories: EDITABLE_FIELDS.securityCategories.schema.optional(),
  sourceCreatedTime: EDITABLE_FIELDS.sourceCreatedTime.schema.optional(),
  sourceModifiedTime: EDITABLE_FIELDS.sourceModifiedTime.schema.optional(),
  geoLocation: EDITABLE_FIELDS.geoLocation.schema.optional(),
});
export type FileCreate = z.infer<typeof fileCreate>;
