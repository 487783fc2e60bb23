import type { ActionStore, BulkActionRecord, LoadedAction } from '../../../src/core/bulk';

/** The kept bulk action in memory, as the workspace storage keeps it in the editor. */
export class MemoryStore implements ActionStore {
  saved: BulkActionRecord | undefined;
  /** How many times the action was saved. */
  saves = 0;
  save(record: BulkActionRecord) {
    this.saves++;
    this.saved = record;
    return Promise.resolve();
  }
  load(): Promise<LoadedAction> {
    return Promise.resolve(this.saved ? { kind: 'found', record: this.saved } : { kind: 'none' });
  }
  clear() {
    this.saved = undefined;
    return Promise.resolve();
  }
}
