/**
 * Metadata keys are user data: "__proto__" or "constructor" are ordinary keys there. Plain `obj[k]`
 * would read the prototype and `obj[k] = v` would call its setter, so metadata goes through these.
 */
export const ownValue = (obj: Record<string, string> | undefined, key: string): string | undefined =>
  obj && Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;

export function putOwn(obj: Record<string, string>, key: string, value: string): void {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}
