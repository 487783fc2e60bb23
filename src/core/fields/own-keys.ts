/**
 * Keys that are user data (metadata keys) may be "__proto__", "constructor" or "toString". Plain
 * `obj[key]` would read the prototype's member and `obj[key] = v` would call its setter, so every
 * read and write of such a key goes through these: own keys only, each written as data.
 */
export const ownValue = <T>(obj: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
  obj && Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;

/** Defines `key` as an own data property (an assignment to "__proto__" would set the prototype). */
export function putOwn<T>(obj: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}

/** A record's field, own only (a document may come from `JSON.parse` of anything). */
export const ownField = (record: object, name: string): unknown => ownValue(record as Record<string, unknown>, name);
