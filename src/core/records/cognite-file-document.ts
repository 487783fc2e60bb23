import * as l10n from '@vscode/l10n';
import * as z from 'zod/mini';
import {
  COGNITE_FILE_NODE_FIELDS,
  COGNITE_FILE_NODE_FIELD_NAMES,
  COGNITE_FILE_PROPERTIES,
  COGNITE_FILE_WRITABLE_NAMES,
  type CogniteFileWritableName,
  type NodeFieldKindName,
} from '../../cdf/model';
import {
  directRelationKind,
  directRelationListKind,
  textKind,
  orderedTextListKind,
  textListKind,
  timestampKind,
  type FieldKind,
} from '../fields';
import { documentProblem, type DocumentProblem } from '../problems';
import { MIME_EXAMPLES } from './mime-examples';
import type { CogniteFileRecord } from './cognite-file-record';
import type { KindField, ReadOnlyField } from './record-kind';

/** The code of each field kind a CogniteFile's writable properties use. */
const NODE_KINDS: Readonly<Record<Exclude<NodeFieldKindName, 'boolean'>, FieldKind>> = {
  text: textKind,
  textList: textListKind,
  timestamp: timestampKind,
  directRelation: directRelationKind,
  directRelationList: directRelationListKind,
};

/**
 * The lists whose order means something and is kept and sent (the API stores every list in the order
 * given): aliases (the first is commonly the preferred one) and assets (the first is commonly the
 * primary asset). `tags` stays a set: labels whose order carries nothing, so a reorder is no change.
 */
const ORDERED: Partial<Record<CogniteFileWritableName, FieldKind>> = {
  aliases: orderedTextListKind,
  assets: directRelationListKind,
};

/** The properties an upsert may write, each with its field kind, schema and hover text. */
export const COGNITE_FILE_KIND_FIELDS: KindField<CogniteFileWritableName>[] = COGNITE_FILE_WRITABLE_NAMES.map(
  (name) => {
    const spec = COGNITE_FILE_PROPERTIES[name];
    return {
      name,
      kind: ORDERED[name] ?? NODE_KINDS[spec.kind],
      schema: spec.schema,
      description: spec.description,
      ...(name === 'mimeType' ? { examples: MIME_EXAMPLES } : {}),
    };
  },
);

/** CDF sets these: the node's identity, version and times, and the file service's upload state. */
const READ_ONLY: { name: string; schema: z.ZodMiniType; description: string }[] = [
  ...COGNITE_FILE_NODE_FIELD_NAMES.map((name) => ({ name, ...COGNITE_FILE_NODE_FIELDS[name] })),
  ...(['isUploaded', 'uploadedTime'] as const).map((name) => ({
    name,
    schema: COGNITE_FILE_PROPERTIES[name].schema,
    description: COGNITE_FILE_PROPERTIES[name].description,
  })),
];
/**
 * A node's space and externalId are not set by CDF: whoever created the node chose them, and they name
 * it for good (the same file under another space or externalId is another node).
 */
function identityChanged(base: CogniteFileRecord, name: string): DocumentProblem {
  const was = JSON.stringify((base as unknown as Record<string, unknown>)[name]);
  return documentProblem(
    [name],
    'read-only',
    l10n.t(
      '{0} names the node: it was chosen when the node was created and cannot change. Put back {1}; the same file under another {0} would be another node.',
      name,
      was,
    ),
  );
}

export const COGNITE_FILE_READ_ONLY_FIELDS: ReadOnlyField<CogniteFileRecord>[] = READ_ONLY.map((f) => ({
  ...f,
  alwaysPresent: true,
  ...(f.name === 'space' || f.name === 'externalId' ? { changed: (base) => identityChanged(base, f.name) } : {}),
}));

/** Identity first, then what a person edits (name near the top), then what CDF sets. */
export const COGNITE_FILE_DOCUMENT_ORDER: readonly string[] = [
  'space',
  'externalId',
  ...COGNITE_FILE_WRITABLE_NAMES,
  'isUploaded',
  'uploadedTime',
  'version',
  'createdTime',
  'lastUpdatedTime',
];

/**
 * The document a node opens as: every field in {@link COGNITE_FILE_DOCUMENT_ORDER}, `null` when the
 * node has no value. Values are copies.
 */
export function cogniteFileDocument(record: CogniteFileRecord): Record<string, unknown> {
  const values = record as Readonly<Record<string, unknown>>;
  return Object.fromEntries(
    COGNITE_FILE_DOCUMENT_ORDER.map((name) => {
      const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
      return [name, value === undefined ? null : structuredClone(value)];
    }),
  );
}

const docs = (title: string, body: string) => ({
  title,
  description: body.replace(/[`*]/g, ''),
  markdownDescription: body,
});

const editable = (f: KindField) => {
  const meta: Record<string, unknown> = docs(f.name, f.description);
  if (f.examples) meta.examples = f.examples;
  return z.optional(z.nullable(f.schema)).check(z.meta(meta));
};
const readOnly = (f: ReadOnlyField<CogniteFileRecord>) =>
  z.optional(z.nullable(f.schema)).check(z.meta({ ...docs(f.name, f.description), readOnly: true }));

/** Validation and completion of a node's document; `.meta()` on the outer wrapper so hover works on `null`. */
export const cogniteFileDocumentSchema = z
  .strictObject({
    ...Object.fromEntries(COGNITE_FILE_READ_ONLY_FIELDS.map((f) => [f.name, readOnly(f)])),
    ...Object.fromEntries(COGNITE_FILE_KIND_FIELDS.map((f) => [f.name, editable(f)])),
  })
  .check(
    z.meta({
      title: 'CogniteFile node',
      description:
        'A CogniteFile node (cdf_cdm CogniteFile/v1). Saving sends one POST /models/instances with only the changed properties and the version it was opened at. space, externalId, version, times, isUploaded and uploadedTime are read-only.',
    }),
  );

const toJsonSchema = (schema: z.ZodMiniType, id: string) => ({
  ...(z.toJSONSchema(schema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>),
  $id: `https://cdf-files.invalid/schemas/${id}.schema.json`,
});

export const cogniteFileJsonSchema = (): Record<string, unknown> =>
  toJsonSchema(cogniteFileDocumentSchema, 'cognite-file-document');

export const cogniteFileSelectionJsonSchema = (): Record<string, unknown> =>
  toJsonSchema(
    z.array(cogniteFileDocumentSchema).check(
      z.meta({
        title: 'CogniteFile nodes',
        description: 'Several CogniteFile nodes; saving sends one upsert item for each one you changed.',
      }),
    ),
    'cognite-file-selection',
  );
