import type { FileIdentifier, FileRecord, InstanceId } from '../../cdf/model';
import { SortedIds } from '../util/sorted-ids';

const instanceKey = (i: InstanceId): string => `${i.space}\u0000${i.externalId}`;

/** One write to the table, as the write listener (the state journal) receives it. */
export type FileTableWrite = { put: readonly FileRecord[] } | { deleted: readonly number[] };

/**
 * The file records of the project with the indexes every endpoint needs: by id, by externalId,
 * by instanceId, and ids in order for cursor paging. Records are stored as the API returns them
 * (empty fields omitted) and must be treated as immutable: change one with `put`.
 */
export class FileTable {
  private readonly byId = new Map<number, FileRecord>();
  private readonly byExternalId = new Map<string, number>();
  private readonly byInstanceId = new Map<string, number>();
  private readonly order: SortedIds;
  /** Ids written since the demo was generated: what a state file must save. */
  readonly touched = new Set<number>();
  private listener: ((write: FileTableWrite) => void) | undefined;

  /** `records` must be sorted by id (the generator does that). */
  constructor(records: Iterable<FileRecord> = [], sortedIds?: number[]) {
    const ids: number[] = [];
    for (const r of records) {
      this.index(r);
      if (!sortedIds) ids.push(r.id);
    }
    this.order = new SortedIds(sortedIds ?? ids.sort((a, b) => a - b));
  }

  /** Called after every write with what was written (the state journal listens). */
  onWrite(listener: ((write: FileTableWrite) => void) | undefined): void {
    this.listener = listener;
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: number): FileRecord | undefined {
    return this.byId.get(id);
  }

  getByExternalId(externalId: string): FileRecord | undefined {
    const id = this.byExternalId.get(externalId);
    return id === undefined ? undefined : this.byId.get(id);
  }

  getByInstanceId(instanceId: InstanceId): FileRecord | undefined {
    const id = this.byInstanceId.get(instanceKey(instanceId));
    return id === undefined ? undefined : this.byId.get(id);
  }

  find(identifier: FileIdentifier): FileRecord | undefined {
    if ('id' in identifier) return this.get(identifier.id);
    if ('externalId' in identifier) return this.getByExternalId(identifier.externalId);
    return this.getByInstanceId(identifier.instanceId);
  }

  /** Which record holds this externalId, if any. */
  idOfExternalId(externalId: string): number | undefined {
    return this.byExternalId.get(externalId);
  }

  /** Inserts or replaces a record. Throws when its externalId or instanceId belongs to another record. */
  put(record: FileRecord): void {
    this.putMany([record]);
  }

  /** Replaces or inserts several records as one write (validated first: all or nothing). */
  putMany(records: readonly FileRecord[]): void {
    const batchExternalIds = new Set<string>();
    for (const r of records) {
      if (r.externalId !== undefined) {
        if (batchExternalIds.has(r.externalId))
          throw new Error(`externalId ${JSON.stringify(r.externalId)} appears twice in one write`);
        batchExternalIds.add(r.externalId);
      }
      const holder = r.externalId === undefined ? undefined : this.byExternalId.get(r.externalId);
      if (holder !== undefined && holder !== r.id && !records.some((o) => o.id === holder))
        throw new Error(`externalId ${JSON.stringify(r.externalId)} already belongs to file ${holder}`);
      const linked = r.instanceId === undefined ? undefined : this.byInstanceId.get(instanceKey(r.instanceId));
      if (linked !== undefined && linked !== r.id)
        throw new Error(`instanceId ${JSON.stringify(r.instanceId)} already belongs to file ${linked}`);
    }
    for (const r of records) this.unindex(r.id);
    for (const r of records) {
      this.index(r);
      this.order.insert(r.id);
      this.touched.add(r.id);
    }
    this.listener?.({ put: records });
  }

  delete(id: number): boolean {
    return this.deleteMany([id]) === 1;
  }

  deleteMany(ids: readonly number[]): number {
    const removed = new Set<number>();
    for (const id of ids) {
      if (!this.byId.has(id)) continue;
      this.unindex(id);
      removed.add(id);
      this.touched.add(id);
    }
    this.order.removeMany(removed);
    if (removed.size > 0) this.listener?.({ deleted: [...removed] });
    return removed.size;
  }

  /** Ids in ascending order, to page through. */
  get ids(): SortedIds {
    return this.order;
  }

  lastId(): number | undefined {
    return this.order.last();
  }

  *values(): IterableIterator<FileRecord> {
    for (const id of this.order.from(0)) yield this.byId.get(id) as FileRecord;
  }

  private index(r: FileRecord): void {
    this.byId.set(r.id, r);
    if (r.externalId !== undefined) this.byExternalId.set(r.externalId, r.id);
    if (r.instanceId !== undefined) this.byInstanceId.set(instanceKey(r.instanceId), r.id);
  }

  private unindex(id: number): void {
    const old = this.byId.get(id);
    if (!old) return;
    this.byId.delete(id);
    if (old.externalId !== undefined && this.byExternalId.get(old.externalId) === id)
      this.byExternalId.delete(old.externalId);
    if (old.instanceId !== undefined) this.byInstanceId.delete(instanceKey(old.instanceId));
  }
}
