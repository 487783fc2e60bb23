import { EDITABLE_FIELDS, type EditableFieldName, type FieldKindName } from '../../cdf/model';
import { geometryKind } from './geometry';
import { idKind } from './id';
import { idSetKind } from './id-set';
import type { FieldKind } from './kind';
import { keyValueMapKind } from './key-value-map';
import { labelsKind } from './labels';
import { textKind } from './text';
import { timeKind } from './time';

/** Every field kind, by the name a field table gives it: the one place that maps a kind to its code. */
export const FIELD_KINDS: Readonly<Record<FieldKindName, FieldKind>> = {
  text: textKind,
  time: timeKind,
  id: idKind,
  geometry: geometryKind,
  idSet: idSetKind,
  labels: labelsKind,
  keyValueMap: keyValueMapKind,
};

/** The kind of a field of the classic file record. */
export const kindOf = (field: EditableFieldName): FieldKind => FIELD_KINDS[EDITABLE_FIELDS[field].kind];
