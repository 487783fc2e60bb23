import * as z from 'zod/mini';
import {
  EDITABLE_FIELDS,
  EDITABLE_FIELD_NAMES,
  READ_ONLY_FIELDS,
  READ_ONLY_FIELD_NAMES,
  type EditableFieldName,
  type ReadOnlyFieldName,
} from '../../cdf/model';

/** Hover text: VS Code shows `markdownDescription`, other tools `description`. */
function docs(title: string, body: string) {
  return { title, description: body.replace(/[`*]/g, ''), markdownDescription: body };
}

/** What completion offers for `mimeType`. */
export const MIME_EXAMPLES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/tiff',
  'image/vnd.dwg',
  'text/plain',
  'text/csv',
  'application/json',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
];

/**
 * The editable record document: the API's record shape, every editable field present and `null`
 * when unset. `.meta()` sits on the outermost wrapper so hover works while the value is `null`
 * (a `null` value matches the nullable branch, which carries no description of its own).
 */
function editableProperty(name: EditableFieldName): z.ZodMiniType {
  const field = EDITABLE_FIELDS[name];
  const meta: Record<string, unknown> = docs(name, classicFieldDescription(name));
  if (name === 'mimeType') meta.examples = MIME_EXAMPLES;
  const shape: z.ZodMiniType = 'jsonShape' in field ? field.jsonShape : field.schema;
  return z.optional(z.nullable(shape)).check(z.meta(meta));
}

/** A classic file's field on hover: its description, and whether a linked file may change it. */
export function classicFieldDescription(name: EditableFieldName): string {
  const field = EDITABLE_FIELDS[name];
  const linkedNote = field.instanceLinkedMayChange
    ? ''
    : '\n\nA file linked to a data modelling instance (`instanceId`) cannot change this field.';
  return field.description + linkedNote;
}

function readOnlyProperty(name: ReadOnlyFieldName): z.ZodMiniType {
  return z
    .optional(z.nullable(READ_ONLY_FIELDS[name].schema))
    .check(z.meta({ ...docs(name, READ_ONLY_FIELDS[name].description), readOnly: true }));
}

export const fileDocumentSchema = z
  .strictObject({
    ...Object.fromEntries(READ_ONLY_FIELD_NAMES.map((n) => [n, readOnlyProperty(n)])),
    ...Object.fromEntries(EDITABLE_FIELD_NAMES.map((n) => [n, editableProperty(n)])),
  })
  .check(
    z.meta({
      title: 'CDF file record',
      description:
        'A CDF file record. Saving sends the minimal POST /files/update for what you changed. Read-only fields (id, name, uploaded, times, instanceId) cannot be changed here.',
    }),
  );

/** The JSON Schema (draft-07, the one spelling every zod 4.x and VS Code agree on). */
export function fileDocumentJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(fileDocumentSchema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
  return { ...schema, $id: 'https://cdf-files.invalid/schemas/file-document.schema.json' };
}

/** "Edit selection as JSON": an array of record documents. */
export function fileSelectionJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(
    z.array(fileDocumentSchema).check(
      z.meta({
        title: 'CDF file records',
        description: 'Several CDF file records; saving sends the minimal update for each one you changed.',
      }),
    ),
    { target: 'draft-7', io: 'input' },
  ) as Record<string, unknown>;
  return { ...schema, $id: 'https://cdf-files.invalid/schemas/file-selection.schema.json' };
}
