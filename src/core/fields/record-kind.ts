import {
  EDITABLE_FIELDS,
  EDITABLE_FIELD_NAMES,
  type EditableField,
  type EditableFieldName,
  type ReferenceKind,
} from '../../cdf/model';
import type { FieldKind } from './kind';
import { kindOf } from './registry';

/** One updatable field of a record kind: its name, its kind, and what its ids refer to. */
export interface RecordField<N extends string = string> {
  readonly name: N;
  readonly kind: FieldKind;
  readonly references?: ReferenceKind;
}

/**
 * A record kind's updatable fields, each of a field kind, from the table next to its model. diff,
 * apply, merge, undo and the preview loop over these and ask each field's kind, so a second record
 * kind is a second table. The whole kind (identity, version, wire update, document) is RecordKind
 * in core/records, which extends this.
 */
export interface FieldTable<N extends string = string> {
  readonly fields: readonly RecordField<N>[];
}

/** The classic CDF file's (`/files`) updatable fields, from `EDITABLE_FIELDS`. */
export const CLASSIC_FILE_FIELDS: FieldTable<EditableFieldName> = {
  fields: EDITABLE_FIELD_NAMES.map((name) => {
    const spec: EditableField = EDITABLE_FIELDS[name];
    return { name, kind: kindOf(name), ...(spec.references ? { references: spec.references } : {}) };
  }),
};

/** Sets `name` to `value`, or removes it when unset or empty, as the API leaves such fields out. */
export function putField(record: Record<string, unknown>, field: RecordField, value: unknown): void {
  if (field.kind.isEmpty(value)) delete record[field.name];
  else record[field.name] = value;
}
