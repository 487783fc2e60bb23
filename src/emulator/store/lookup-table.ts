import type { Asset, DataSet, LabelDefinition } from './lookup-types';

/** One write to a look-up table, as the write listener (the state journal) receives it. */
export type LookupWrite<T, K> = { put: T } | { deleted: K };

/**
 * A small keyed table (data sets, assets: hundreds to thousands of rows) with an externalId index.
 * Lists sort on demand; these tables are small enough that this costs nothing.
 */
export class LookupTable<T extends { externalId?: string }, K extends string | number> {
  private readonly rows = new Map<K, T>();
  private readonly byExternalId = new Map<string, K>();
  private listener: ((write: LookupWrite<T, K>) => void) | undefined;
  /** Keys written since the demo was generated: what a state file must save. */
  readonly touched = new Set<K>();

  constructor(
    private readonly keyOf: (row: T) => K,
    rows: Iterable<T> = [],
  ) {
    for (const r of rows) this.index(r);
  }

  onWrite(listener: ((write: LookupWrite<T, K>) => void) | undefined): void {
    this.listener = listener;
  }

  get size(): number {
    return this.rows.size;
  }

  get(key: K): T | undefined {
    return this.rows.get(key);
  }

  getByExternalId(externalId: string): T | undefined {
    const key = this.byExternalId.get(externalId);
    return key === undefined ? undefined : this.rows.get(key);
  }

  find(ref: { id: number } | { externalId: string }): T | undefined {
    return 'id' in ref ? this.rows.get(ref.id as K) : this.getByExternalId(ref.externalId);
  }

  put(row: T): void {
    const key = this.keyOf(row);
    const old = this.rows.get(key);
    if (old?.externalId !== undefined) this.byExternalId.delete(old.externalId);
    this.index(row);
    this.touched.add(key);
    this.listener?.({ put: row });
  }

  delete(key: K): boolean {
    const old = this.rows.get(key);
    if (!old) return false;
    this.rows.delete(key);
    if (old.externalId !== undefined) this.byExternalId.delete(old.externalId);
    this.touched.add(key);
    this.listener?.({ deleted: key });
    return true;
  }

  /** Every row, ordered by key. */
  sorted(): T[] {
    return [...this.rows.values()].sort((a, b) => {
      const ka = this.keyOf(a);
      const kb = this.keyOf(b);
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
  }

  private index(row: T): void {
    const key = this.keyOf(row);
    this.rows.set(key, row);
    if (row.externalId !== undefined) this.byExternalId.set(row.externalId, key);
  }
}

export type DataSetTable = LookupTable<DataSet, number>;
export type LabelTable = LookupTable<LabelDefinition, string>;
export type AssetTable = LookupTable<Asset, number>;
