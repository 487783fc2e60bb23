import { EDITABLE_FIELDS, type EditableFieldName } from '../cdf/model';

/**
 * When two values of one field mean the same to the API. Shared by the diff (nothing to send) and by
 * validation (a field a linked file cannot change is unchanged):
 * - `null`, a missing value, `[]` and `{}` all mean "none" for the list and metadata fields;
 * - ids and labels are sets: order does not matter;
 * - objects compare by content, whatever their key order (geoLocation, metadata).
 */
export function sameFieldValue(name: EditableFieldName, a: unknown, b: unknown): boolean {
  switch (EDITABLE_FIELDS[name].kind) {
    case 'scalar':
      return sameValue(a, b);
    case 'metadata':
      return deepEqual(a ?? {}, b ?? {});
    case 'idSet':
      return sameSet(asArray(a), asArray(b));
    case 'labels':
      return sameSet(asArray(a).map(labelKey), asArray(b).map(labelKey));
  }
}

/** Equal as JSON values, with `null` and `undefined` both meaning "not set". */
export function sameValue(a: unknown, b: unknown): boolean {
  return deepEqual(a ?? null, b ?? null);
}

/** Deep equality of JSON values; object key order does not matter. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i]));
  }
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  const bRecord = b as Record<string, unknown>;
  const aRecord = a as Record<string, unknown>;
  return aKeys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(aRecord[k], bRecord[k]));
}

/** A label's identity: its externalId. */
export const labelKey = (label: unknown): unknown =>
  typeof label === 'object' && label !== null ? (label as { externalId?: unknown }).externalId : label;

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function sameSet(a: unknown[], b: unknown[]): boolean {
  const as = new Set(a);
  const bs = new Set(b);
  if (as.size !== bs.size) return false;
  for (const x of as) if (!bs.has(x)) return false;
  return true;
}
