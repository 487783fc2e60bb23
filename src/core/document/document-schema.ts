import * as z from 'zod/mini';
import type { KindField, ReadOnlyField } from '../records';

/** Hover text: VS Code shows `markdownDescription`, other tools `description`. */
function docs(title: string, body: string) {
  return { title, description: body.replace(/[`*]/g, ''), markdownDescription: body };
}

/**
 * An updatable field in the document: its value or `null` (unset). `.meta()` sits on the outermost
 * wrapper so hover works while the value is `null` (a `null` value matches the nullable branch,
 * which carries no description of its own).
 */
function updatableProperty(field: KindField): z.ZodMiniType {
  const meta: Record<string, unknown> = docs(field.name, field.description);
  if (field.examples) meta.examples = field.examples;
  return z.optional(z.nullable(field.jsonShape ?? field.schema)).check(z.meta(meta));
}

function readOnlyProperty(field: ReadOnlyField<never>): z.ZodMiniType {
  return z.optional(z.nullable(field.schema)).check(z.meta({ ...docs(field.name, field.description), readOnly: true }));
}

/** What a document schema says about itself (its title and description on hover). */
export interface SchemaWords {
  [key: string]: unknown;
  title: string;
  description: string;
}

/** A record kind's document: its read-only and updatable fields, nothing else. */
export function documentSchemaOf(
  fields: readonly KindField[],
  readOnlyFields: readonly ReadOnlyField<never>[],
  words: SchemaWords,
): z.ZodMiniType {
  return z
    .strictObject({
      ...Object.fromEntries(readOnlyFields.map((f) => [f.name, readOnlyProperty(f)])),
      ...Object.fromEntries(fields.map((f) => [f.name, updatableProperty(f)])),
    })
    .check(z.meta(words));
}

/** The JSON Schema (draft-07, the one spelling every zod 4.x and VS Code agree on), under `id`. */
export function jsonSchemaOf(schema: z.ZodMiniType, id: string): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
  return { ...json, $id: id };
}

/** "Edit selection as JSON": an array of documents of one kind. */
export function selectionJsonSchemaOf(schema: z.ZodMiniType, words: SchemaWords, id: string): Record<string, unknown> {
  return jsonSchemaOf(z.array(schema).check(z.meta(words)), id);
}
