import * as l10n from '@vscode/l10n';
import * as z from 'zod/mini';
import {
  EDITABLE_FIELDS,
  EDITABLE_FIELD_NAMES,
  updateShapeOf,
  type EditableField,
  type EditableFieldName,
  type UpdateShape,
} from './fields';
import { LIMITS } from './limits';
import { externalId, instanceId, internalId, label, metadataMap } from './primitives';

/** Patch shapes of `POST /files/update`, one per kind of field (OpenAPI `SinglePatch*`, `ObjectPatch`, `ArrayPatchLong`, `LabelsPatch`). */
const setNull = z.strictObject({ setNull: z.boolean() });
const scalarPatch = <T extends z.ZodMiniType>(value: T) => z.union([z.strictObject({ set: value }), setNull]);

const uniqueIds = (max: number) =>
  z.array(internalId).check(
    z.maxLength(max),
    z.refine((a) => new Set(a).size === a.length, { error: () => l10n.t('Each id may appear only once') }),
  );
const uniqueLabels = z.array(label).check(
  z.maxLength(LIMITS.labels),
  z.refine((a) => new Set(a.map((l) => l.externalId)).size === a.length, {
    error: () => l10n.t('Each label may appear only once'),
  }),
);

export const metadataPatch = z.union([
  z.strictObject({ set: metadataMap }),
  z.strictObject({ add: z.optional(metadataMap), remove: z.optional(z.array(z.string())) }),
]);
const idSetPatch = (max: number) =>
  z.union([
    z.strictObject({ set: uniqueIds(max) }),
    z.strictObject({ add: z.optional(uniqueIds(max)), remove: z.optional(uniqueIds(max)) }),
  ]);
export const labelsPatch = z.union([
  z.strictObject({ set: uniqueLabels }),
  z.strictObject({ add: z.optional(uniqueLabels), remove: z.optional(uniqueLabels) }),
]);

/** The patch schema of each update shape, given the field (its value schema and its size limit). */
const PATCH_SCHEMAS: Record<UpdateShape, (field: EditableField) => z.ZodMiniType> = {
  scalar: (field) => scalarPatch(field.schema),
  metadata: () => metadataPatch,
  idSet: (field) => idSetPatch(field.maxItems ?? LIMITS.maxId),
  labels: () => labelsPatch,
};

const patchSchemaFor = (name: EditableFieldName): z.ZodMiniType =>
  PATCH_SCHEMAS[updateShapeOf(name)](EDITABLE_FIELDS[name]);

const patchShape = (names: readonly EditableFieldName[]) =>
  Object.fromEntries(names.map((n) => [n, z.optional(patchSchemaFor(n))])) as Record<
    EditableFieldName,
    z.ZodMiniOptional<z.ZodMiniType>
  >;

/** `FileChange.update`: every updatable field. `name` is not among them: the API cannot rename. */
export const fileChange = z.strictObject(patchShape(EDITABLE_FIELD_NAMES));
/** `DMSFileChange.update`: what a file linked to a data modelling instance may change. */
export const INSTANCE_LINKED_UPDATABLE = EDITABLE_FIELD_NAMES.filter((n) => EDITABLE_FIELDS[n].instanceLinkedMayChange);
export const dmsFileChange = z.strictObject(patchShape(INSTANCE_LINKED_UPDATABLE));

export const fileUpdateItem = z.union([
  z.strictObject({ id: internalId, update: fileChange }),
  z.strictObject({ externalId: externalId, update: fileChange }),
  z.strictObject({ instanceId, update: dmsFileChange }),
]);

// The inferred type of a record-built schema is too loose to be useful; spell the wire shape out.
export type ScalarPatch<T> = { set: T } | { setNull: boolean };
export type MetadataPatch = { set: Record<string, string> } | { add?: Record<string, string>; remove?: string[] };
export type IdSetPatch = { set: number[] } | { add?: number[]; remove?: number[] };
export type LabelsPatch =
  { set: { externalId: string }[] } | { add?: { externalId: string }[]; remove?: { externalId: string }[] };

export interface FileChangeUpdate {
  externalId?: ScalarPatch<string>;
  directory?: ScalarPatch<string>;
  source?: ScalarPatch<string>;
  mimeType?: ScalarPatch<string>;
  dataSetId?: ScalarPatch<number>;
  assetIds?: IdSetPatch;
  labels?: LabelsPatch;
  metadata?: MetadataPatch;
  securityCategories?: IdSetPatch;
  sourceCreatedTime?: ScalarPatch<number>;
  sourceModifiedTime?: ScalarPatch<number>;
  geoLocation?: ScalarPatch<z.infer<typeof EDITABLE_FIELDS.geoLocation.schema>>;
}

export type FileUpdateItem =
  | { id: number; update: FileChangeUpdate }
  | { externalId: string; update: FileChangeUpdate }
  | { instanceId: { space: string; externalId: string }; update: FileChangeUpdate };

export const fileUpdateRequest = z.strictObject({
  items: z.array(fileUpdateItem).check(z.minLength(1), z.maxLength(LIMITS.itemsPerRequest)),
});
export interface FileUpdateRequest {
  items: FileUpdateItem[];
}
