/**
 * Strings and small objects that many records share (directories, label lists, plot polygons) are
 * made once: at 1M records that saves a few hundred MB. Records are immutable, so sharing is safe.
 */
export class Shared<T> {
  private readonly cache = new Map<string, T>();
  get(key: string, make: () => T): T {
    let value = this.cache.get(key);
    if (value === undefined) {
      value = make();
      this.cache.set(key, value);
    }
    return value;
  }
}
