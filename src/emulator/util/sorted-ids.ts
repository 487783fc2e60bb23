/**
 * File ids in ascending order. Lists page through this array: a cursor is "the last id returned",
 * found again by binary search, so a page costs O(log n + page) however large the project is.
 * New ids are allocated above every existing one, so inserts are appends in practice.
 */
export class SortedIds {
  private ids: number[];

  constructor(sortedIds: number[] = []) {
    this.ids = sortedIds;
  }

  get length(): number {
    return this.ids.length;
  }

  at(index: number): number | undefined {
    return this.ids[index];
  }

  last(): number | undefined {
    return this.ids[this.ids.length - 1];
  }

  /** The index of the first id greater than `id` (the length when there is none). */
  indexAfter(id: number): number {
    let lo = 0;
    let hi = this.ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.ids[mid] as number) <= id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  has(id: number): boolean {
    const i = this.indexAfter(id) - 1;
    return i >= 0 && this.ids[i] === id;
  }

  insert(id: number): void {
    const last = this.last();
    if (last === undefined || id > last) {
      this.ids.push(id);
      return;
    }
    const i = this.indexAfter(id);
    if (this.ids[i - 1] === id) return;
    this.ids.splice(i, 0, id);
  }

  /** Removes many ids in one pass (a batch delete of 1000 files must not be 1000 array shifts). */
  removeMany(remove: ReadonlySet<number>): void {
    if (remove.size === 0) return;
    if (remove.size === 1) {
      const [only] = remove as Set<number>;
      const i = this.indexAfter(only as number) - 1;
      if (i >= 0 && this.ids[i] === only) this.ids.splice(i, 1);
      return;
    }
    this.ids = this.ids.filter((id) => !remove.has(id));
  }

  *from(index: number): IterableIterator<number> {
    for (let i = index; i < this.ids.length; i++) yield this.ids[i] as number;
  }

  toArray(): readonly number[] {
    return this.ids;
  }
}

/** Sorts ids numerically fast (a typed-array sort, no comparator callback). */
export function sortIds(ids: ArrayLike<number>): number[] {
  return Array.from(Float64Array.from(ids).sort());
}
