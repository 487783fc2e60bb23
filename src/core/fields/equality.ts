/** Equal as JSON values, with `null` and `undefined` both meaning "not set". */
export function sameValue(a: unknown, b: unknown): boolean {
  return deepEqual(a ?? null, b ?? null);
}

/** Deep equality of JSON values; object key order does not matter, own keys only. */
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
